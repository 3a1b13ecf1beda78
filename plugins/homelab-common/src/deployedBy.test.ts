import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from './annotations';
import { readDeployedBy } from './deployedBy';

const resource = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'pg-media', annotations },
  spec: {},
});

describe('readDeployedBy', () => {
  it.each([
    ['component:default/pg-media', 'component:default/pg-media'],
    ['pg-media', 'component:default/pg-media'],
    ['', undefined],
    [':', undefined],
  ])('reads %j as %j', (value, ref) => {
    expect(readDeployedBy(resource({ [HomelabAnnotations.deployedBy]: value }))).toBe(ref);
  });

  it('is undefined without the annotation', () => {
    expect(readDeployedBy(resource())).toBeUndefined();
  });
});
