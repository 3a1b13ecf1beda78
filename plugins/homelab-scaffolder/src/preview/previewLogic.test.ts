import { ResponseError } from '@backstage/errors';
import type { ScaffolderDryRunResponse } from '@backstage/plugin-scaffolder-common';
import { describeDryRunError } from './describeDryRunError';
import { diffLines, diffStat } from './diffLines';
import { plannedFilesFromDryRun } from './plannedFilesFromDryRun';

const kustomizationDiff = [
  '--- a/cluster/apps/media/kustomization.yaml',
  '+++ b/cluster/apps/media/kustomization.yaml',
  '@@ -3,4 +3,5 @@ kind: Kustomization',
  ' resources:',
  '   - jellyfin',
  '+  - photos',
  '   - sonarr',
  '-  # old comment',
  '',
].join('\n');

const response = (output: Record<string, unknown>, files: Record<string, string> = {}): ScaffolderDryRunResponse => ({
  directoryContents: Object.entries(files).map(([path, content]) => ({
    path,
    base64Content: Buffer.from(content, 'utf-8').toString('base64'),
  })),
  log: [],
  steps: [],
  output,
});

describe('diffLines', () => {
  it('classifies every line of a unified diff', () => {
    expect(diffLines(kustomizationDiff).map(l => l.kind)).toEqual([
      'file',
      'file',
      'hunk',
      'context',
      'context',
      'add',
      'context',
      'remove',
    ]);
    expect(diffStat(kustomizationDiff)).toEqual({ added: 1, removed: 1 });
  });
});

describe('plannedFilesFromDryRun', () => {
  it('takes the plan from the template output, sorted by path', () => {
    const files = [
      { path: 'cluster/apps/media/photos/deployment.yaml', action: 'create', content: 'kind: Deployment\n' },
      { path: 'cluster/apps/media/kustomization.yaml', action: 'edit', content: 'x', diff: kustomizationDiff },
    ];
    expect(plannedFilesFromDryRun(response({ files }, { 'ignored.txt': 'x' }))).toEqual({
      source: 'plan',
      files: [files[1], files[0]],
    });
  });

  it('reads another output key when asked', () => {
    const plan = [{ path: 'a.yaml', action: 'create' }];
    expect(plannedFilesFromDryRun(response({ plan }), 'plan').files).toEqual(plan);
  });

  it('falls back to the workspace files, decoded as UTF-8, when the output has no valid plan', () => {
    expect(plannedFilesFromDryRun(response({ files: [{ path: 'x', action: 'delete' }] }, { 'b.md': 'Grüße\n', 'a.yaml': 'a: 1\n' }))).toEqual({
      source: 'workspace',
      files: [
        { path: 'a.yaml', action: 'create', content: 'a: 1\n' },
        { path: 'b.md', action: 'create', content: 'Grüße\n' },
      ],
    });
  });
});

describe('describeDryRunError', () => {
  const jsonResponse = (status: number, statusText: string, body: unknown) =>
    new Response(JSON.stringify(body), { status, statusText, headers: { 'content-type': 'application/json' } });

  it('shows the status and the backend error of a failed step', async () => {
    const error = await ResponseError.fromResponse(
      jsonResponse(400, 'Bad Request', {
        error: { name: 'InputError', message: 'An app named "jellyfin" already exists' },
        request: { method: 'POST', url: '/api/scaffolder/v2/dry-run' },
        response: { statusCode: 400 },
      }),
    );
    expect(describeDryRunError(error)).toEqual({
      status: 'HTTP 400 Bad Request',
      message: 'InputError: An app named "jellyfin" already exists',
      details: [],
    });
  });

  it('names the domain when the permission policy refuses a step', async () => {
    const refusal = () =>
      ResponseError.fromResponse(
        jsonResponse(403, 'Forbidden', {
          error: { name: 'NotAllowedError', message: 'Unauthorized action: homelab:app:plan. The action is not allowed.' },
          request: { method: 'POST', url: '/api/scaffolder/v2/dry-run' },
          response: { statusCode: 403 },
        }),
      );
    const hint =
      'Friends create apps only in the domains configured for their group (homelab.permissions.friendDomains); pick another domain or ask an admin.';
    expect(describeDryRunError(await refusal(), { domain: 'ai' })).toEqual({
      status: 'HTTP 403 Forbidden',
      message: 'You may not create apps in domain ai: the permission policy refused the step homelab:app:plan.',
      details: [hint],
    });
    expect(describeDryRunError(await refusal())).toEqual({
      status: 'HTTP 403 Forbidden',
      message: 'The permission policy refused the step homelab:app:plan for these values.',
      details: [hint],
    });
  });

  it('keeps any other 403 as the backend said it', async () => {
    const error = await ResponseError.fromResponse(
      jsonResponse(403, 'Forbidden', {
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'POST', url: '/api/scaffolder/v2/dry-run' },
        response: { statusCode: 403 },
      }),
    );
    expect(describeDryRunError(error, { domain: 'ai' })).toEqual({
      status: 'HTTP 403 Forbidden',
      message: 'NotAllowedError: Unauthorized',
      details: [],
    });
  });

  it('lists each value the template schema refused', async () => {
    const error = await ResponseError.fromResponse(
      jsonResponse(400, 'Bad Request', {
        errors: [
          { property: 'instance.name', message: 'does not match pattern', stack: 'instance.name does not match pattern "^[a-z0-9]"' },
          { property: 'instance', message: 'requires property "image"', stack: 'instance requires property "image"' },
        ],
      }),
    );
    expect(describeDryRunError(error)).toEqual({
      status: 'HTTP 400 Bad Request',
      message: 'The backend refused the form values before running anything.',
      details: ['name does not match pattern "^[a-z0-9]"', ' requires property "image"'],
    });
  });

  it('keeps a plain error (no response) as its message', () => {
    expect(describeDryRunError(new TypeError('Failed to fetch'))).toEqual({ message: 'Failed to fetch', details: [] });
  });
});
