import { readSyncOutcome } from './DocsPrebuilder';

describe('readSyncOutcome', () => {
  it('reads the finish event of a build', () => {
    expect(readSyncOutcome('event: log\ndata: "Step 1"\n\nevent: finish\ndata: {"updated":true}\n\n')).toEqual({ updated: true });
    expect(readSyncOutcome('event: finish\ndata: {"updated":false}\n\n')).toEqual({ updated: false });
  });
  it('reads an error event, and a stream without a result as an error', () => {
    expect(readSyncOutcome('event: log\ndata: "x"\n\nevent: error\ndata: "mkdocs failed"\n\n')).toEqual({ error: 'mkdocs failed' });
    expect(readSyncOutcome('event: log\ndata: "x"\n\n')).toEqual({ error: 'the build ended without a result' });
  });
});
