import type { ScaffolderDryRunResponse } from '@backstage/plugin-scaffolder-common';
import type { PlannedFile } from '@internal/plugin-homelab-scaffolder-common';

/** The files a dry-run says a template run would write, and where that list came from. */
export interface DryRunPlan {
  files: PlannedFile[];
  /** `plan`: the template's output (with diffs for edits); `workspace`: the files left in the dry-run workspace. */
  source: 'plan' | 'workspace';
}

const isPlannedFile = (f: unknown): f is PlannedFile =>
  typeof f === 'object' &&
  f !== null &&
  typeof (f as PlannedFile).path === 'string' &&
  ((f as PlannedFile).action === 'create' || (f as PlannedFile).action === 'edit');

function decodeBase64(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/**
 * Reads the plan out of a dry-run response: the template output `outputKey`
 * (the `homelab:app:plan` action's `files`, exposed by the template) when it
 * holds a list of planned files, else every file of the dry-run workspace as
 * a file to create. Sorted by path, edits and creations together.
 */
export function plannedFilesFromDryRun(response: ScaffolderDryRunResponse, outputKey = 'files'): DryRunPlan {
  const planned = (response.output as Record<string, unknown> | undefined)?.[outputKey];
  if (Array.isArray(planned) && planned.every(isPlannedFile)) {
    return { files: [...planned].sort((a, b) => a.path.localeCompare(b.path)), source: 'plan' };
  }
  return {
    files: response.directoryContents
      .map((f): PlannedFile => ({ path: f.path, action: 'create', content: decodeBase64(f.base64Content) }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    source: 'workspace',
  };
}
