/**
 * One file a template run will create or change, as the `homelab:app:plan`
 * action outputs it (and the template exposes as its `files` output), so the
 * review step can show it before anything is published.
 *
 * @public
 */
export interface PlannedFile {
  /** Path relative to the repo root. */
  path: string;
  action: 'create' | 'edit';
  /** The whole new content of the file. */
  content?: string;
  /** For an edited file: a unified diff of the change. */
  diff?: string;
}
