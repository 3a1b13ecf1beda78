/** One line of a unified diff, classified for colouring. */
export interface DiffLine {
  kind: 'file' | 'hunk' | 'add' | 'remove' | 'context';
  text: string;
}

/** Splits a unified diff into lines classified as file header, hunk header, added, removed or context. */
export function diffLines(diff: string): DiffLine[] {
  const lines = diff.replace(/\n$/, '').split('\n');
  return lines.map((text): DiffLine => {
    if (text.startsWith('+++ ') || text.startsWith('--- ') || text.startsWith('diff ') || text.startsWith('index ')) {
      return { kind: 'file', text };
    }
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'add', text };
    if (text.startsWith('-')) return { kind: 'remove', text };
    return { kind: 'context', text };
  });
}

/** Added and removed line counts of a unified diff. */
export function diffStat(diff: string): { added: number; removed: number } {
  const lines = diffLines(diff);
  return {
    added: lines.filter(l => l.kind === 'add').length,
    removed: lines.filter(l => l.kind === 'remove').length,
  };
}
