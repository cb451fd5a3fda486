const bcrypt = require('bcryptjs');

// bcrypt's cost is a power of two: each +1 doubles the work for you and for an attacker.
// 10 is the floor; the default can be raised with BCRYPT_COST as hardware gets faster.
const MIN_COST = 10;
const DEFAULT_COST = Number(process.env.BCRYPT_COST ?? 12);

// bcrypt only looks at the first 72 bytes of a password.
const MAX_BYTES = 72;

/**
 * Hash a password for storage.
 * - `plain` must be a non-empty string (TypeError otherwise) of at most MAX_BYTES bytes (RangeError).
 * - `cost` must be an integer from MIN_COST to 31 (RangeError otherwise).
 * Resolves to a bcrypt hash string such as "$2b$12$...".
 */
async function hashPassword(plain, cost = DEFAULT_COST) {
  // TODO: check the arguments, then return bcrypt.hash(plain, cost).
  throw new Error('TODO: implement hashPassword(plain, cost) in src/password.js with bcrypt.hash');
}

/**
 * Resolve to true when `plain` matches `hash`, false otherwise (also false when either isn't a string).
 */
async function verifyPassword(plain, hash) {
  // TODO: use bcrypt.compare, never `===` on hashes.
  throw new Error('TODO: implement verifyPassword(plain, hash) in src/password.js with bcrypt.compare');
}

/**
 * The cost stored inside a bcrypt hash ("$2b$12$..." -> 12), or NaN when it isn't one.
 */
function getCost(hash) {
  // TODO: bcrypt.getRounds reads it for you.
  throw new Error('TODO: implement getCost(hash) in src/password.js with bcrypt.getRounds');
}

/**
 * True when `hash` was made with a lower cost than `cost` (or isn't a bcrypt hash at all),
 * so it should be replaced the next time the user logs in.
 */
function needsRehash(hash, cost = DEFAULT_COST) {
  // TODO: compare getCost(hash) with cost.
  throw new Error('TODO: implement needsRehash(hash, cost) in src/password.js');
}

module.exports = { hashPassword, verifyPassword, getCost, needsRehash, MIN_COST, DEFAULT_COST, MAX_BYTES };
