import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Content, Header, Link, Page, WarningPanel } from '@backstage/core-components';
import { discoveryApiRef, fetchApiRef, identityApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { RecentChangesResponse } from '@internal/plugin-homelab-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { homelabStateApiRef } from '@internal/plugin-homelab-state';
import type { PlatformOverview } from '@internal/plugin-homelab-state-common';
import type { Entity } from '@backstage/catalog-model';
import { Button, Card, CardContent, Chip, Grid, TextField, Typography, makeStyles } from '@material-ui/core';
import { useNavigate } from 'react-router-dom';
import { buildHomePageModel, type HealthItem } from './homePageModel';
import { RecentChangesCard } from './RecentChangesCard';

const useStyles = makeStyles(theme => ({
  search: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap', alignItems: 'center' },
  searchField: { flex: '1 1 16rem', minWidth: 0 },
  strip: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  links: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  name: { overflowWrap: 'anywhere' },
}));

const SEVERITY_COLOR: Record<HealthItem['severity'], string> = {
  ok: '#2e7d32',
  warning: '#ed6c02',
  error: '#d32f2f',
  unknown: '#757575',
};

/** The portal's front door for the homelab's friends and its owner. */
export function HomePage() {
  const classes = useStyles();
  const navigate = useNavigate();
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const stateApi = useApi(homelabStateApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [changes, setChanges] = useState<RecentChangesResponse>();
  const [changesError, setChangesError] = useState<Error>();
  const [entities, setEntities] = useState<Entity[]>();
  const [ownership, setOwnership] = useState<string[]>([]);
  const [overview, setOverview] = useState<PlatformOverview>();
  const [stateError, setStateError] = useState<Error>();
  const [query, setQuery] = useState('');

  useEffect(() => {
    catalogApi
      .getEntities({ filter: [{ kind: 'Component' }, { kind: 'System' }] })
      .then(r => setEntities(r.items))
      .catch(() => setEntities([]));
    identityApi.getBackstageIdentity().then(i => setOwnership(i.ownershipEntityRefs));
    stateApi.getOverview().then(setOverview, setStateError);
    discoveryApi
      .getBaseUrl('homelab-gitops')
      .then(base => fetchApi.fetch(`${base}/recent-changes?limit=8`))
      .then(async res => {
        if (!res.ok) throw await ResponseError.fromResponse(res);
        return (await res.json()) as RecentChangesResponse;
      })
      .then(setChanges, setChangesError);
  }, [catalogApi, identityApi, stateApi, discoveryApi, fetchApi]);

  const model = useMemo(
    () => (entities ? buildHomePageModel(entities, ownership, overview) : undefined),
    [entities, ownership, overview],
  );

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search?query=${encodeURIComponent(query)}`);
  };

  return (
    <Page themeId="home">
      <Header title="Homelab" subtitle="Find an app, read its docs, or create your own." />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <form className={classes.search} onSubmit={onSearch} role="search" aria-label="Search the homelab">
              <TextField
                id="home-search"
                className={classes.searchField}
                variant="outlined"
                size="small"
                label="Search apps, docs and hosts"
                value={query}
                onChange={e => setQuery(e.target.value)}
              />
              <Button type="submit" variant="outlined">
                Search
              </Button>
              <Button variant="contained" color="primary" onClick={() => navigate('/create')}>
                Create an app
              </Button>
            </form>
          </Grid>

          <Grid item xs={12}>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  Platform health <Link to="/platform">(Platform page)</Link>
                </Typography>
                {stateError && <WarningPanel title="Live state unavailable" message={stateError.message} />}
                {!stateError && !model?.health && <Typography>Reading the cluster…</Typography>}
                <div className={classes.strip} aria-label="Platform health">
                  {model?.health?.map(item => (
                    <Chip
                      key={item.label}
                      component={Link as any}
                      to="/platform"
                      clickable
                      variant="outlined"
                      style={{ borderColor: SEVERITY_COLOR[item.severity], height: 'auto', maxWidth: '100%' }}
                      label={
                        <span style={{ whiteSpace: 'normal', display: 'block', padding: '4px 0' }}>
                          <strong style={{ color: SEVERITY_COLOR[item.severity] }}>{item.label}:</strong> {item.value}
                        </span>
                      }
                    />
                  ))}
                </div>
              </CardContent>
            </Card>
          </Grid>

          <Grid item xs={12} md={5}>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  Your apps
                </Typography>
                {model && model.yourApps.length === 0 && (
                  <Typography>
                    None yet. <Link to="/create">Create your first app</Link>.
                  </Typography>
                )}
                {model?.yourApps.map(app => (
                  <Typography key={app.ref} className={classes.name}>
                    <Link to={`/catalog/default/component/${app.name}`}>{app.name}</Link>
                    {app.url && (
                      <>
                        {' · '}
                        <Link to={app.url}>open</Link>
                      </>
                    )}{' '}
                    <Typography variant="caption" component="span">
                      ({app.domain})
                    </Typography>
                  </Typography>
                ))}
              </CardContent>
            </Card>
          </Grid>

          <Grid item xs={12} md={7}>
            <RecentChangesCard changes={changes} error={changesError} entities={entities} />
          </Grid>

          <Grid item xs={12}>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  Apps by domain
                </Typography>
                {model?.quickLinks.map(group => (
                  <div key={group.domain}>
                    <Typography variant="subtitle2" component="h3">
                      {group.domain}
                    </Typography>
                    <div className={classes.links}>
                      {group.apps.map(app => (
                        <Chip key={app.ref} component="a" href={app.url} clickable label={app.name} title={app.host} />
                      ))}
                    </div>
                  </div>
                ))}
              </CardContent>
            </Card>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
