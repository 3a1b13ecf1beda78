import { createApiRef } from '@backstage/frontend-plugin-api';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ObjectState, PlatformOverview } from '@internal/plugin-homelab-state-common';

export type { ObjectState };

/** @public */
export interface HomelabStateApi {
  /** The overview; an unchanged one is revalidated with If-None-Match and not downloaded again. */
  getOverview(): Promise<PlatformOverview>;
  getObject(kindId: string, namespace: string | undefined, name: string, cluster?: string): Promise<ObjectState>;
}

/** @public */
export const homelabStateApiRef = createApiRef<HomelabStateApi>().with({ id: 'plugin.homelab-state' });

/**
 * Talks to the homelab-state backend. A failed request throws a
 * ResponseError, so error panels show the HTTP status and the backend's
 * message.
 *
 * @public
 */
export class HomelabStateClient implements HomelabStateApi {
  private overviewCache?: { etag: string; value: PlatformOverview };

  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.deps.discoveryApi.getBaseUrl('homelab-state');
    const res = await this.deps.fetchApi.fetch(`${base}${path}`, init);
    if (!res.ok && res.status !== 304) throw await ResponseError.fromResponse(res);
    return res;
  }

  async getOverview(): Promise<PlatformOverview> {
    const cached = this.overviewCache;
    const res = await this.fetch('/overview', cached ? { headers: { 'if-none-match': cached.etag } } : undefined);
    if (res.status === 304 && cached) return cached.value;
    const value: PlatformOverview = await res.json();
    const etag = res.headers.get('etag');
    this.overviewCache = etag ? { etag, value } : undefined;
    return value;
  }

  async getObject(kindId: string, namespace: string | undefined, name: string, cluster?: string): Promise<ObjectState> {
    const query = cluster ? `?cluster=${encodeURIComponent(cluster)}` : '';
    const res = await this.fetch(`/objects/${encodeURIComponent(kindId)}/${encodeURIComponent(namespace || '-')}/${encodeURIComponent(name)}${query}`);
    return res.json();
  }
}
