// The relay: moves events from the outbox table to the broker, at least once and in order.

const BATCH = 100;

/**
 * Publishes the unsent outbox rows, oldest first, and marks each one sent once the broker has
 * accepted it. Returns how many it published. When the broker fails, it stops there (it may throw):
 * the row that failed and the ones after it stay unsent for the next round.
 * @param {{ pool: import('pg').Pool, broker: { publish(message: object): Promise<void> } }} deps
 * @returns {Promise<number>}
 */
async function relayOnce({ pool, broker }) {
  // WRONG: id is a random UUID (see schema.sql), so ORDER BY id is no order of writing at all, and
  // the message's id is a string.
  const { rows } = await pool.query('SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1', [BATCH]);
  let sent = 0;
  for (const row of rows) {
    await broker.publish({ id: row.id, type: row.type, payload: row.payload });
    // If the process dies right here, the row is published again next time: at least once.
    await pool.query('UPDATE outbox SET sent_at = now() WHERE id = $1', [row.id]);
    sent += 1;
  }
  return sent;
}

/**
 * Calls relayOnce every intervalMs milliseconds until stop() is called. An error in one round
 * (the broker is down, the database hiccups) is logged, and the next round runs as usual.
 * @param {{ pool: import('pg').Pool, broker: object, intervalMs: number }} deps
 * @returns {{ stop(): Promise<void> }}
 */
function startRelay({ pool, broker, intervalMs }) {
  let stopped = false;
  let timer;
  let round = Promise.resolve();
  const tick = () => {
    round = relayOnce({ pool, broker })
      .catch((err) => console.error(`relay: ${err.message} (trying again in ${intervalMs} ms)`))
      .then(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

module.exports = { relayOnce, startRelay };
