// The CPU-bound work (done for you): SHA-256 of the text, then of that hex digest, and so on, rounds
// times in all. Nothing in it waits for I/O, so it keeps whichever thread runs it busy until it returns:
// on the main thread, no timer, request or promise callback can run in the meantime.
const { createHash } = require('node:crypto');

const MAX_ROUNDS = 10_000_000;

function slowHash(text, rounds) {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    throw new RangeError(`rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
  }
  let digest = text;
  for (let i = 0; i < rounds; i++) digest = createHash('sha256').update(digest).digest('hex');
  return digest;
}

module.exports = { slowHash };
