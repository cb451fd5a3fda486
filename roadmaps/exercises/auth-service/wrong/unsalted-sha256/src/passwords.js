const { createHash, timingSafeEqual } = require('node:crypto');

// WRONG: one fast SHA-256 with no salt: equal passwords give equal hashes, and a GPU tries billions a second.
async function hashPassword(password) {
  return `sha256$${createHash('sha256').update(password).digest('hex')}`;
}

async function verifyPassword(password, stored) {
  const expected = Buffer.from(String(stored));
  const actual = Buffer.from(await hashPassword(password));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

module.exports = { hashPassword, verifyPassword };
