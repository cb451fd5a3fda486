// The relay: moves events from the outbox table to the broker. Read the README first.

/**
 * Publishes the unsent outbox rows, oldest first, and marks each one sent once the broker has
 * accepted it. Returns how many it published. When the broker fails, it stops there (it may throw):
 * the row that failed and the ones after it stay unsent for the next round.
 * @param {{ pool: import('pg').Pool, broker: { publish(message: object): Promise<void> } }} deps
 * @returns {Promise<number>}
 */
async function relayOnce({ pool, broker }) {
  // TODO: SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id (a batch, e.g. LIMIT 100).
  // TODO: for each row, in that order: await broker.publish({ id, type, payload }) with id as a number,
  //       then UPDATE outbox SET sent_at = now() WHERE id = ... (only after publish resolved).
  return 0;
}

/**
 * Calls relayOnce every intervalMs milliseconds until stop() is called. An error in one round
 * (the broker is down, the database hiccups) is logged, and the next round runs as usual.
 * @param {{ pool: import('pg').Pool, broker: object, intervalMs: number }} deps
 * @returns {{ stop(): Promise<void> }}
 */
function startRelay({ pool, broker, intervalMs }) {
  // TODO: run relayOnce now and then every intervalMs (setTimeout after each round ends keeps the
  //       rounds from overlapping); catch and log each round's error so the loop goes on.
  return { async stop() {} };
}

module.exports = { relayOnce, startRelay };
