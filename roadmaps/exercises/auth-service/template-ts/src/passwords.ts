import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

function scryptKey(password: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, (err, key) => (err ? reject(err) : resolve(key))));
}

/**
 * Milestone 1: a one-way, salted, slow hash of the password, as one string that holds everything
 * verifyPassword needs, e.g. "scrypt$<salt>$<key>" (salt and key in base64).
 */
export async function hashPassword(password: string): Promise<string> {
  // TODO (milestone 1): a random salt (randomBytes(16)), then scryptKey(password, salt, 64).
  void [scryptKey, randomBytes];
  throw new Error('hashPassword is not written yet (milestone 1)');
}

/** Milestone 1: true when `password` is the one `stored` was made from. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // TODO (milestone 1): read the salt back out of `stored`, hash `password` with it, and compare the
  //   two keys with timingSafeEqual (same length first: it throws otherwise).
  void timingSafeEqual;
  throw new Error('verifyPassword is not written yet (milestone 1)');
}
