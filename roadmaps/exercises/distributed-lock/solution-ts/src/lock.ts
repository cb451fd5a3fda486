// A lock shared by every process that uses the same Redis: one key per lock name.
//   redis:     a connected node-redis client (createClient(...).connect())
//   keyPrefix: REDIS_KEY_PREFIX + "lock:", so the lock "report" is the key `${keyPrefix}report`
//   ttlMs:     how long a lock lives unless it is released first (LOCK_TTL_MS)
// The key's value is the holder's token: 32 random hex characters, new for every acquire.
import * as crypto from 'node:crypto';

/** The Redis commands a lock may need. A node-redis client has them (and many more). */
export interface LockRedis {
  set(
    key: string,
    value: string,
    options?: { condition?: 'NX' | 'XX'; expiration?: { type: 'PX' | 'EX'; value: number } },
  ): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
  pExpire(key: string, ms: number): Promise<number>;
}

export interface LockOptions {
  redis: LockRedis;
  keyPrefix?: string;
  ttlMs?: number;
}

export interface Lock {
  /** The new token, or null when the lock is held. */
  acquire(name: string): Promise<string | null>;
  /** True when this token held the lock and it is now released, false otherwise. */
  release(name: string, token: string): Promise<boolean>;
  keyFor(name: string): string;
}

// Compare and delete in one step: Redis runs a script without running any other command meanwhile.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

export function createLock({ redis, keyPrefix = 'lock:', ttlMs = 10_000 }: LockOptions): Lock {
  const keyFor = (name: string) => `${keyPrefix}${name}`;

  async function acquire(name: string): Promise<string | null> {
    const token = crypto.randomBytes(16).toString('hex');
    // NX: only when nobody holds it; PX: it frees itself if the holder never releases it.
    const reply = await redis.set(keyFor(name), token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    return reply === 'OK' ? token : null;
  }

  async function release(name: string, token: string): Promise<boolean> {
    const deleted = await redis.eval(RELEASE, { keys: [keyFor(name)], arguments: [token] });
    return deleted === 1;
  }

  return { acquire, release, keyFor };
}
