import { parseManifests } from './parseManifests';
import { readArgoApps } from './readArgoApps';
import type { VendoredChart } from './findVendoredCharts';

const app = (name: string, spec: string, annotations = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\n${annotations}spec:\n${spec}`;

function read(content: string, charts: VendoredChart[] = []) {
  const { manifests } = parseManifests([{ path: 'apps/x-app.yaml', content }]);
  return readArgoApps(manifests, charts);
}

describe('readArgoApps', () => {
  it('reads a Helm-only Application from an OCI registry written without a scheme, with inline values', () => {
    const { argoApps, problems } = read(
      app(
        'cache',
        `  project: data
  destination: {namespace: database}
  source:
    repoURL: registry.example.org/charts
    chart: valkey
    targetRevision: 3.0.22
    helm:
      values: |
        # comment naming pg-media-rw
        primary:
          host: pg-media-rw.database.svc
`,
        '  annotations:\n    homelab.dev/system: data\n',
      ),
    );
    expect(problems).toEqual([]);
    expect(argoApps).toEqual([
      {
        name: 'cache',
        namespace: 'argocd',
        file: 'apps/x-app.yaml',
        project: 'data',
        paths: [],
        charts: [{ repoURL: 'registry.example.org/charts', chart: 'valkey', targetRevision: '3.0.22', releaseName: 'cache' }],
        valueFiles: [],
        inlineValues: [{ chart: 'valkey', value: { primary: { host: 'pg-media-rw.database.svc' } } }],
        recurse: false,
        destinationNamespace: 'database',
        system: 'data',
      },
    ]);
  });

  it('reads valuesObject as inline values', () => {
    const { argoApps } = read(app('x', '  source:\n    repoURL: https://charts.example.org\n    chart: x\n    helm:\n      valuesObject:\n        a: 1\n'));
    expect(argoApps[0].inlineValues).toEqual([{ chart: 'x', value: { a: 1 } }]);
  });

  it('reads three sources: chart with $values files, a ref without path, and a path source', () => {
    const { argoApps } = read(
      app(
        'qdrant',
        `  sources:
  - repoURL: https://qdrant.github.io/qdrant-helm
    chart: qdrant
    targetRevision: 1.14.1
    helm:
      releaseName: vectors
      valueFiles: [$values/cluster/apps/ai/qdrant/values.yaml, $other/unknown.yaml]
  - repoURL: https://github.com/example/homelab-gitops.git
    ref: values
  - repoURL: https://github.com/example/homelab-gitops.git
    path: ./cluster/apps/ai/qdrant/
`,
      ),
    );
    expect(argoApps[0]).toMatchObject({
      paths: ['cluster/apps/ai/qdrant'],
      charts: [{ chart: 'qdrant', releaseName: 'vectors', targetRevision: '1.14.1' }],
      valueFiles: ['cluster/apps/ai/qdrant/values.yaml'],
    });
  });

  it('reads a git path pointing at a vendored chart as a Helm source, with values relative to it', () => {
    const { argoApps } = read(
      app(
        'sonarr',
        `  sources:
  - repoURL: https://github.com/example/homelab-gitops.git
    path: charts/servarr
    targetRevision: main
    helm:
      valueFiles: [values-prod.yaml, $values/cluster/apps/media/sonarr/values.yaml]
  - repoURL: https://github.com/example/homelab-gitops.git
    ref: values
`,
      ),
      [{ path: 'charts/servarr', name: 'servarr', version: '0.3.1' }],
    );
    expect(argoApps[0]).toMatchObject({
      paths: ['charts/servarr'],
      charts: [{ chart: 'servarr', path: 'charts/servarr', targetRevision: '0.3.1', releaseName: 'sonarr' }],
      valueFiles: ['charts/servarr/values-prod.yaml', 'cluster/apps/media/sonarr/values.yaml'],
    });
  });

  it('reads a recursing directory source', () => {
    const { argoApps } = read(app('all', '  source:\n    repoURL: x\n    path: apps\n    directory: {recurse: true}\n'));
    expect(argoApps[0]).toMatchObject({ paths: ['apps'], charts: [], recurse: true });
  });

  it('reports inline values that are not YAML, naming the Application and its file', () => {
    const { argoApps, problems } = read(app('x', '  source:\n    repoURL: r\n    chart: c\n    helm:\n      values: "a: [unclosed"\n'));
    expect(argoApps[0].inlineValues).toEqual([]);
    expect(problems).toEqual([{ file: 'apps/x-app.yaml', line: 1, message: expect.stringMatching(/^Application x: helm.values of chart c is not YAML/) }]);
  });
});
