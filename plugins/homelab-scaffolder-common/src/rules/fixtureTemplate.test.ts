import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { HomelabFieldRules } from './HomelabFieldRules';

// The e2e fixture template repeats the rules as JSON-schema patterns, the
// way app templates do; a rule changed here must change there too.
describe('the e2e fixture template', () => {
  it('repeats each field rule as its pattern and maxLength', () => {
    const template = parse(
      readFileSync(resolve(__dirname, '../../../../e2e-tests/fixtures/homelab-form-template.yaml'), 'utf-8'),
    );
    const properties = template.spec.parameters[0].properties;
    const repeated = (field: string) => ({ pattern: properties[field].pattern, maxLength: properties[field].maxLength });
    const expected = (rule: keyof typeof HomelabFieldRules) => ({
      pattern: HomelabFieldRules[rule].pattern,
      maxLength: HomelabFieldRules[rule].maxLength,
    });
    expect({
      name: repeated('name'),
      hostname: repeated('hostname'),
      image: repeated('image'),
      description: repeated('description'),
    }).toEqual({
      name: expected('appName'),
      hostname: expected('hostname'),
      image: expected('image'),
      description: expected('singleLineText'),
    });
  });
});
