import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { randomBytes } from 'node:crypto';
import type { VaultKvClient } from '../source/VaultKvClient';
import { examples } from './vaultWrite.examples';

const PROPERTY = /^[a-z][a-z0-9_]{0,62}$/;

const list = (items: string[]) => items.map(p => `\`${p}\``).join(', ');

/**
 * `homelab:vault:write`: fills the properties of an app's Vault key that do
 * not exist yet, with generated random values or with values the user typed
 * into scaffolder secret fields (`ctx.secrets`, never task parameters).
 * Existing properties are never overwritten; values are never logged or
 * output.
 *
 * Registered whether or not `homelab.vault` is configured, so templates can
 * always call it: without a client it writes nothing and its `message` says
 * which key and properties to create by hand. Its `domain` input is what the
 * permission policy holds friends to, as for the plan step.
 *
 * @public
 */
export function createHomelabVaultWriteAction(options: { client?: VaultKvClient; allowedPrefix: string }) {
  return createTemplateAction({
    id: 'homelab:vault:write',
    description:
      'Writes missing properties of an app secret to Vault KV v2 (generated, or from scaffolder secrets) when homelab.vault is configured; otherwise says what to create. Never overwrites, never logs values.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        domain: z => z.string().describe('Domain the app is created in (the permission policy checks it)'),
        key: z => z.string().describe('Vault key, e.g. steps.plan.output.vaultKeys[0].key'),
        generate: z => z.array(z.string()).default([]).describe('Properties to fill with a random value (e.g. db_password)'),
        fromSecrets: z => z.array(z.string()).default([]).describe('Properties whose values come from the task secrets of the same name'),
        properties: z =>
          z.array(z.string()).default([]).describe('Every property the app reads from the key; those not filled here are reported as still to create'),
      },
      output: {
        written: z => z.array(z.string()).describe('Property names written (never values)'),
        kept: z => z.array(z.string()).describe('Property names that already existed and were left alone'),
        toCreate: z => z.array(z.string()).describe('Property names somebody still has to put into the key by hand'),
        message: z => z.string().describe('One line for the task output: what was written and what is left to do'),
      },
    },
    async handler(ctx) {
      const { key } = ctx.input;
      if (!key.startsWith(options.allowedPrefix) || key.split('/').some(s => s === '..' || s === '') || !/^[A-Za-z0-9._/-]+$/.test(key)) {
        throw new InputError(`key: "${key}" must be a plain Vault key below ${options.allowedPrefix}`);
      }
      const generate = ctx.input.generate ?? [];
      const fromSecrets = ctx.input.fromSecrets ?? [];
      const wanted = [...generate, ...fromSecrets];
      const all = [...new Set([...(ctx.input.properties ?? []), ...wanted])].sort();
      for (const p of all) if (!PROPERTY.test(p)) throw new InputError(`properties: "${p}" is not a property name`);
      for (const p of fromSecrets) {
        if (!ctx.secrets?.[p]) throw new InputError(`fromSecrets: the task has no secret named ${p}`);
      }

      if (!options.client) {
        ctx.logger.info(`homelab.vault is not configured: nothing written to Vault key ${key}`);
        ctx.output('written', []);
        ctx.output('kept', []);
        ctx.output('toCreate', all);
        ctx.output(
          'message',
          all.length
            ? `The portal does not write to Vault here (homelab.vault is not set): create Vault key \`${key}\` with properties ${list(all)} before Argo CD syncs the app.`
            : `Vault key \`${key}\` needs no properties.`,
        );
        return;
      }

      const current = await options.client.read(key);
      const missing = wanted.filter(p => !(p in current.data));
      const kept = wanted.filter(p => p in current.data);
      if (!ctx.isDryRun && missing.length > 0) {
        const data = { ...current.data };
        for (const p of missing) data[p] = generate.includes(p) ? randomBytes(24).toString('base64url') : ctx.secrets![p];
        await options.client.write(key, data, current.version);
      }
      const present = new Set([...Object.keys(current.data), ...missing]);
      const toCreate = all.filter(p => !present.has(p));
      ctx.logger.info(`Vault key ${key}: ${ctx.isDryRun ? 'would write' : 'wrote'} ${missing.join(', ') || 'nothing'}; kept ${kept.join(', ') || 'nothing'}`);
      ctx.output('written', missing);
      ctx.output('kept', kept);
      ctx.output('toCreate', toCreate);
      const done = [
        missing.length ? `${ctx.isDryRun ? 'would generate' : 'generated'} ${list(missing)}` : '',
        kept.length ? `kept the existing ${list(kept)}` : '',
      ].filter(Boolean);
      const left = toCreate.length ? `Still to create by hand: ${list(toCreate)}.` : 'Every property the app reads is there.';
      ctx.output('message', `Vault key \`${key}\`: ${done.join('; ') || 'nothing to write'}. ${left}`);
    },
  });
}
