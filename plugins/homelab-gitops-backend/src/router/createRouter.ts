import type { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { RecentChangesResponse } from '@internal/plugin-homelab-common';
import { readRecentChanges, type RecentCommit } from '@internal/plugin-homelab-gitops-node';
import express from 'express';
import Router from 'express-promise-router';
import { matchChangesToComponents } from '../service/matchChangesToComponents';

/** Commits read per source: enough to find `limit` distinct components in most histories. */
const COMMITS_PER_SOURCE = 100;
const MAX_LIMIT = 50;

/**
 * Read-only routes of the homelab-gitops backend. The backend's default
 * auth policy admits signed-in users and services only; components are read
 * from the catalog with the caller's own credentials, so the catalog's
 * permission rules decide which changes a caller sees.
 */
export async function createRouter(options: {
  /** GitOps sources that are local checkouts (url sources have no history here). */
  checkouts: Array<{ id: string; path: string }>;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  gitTimeoutMs?: number;
}): Promise<express.Router> {
  const { checkouts, catalog, httpAuth, logger, gitTimeoutMs } = options;
  const router = Router();

  router.get('/recent-changes', async (req, res) => {
    const raw = req.query.limit ?? '10';
    const limit = Number(raw);
    if (typeof raw !== 'string' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new InputError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });

    const history: Array<{ source: string; commits: RecentCommit[] }> = [];
    for (const checkout of checkouts) {
      try {
        const commits = await readRecentChanges(checkout.path, { limit: COMMITS_PER_SOURCE, timeoutMs: gitTimeoutMs });
        if (commits) history.push({ source: checkout.id, commits });
      } catch (error) {
        // One unreadable checkout must not hide the others' history.
        logger.warn(`Could not read the git history of GitOps source ${checkout.id} at ${checkout.path}`, error as Error);
      }
    }
    if (history.length === 0) {
      res.json({ source: 'catalog', items: [] } satisfies RecentChangesResponse);
      return;
    }
    const { items: components } = await catalog.getEntities(
      {
        filter: { kind: 'Component' },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title', 'metadata.annotations'],
      },
      { credentials },
    );
    res.json({ source: 'git', items: matchChangesToComponents(history, components, limit) } satisfies RecentChangesResponse);
  });

  return router;
}
