import { Link, Progress, WarningPanel } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import type { RecentChangesResponse } from '@internal/plugin-homelab-common';
import { WrappingListItemText } from '@internal/plugin-homelab-react';
import { Card, CardContent, List, ListItem, Typography } from '@material-ui/core';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function ago(date: string, now: Date): string {
  const seconds = Math.round((Date.parse(date) - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

const entityPath = (ref: string) => {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return `/catalog/${namespace}/${kind}/${name}`;
};

/**
 * Components the GitOps repo's latest commits changed; without git history
 * (a `url:` source or a folder that is not a checkout) the catalog's
 * components, by name, and it says so.
 */
export function RecentChangesCard(props: {
  changes?: RecentChangesResponse;
  error?: Error;
  /** Catalog entities for the fallback; only Components are listed. */
  entities?: Entity[];
  limit?: number;
  now?: Date;
}) {
  const { changes, error, entities, limit = 8, now = new Date() } = props;
  const fallback =
    changes?.source === 'catalog'
      ? (entities ?? [])
          .filter(e => e.kind === 'Component')
          .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
          .slice(0, limit)
      : [];
  return (
    <Card aria-label="Recently changed components">
      <CardContent>
        <Typography variant="h6" component="h2">
          Recently changed
        </Typography>
        {error && <WarningPanel title="Recent changes unavailable" message={error.message} />}
        {!error && !changes && <Progress />}
        {changes?.source === 'git' && changes.items.length === 0 && (
          <Typography>No commit of the GitOps repo changed a component yet.</Typography>
        )}
        {changes?.source === 'git' && (
          <List dense disablePadding>
            {changes.items.map(item => (
              <ListItem key={item.entityRef} disableGutters>
                <WrappingListItemText
                  primary={
                    <>
                      <Link to={entityPath(item.entityRef)}>{item.title ?? item.name}</Link>: {item.subject}
                    </>
                  }
                  secondary={
                    <span title={item.date}>
                      {ago(item.date, now)} by {item.author} · {item.sha.slice(0, 7)}
                    </span>
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
        {changes?.source === 'catalog' && (
          <>
            <Typography variant="body2">
              No git history of the GitOps repo here (a remote source, or a folder that is not a git checkout), so
              these are the catalog's components by name, not by change date.
            </Typography>
            <List dense disablePadding>
              {fallback.map(entity => (
                <ListItem key={entity.metadata.name} disableGutters>
                  <WrappingListItemText
                    primary={
                      <Link to={`/catalog/${entity.metadata.namespace ?? 'default'}/component/${entity.metadata.name}`}>
                        {entity.metadata.title ?? entity.metadata.name}
                      </Link>
                    }
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </CardContent>
    </Card>
  );
}
