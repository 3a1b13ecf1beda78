import { LineCounter, parseAllDocuments } from 'yaml';
import type { RepoFile } from '../snapshot/types';
import type { ManifestObject, ParsedManifest, RepoProblem } from './types';

const isManifest = (v: any): v is ManifestObject =>
  v !== null &&
  typeof v === 'object' &&
  typeof v.apiVersion === 'string' &&
  typeof v.kind === 'string' &&
  typeof v.metadata?.name === 'string';

/**
 * Parses every YAML document of the given files. A malformed document is a
 * problem naming its file and line; the other documents are still read.
 *
 * @public
 */
export function parseManifests(files: RepoFile[]): {
  manifests: ParsedManifest[];
  /** Every YAML document, manifest or not (Helm values, configs). */
  documents: Array<{ file: string; value: unknown }>;
  problems: RepoProblem[];
} {
  const manifests: ParsedManifest[] = [];
  const documents: Array<{ file: string; value: unknown }> = [];
  const problems: RepoProblem[] = [];
  for (const file of files) {
    if (!/\.ya?ml$/i.test(file.path)) continue;
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(file.content, { lineCounter, uniqueKeys: false });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) {
        for (const err of doc.errors) {
          problems.push({
            file: file.path,
            line: err.linePos?.[0]?.line,
            message: `YAML error: ${err.message.split('\n')[0]}`,
          });
        }
        continue;
      }
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch (e) {
        problems.push({ file: file.path, message: `YAML error: ${(e as Error).message}` });
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
  }
  return { manifests, documents, problems };
}
