const { scrypt, randomBytes, timingSafeEqual } = require('node:crypto');
const { promisify } = require('node:util');

const scryptAsync = promisify(scrypt);
const KEY_LENGTH = 64;

/**
 * Milestone 1: a one-way, salted, slow hash of the password, as one string that holds everything
 * verifyPassword needs: "scrypt$<salt>$<key>" (salt and key in base64).
 */
async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Milestone 1: true when `password` is the one `stored` was made from. */
async function verifyPassword(password, stored) {
  const [scheme, salt, key] = String(stored).split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  // Compares every byte, whatever the first difference: no timing hint about the hash.
  return timingSafeEqual(actual, expected);
}

module.exports = { hashPassword, verifyPassword };
