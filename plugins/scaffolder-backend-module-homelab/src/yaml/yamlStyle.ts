/**
 * Whether a YAML text indents block sequences under their key (`  - x`
 * rather than `- x`); new and edited files keep the file's own style.
 */
export function indentsSequences(text: string, fallback: boolean): boolean {
  const hit = text.match(/^([ \t]*)[\w.$/-]+:[ \t]*\n(?:[ \t]*#.*\n)*([ \t]*)- /m);
  return hit ? hit[2].length > hit[1].length : fallback;
}

/** Options for Document#toString that keep a repo's style. */
export const toStringOptions = (indentSeq: boolean) => ({ indentSeq, lineWidth: 0, singleQuote: true });

/**
 * New documents are written for YAML 1.1 readers (kubectl, kustomize), so
 * strings like `Off` or `yes` get quoted instead of turning into booleans.
 */
export const newDocumentOptions = { version: '1.1' as const };
