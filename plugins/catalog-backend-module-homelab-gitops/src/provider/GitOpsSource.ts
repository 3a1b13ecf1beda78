import type { Config } from '@backstage/config';
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import type { ScorecardRuleId } from '@internal/plugin-homelab-common';
import { SCORECARD_RULES } from '@internal/plugin-homelab-common';
import type { GitOpsLayout } from '@internal/plugin-homelab-gitops-node';
import { ALL_SCORECARD_RULES, DEFAULT_MAX_FILE_SIZE_BYTES, readGitOpsLayout } from '@internal/plugin-homelab-gitops-node';
import { resolve } from 'node:path';

/** One configured GitOps repo. */
export interface GitOpsSource {
  id: string;
  /** Absolute directory, for a local source. */
  path?: string;
  /** Repo URL, for a remote source read through UrlReader. */
  url?: string;
  /** Base URL for links to files (…/tree/<branch>). */
  browseUrl?: string;
  owner: string;
  layout: GitOpsLayout;
  rules: ScorecardRuleId[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  kubernetesCluster?: string;
  /** Files larger than this are skipped with one warning, unread. */
  maxFileSizeBytes: number;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

/** Reads and checks `homelab.gitops`; errors name the offending key. */
export function readGitOpsSources(config: Config): GitOpsSource[] {
  const gitops = config.getOptionalConfig('homelab.gitops');
  if (!gitops) return [];
  const owner = gitops.getOptionalString('owner') ?? 'group:admins';
  const ids = new Set<string>();
  return (gitops.getOptionalConfigArray('sources') ?? []).map((c, i) => {
    const id = c.getString('id');
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(id)) {
      throw new Error(`homelab.gitops.sources[${i}].id "${id}" must be lowercase letters, digits and dashes`);
    }
    if (ids.has(id)) throw new Error(`homelab.gitops.sources[${i}].id "${id}" is used twice`);
    ids.add(id);
    const path = c.getOptionalString('path');
    const url = c.getOptionalString('url');
    if (!!path === !!url) {
      throw new Error(`homelab.gitops.sources[${i}] (${id}) needs exactly one of path or url`);
    }
    const rules = (c.getOptionalStringArray('scorecard.rules') ?? ALL_SCORECARD_RULES) as ScorecardRuleId[];
    const unknown = rules.filter(r => !(r in SCORECARD_RULES));
    if (unknown.length) {
      throw new Error(
        `homelab.gitops.sources[${i}].scorecard.rules has unknown rule(s) ${unknown.join(', ')}; known: ${ALL_SCORECARD_RULES.join(', ')}`,
      );
    }
    const maxFileSizeBytes = c.getOptionalNumber('maxFileSizeBytes') ?? DEFAULT_MAX_FILE_SIZE_BYTES;
    if (!Number.isInteger(maxFileSizeBytes) || maxFileSizeBytes <= 0) {
      throw new Error(`homelab.gitops.sources[${i}].maxFileSizeBytes must be a positive whole number of bytes, got ${maxFileSizeBytes}`);
    }
    return {
      id,
      path: path ? resolve(path) : undefined,
      url,
      browseUrl: (c.getOptionalString('browseUrl') ?? url)?.replace(/\/+$/, ''),
      owner,
      layout: readGitOpsLayout(c.getOptionalConfig('layout')),
      rules,
      schedule: c.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(c.getConfig('schedule'))
        : DEFAULT_SCHEDULE,
      kubernetesCluster: c.getOptionalString('kubernetesCluster'),
      maxFileSizeBytes,
    };
  });
}
