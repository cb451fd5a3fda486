import bcrypt from 'bcryptjs';

// bcrypt's cost is a power of two: each +1 doubles the work for you and for an attacker.
// 10 is the floor; the default can be raised with BCRYPT_COST as hardware gets faster.
export const MIN_COST = 10;
export const DEFAULT_COST = Number(process.env.BCRYPT_COST ?? 12);

// bcrypt only looks at the first 72 bytes; refuse longer input instead of silently ignoring the rest.
export const MAX_BYTES = 72;

// The parameters are typed `string`, but check them anyway: values from req.body are `any`, so
// TypeScript lets anything through to here, and plain JavaScript callers are not checked at all.

export async function hashPassword(plain: string, cost: number = DEFAULT_COST): Promise<string> {
  if (typeof plain !== 'string' || plain.length === 0) {
    throw new TypeError('password must be a non-empty string');
  }
  if (Buffer.byteLength(plain, 'utf8') > MAX_BYTES) {
    throw new RangeError(`password must be at most ${MAX_BYTES} bytes for bcrypt`);
  }
  if (!Number.isInteger(cost) || cost < MIN_COST || cost > 31) {
    throw new RangeError(`cost must be an integer from ${MIN_COST} to 31, got ${cost}`);
  }
  // hash() makes a fresh random salt and stores it, with the cost, inside the result.
  return bcrypt.hash(plain, cost);
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (typeof plain !== 'string' || typeof hash !== 'string') return false;
  // compare() re-hashes with the salt and cost read from `hash` and compares in constant time.
  return bcrypt.compare(plain, hash);
}

export function getCost(hash: string): number {
  if (typeof hash !== 'string') return NaN;
  return bcrypt.getRounds(hash); // NaN when it isn't a bcrypt hash
}

export function needsRehash(hash: string, cost: number = DEFAULT_COST): boolean {
  const current = getCost(hash);
  // Written as !(>=) so a malformed hash (NaN) also asks for a rehash.
  return !(current >= cost);
}
