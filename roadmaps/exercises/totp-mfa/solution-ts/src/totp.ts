// HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from node:crypto alone.
import { createHmac } from 'node:crypto';

/** Seconds per time step: a code lives this long. */
export const STEP_SECONDS = 30;

/**
 * The HOTP code of `key` for `counter` (an integer >= 0): a string of exactly `digits` digits,
 * leading zeros kept.
 */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  // 8 bytes, most significant first.
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  // Dynamic truncation: the last byte's low nibble says where to read.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, '0');
}

/** The time step that Unix time `seconds` falls in: floor(seconds / 30). */
export function timeStep(seconds: number): number {
  return Math.floor(seconds / STEP_SECONDS);
}

/** The TOTP code of `key` at Unix time `seconds`: the HOTP code of its time step. */
export function totp(key: Buffer, seconds: number, digits = 6): string {
  return hotp(key, timeStep(seconds), digits);
}
