import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ConventionScorecard } from './ConventionScorecardCard';
import { DependencyEvidenceTable } from './DependencyEvidenceCard';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'sonarr',
    annotations: {
      'backstage.io/source-location': 'url:https://github.com/example/homelab-gitops/tree/main/cluster/apps/media/sonarr/',
      [HomelabAnnotations.gitopsPath]: 'cluster/apps/media/sonarr',
      ...annotations,
    },
  },
  spec: {},
});

describe('ConventionScorecard', () => {
  it('lists failing rules first, with the message and a link to the file to fix', async () => {
    const findings = [
      { rule: 'non-root', passed: true, message: 'Deployment sonarr runs as non-root', file: 'cluster/apps/media/sonarr/deployment.yaml' },
      { rule: 'ingress-tls', passed: false, message: 'Ingress sonarr has no tls section', file: 'cluster/apps/shared/ingress/sonarr.yaml' },
      { rule: 'image-pinned', passed: true, message: 'Deployment sonarr: linuxserver/sonarr:4.0.14' },
    ];
    const { getByText, getAllByRole } = await renderInTestApp(
      <ConventionScorecard entity={entity({ [HomelabAnnotations.scorecard]: JSON.stringify(findings) })} />,
    );
    expect(getByText('2 of 3 conventions kept')).toBeInTheDocument();
    expect(getByText(/Ingress sonarr has no tls section/)).toBeInTheDocument();
    const link = getByText('cluster/apps/shared/ingress/sonarr.yaml').closest('a');
    expect(link).toHaveAttribute('href', 'https://github.com/example/homelab-gitops/tree/main/cluster/apps/shared/ingress/sonarr.yaml');
    const chips = getAllByRole('listitem').map(li => li.textContent);
    expect(chips[0]).toMatch(/^fail/);
    expect(chips.slice(1).every(c => /^pass/.test(c ?? ''))).toBe(true);
  });

  it('says what is wrong with a malformed scorecard instead of going blank', async () => {
    const { findByText } = await renderInTestApp(<ConventionScorecard entity={entity({ [HomelabAnnotations.scorecard]: '{nope' })} />);
    expect(await findByText(/cannot be read/)).toBeInTheDocument();
    expect(await findByText(/homelab.dev\/scorecard is not JSON/)).toBeInTheDocument();
  });
});

describe('DependencyEvidenceTable', () => {
  it('shows each dependency with the value and file it was found in', async () => {
    const evidence = [
      { target: 'resource:default/pg-media', file: 'cluster/apps/media/sonarr/configmap.yaml', reason: '"pg-media-rw" in ConfigMap sonarr-env data.SONARR__POSTGRES__HOST' },
    ];
    const { findByText, getByText } = await renderInTestApp(
      <DependencyEvidenceTable entity={entity({ [HomelabAnnotations.dependencyEvidence]: JSON.stringify(evidence) })} />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await findByText('pg-media')).toBeInTheDocument();
    expect(getByText(/SONARR__POSTGRES__HOST/)).toBeInTheDocument();
    expect(getByText('cluster/apps/media/sonarr/configmap.yaml').closest('a')).toHaveAttribute(
      'href',
      'https://github.com/example/homelab-gitops/tree/main/cluster/apps/media/sonarr/configmap.yaml',
    );
  });
});
