import { HomelabFieldRules } from './HomelabFieldRules';
import { hostnamePatternFor, validateHostname } from './hostnameRule';

const hostile = [
  '../x',
  '/abs',
  'a/../../etc',
  'foo\nkind: Secret',
  'foo\r\nkind: Secret',
  '${{ secrets.token }}',
  '',
];

// [value, accepted] per rule. The pattern (what the backend checks) and the
// validator (what the form shows) must give the same verdict on each.
const table: Record<keyof typeof HomelabFieldRules, Array<[string, boolean]>> = {
  appName: [
    ['myapp', true],
    ['my-app-2', true],
    ['a', true],
    ['0app', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['UPPER', false],
    ['Myapp', false],
    ['a_b', false],
    ['a.b', false],
    ['-lead', false],
    ['trail-', false],
    ['my app', false],
    ...hostile.map((v): [string, boolean] => [v, false]),
  ],
  hostname: [
    ['app.homelab.example', true],
    ['a-b.c.example.org', true],
    ['app', false],
    ['App.homelab.example', false],
    ['app.homelab.example.', false],
    ['https://app.homelab.example', false],
    ['app.homelab.example/path', false],
    ['app.homelab.example:443', false],
    ['a_b.homelab.example', false],
    ['-x.homelab.example', false],
    [`${'a'.repeat(64)}.homelab.example`, false],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`, false],
    ...hostile.map((v): [string, boolean] => [v, false]),
  ],
  image: [
    ['nginx:1.27', true],
    ['ghcr.io/owner/app:1.2.3', true],
    ['lscr.io/linuxserver/sonarr:4.0.14', true],
    ['registry.local:5000/team/app:v2', true],
    ['app:latest-1', true],
    ['app:Latest', true],
    [`app@sha256:${'a'.repeat(64)}`, true],
    [`app:latest@sha256:${'a'.repeat(64)}`, false],
    [`ghcr.io/o/app:1.0@sha256:${'b'.repeat(64)}`, true],
    ['nginx', false],
    ['nginx:latest', false],
    ['ghcr.io/owner/app:latest', false],
    ['Owner/App:1.0', false],
    ['app:', false],
    ['app:-1', false],
    ['app@sha256:abc', false],
    ['app:1.0 ', false],
    ['app:1.0\nkind: Secret', false],
    ...hostile.map((v): [string, boolean] => [v, false]),
  ],
  singleLineText: [
    ['Photos of the family', true],
    ['kind: Secret', true],
    ['', true],
    ['"quoted" & {braces}: [x]', true],
    ['foo\nkind: Secret', false],
    ['foo\r\nkind: Secret', false],
    ['tab\there', false],
    ['nul\u0000', false],
    ['x'.repeat(200), true],
    ['x'.repeat(201), false],
  ],
};

describe('HomelabFieldRules', () => {
  for (const [ruleName, rows] of Object.entries(table) as Array<[keyof typeof HomelabFieldRules, Array<[string, boolean]>]>) {
    const rule = HomelabFieldRules[ruleName];
    it.each(rows)(`${ruleName}: pattern, maxLength and validator agree on %j (accepted: %s)`, (value, accepted) => {
      const byPattern = new RegExp(rule.pattern).test(value) && value.length <= rule.maxLength;
      const message = rule.validate(value);
      expect({ byPattern, byValidator: message === undefined, explained: accepted || /\S/.test(message ?? '') }).toEqual({
        byPattern: accepted,
        byValidator: accepted,
        explained: true,
      });
    });
  }
});

describe('refusal messages say what to change', () => {
  it.each([
    ['appName', 'UPPER', '"UPPER" has capital letters; use lowercase (upper).'],
    ['appName', '../x', '"../x" looks like a path; a name is one DNS label, no "/" or "..".'],
    ['appName', 'x'.repeat(80), `"${'x'.repeat(67)}..." is 80 characters long; a name has at most 63.`],
    ['appName', '-lead', '"-lead" starts or ends with "-"; start and end with a letter or digit.'],
    ['appName', 'a_b', '"a_b" is not a DNS-1123 label: use only lowercase letters, digits and "-".'],
    ['appName', 'a'.repeat(64), `"${'a'.repeat(64)}" is 64 characters long; a name has at most 63.`],
    ['appName', 'foo\nkind: Secret', '"foo\\nkind: Secret" is not a DNS-1123 label: use only lowercase letters, digits and "-".'],
    ['image', 'nginx:latest', '"nginx:latest" uses the tag latest; pin a version (e.g. :1.2.3) or a digest.'],
    ['image', 'nginx', '"nginx" has no tag; pin a version (e.g. nginx:1.2.3) or a digest.'],
    ['image', '../x', '"../x" is not an image reference like registry/owner/app:1.2.3 (lowercase repository path).'],
    ['singleLineText', 'foo\nkind: Secret', '"foo\\nkind: Secret" has a line break or control character; write one line of plain text.'],
    ['hostname', 'https://x.example.org', '"https://x.example.org" is not a host name: no scheme, port or path, only e.g. app.example.org.'],
  ] as const)('%s refuses %j', (ruleName, value, message) => {
    expect(HomelabFieldRules[ruleName].validate(value)).toBe(message);
  });
});

describe('hostnames inside the base domain', () => {
  it.each([
    ['app.homelab.example', true],
    ['a.b.homelab.example', true],
    ['homelab.example', false],
    ['app.homelab.example.evil.org', false],
    ['app.evilhomelab.example', false],
    ['app.homelabxexample', false],
    ['app.other.example', false],
  ])('%s inside homelab.example: %s', (host, accepted) => {
    const byPattern = new RegExp(hostnamePatternFor('homelab.example')).test(host);
    const message = validateHostname(host, 'homelab.example');
    expect({ byPattern, byValidator: message === undefined }).toEqual({ byPattern: accepted, byValidator: accepted });
  });

  it('names the base domain when refusing', () => {
    expect(validateHostname('app.other.example', 'homelab.example')).toBe(
      '"app.other.example" is outside the base domain homelab.example; use a name like <app>.homelab.example.',
    );
  });
});
