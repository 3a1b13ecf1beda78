import { resolve } from 'node:path';
import { DEFAULT_LAYOUT } from '../layout';
import { learnConventions } from '../conventions/learnConventions';
import { buildRepoModel } from '../model/buildRepoModel';
import { readLocalRepo } from '../snapshot/readLocalRepo';
import { appDomains, placeApp } from './placeApp';

const examples = resolve(__dirname, '../../../../examples');

describe('placeApp on the example homelab repo', () => {
  it('answers where a new app, its Argo Application, its ingress and their list entries go', async () => {
    const snapshot = await readLocalRepo(`${examples}/homelab-gitops`);
    const model = buildRepoModel(snapshot, DEFAULT_LAYOUT);
    const conventions = learnConventions(snapshot, model);
    expect(appDomains(model, conventions)).toEqual(['ai', 'media', 'other', 'productivity', 'web']);
    expect(placeApp(model, DEFAULT_LAYOUT, conventions, { domain: 'media', name: 'audiobooks' })).toEqual({
      domain: 'media',
      name: 'audiobooks',
      namespace: 'media',
      appDir: 'cluster/apps/media/audiobooks',
      argoAppFile: 'cluster/platform/gitops/argocd/apps/audiobooks-app.yaml',
      ingressFile: 'cluster/apps/shared/ingress/audiobooks.yaml',
      kustomizationEntries: [
        { kustomization: 'cluster/platform/gitops/argocd/apps/kustomization.yaml', entry: 'audiobooks-app.yaml' },
        { kustomization: 'cluster/apps/shared/ingress/kustomization.yaml', entry: 'audiobooks.yaml' },
      ],
    });
    expect(placeApp(model, DEFAULT_LAYOUT, conventions, { domain: 'web', name: 'blog', variant: 'staging' })).toMatchObject({
      name: 'blog-staging',
      appDir: 'cluster/apps/web/blog/staging',
      argoAppFile: 'cluster/platform/gitops/argocd/apps/blog-staging-app.yaml',
      ingressFile: 'cluster/apps/shared/ingress/blog-staging.yaml',
    });
  });
});
