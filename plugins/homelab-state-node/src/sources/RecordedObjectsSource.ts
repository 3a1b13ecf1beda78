import type { KubeObject, ObjectKind } from '@internal/plugin-homelab-state-common';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ObjectSource } from './types';
import { StateReadError } from './types';

/**
 * Serves objects from a folder of `kubectl get <plural>.<group> -A -o yaml`
 * dumps, one file per kind named `<plural>.<group>.yaml` (`<plural>.yaml` for
 * the core group, as in `pods.yaml`). A missing file reads as a kind that is
 * not installed, like a cluster without that CRD.
 *
 * @public
 */
export class RecordedObjectsSource implements ObjectSource {
  constructor(
    private readonly folder: string,
    private readonly clusterName: string = 'recorded',
  ) {}

  clusters(): string[] {
    return [this.clusterName];
  }

  async list(cluster: string, kind: ObjectKind): Promise<KubeObject[]> {
    const file = join(this.folder, kind.group ? `${kind.plural}.${kind.group}.yaml` : `${kind.plural}.yaml`);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StateReadError('not-installed', cluster, kind, `${kind.kind} is not installed in cluster ${cluster} (no recording ${file})`);
      }
      throw new StateReadError('unreachable', cluster, kind, `Cannot read recording ${file}: ${(e as Error).message}`);
    }
    const items: KubeObject[] = [];
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) {
        const line = doc.errors[0].linePos?.[0]?.line;
        throw new StateReadError('unknown', cluster, kind, `Recording ${file}${line ? `:${line}` : ''} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
      }
      const value = doc.toJS();
      if (!value) continue;
      const list = value.kind === 'List' || Array.isArray(value.items) ? value.items ?? [] : [value];
      for (const item of list) {
        if (item?.kind === kind.kind && item?.metadata?.name) items.push(item);
      }
    }
    return items;
  }
}
