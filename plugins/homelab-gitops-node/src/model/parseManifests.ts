import { LineCounter, parseAllDocuments } from 'yaml';
import type { RepoFile } from '../snapshot/types';
import type { ManifestObject, ParsedManifest, RepoProblem } from './types';

const isManifest = (v: any): v is ManifestObject =>
  v !== null &&
  typeof v === 'object' &&
  typeof v.apiVersion === 'string' &&
  typeof v.kind === 'string' &&
  typeof v.metadata?.name === 'string';

/** A YAML document of the repo, manifest or not (Helm values, configs). */
export interface ParsedDocument {
  file: string;
  value: unknown;
}

interface FileParse {
  manifests: ParsedManifest[];
  documents: ParsedDocument[];
  /** At most one: the first error of the file, with the count of the others. */
  problem?: RepoProblem;
}

const firstLine = (message: string) => message.split('\n')[0];

/**
 * Deeper flow nesting than any real manifest has. The YAML parser recurses
 * per level and, thousands of levels down, overflows the stack after
 * spending seconds and hundreds of MiB on the file.
 */
export const MAX_FLOW_DEPTH = 256;

/** Whether position i is where a scalar starts: after `: `, `- ` or at the start of a line. */
function startsScalar(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n' || text[j] === ':' || text[j] === '-';
}

/**
 * The line where flow collections (`[`, `{`) first nest deeper than `max`,
 * outside quotes and comments; undefined when they never do. One pass, no
 * allocation: cheap next to parsing.
 */
export function excessiveFlowDepthLine(text: string, max = MAX_FLOW_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) comment = true;
    // A quote opens a scalar only where one starts: an apostrophe inside a
    // plain scalar (`description: it's`) is just a character.
    else if ((c === '"' || c === "'") && (depth > 0 || startsScalar(text, i))) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > max) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

function parseFile(file: RepoFile): FileParse {
  const deepLine = excessiveFlowDepthLine(file.content);
  if (deepLine !== undefined) {
    return {
      manifests: [],
      documents: [],
      problem: { file: file.path, line: deepLine, message: `YAML error: flow collections nested more than ${MAX_FLOW_DEPTH} levels deep; file skipped` },
    };
  }
  const manifests: ParsedManifest[] = [];
  const documents: ParsedDocument[] = [];
  const errors: Array<{ line?: number; message: string }> = [];
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(file.content, { lineCounter, uniqueKeys: false });
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) {
      errors.push(...doc.errors.map(err => ({ line: err.linePos?.[0]?.line, message: firstLine(err.message) })));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      errors.push({ message: firstLine((e as Error).message) });
      continue;
    }
    if (value === null || value === undefined) continue;
    documents.push({ file: file.path, value });
    const line = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]).line : 1;
    if (isManifest(value)) {
      manifests.push({ object: value, file: file.path, line });
    } else if ((value as any)?.kind === 'Kustomization') {
      // Kustomizations have no metadata.name; keep them for namespace and owner.
      manifests.push({
        object: {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          ...(value as any),
          metadata: { name: 'kustomization', ...(value as any).metadata },
        },
        file: file.path,
        line,
      });
    }
  }
  if (errors.length === 0) return { manifests, documents };
  // One bad file is one problem: a pathological file (say, nested 5,000
  // levels deep) otherwise floods the log and the repo entity with echoes of
  // the same error.
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''} in this file)` : '';
  return {
    manifests,
    documents,
    problem: { file: file.path, ...(first.line ? { line: first.line } : {}), message: `YAML error: ${first.message}${more}` },
  };
}

/**
 * Parses every YAML document of the given files. A malformed file is one
 * problem naming the file and the line of its first error; its good
 * documents and the other files are still read.
 *
 * @public
 */
export function parseManifests(files: RepoFile[]): {
  manifests: ParsedManifest[];
  /** Every YAML document, manifest or not (Helm values, configs). */
  documents: ParsedDocument[];
  problems: RepoProblem[];
} {
  const manifests: ParsedManifest[] = [];
  const documents: ParsedDocument[] = [];
  const problems: RepoProblem[] = [];
  for (const file of files) {
    if (!/\.ya?ml$/i.test(file.path)) continue;
    let parsed: FileParse;
    try {
      parsed = parseFile(file);
    } catch (e) {
      // The parser itself gave up (stack overflow on absurd nesting): the
      // file is unreadable as a whole.
      problems.push({ file: file.path, message: `YAML error: ${firstLine((e as Error).message)}` });
      continue;
    }
    manifests.push(...parsed.manifests);
    documents.push(...parsed.documents);
    if (parsed.problem) problems.push(parsed.problem);
  }
  return { manifests, documents, problems };
}
