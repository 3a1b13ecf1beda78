import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from './annotations';
import { readDependencyEvidence, readScorecard } from './scorecard';

const withAnnotations = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'jellyfin', annotations },
  spec: {},
});

describe('readScorecard', () => {
  it.each([
    ['absent', {}, { kind: 'absent' }],
    [
      'valid',
      {
        [HomelabAnnotations.scorecard]: JSON.stringify([
          { rule: 'ingress-tls', passed: false, message: 'no tls block', file: 'cluster/apps/shared/ingress/sonarr.yaml' },
          { rule: 'non-root', passed: true, message: 'runAsNonRoot' },
        ]),
      },
      {
        kind: 'ok',
        findings: [
          { rule: 'ingress-tls', passed: false, message: 'no tls block', file: 'cluster/apps/shared/ingress/sonarr.yaml' },
          { rule: 'non-root', passed: true, message: 'runAsNonRoot' },
        ],
      },
    ],
    ['not JSON', { [HomelabAnnotations.scorecard]: '{oops' }, { kind: 'invalid' }],
    ['not an array', { [HomelabAnnotations.scorecard]: '{}' }, { kind: 'invalid' }],
    [
      'unknown rule',
      { [HomelabAnnotations.scorecard]: JSON.stringify([{ rule: 'vibes', passed: true, message: 'x' }]) },
      { kind: 'invalid', error: expect.stringContaining('finding 0') },
    ],
  ])('%s', (_name, annotations, expected) => {
    expect(readScorecard(withAnnotations(annotations))).toMatchObject(expected);
  });
});

describe('readDependencyEvidence', () => {
  it('keeps well-formed entries and drops the rest', () => {
    const entity = withAnnotations({
      [HomelabAnnotations.dependencyEvidence]: JSON.stringify([
        { target: 'resource:default/pg-media', file: 'cluster/apps/media/immich/configmap.yaml', reason: 'host pg-media-rw' },
        { target: 42 },
      ]),
    });
    expect(readDependencyEvidence(entity)).toEqual([
      { target: 'resource:default/pg-media', file: 'cluster/apps/media/immich/configmap.yaml', reason: 'host pg-media-rw' },
    ]);
  });

  it('reads malformed JSON as no evidence', () => {
    expect(readDependencyEvidence(withAnnotations({ [HomelabAnnotations.dependencyEvidence]: '[' }))).toEqual([]);
  });
});
