// HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from node:crypto alone: no OTP library.
import { createHmac } from 'node:crypto';

/** Seconds per time step: a code lives this long. */
export const STEP_SECONDS = 30;

/**
 * The HOTP code of `key` for `counter` (an integer >= 0): a string of exactly `digits` digits,
 * leading zeros kept.
 */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  // TODO 1: the counter as 8 bytes, most significant byte first (Buffer.alloc(8) and
  //         writeBigUInt64BE(BigInt(counter))).
  // TODO 2: mac = HMAC-SHA1 of those 8 bytes, with `key` as the key (createHmac('sha1', key)).
  // TODO 3: dynamic truncation: offset = the low 4 bits of the LAST byte of the mac; read 4 bytes
  //         from mac[offset] as a big-endian number and clear its top bit (& 0x7fffffff).
  // TODO 4: that number modulo 10 ** digits, as a string padded with zeros on the left.
  void createHmac;
  throw new Error(`TODO: hotp() in src/totp.ts (key of ${key.length} bytes, counter ${counter}, ${digits} digits)`);
}

/** The time step that Unix time `seconds` falls in. */
export function timeStep(seconds: number): number {
  // TODO 5: floor(seconds / STEP_SECONDS). Round down: step 1 runs from 30 to 59.999.
  return seconds / STEP_SECONDS;
}

/** The TOTP code of `key` at Unix time `seconds`: the HOTP code of its time step. */
export function totp(key: Buffer, seconds: number, digits = 6): string {
  return hotp(key, timeStep(seconds), digits);
}
