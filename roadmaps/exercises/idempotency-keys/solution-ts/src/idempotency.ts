/** A finished request's answer, as it is sent again on a retry. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim =
  | { state: 'new' }
  | { state: 'mismatch' }
  | { state: 'in-progress' }
  | { state: 'done'; response: StoredResponse };

export interface IdempotencyStore {
  begin(clientId: string, key: string, bodyFingerprint: string): Claim;
  complete(clientId: string, key: string, response: StoredResponse): void;
  release(clientId: string, key: string): void;
}

/**
 * The body's fingerprint: its JSON with every object's keys in sorted order, so that
 * {"amount":1,"currency":"EUR"} and {"currency":"EUR","amount":1} are the same request.
 */
export function fingerprint(body: unknown): string {
  return JSON.stringify(sortKeys(body));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((k) => [k, sortKeys(object[k])]),
    );
  }
  return value;
}

interface Entry {
  fingerprint: string;
  response?: StoredResponse;
  expiresAt?: number;
}

/**
 * Remembers, per client and key, the request's fingerprint and, once it is done, its response.
 * ttlMs: how long a stored response is kept, counted from when it was stored.
 * now:   the clock, in milliseconds (the tests pass a fake one).
 */
export function createIdempotencyStore({ ttlMs, now = Date.now }: { ttlMs: number; now?: () => number }): IdempotencyStore {
  const entries = new Map<string, Entry>();
  // JSON of the pair, so no client id or key can make two different pairs look alike.
  const slot = (clientId: string, key: string) => JSON.stringify([clientId, key]);

  function current(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  return {
    begin(clientId, key, bodyFingerprint) {
      const id = slot(clientId, key);
      const entry = current(id);
      if (entry === undefined) {
        entries.set(id, { fingerprint: bodyFingerprint });
        return { state: 'new' };
      }
      if (entry.fingerprint !== bodyFingerprint) return { state: 'mismatch' };
      if (entry.response === undefined) return { state: 'in-progress' };
      return { state: 'done', response: entry.response };
    },

    complete(clientId, key, response) {
      const entry = entries.get(slot(clientId, key));
      if (entry === undefined) return;
      entry.response = response;
      entry.expiresAt = now() + ttlMs;
    },

    release(clientId, key) {
      entries.delete(slot(clientId, key));
    },
  };
}
