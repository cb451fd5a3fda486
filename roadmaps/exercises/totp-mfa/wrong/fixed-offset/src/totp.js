// HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from node:crypto alone.
const crypto = require('node:crypto');

/** Seconds per time step: a code lives this long. */
const STEP_SECONDS = 30;

/**
 * The HOTP code of `key` (a Buffer) for `counter` (an integer >= 0): a string of exactly `digits`
 * digits, leading zeros kept.
 */
function hotp(key, counter, digits = 6) {
  // The counter is 8 bytes, most significant first (big-endian).
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', key).update(message).digest();
  // Dynamic truncation: the low 4 bits of the last byte pick where 4 bytes are read.
  // WRONG: always reads the first 4 bytes, skipping dynamic truncation.
  const offset = 0;
  // The top bit is dropped, so the number is the same signed or unsigned.
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step that Unix time `seconds` falls in: T = floor(seconds / 30). */
function timeStep(seconds) {
  return Math.floor(seconds / STEP_SECONDS);
}

/** The TOTP code of `key` at Unix time `seconds`. */
function totp(key, seconds, digits = 6) {
  return hotp(key, timeStep(seconds), digits);
}

module.exports = { STEP_SECONDS, hotp, timeStep, totp };
