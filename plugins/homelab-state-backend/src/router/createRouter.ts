import type { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { PlatformStateService } from '../service/PlatformStateService';

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Routes of the homelab-state backend. Reads only; every route needs a
 * signed-in user or a service (the backend's default auth policy).
 */
export async function createRouter(options: {
  service: PlatformStateService;
  logger: LoggerService;
}): Promise<express.Router> {
  const { service, logger } = options;
  const router = Router();

  router.get('/overview', async (_req, res) => {
    res.json(await service.overview());
  });

  router.get('/objects/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const cluster = typeof req.query.cluster === 'string' ? req.query.cluster : undefined;
    if (!PlatformStateService.objectKinds().includes(kind)) {
      res.status(400).json({ error: { name: 'InputError', message: `Unknown kind "${kind}"; use one of ${PlatformStateService.objectKinds().join(', ')}` } });
      return;
    }
    if ((namespace !== '-' && !NAME.test(namespace)) || !NAME.test(name)) {
      res.status(400).json({ error: { name: 'InputError', message: 'namespace and name must be Kubernetes names (DNS-1123)' } });
      return;
    }
    const state = await service.object(kind, namespace, name, cluster);
    for (const e of state.errors) logger.debug(`homelab-state: ${e.cluster}/${e.kind}: ${e.type}: ${e.message}`);
    res.json(state);
  });

  return router;
}
