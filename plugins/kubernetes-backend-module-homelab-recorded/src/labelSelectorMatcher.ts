/**
 * A parsed Kubernetes label selector (the string form of `kubectl -l`):
 * equality (`a=b`, `a==b`, `a!=b`), set (`a in (x,y)`, `a notin (x)`) and
 * existence (`a`, `!a`) requirements, all of which must hold.
 */
export type LabelSelectorMatcher = (labels: Record<string, string> | undefined) => boolean;

type Requirement = (labels: Record<string, string>) => boolean;

/**
 * Parses a label selector the way the API server does, so the recorded
 * cluster selects the same objects a live one would. Throws an Error naming
 * the part it cannot read.
 */
export function labelSelectorMatcher(selector: string | undefined): LabelSelectorMatcher {
  const requirements = splitRequirements(selector ?? '').map(parseRequirement);
  return labels => requirements.every(r => r(labels ?? {}));
}

// Commas separate requirements except inside the parentheses of a set.
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function parseRequirement(text: string): Requirement {
  const set = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (set) {
    const [, key, op, list] = set;
    const values = new Set(list.split(',').map(v => v.trim()).filter(v => v.length > 0));
    return op === 'in'
      ? labels => key in labels && values.has(labels[key])
      : labels => !(key in labels) || !values.has(labels[key]);
  }
  const equality = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(text);
  if (equality) {
    const [, key, op, value] = equality;
    return op === '!=' ? labels => labels[key] !== value : labels => labels[key] === value;
  }
  const exists = /^(!?)([^\s!=()]+)$/.exec(text);
  if (exists) {
    const [, not, key] = exists;
    return not ? labels => !(key in labels) : labels => key in labels;
  }
  throw new Error(`Cannot read label selector requirement "${text}"`);
}
