import type { Entity } from '@backstage/catalog-model';
import { readScorecard, StockAnnotations } from '@internal/plugin-homelab-common';
import type { PlatformOverview, Severity } from '@internal/plugin-homelab-state-common';

/** passed/total of the convention scorecard discovery wrote, if any. */
export function scorecardSummary(entity: Entity): { passed: number; total: number } | undefined {
  const read = readScorecard(entity);
  if (read.kind !== 'ok') return undefined;
  return { passed: read.findings.filter(f => f.passed).length, total: read.findings.length };
}

/** Sync and health of the entity's Argo CD Application, from the live-state overview. */
export function argoStatus(
  entity: Entity,
  overview?: PlatformOverview,
): { text: string; severity: Severity } | undefined {
  const app = entity.metadata.annotations?.[StockAnnotations.argocdAppName];
  if (!app || !overview) return undefined;
  const found = overview.argo.applications.find(a => a.name === app);
  if (!found) return { text: 'not in cluster', severity: 'unknown' };
  return { text: `${found.syncStatus} ${found.healthStatus}`, severity: found.severity };
}

/** Domain of an entity: its own for a System, its system's for the rest. */
export function domainOf(entity: Entity, systemDomains: Map<string, string>): string | undefined {
  if (entity.kind === 'System') return typeof entity.spec?.domain === 'string' ? entity.spec.domain : undefined;
  if (entity.kind === 'Domain') return entity.metadata.name;
  const system = entity.spec?.system;
  return typeof system === 'string' ? systemDomains.get(system.replace(/^system:(default\/)?/, '')) : undefined;
}
