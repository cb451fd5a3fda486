// A lock shared by every process that uses the same Redis: one key per lock name.
//   redis:     a connected node-redis client (createClient(...).connect())
//   keyPrefix: REDIS_KEY_PREFIX + "lock:", so the lock "report" is the key `${keyPrefix}report`
//   ttlMs:     how long a lock lives unless it is released first (LOCK_TTL_MS)
// The key's value is the holder's token: 32 random hex characters, new for every acquire.
const crypto = require('node:crypto');

function createLock({ redis, keyPrefix = 'lock:', ttlMs = 10_000 }) {
  const keyFor = (name) => `${keyPrefix}${name}`;

  // Answers the new token, or null when the lock is held.
  async function acquire(name) {
    // TODO: make a random token (crypto.randomBytes(16).toString('hex')) and set the key to it in one
    //   command, only if the key does not exist, with a time to live: SET key token NX PX ttlMs.
    //   Redis answers OK when it set the key, and nil when the key was already there.
    return null;
  }

  // Answers true when this token held the lock and it is now released, false otherwise.
  async function release(name, token) {
    // TODO: delete the key only if it still holds this token, in one step inside Redis (EVAL a Lua
    //   script: GET, compare, DEL). The lock may have expired and been taken by someone else since.
    return false;
  }

  return { acquire, release, keyFor };
}

module.exports = { createLock };
