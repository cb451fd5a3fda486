const crypto = require('node:crypto');

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE_LENGTH = 7; // 62^7 ≈ 3.5 trillion codes: collisions are rare, and retried when they happen

/** A random base62 code, e.g. "aZ3k9Qx". */
function randomCode(length = CODE_LENGTH) {
  // TODO: pick `length` characters from ALPHABET with crypto.randomInt(ALPHABET.length).
  // (Math.random() is guessable: someone could walk through other people's links.)
  throw new Error('TODO: implement randomCode(length) in src/codes.js');
}

module.exports = { randomCode, ALPHABET, CODE_LENGTH };
