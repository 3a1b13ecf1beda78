import { Typography } from '@material-ui/core';

/**
 * One line under a field when the catalog could not be read, so a missing
 * list is explained rather than shown as an empty choice.
 */
export function CatalogLoadError({ error, what }: { error?: Error; what: string }) {
  if (!error) return null;
  return (
    <Typography variant="caption" color="error" role="alert">
      Could not load {what} from the catalog: {error.message}
    </Typography>
  );
}
