/**
 * The body's fingerprint: a string that is the same for the same request body, whatever order its
 * keys were sent in, so that {"amount":1,"currency":"EUR"} and {"currency":"EUR","amount":1} match.
 */
function fingerprint(body) {
  // TODO: JSON.stringify keeps the keys in the order they arrived. Sort every object's keys first
  // (nested objects too; arrays keep their order).
  return JSON.stringify(body);
}

/**
 * Remembers, per client and key, the request's fingerprint and, once it is done, its response.
 * ttlMs: how long a stored response is kept, counted from when it was stored.
 * now:   the clock, in milliseconds (the tests pass a fake one); never call Date.now() directly.
 */
function createIdempotencyStore({ ttlMs, now = Date.now }) {
  // TODO: keep a Map here, keyed by the client id AND the key: two clients may pick the same key.
  // Each entry holds the fingerprint, then the response and when it expires (now() + ttlMs).

  return {
    /**
     * Claims the key for a request. Answers one of:
     * { state: 'new' }                 the key was free: it is now taken, do the work;
     * { state: 'mismatch' }            the key was used with a different body;
     * { state: 'in-progress' }         a request with this key is still being worked on;
     * { state: 'done', response }      the stored { status, body } to send again.
     * An entry whose time is up counts as free.
     */
    begin(clientId, key, bodyFingerprint) {
      // TODO
      return { state: 'new' };
    },

    /** Stores the response ({ status, body }) of a finished request; it is kept for ttlMs from now. */
    complete(clientId, key, response) {
      // TODO
    },

    /** Frees the key of a request that did nothing, so that a retry can do the work. */
    release(clientId, key) {
      // TODO
    },
  };
}

module.exports = { createIdempotencyStore, fingerprint };
