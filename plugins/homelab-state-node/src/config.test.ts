import { ConfigReader } from '@backstage/config';
import { createRayDashboardClient, readStateConfig } from './config';

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
