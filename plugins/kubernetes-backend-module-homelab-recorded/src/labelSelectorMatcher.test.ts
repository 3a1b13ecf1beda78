import { labelSelectorMatcher } from './labelSelectorMatcher';

const immichMl = { 'app.kubernetes.io/name': 'immich', 'app.kubernetes.io/component': 'machine-learning' };
const immichServer = { 'app.kubernetes.io/name': 'immich', 'app.kubernetes.io/component': 'server' };
const jellyfin = { 'app.kubernetes.io/name': 'jellyfin' };

describe('labelSelectorMatcher', () => {
  it.each([
    ['app.kubernetes.io/name=immich', [true, true, false]],
    ['app.kubernetes.io/name==immich', [true, true, false]],
    ['app.kubernetes.io/name!=immich', [false, false, true]],
    ['app.kubernetes.io/name=immich,app.kubernetes.io/component=server', [false, true, false]],
    ['app.kubernetes.io/name in (immich, jellyfin)', [true, true, true]],
    ['app.kubernetes.io/component notin (server)', [true, false, true]],
    ['app.kubernetes.io/component', [true, true, false]],
    ['!app.kubernetes.io/component', [false, false, true]],
    ['app.kubernetes.io/name in (immich),!app.kubernetes.io/component', [false, false, false]],
    ['', [true, true, true]],
  ])('%s', (selector, expected) => {
    const matches = labelSelectorMatcher(selector);
    expect([immichMl, immichServer, jellyfin].map(l => matches(l))).toEqual(expected);
  });

  it('matches an object without labels only by negative requirements', () => {
    expect(labelSelectorMatcher('a=b')(undefined)).toBe(false);
    expect(labelSelectorMatcher('!a')(undefined)).toBe(true);
  });

  it('names the requirement it cannot read', () => {
    expect(() => labelSelectorMatcher('app in immich')).toThrow('Cannot read label selector requirement "app in immich"');
  });
});
