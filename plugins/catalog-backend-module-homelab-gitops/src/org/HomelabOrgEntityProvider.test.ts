import type { DeferredEntity, EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { ConfigReader } from '@backstage/config';
import { HomelabOrgEntityProvider } from './HomelabOrgEntityProvider';
import { readOrgConfig } from './readOrgConfig';

describe('HomelabOrgEntityProvider', () => {
  it('applies every declared entity as one full mutation when connected', async () => {
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    };
    const entities = readOrgConfig(new ConfigReader({ homelab: { org: { groups: { admins: { members: ['alice'] } } } } }));
    await new HomelabOrgEntityProvider(entities).connect(connection);
    expect(mutations).toHaveLength(1);
    expect(mutations[0].type).toBe('full');
    const applied = (mutations[0] as { entities: DeferredEntity[] }).entities;
    expect(applied.map(e => [e.locationKey, e.entity.kind, e.entity.metadata.name])).toEqual([
      ['homelab-org-config', 'Group', 'admins'],
      ['homelab-org-config', 'User', 'alice'],
    ]);
  });

  it('applies an empty full mutation without config, removing what an earlier config declared', async () => {
    const mutations: EntityProviderMutation[] = [];
    await new HomelabOrgEntityProvider(readOrgConfig(new ConfigReader({}))).connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    });
    expect(mutations).toEqual([{ type: 'full', entities: [] }]);
  });
});
