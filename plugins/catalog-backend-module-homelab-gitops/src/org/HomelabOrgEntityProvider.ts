import type { Entity } from '@backstage/catalog-model';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';

/**
 * Puts the users and groups declared in config (`homelab.org`) into the
 * catalog. Config does not change while the backend runs, so one full
 * mutation when the catalog connects is all it ever does.
 *
 * @public
 */
export class HomelabOrgEntityProvider implements EntityProvider {
  constructor(private readonly entities: Entity[]) {}

  getProviderName(): string {
    return 'homelab-org-config';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await connection.applyMutation({
      type: 'full',
      entities: this.entities.map(entity => ({ entity, locationKey: this.getProviderName() })),
    });
  }
}
