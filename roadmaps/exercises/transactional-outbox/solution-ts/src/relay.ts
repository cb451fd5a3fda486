// The relay: moves events from the outbox table to the broker, at least once and in order.
import type { Pool } from 'pg';
import type { Broker } from './broker';

export interface RelayDeps {
  pool: Pool;
  broker: Pick<Broker, 'publish'>;
}

const BATCH = 100;

interface OutboxRow {
  id: string; // BIGSERIAL: pg returns int8 as a string, since it may not fit a JS number
  type: string;
  payload: unknown;
}

/**
 * Publishes the unsent outbox rows, oldest first, and marks each one sent once the broker has
 * accepted it. Returns how many it published. When the broker fails, it stops there (it may throw):
 * the row that failed and the ones after it stay unsent for the next round.
 */
export async function relayOnce({ pool, broker }: RelayDeps): Promise<number> {
  const { rows } = await pool.query<OutboxRow>(
    'SELECT id, type, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1',
    [BATCH],
  );
  let sent = 0;
  for (const row of rows) {
    await broker.publish({ id: Number(row.id), type: row.type, payload: row.payload });
    // A crash right here publishes the row again next time: at least once, never lost.
    await pool.query('UPDATE outbox SET sent_at = now() WHERE id = $1', [row.id]);
    sent += 1;
  }
  return sent;
}

/**
 * Calls relayOnce every intervalMs milliseconds until stop() is called. An error in one round
 * (the broker is down, the database hiccups) is logged, and the next round runs as usual.
 */
export function startRelay({ pool, broker, intervalMs }: RelayDeps & { intervalMs: number }): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = (): void => {
    round = relayOnce({ pool, broker })
      .then(
        () => undefined,
        (err: Error) => console.error(`relay: ${err.message} (trying again in ${intervalMs} ms)`),
      )
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
