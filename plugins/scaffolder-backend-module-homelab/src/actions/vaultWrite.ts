import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { randomBytes } from 'node:crypto';
import type { VaultKvClient } from '../source/VaultKvClient';
import { examples } from './vaultWrite.examples';

const PROPERTY = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * `homelab:vault:write`: fills the properties of an app's Vault key that do
 * not exist yet, with generated random values or with values the user typed
 * into scaffolder secret fields (`ctx.secrets`, never task parameters).
 * Existing properties are never overwritten; values are never logged or
 * output. Registered only when `homelab.vault` is configured.
 *
 * @public
 */
export function createHomelabVaultWriteAction(options: { client: VaultKvClient; allowedPrefix: string }) {
  return createTemplateAction({
    id: 'homelab:vault:write',
    description: 'Writes missing properties of an app secret to Vault KV v2 (generated, or from scaffolder secrets). Never overwrites, never logs values.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        key: z => z.string().describe('Vault key, e.g. steps.plan.output.vaultKeys[0].key'),
        generate: z => z.array(z.string()).default([]).describe('Properties to fill with a random value (e.g. db_password)'),
        fromSecrets: z => z.array(z.string()).default([]).describe('Properties whose values come from the task secrets of the same name'),
      },
      output: {
        written: z => z.array(z.string()).describe('Property names written (never values)'),
        kept: z => z.array(z.string()).describe('Property names that already existed and were left alone'),
      },
    },
    async handler(ctx) {
      const { key } = ctx.input;
      if (!key.startsWith(options.allowedPrefix) || key.split('/').some(s => s === '..' || s === '') || !/^[A-Za-z0-9._/-]+$/.test(key)) {
        throw new InputError(`key: "${key}" must be a plain Vault key below ${options.allowedPrefix}`);
      }
      const wanted = [...(ctx.input.generate ?? []), ...(ctx.input.fromSecrets ?? [])];
      for (const p of wanted) if (!PROPERTY.test(p)) throw new InputError(`generate/fromSecrets: "${p}" is not a property name`);
      for (const p of ctx.input.fromSecrets ?? []) {
        if (!ctx.secrets?.[p]) throw new InputError(`fromSecrets: the task has no secret named ${p}`);
      }
      const current = await options.client.read(key);
      const missing = wanted.filter(p => !(p in current.data));
      const kept = wanted.filter(p => p in current.data);
      if (!ctx.isDryRun && missing.length > 0) {
        const data = { ...current.data };
        for (const p of missing) data[p] = ctx.input.generate?.includes(p) ? randomBytes(24).toString('base64url') : ctx.secrets![p];
        await options.client.write(key, data, current.version);
      }
      ctx.logger.info(`Vault key ${key}: ${ctx.isDryRun ? 'would write' : 'wrote'} ${missing.join(', ') || 'nothing'}; kept ${kept.join(', ') || 'nothing'}`);
      ctx.output('written', missing);
      ctx.output('kept', kept);
    },
  });
}
