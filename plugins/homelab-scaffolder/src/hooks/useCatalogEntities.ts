import { useEffect, useState } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';

/** The entities of one catalog query, loaded once per filter. */
export interface CatalogEntitiesState {
  entities: Entity[];
  loading: boolean;
  error?: Error;
}

/**
 * Loads the catalog entities matching `filter` (a catalog API filter such as
 * `{ kind: 'Resource', 'spec.type': 'postgres-cluster' }`) for a form field.
 * The filter is compared by value, so an inline object literal is fine.
 */
export function useCatalogEntities(filter: Record<string, string | string[]>): CatalogEntitiesState {
  const catalogApi = useApi(catalogApiRef);
  const key = JSON.stringify(filter);
  const [state, setState] = useState<CatalogEntitiesState>({ entities: [], loading: true });
  useEffect(() => {
    let cancelled = false;
    setState(s => ({ ...s, loading: true }));
    catalogApi
      .getEntities({ filter: JSON.parse(key) })
      .then(response => !cancelled && setState({ entities: response.items, loading: false }))
      .catch(error => !cancelled && setState({ entities: [], loading: false, error }));
    return () => {
      cancelled = true;
    };
  }, [catalogApi, key]);
  return state;
}
