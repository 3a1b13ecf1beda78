/**
 * The base domain the repo's apps are served under: the most common parent
 * domain of the existing ingress hosts (`jellyfin.homelab.example` →
 * `homelab.example`). Parents that are a bare top-level domain do not count.
 * Ties go to the shorter parent, the broader choice. Undefined without hosts.
 *
 * @public
 */
export function learnBaseDomain(hosts: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const host of hosts) {
    const parent = host.toLowerCase().split('.').slice(1).join('.');
    if (!parent.includes('.')) continue;
    counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) {
    if (
      !best ||
      entry[1] > best[1] ||
      (entry[1] === best[1] && (entry[0].length < best[0].length || (entry[0].length === best[0].length && entry[0] < best[0])))
    ) {
      best = entry;
    }
  }
  return best?.[0];
}
