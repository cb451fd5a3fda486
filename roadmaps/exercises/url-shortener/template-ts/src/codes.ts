import crypto from 'node:crypto';

export const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CODE_LENGTH = 7; // 62^7 ≈ 3.5 trillion codes: collisions are rare, and retried when they happen

/** A random base62 code, e.g. "aZ3k9Qx". */
export function randomCode(length = CODE_LENGTH): string {
  // TODO: pick `length` characters from ALPHABET with crypto.randomInt(ALPHABET.length).
  // (Math.random() is guessable: someone could walk through other people's links.)
  void crypto;
  throw new Error(`TODO: implement randomCode(${length}) in src/codes.ts`);
}
