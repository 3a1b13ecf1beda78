import { CodeSnippet, WarningPanel } from '@backstage/core-components';
import type { Severity, StateError } from '@internal/plugin-homelab-state-common';
import { Box, Chip, Typography } from '@material-ui/core';
import { createContext, useContext, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

export const SEVERITY_COLORS: Record<Severity, string> = {
  ok: '#2e7d32',
  warning: '#ed6c02',
  error: '#c62828',
  unknown: '#757575',
};

export function SeverityChip({ severity, label }: { severity: Severity; label?: string }) {
  return (
    <Chip
      size="small"
      label={label ?? severity}
      style={{ background: SEVERITY_COLORS[severity], color: 'white', fontWeight: 600 }}
    />
  );
}

/** "3 h ago", "2 d ago": ages read faster than timestamps. */
export function age(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 90) return `${Math.round(seconds)} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

/**
 * The time ages are measured against: the backend's observation time, which
 * for recordings is when they were taken.
 */
export const ObservedAtContext = createContext<Date | undefined>(undefined);

export function useAge(): (iso: string | undefined) => string {
  const observedAt = useContext(ObservedAtContext);
  return iso => age(iso, observedAt ?? new Date());
}

export function bytes(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

const ERROR_TITLES: Record<StateError['type'], (e: StateError) => string> = {
  forbidden: e => `The portal may not list ${e.kind} in cluster ${e.cluster}`,
  unauthorized: e => `Cluster ${e.cluster} refused the portal's credentials`,
  'not-installed': e => `${e.kind} is not installed in cluster ${e.cluster}`,
  timeout: e => `Cluster ${e.cluster} did not answer in time (${e.kind})`,
  unreachable: e => `Cluster ${e.cluster} is unreachable (${e.kind})`,
  'unsupported-auth': e => `Cluster ${e.cluster} is not read: the portal cannot use its configured credentials (${e.kind})`,
  unknown: e => `Reading ${e.kind} from cluster ${e.cluster} failed`,
};

/** Says what could not be read and what to do, never a blank card. */
export function StateErrors({ errors, fetchedAt }: { errors: StateError[]; fetchedAt?: string }) {
  const ago = useAge();
  if (errors.length === 0) return null;
  return (
    <Box mb={2}>
      {errors.map(e => (
        <Box key={`${e.cluster}/${e.kind}`} mb={1}>
          <WarningPanel
            severity={e.type === 'not-installed' ? 'info' : 'warning'}
            title={ERROR_TITLES[e.type](e)}
            message={
              <>
                <Typography variant="body2">{e.message}</Typography>
                {(e.type === 'timeout' || e.type === 'unreachable') && (
                  <Typography variant="body2">
                    {fetchedAt ? `Showing the last known state, read ${ago(fetchedAt)}.` : 'No earlier state is known.'}
                  </Typography>
                )}
                {e.rbacRule && (
                  <>
                    <Typography variant="body2">Add this rule to the portal's ClusterRole:</Typography>
                    <CodeSnippet language="yaml" text={e.rbacRule} />
                  </>
                )}
              </>
            }
          />
        </Box>
      ))}
    </Box>
  );
}

/**
 * Loads with `load` now and every `intervalMs`, keeping the last value while
 * reloading. Polling pauses while the tab is hidden and catches up as soon
 * as it is shown again: a background tab costs the backend nothing.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number, deps: unknown[] = []) {
  const state = useAsyncRetry(load, deps);
  const [last, setLast] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (state.value !== undefined) setLast(state.value);
  }, [state.value]);
  const { retry } = state;
  useEffect(() => {
    let id: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (id === undefined) id = setInterval(retry, intervalMs);
    };
    const stop = () => {
      if (id !== undefined) clearInterval(id);
      id = undefined;
    };
    const onVisibility = () => {
      if (document.hidden) {
        stop();
      } else {
        retry();
        start();
      }
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [retry, intervalMs]);
  return { value: state.value ?? last, error: state.error, loading: state.loading, retry };
}

/** Why enrichment figures are missing: an info note, never a failure. */
export function EnrichmentNote({ title, error }: { title: string; error?: string }) {
  if (!error) return null;
  return (
    <Box mb={2}>
      <WarningPanel severity="info" title={title} message={error} />
    </Box>
  );
}

/** Why Prometheus figures are missing: an info note, never a failure. */
export function PrometheusNote({ error }: { error?: string }) {
  return <EnrichmentNote title="Some Prometheus figures are not shown" error={error} />;
}

/** "0.4 s", "2 min": a replication lag. */
export function lagDuration(v: number): string {
  if (v < 60) return `${Math.round(v * 10) / 10} s`;
  if (v < 5400) return `${Math.round(v / 60)} min`;
  return `${Math.round(v / 3600)} h`;
}
