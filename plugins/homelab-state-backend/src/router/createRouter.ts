import type { BackstageCredentials, HttpAuthService, LoggerService, PermissionsService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { homelabStateReadPermission } from '@internal/plugin-homelab-state-common';
import express from 'express';
import Router from 'express-promise-router';
import { PlatformStateService } from '../service/PlatformStateService';

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * How long one principal's read decision is reused. The overview is polled
 * by every open tab; asking the permission backend on each poll cost more
 * than serving the cached overview. A policy change reaches open tabs within
 * this window.
 */
const DECISION_TTL_MS = 10_000;
const MAX_DECISIONS = 1_000;

/** If-None-Match compares weakly (RFC 9110 13.1.2): `W/` aside, the opaque tags must be equal. */
function matchesWeakly(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch === '*' || ifNoneMatch.split(',').some(t => t.trim().replace(/^W\//, '') === opaque);
}

/**
 * Routes of the homelab-state backend. Reads only; every route needs a
 * signed-in user or a service (the backend's default auth policy) that the
 * permission policy allows `homelab.state.read`.
 */
export async function createRouter(options: {
  service: PlatformStateService;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Serve the overview serialised once per change, with an ETag. Default true. */
  serializedOverview?: boolean;
}): Promise<express.Router> {
  const { service, logger, httpAuth, permissions, serializedOverview = true } = options;
  const router = Router();

  const decisions = new Map<string, { allowed: boolean; until: number }>();
  const allowed = async (credentials: BackstageCredentials): Promise<boolean> => {
    const p = credentials.principal as { type?: string; userEntityRef?: string; subject?: string };
    const key = `${p.type}:${p.userEntityRef ?? p.subject ?? ''}`;
    const known = decisions.get(key);
    if (known && known.until > Date.now()) return known.allowed;
    const [decision] = await permissions.authorize([{ permission: homelabStateReadPermission }], { credentials });
    if (decisions.size >= MAX_DECISIONS) decisions.clear();
    decisions.set(key, { allowed: decision.result === AuthorizeResult.ALLOW, until: Date.now() + DECISION_TTL_MS });
    return decision.result === AuthorizeResult.ALLOW;
  };

  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    if (!(await allowed(credentials))) {
      throw new NotAllowedError(`Reading live state needs the ${homelabStateReadPermission.name} permission`);
    }
    next();
  });

  router.get('/overview', async (req, res) => {
    if (!serializedOverview) {
      res.json(await service.overview());
      return;
    }
    const { body, gzipped, etag } = await service.serializedOverview();
    // Clients poll: revalidate every time, and answer an unchanged overview with 304.
    res.set({ ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding' });
    if (matchesWeakly(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    // Already encoded, so the root router's compression middleware passes it
    // through instead of gzipping ~140 KB again for every download.
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.set('Content-Encoding', 'gzip').send(gzipped);
      return;
    }
    res.send(body);
  });

  router.get('/objects/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const cluster = typeof req.query.cluster === 'string' ? req.query.cluster : undefined;
    if (!PlatformStateService.objectKinds().includes(kind)) {
      throw new InputError(`Unknown kind "${kind}"; use one of ${PlatformStateService.objectKinds().join(', ')}`);
    }
    if ((namespace !== '-' && !NAME.test(namespace)) || !NAME.test(name)) {
      throw new InputError('namespace and name must be Kubernetes names (DNS-1123)');
    }
    const state = await service.object(kind, namespace, name, cluster);
    for (const e of state.errors) logger.debug(`${e.cluster}/${e.kind}: ${e.type}: ${e.message}`);
    res.json(state);
  });

  return router;
}
