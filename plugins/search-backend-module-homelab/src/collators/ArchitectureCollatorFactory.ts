import { Readable } from 'node:stream';
import type { AuthService } from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { ARCHITECTURE_SEARCH_TYPE, ARCHITECTURE_SOURCE_KINDS } from '@internal/plugin-homelab-common';
import { architectureSearchDocuments } from './architectureSearchDocument';

/**
 * Indexes the generated architecture page of every Domain and System (type
 * `homelab-architecture`). The pages are derived from the catalog as the
 * Architecture tab derives them, so search finds what the tab shows: which
 * app uses which data service, the hosts and Argo apps of a domain.
 *
 * @public
 */
export class ArchitectureCollatorFactory implements DocumentCollatorFactory {
  readonly type = ARCHITECTURE_SEARCH_TYPE;
  // A page shows what its domain or system shows: readable by whoever may read that entity.
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(private readonly deps: { catalog: CatalogService; auth: AuthService }) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute() {
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: ARCHITECTURE_SOURCE_KINDS } },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    yield* architectureSearchDocuments(items);
  }
}
