/**
 * The events topic on which GitOps discovery says whose docs changed.
 * Published by the catalog module after a discovery run, read by the TechDocs
 * module to build exactly those docs.
 *
 * @public
 */
export const DOCS_CHANGED_TOPIC = 'homelab.gitops.docs-changed';

/**
 * The payload of a {@link DOCS_CHANGED_TOPIC} event.
 *
 * @public
 */
export interface DocsChangedEvent {
  /** The id of the GitOps source (`homelab.gitops.sources[].id`) whose run saw the change. */
  sourceId: string;
  /** Entities whose docs files differ from the previous run, sorted; all of them on the first run after start. */
  entityRefs: string[];
}

/**
 * Reads a {@link DocsChangedEvent} payload; anything else reads as none.
 *
 * @public
 */
export function readDocsChangedEvent(payload: unknown): DocsChangedEvent | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { sourceId, entityRefs } = payload as Record<string, unknown>;
  if (typeof sourceId !== 'string' || !Array.isArray(entityRefs) || !entityRefs.every(r => typeof r === 'string')) {
    return undefined;
  }
  return { sourceId, entityRefs };
}
