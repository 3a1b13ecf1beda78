import { SCORECARD_RULES } from '@internal/plugin-homelab-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The string literals of the union under `scorecard: { rules?: Array<…> }` in config.d.ts. */
function ruleIdsInConfigSchema(): string[] {
  const text = readFileSync(resolve(__dirname, '../config.d.ts'), 'utf8');
  const union = text.match(/rules\?:\s*Array<([^>]*)>/);
  if (!union) throw new Error('config.d.ts declares no scorecard.rules array');
  return [...union[1].matchAll(/'([^']+)'/g)].map(m => m[1]);
}

describe('config.d.ts', () => {
  it('lists exactly the scorecard rule ids declared in homelab-common', () => {
    expect(ruleIdsInConfigSchema().sort()).toEqual(Object.keys(SCORECARD_RULES).sort());
  });
});
