import { readDocsChangedEvent } from './docsChanged';

describe('readDocsChangedEvent', () => {
  it('reads the payload discovery publishes', () => {
    expect(readDocsChangedEvent({ sourceId: 'homelab-gitops', entityRefs: ['component:default/jellyfin'] })).toEqual({
      sourceId: 'homelab-gitops',
      entityRefs: ['component:default/jellyfin'],
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'component:default/jellyfin'],
    ['no source id', { entityRefs: [] }],
    ['refs that are not strings', { sourceId: 'x', entityRefs: [1] }],
    ['refs that are not a list', { sourceId: 'x', entityRefs: 'component:default/jellyfin' }],
  ])('reads %s as no event', (_what, payload) => {
    expect(readDocsChangedEvent(payload)).toBeUndefined();
  });
});
