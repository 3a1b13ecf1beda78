/**
 * A unified diff of two texts (line based, 3 lines of context), as `git diff` shows it.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table; the files edited here are small.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Array<{ t: ' ' | '-' | '+'; line: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ t: ' ', line: a[i++], ai: i, bi: ++j });
    else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ t: '+', line: b[j++], ai: i, bi: j });
    else ops.push({ t: '-', line: a[i++], ai: i, bi: j });
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].t === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - 3);
    let end = k;
    while (end < ops.length) {
      const nextChange = ops.slice(end).findIndex(o => o.t !== ' ');
      if (nextChange === -1) break;
      if (nextChange > 6 && end !== k) break;
      end += nextChange + 1;
    }
    const stop = Math.min(ops.length, end + 3);
    const hunk = ops.slice(start, stop);
    const aStart = hunk[0].t === '+' ? hunk[0].ai : hunk[0].ai;
    const bStart = hunk[0].t === '-' ? hunk[0].bi : hunk[0].bi;
    const aLen = hunk.filter(o => o.t !== '+').length;
    const bLen = hunk.filter(o => o.t !== '-').length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.t}${o.line}`);
    k = stop;
  }
  return `${out.join('\n')}\n`;
}
