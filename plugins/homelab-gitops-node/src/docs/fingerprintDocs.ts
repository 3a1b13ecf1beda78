import { createHash } from 'node:crypto';
import type { RepoFile } from '../snapshot/types';
import { findDocs } from './findDocs';

const MKDOCS_FILES = ['mkdocs.yml', 'mkdocs.yaml'];

/**
 * A fingerprint of each directory's docs, keyed by directory (as
 * {@link findDocs} names them): a hash of its shape, its mkdocs.yml and the
 * path and content of every page findDocs finds for it. Two runs giving a
 * directory the same fingerprint would hand TechDocs the same Markdown and
 * config, so discovery asks for a build only when it differs.
 *
 * Works on the snapshot discovery already read (YAML, Markdown and JSON
 * files): an image edited alone, or pages outside `docs/` that a repo's own
 * mkdocs.yml points at with `docs_dir`, do not change it.
 *
 * @param files - the repo's files, as read by readLocalRepo or readUrlRepo
 * @param dirs - directories of the entities that carry docs
 * @public
 */
export function fingerprintDocs(files: RepoFile[], dirs: string[]): Map<string, string> {
  const contents = new Map(files.map(f => [f.path, f.content]));
  const fingerprints = new Map<string, string>();
  for (const location of findDocs(contents.keys(), dirs)) {
    const prefix = location.dir ? `${location.dir}/` : '';
    const config = location.shape === 'mkdocs' ? MKDOCS_FILES.filter(name => contents.has(`${prefix}${name}`)) : [];
    const hash = createHash('sha256').update(`${location.shape}\0`);
    for (const file of [...config, ...location.pages]) {
      hash.update(`${file}\0${contents.get(`${prefix}${file}`) ?? ''}\0`);
    }
    fingerprints.set(location.dir, hash.digest('hex'));
  }
  return fingerprints;
}
