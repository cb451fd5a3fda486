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
  /**
   * Claims the key for a request. Answers one of:
   * { state: 'new' }                 the key was free: it is now taken, do the work;
   * { state: 'mismatch' }            the key was used with a different body;
   * { state: 'in-progress' }         a request with this key is still being worked on;
   * { state: 'done', response }      the stored { status, body } to send again.
   * An entry whose time is up counts as free.
   */
  begin(clientId: string, key: string, bodyFingerprint: string): Claim;
  /** Stores the response of a finished request; it is kept for ttlMs from now. */
  complete(clientId: string, key: string, response: StoredResponse): void;
  /** Frees the key of a request that did nothing, so that a retry can do the work. */
  release(clientId: string, key: string): void;
}

/**
 * The body's fingerprint: a string that is the same for the same request body, whatever order its
 * keys were sent in, so that {"amount":1,"currency":"EUR"} and {"currency":"EUR","amount":1} match.
 */
export function fingerprint(body: unknown): string {
  // TODO: JSON.stringify keeps the keys in the order they arrived. Sort every object's keys first
  // (nested objects too; arrays keep their order).
  return JSON.stringify(body);
}

/**
 * Remembers, per client and key, the request's fingerprint and, once it is done, its response.
 * ttlMs: how long a stored response is kept, counted from when it was stored.
 * now:   the clock, in milliseconds (the tests pass a fake one); never call Date.now() directly.
 */
export function createIdempotencyStore({ ttlMs, now = Date.now }: { ttlMs: number; now?: () => number }): IdempotencyStore {
  // TODO: keep a Map here, keyed by the client id AND the key: two clients may pick the same key.
  // Each entry holds the fingerprint, then the response and when it expires (now() + ttlMs).
  void ttlMs;
  void now;

  return {
    begin(clientId, key, bodyFingerprint) {
      // TODO
      return { state: 'new' };
    },

    complete(clientId, key, response) {
      // TODO
    },

    release(clientId, key) {
      // TODO
    },
  };
}
