import { excessiveFlowDepthLine, MAX_FLOW_DEPTH, parseManifests } from './parseManifests';

describe('parseManifests', () => {
  it('reads every document of multi-document files with its line, kustomizations included', () => {
    const { manifests, documents, problems } = parseManifests([
      {
        path: 'a/app.yaml',
        content: '# comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: two\n',
      },
      { path: 'a/kustomization.yaml', content: 'kind: Kustomization\nnamespace: media\nresources: [app.yaml]\n' },
      { path: 'a/values.yaml', content: 'image:\n  tag: "1.0"\n' },
      { path: 'a/README.md', content: '# not yaml: [' },
    ]);
    expect(problems).toEqual([]);
    expect(manifests.map(m => [m.file, m.line, m.object.kind, m.object.metadata.name])).toEqual([
      ['a/app.yaml', 2, 'ConfigMap', 'one'],
      ['a/app.yaml', 7, 'Service', 'two'],
      ['a/kustomization.yaml', 1, 'Kustomization', 'kustomization'],
    ]);
    expect(documents.map(d => d.file)).toEqual(['a/app.yaml', 'a/app.yaml', 'a/kustomization.yaml', 'a/values.yaml']);
  });

  it('gives a malformed file one problem with file and line, and keeps its good documents and the other files', () => {
    const { manifests, problems } = parseManifests([
      {
        path: 'bad.yaml',
        content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkey: [unclosed\n---\nother: {also: [broken\n',
      },
      { path: 'good.yaml', content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: fine\n' },
    ]);
    expect(problems).toEqual([{ file: 'bad.yaml', line: expect.any(Number), message: expect.stringMatching(/^YAML error: .*\(and \d+ more errors? in this file\)$/) }]);
    expect(problems[0].line).toBeGreaterThanOrEqual(6);
    expect(manifests.map(m => m.object.metadata.name)).toEqual(['ok', 'fine']);
  });

  it('gives a 5,000-deep nested flow sequence exactly one problem', () => {
    const depth = 5000;
    const { manifests, problems } = parseManifests([
      { path: 'deep.yaml', content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n` },
      { path: 'deep-many.yaml', content: Array.from({ length: 30 }, () => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`).join('---\n') },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems.map(p => p.file)).toEqual(['deep.yaml', 'deep-many.yaml']);
    expect(problems[0].message).toMatch(/^YAML error: /);
    expect(manifests).toEqual([]);
  });

  it('skips a file nested past the depth limit before parsing it, naming the line', () => {
    const deep = `${'['.repeat(MAX_FLOW_DEPTH + 1)}${']'.repeat(MAX_FLOW_DEPTH + 1)}`;
    expect(parseManifests([{ path: 'd.yaml', content: `a: 1\n---\nb: ${deep}\n` }]).problems).toEqual([
      { file: 'd.yaml', line: 3, message: `YAML error: flow collections nested more than ${MAX_FLOW_DEPTH} levels deep; file skipped` },
    ]);
  });

  it.each([
    ['brackets in a Prometheus expression', 'expr: rate(x[5m]) > sum(y[1h])\n'],
    ['brackets in quotes and comments', `a: "${'['.repeat(300)}"\n# ${'{'.repeat(300)}\nb: ['x', "y[", 'z{']\n`],
    ['flow nesting at the limit', `a: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}\n`],
  ])('does not count %s as deep nesting', (_case, content) => {
    expect(excessiveFlowDepthLine(content)).toBeUndefined();
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const { problems } = parseManifests([{ path: 'bomb.yaml', content: bomb }]);
    expect(problems).toEqual([{ file: 'bomb.yaml', message: expect.stringMatching(/^YAML error: .*alias/i) }]);
  });
});
