import { ConfigReader } from '@backstage/config';
import { createRayDashboardClient, readClusterConnections, readStateConfig } from './config';

const read = (rayDashboard?: unknown) =>
  readStateConfig(new ConfigReader({ homelab: { state: rayDashboard === undefined ? {} : { rayDashboard } } }));

describe('readStateConfig: rayDashboard', () => {
  it.each([
    ['unset', undefined, { enabled: false, port: 8265 }],
    ['enabled', { enabled: true }, { enabled: true, port: 8265 }],
    ['enabled on another port', { enabled: true, port: 18265 }, { enabled: true, port: 18265 }],
  ])('reads %s', (_name, value, expected) => {
    expect(read(value).rayDashboard).toEqual(expected);
  });

  it.each([
    ['a string for enabled', { enabled: 'maybe' }, 'homelab.state.rayDashboard.enabled must be true or false, got "maybe"'],
    ['a string for port', { enabled: true, port: 'http' }, 'homelab.state.rayDashboard.port must be a TCP port (1–65535), got "http"'],
    ['port 0', { port: 0 }, 'homelab.state.rayDashboard.port must be a TCP port (1–65535), got 0'],
    ['port 70000', { port: 70000 }, 'homelab.state.rayDashboard.port must be a TCP port (1–65535), got 70000'],
    ['a fractional port', { port: 8265.5 }, 'homelab.state.rayDashboard.port must be a TCP port (1–65535), got 8265.5'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => read(value)).toThrow(message);
  });

  it('creates a client only when enabled', () => {
    expect(createRayDashboardClient(read())).toBeUndefined();
    expect(createRayDashboardClient(read({ enabled: true }))).toBeDefined();
  });
});

describe('readClusterConnections', () => {
  const connections = (clusters: Array<Record<string, string>>) =>
    readClusterConnections(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [{ type: 'catalog' }, { type: 'config', clusters }],
        },
      }),
    );

  it('keeps each config cluster with its authProvider, and skips other locators', () => {
    expect(
      connections([
        { name: 'homelab', url: 'https://kubernetes.default.svc', authProvider: 'serviceAccount', caFile: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt' },
        { name: 'cloud', url: 'https://cloud.example:6443', authProvider: 'oidc', oidcTokenProvider: 'authentik' },
      ]),
    ).toEqual([
      { name: 'homelab', url: 'https://kubernetes.default.svc', authProvider: 'serviceAccount', caFile: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt' },
      { name: 'cloud', url: 'https://cloud.example:6443', authProvider: 'oidc' },
    ]);
  });

  it('refuses a cluster without an authProvider, naming the key', () => {
    expect(() => connections([{ name: 'homelab', url: 'https://kubernetes.default.svc' }])).toThrow(
      "Missing required config value at 'kubernetes.clusterLocatorMethods[1].clusters[0].authProvider'",
    );
  });
});

describe('readStateConfig: serving stale lists while they reload', () => {
  const state = (values: object) => readStateConfig(new ConfigReader({ homelab: { state: values } }));
  it('defaults to one TTL, follows the TTL, and 0 turns it off', () => {
    expect(state({}).serveStaleMs).toBe(30_000);
    expect(state({ cacheTtlSeconds: 5 }).serveStaleMs).toBe(5_000);
    expect(state({ cacheTtlSeconds: 5, serveStaleSeconds: 0 }).serveStaleMs).toBe(0);
  });
  it('refuses a negative window, naming the key', () => {
    expect(() => state({ serveStaleSeconds: -1 })).toThrow('homelab.state.serveStaleSeconds must be zero or a positive number, got -1');
  });
});
