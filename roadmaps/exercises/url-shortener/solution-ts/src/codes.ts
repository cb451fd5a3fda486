import crypto from 'node:crypto';

export const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CODE_LENGTH = 7; // 62^7 ≈ 3.5 trillion codes: collisions are rare, and retried when they happen

/** A random base62 code, e.g. "aZ3k9Qx". */
export function randomCode(length = CODE_LENGTH): string {
  let code = '';
  // crypto.randomInt is unpredictable (codes can't be guessed in order) and has no modulo bias.
  for (let i = 0; i < length; i += 1) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return code;
}
