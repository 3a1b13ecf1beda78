import { InputError } from '@backstage/errors';

/** Refuses a repo path that is absolute, climbs out (`..`) or is not plain. */
export function checkRepoPath(field: string, path: string): string {
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) throw new InputError(`${field}: "${path}" must be a relative path`);
  const parts = path.split('/');
  if (parts.some(p => p === '..' || p === '.' || p === '')) throw new InputError(`${field}: "${path}" must not contain ../, ./ or empty segments`);
  if (!/^[A-Za-z0-9._/-]+$/.test(path)) throw new InputError(`${field}: "${path}" has characters a repo path may not have`);
  return path;
}
