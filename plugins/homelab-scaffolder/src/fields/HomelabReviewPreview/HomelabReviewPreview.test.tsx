import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockApis, registerMswTestHooks, renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ScaffolderClient } from '@backstage/plugin-scaffolder-common';
import { scaffolderApiRef, SecretsContextProvider } from '@backstage/plugin-scaffolder-react';
import { FieldHarness } from '../../testing/FieldHarness';
import { HomelabReviewPreview } from './HomelabReviewPreview';

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'app-with-postgres', namespace: 'default', title: 'App with Postgres' },
  spec: { type: 'service', owner: 'group:default/admins', parameters: [], steps: [] },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/admins' }],
};

const plan = [
  {
    path: 'cluster/apps/media/photos/deployment.yaml',
    action: 'create',
    content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: photos\n',
  },
  {
    path: 'cluster/apps/media/kustomization.yaml',
    action: 'edit',
    content: 'resources:\n  - jellyfin\n  - photos\n',
    diff: '--- a/cluster/apps/media/kustomization.yaml\n+++ b/cluster/apps/media/kustomization.yaml\n@@ -1,2 +1,3 @@\n resources:\n   - jellyfin\n+  - photos\n',
  },
];

const server = setupServer();
registerMswTestHooks(server);

const scaffolderApi = new ScaffolderClient({
  discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
  fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
  scmIntegrationsApi: {} as any,
});

async function renderPreview() {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApiMock({ entities: [template] })],
        [scaffolderApiRef, scaffolderApi],
      ]}
    >
      <SecretsContextProvider>
        {/* Where the scaffolder's Create page renders a template's form. */}
        <Routes>
          <Route
            path="/create/templates/:namespace/:templateName"
            element={
              <FieldHarness
                Field={HomelabReviewPreview}
                name="preview"
                title="What will change"
                otherValues={{ name: 'photos', domain: 'media', postgresCluster: 'pg-media' }}
              />
            }
          />
        </Routes>
      </SecretsContextProvider>
    </TestApiProvider>,
    { initialRouteEntries: ['/create/templates/default/app-with-postgres'] },
  );
}

describe('HomelabReviewPreview', () => {
  it('dry-runs the template with the form values and shows each file, edits with their diff', async () => {
    const requests: any[] = [];
    server.use(
      http.post('http://localhost:7007/api/scaffolder/v2/dry-run', async ({ request }) => {
        requests.push(await request.json());
        return HttpResponse.json({ directoryContents: [], log: [], steps: [], output: { files: plan } });
      }),
    );
    await renderPreview();

    expect(await screen.findByText('1 file to create, 1 to change.')).toBeInTheDocument();
    expect(requests).toEqual([
      {
        template: {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: { name: 'app-with-postgres', namespace: 'default', title: 'App with Postgres' },
          spec: { type: 'service', owner: 'group:default/admins', parameters: [], steps: [] },
        },
        values: { name: 'photos', domain: 'media', postgresCluster: 'pg-media' },
        secrets: {},
        directoryContents: [],
      },
    ]);
    expect(screen.getAllByRole('listitem').map(li => li.querySelector('[aria-label]')?.getAttribute('aria-label'))).toEqual([
      'Edit cluster/apps/media/kustomization.yaml',
      'Create cluster/apps/media/photos/deployment.yaml',
    ]);
    // The edit is open with its diff, coloured by line kind.
    const diffRows = Array.from(document.querySelectorAll('[data-kind]')).map(e => [e.getAttribute('data-kind'), e.textContent]);
    expect(diffRows).toEqual([
      ['file', '--- a/cluster/apps/media/kustomization.yaml'],
      ['file', '+++ b/cluster/apps/media/kustomization.yaml'],
      ['hunk', '@@ -1,2 +1,3 @@'],
      ['context', ' resources:'],
      ['context', '   - jellyfin'],
      ['add', '+  - photos'],
    ]);
    // A new file unfolds to its content.
    fireEvent.click(screen.getByRole('button', { name: 'Create cluster/apps/media/photos/deployment.yaml' }));
    expect(await screen.findByText('kind: Deployment')).toBeInTheDocument();
  });

  it('shows the HTTP status and the backend message when the dry-run fails, and runs again on request', async () => {
    let calls = 0;
    server.use(
      http.post('http://localhost:7007/api/scaffolder/v2/dry-run', () => {
        calls += 1;
        return HttpResponse.json(
          {
            error: { name: 'InputError', message: 'domain: "platform" is not an app domain' },
            request: { method: 'POST', url: '/api/scaffolder/v2/dry-run' },
            response: { statusCode: 400 },
          },
          { status: 400, statusText: 'Bad Request' },
        );
      }),
    );
    await renderPreview();
    expect(await screen.findByText('The dry-run failed (HTTP 400 Bad Request)')).toBeInTheDocument();
    expect(screen.getByText('InputError: domain: "platform" is not an app domain')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Files the template will write' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    expect(await screen.findByText('The dry-run failed (HTTP 400 Bad Request)')).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('falls back to the workspace files when the template outputs no plan', async () => {
    server.use(
      http.post('http://localhost:7007/api/scaffolder/v2/dry-run', () =>
        HttpResponse.json({
          directoryContents: [{ path: 'README.md', base64Content: Buffer.from('# photos\n').toString('base64') }],
          log: [],
          steps: [],
          output: {},
        }),
      ),
    );
    await renderPreview();
    expect(await screen.findByText('1 file to create, 0 to change.')).toBeInTheDocument();
    expect(screen.getByText(/The template lists no planned files/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create README.md' })).toBeInTheDocument();
  });
});
