/**
 * The body's fingerprint: its JSON with every object's keys in sorted order, so that
 * {"amount":1,"currency":"EUR"} and {"currency":"EUR","amount":1} are the same request.
 */
function fingerprint(body) {
  return JSON.stringify(sortKeys(body));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

/**
 * Remembers, per client and key, the request's fingerprint and, once it is done, its response.
 * ttlMs: how long a stored response is kept, counted from when it was stored.
 * now:   the clock, in milliseconds (the tests pass a fake one).
 */
function createIdempotencyStore({ ttlMs, now = Date.now }) {
  /** "client\nkey" -> { fingerprint, response?, expiresAt? } */
  const entries = new Map();
  // JSON of the pair, so no client id or key can make two different pairs look alike.
  const slot = (clientId, key) => JSON.stringify([clientId, key]);

  function current(id) {
    const entry = entries.get(id);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  return {
    /**
     * Claims the key for a request. Answers one of:
     * { state: 'new' }                 the key was free: it is now taken, do the work;
     * { state: 'mismatch' }            the key was used with a different body;
     * { state: 'in-progress' }         a request with this key is still being worked on;
     * { state: 'done', response }      the stored { status, body } to send again.
     */
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

    /** Stores the response of a finished request; it is kept for ttlMs from now. */
    complete(clientId, key, response) {
      const entry = entries.get(slot(clientId, key));
      if (entry === undefined) return;
      entry.response = response;
      entry.expiresAt = now() + ttlMs;
    },

    /** Frees the key of a request that did nothing, so that a retry can do the work. */
    release(clientId, key) {
      entries.delete(slot(clientId, key));
    },
  };
}

module.exports = { createIdempotencyStore, fingerprint };
