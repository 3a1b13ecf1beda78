import { ConflictError, ResponseError } from '@backstage/errors';

/**
 * The two calls of Vault's KV version 2 HTTP API the portal needs. The token
 * never leaves the headers; values never reach a log line or an error.
 *
 * @public
 */
export class VaultKvClient {
  constructor(private readonly options: { url: string; token: string; mount: string }) {}

  private endpoint(key: string) {
    return `${this.options.url.replace(/\/+$/, '')}/v1/${this.options.mount}/data/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Current properties and version of a key; an empty record (version 0) when it does not exist. */
  async read(key: string): Promise<{ data: Record<string, string>; version: number }> {
    const res = await fetch(this.endpoint(key), { headers: { 'X-Vault-Token': this.options.token } });
    if (res.status === 404) return { data: {}, version: 0 };
    if (!res.ok) throw await ResponseError.fromResponse(res);
    const body = (await res.json()) as { data?: { data?: Record<string, string>; metadata?: { version?: number } } };
    return { data: body.data?.data ?? {}, version: body.data?.metadata?.version ?? 0 };
  }

  /** Writes a new version only if the key is still at `version` (check-and-set). */
  async write(key: string, data: Record<string, string>, version: number): Promise<void> {
    const res = await fetch(this.endpoint(key), {
      method: 'POST',
      headers: { 'X-Vault-Token': this.options.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ options: { cas: version }, data }),
    });
    if (res.status === 400) {
      const text = await res.text();
      if (/check-and-set/i.test(text)) throw new ConflictError(`Vault key ${key} changed while it was being written; run the step again`);
    }
    if (!res.ok) throw await ResponseError.fromResponse(res);
  }
}
