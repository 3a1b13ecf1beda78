import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionContext } from '../__testUtils__/actionContext';
import { createHomelabAppWriteAction } from './appWrite';

describe('homelab:app:write', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'homelab-write-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('writes the planned files below the target folder', async () => {
    const { ctx, outputs } = actionContext({ files: [{ path: 'cluster/apps/a/b/x.yaml', content: 'a: 1\n' }], targetPath: 'gitops' }, workspace);
    await createHomelabAppWriteAction().handler(ctx);
    expect(readFileSync(join(workspace, 'gitops/cluster/apps/a/b/x.yaml'), 'utf8')).toBe('a: 1\n');
    expect(outputs.written).toEqual(['cluster/apps/a/b/x.yaml']);
  });

  it.each([
    ['../ in a file path', [{ path: 'ok.yaml', content: '' }, { path: 'cluster/../../escape.yaml', content: '' }], 'gitops', /^files\[1\].path: "cluster\/..\/..\/escape.yaml" must not contain/],
    ['an absolute file path', [{ path: '/etc/passwd', content: '' }], 'gitops', /^files\[0\].path: "\/etc\/passwd" must be a relative path/],
    ['../ in the target folder', [{ path: 'ok.yaml', content: '' }], '../outside', /^targetPath: "..\/outside" must not contain/],
  ])('refuses %s before writing any file', async (_, files, targetPath, message) => {
    const { ctx } = actionContext({ files, targetPath }, workspace);
    await expect(createHomelabAppWriteAction().handler(ctx)).rejects.toThrow(message);
    expect(readdirSync(workspace)).toEqual([]);
  });
});
