// Every template repeats the form's field rules as JSON schema (the
// scaffolder backend checks them before a task or dry-run starts); this holds
// each repetition to the rule in @internal/plugin-homelab-scaffolder-common,
// so the form, the schema and the actions cannot drift apart.
import { ResourceTypes } from '@internal/plugin-homelab-common';
import { HomelabFieldNames, HomelabFieldRules } from '@internal/plugin-homelab-scaffolder-common';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const templatesDir = resolve(__dirname, '../../../templates');
const templates = readdirSync(templatesDir).map(dir => ({
  dir,
  template: parse(readFileSync(join(templatesDir, dir, 'template.yaml'), 'utf8')),
}));

/** Parameter name → the rule it repeats and the field that edits it. */
const RULED: Record<string, { rule: keyof typeof HomelabFieldRules; field?: string }> = {
  name: { rule: 'appName', field: HomelabFieldNames.appName },
  hostname: { rule: 'hostname', field: HomelabFieldNames.hostname },
  image: { rule: 'image', field: HomelabFieldNames.image },
  description: { rule: 'singleLineText' },
};

/** Parameters naming a Resource of the repo, picked by the resource picker of that type. */
const RESOURCE_TYPES: Record<string, string> = {
  postgresCluster: ResourceTypes.postgresCluster,
  cache: ResourceTypes.cache,
  ingressClass: ResourceTypes.ingressClass,
  storageClass: ResourceTypes.storageClass,
};

const propertiesOf = (template: any): Array<[string, any]> =>
  template.spec.parameters.flatMap((page: any) => Object.entries(page.properties ?? {}));

describe('the templates', () => {
  it('are all checked here', () => {
    expect(templates.map(t => t.dir).sort()).toEqual([
      'app-with-cache',
      'app-with-postgres',
      'platform-component',
      'ray-workload',
      'static-site',
      'web-app',
    ]);
  });

  it.each(templates.map(t => [t.dir, t.template] as const))('%s repeats each field rule exactly', (_, template) => {
    const ruled = propertiesOf(template).filter(([name]) => name in RULED);
    expect(ruled.map(([name]) => name)).toEqual(expect.arrayContaining(['name', 'description']));
    for (const [name, property] of ruled) {
      const { rule, field } = RULED[name];
      expect({ name, pattern: property.pattern, maxLength: property.maxLength, field: property['ui:field'] }).toEqual({
        name,
        pattern: HomelabFieldRules[rule].pattern,
        maxLength: HomelabFieldRules[rule].maxLength,
        field,
      });
    }
  });

  it.each(templates.map(t => [t.dir, t.template] as const))('%s uses the homelab pickers, not the stock ones', (_, template) => {
    const fields = Object.fromEntries(propertiesOf(template).map(([name, p]) => [name, p['ui:field']]));
    expect(Object.values(fields)).not.toContain('EntityPicker');
    expect(Object.values(fields)).not.toContain('OwnerPicker');
    expect({ domain: fields.domain, owner: fields.owner }).toEqual({
      domain: HomelabFieldNames.domain,
      owner: HomelabFieldNames.owner,
    });
    const pickers = propertiesOf(template).filter(([name]) => name in RESOURCE_TYPES);
    expect(pickers.map(([name, p]) => [name, p['ui:field'], p['ui:options']?.resourceType])).toEqual(
      pickers.map(([name]) => [name, HomelabFieldNames.resource, RESOURCE_TYPES[name]]),
    );
  });

  it.each(templates.map(t => [t.dir, t.template] as const))('%s ends with the review preview of the plan', (_, template) => {
    const last = template.spec.parameters[template.spec.parameters.length - 1];
    expect(Object.values(last.properties).map((p: any) => p['ui:field'])).toEqual([HomelabFieldNames.reviewPreview]);
    expect(template.spec.output.files).toBe('${{ steps.plan.output.files }}');
  });
});
