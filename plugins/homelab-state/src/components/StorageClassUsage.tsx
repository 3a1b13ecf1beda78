import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResourceTypes } from '@internal/plugin-homelab-common';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';

/** StorageClasses of the catalog and the apps whose volumes use them (catalog relations). */
export function StorageClassUsage() {
  const catalogApi = useApi(catalogApiRef);
  const { value, error } = useAsync(
    () => catalogApi.getEntities({ filter: { kind: 'Resource', 'spec.type': ResourceTypes.storageClass } }),
    [],
  );
  if (error) return <Typography variant="body2">Storage classes could not be read from the catalog: {error.message}</Typography>;
  if (!value || value.items.length === 0) return null;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Storage classes and the apps using them</Typography>
      {value.items.map(sc => {
        const users = (sc.relations ?? []).filter(r => r.type === 'dependencyOf').map(r => r.targetRef);
        return (
          <Typography key={sc.metadata.name} variant="body2" component="div">
            <EntityRefLink entityRef={sc} /> ({users.length}):{' '}
            {users.map((ref, i) => (
              <span key={ref}>
                {i > 0 && ', '}
                <EntityRefLink entityRef={ref} defaultKind={parseEntityRef(ref).kind} hideIcon />
              </span>
            ))}
          </Typography>
        );
      })}
    </Box>
  );
}
