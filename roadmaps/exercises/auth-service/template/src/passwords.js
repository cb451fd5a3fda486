const { scrypt, randomBytes, timingSafeEqual } = require('node:crypto');
const { promisify } = require('node:util');

const scryptAsync = promisify(scrypt);

/**
 * Milestone 1: a one-way, salted, slow hash of the password, as one string that holds everything
 * verifyPassword needs, e.g. "scrypt$<salt>$<key>" (salt and key in base64).
 */
async function hashPassword(password) {
  // TODO (milestone 1): a random salt (randomBytes(16)), then scryptAsync(password, salt, 64).
  void [scryptAsync, randomBytes];
  throw new Error('hashPassword is not written yet (milestone 1)');
}

/** Milestone 1: true when `password` is the one `stored` was made from. */
async function verifyPassword(password, stored) {
  // TODO (milestone 1): read the salt back out of `stored`, hash `password` with it, and compare the
  //   two keys with timingSafeEqual (same length first: it throws otherwise).
  void timingSafeEqual;
  throw new Error('verifyPassword is not written yet (milestone 1)');
}

module.exports = { hashPassword, verifyPassword };
