import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import { DOCS_CHANGED_TOPIC, readDocsChangedEvent } from '@internal/plugin-homelab-common';
import type { DocsPrebuilder, PrebuildResult } from './DocsPrebuilder';

/**
 * Builds the docs discovery says changed: subscribes to
 * `homelab.gitops.docs-changed` and hands each event's refs to the
 * prebuilder. The event handler only queues the builds; the publisher
 * (discovery) does not wait for mkdocs.
 *
 * @param onBuilt - called with each event's outcome (tests wait on it)
 */
export async function subscribeDocsPrebuild(options: {
  events: EventsService;
  prebuilder: DocsPrebuilder;
  logger: LoggerService;
  onBuilt?: (result: PrebuildResult) => void;
}): Promise<void> {
  const { events, prebuilder, logger, onBuilt } = options;
  await events.subscribe({
    id: 'homelab-docs-prebuild',
    topics: [DOCS_CHANGED_TOPIC],
    onEvent: async ({ eventPayload }) => {
      const event = readDocsChangedEvent(eventPayload);
      if (!event) {
        logger.warn(`Ignoring a ${DOCS_CHANGED_TOPIC} event without sourceId and entityRefs: ${JSON.stringify(eventPayload)}`);
        return;
      }
      logger.info(`TechDocs prebuild: discovery of ${event.sourceId} changed the docs of ${event.entityRefs.length} entities`);
      prebuilder.build(event.entityRefs, `discovery of ${event.sourceId}`).then(
        result => onBuilt?.(result),
        e => logger.error(`TechDocs prebuild after discovery of ${event.sourceId} failed`, e as Error),
      );
    },
  });
}
