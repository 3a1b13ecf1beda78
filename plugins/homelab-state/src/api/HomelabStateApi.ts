import { createApiRef } from '@backstage/frontend-plugin-api';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { ObjectState, PlatformOverview } from '@internal/plugin-homelab-state-common';

export type { ObjectState };

/** @public */
export interface HomelabStateApi {
  getOverview(): Promise<PlatformOverview>;
  getObject<T>(kindId: string, namespace: string | undefined, name: string, cluster?: string): Promise<ObjectState<T>>;
}

/** @public */
export const homelabStateApiRef = createApiRef<HomelabStateApi>().with({ id: 'plugin.homelab-state' });

/**
 * Talks to the homelab-state backend; errors carry the backend's message.
 *
 * @public
 */
export class HomelabStateClient implements HomelabStateApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  private async get<T>(path: string): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('homelab-state');
    const res = await this.deps.fetchApi.fetch(`${base}${path}`);
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try {
        message = (await res.json())?.error?.message ?? message;
      } catch {
        // not JSON: keep the status line
      }
      throw new Error(`Live state request failed: ${message}`);
    }
    return res.json();
  }

  getOverview(): Promise<PlatformOverview> {
    return this.get('/overview');
  }

  getObject<T>(kindId: string, namespace: string | undefined, name: string, cluster?: string): Promise<ObjectState<T>> {
    const query = cluster ? `?cluster=${encodeURIComponent(cluster)}` : '';
    return this.get(`/objects/${encodeURIComponent(kindId)}/${encodeURIComponent(namespace || '-')}/${encodeURIComponent(name)}${query}`);
  }
}
