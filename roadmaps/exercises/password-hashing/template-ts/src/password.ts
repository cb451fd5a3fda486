import bcrypt from 'bcryptjs';

// bcrypt's cost is a power of two: each +1 doubles the work for you and for an attacker.
// 10 is the floor; the default can be raised with BCRYPT_COST as hardware gets faster.
export const MIN_COST = 10;
export const DEFAULT_COST = Number(process.env.BCRYPT_COST ?? 12);

// bcrypt only looks at the first 72 bytes of a password.
export const MAX_BYTES = 72;

// The parameters are typed `string`, but check them anyway: values from req.body are `any`, so
// TypeScript lets anything through to here, and plain JavaScript callers are not checked at all.

/**
 * Hash a password for storage.
 * - `plain` must be a non-empty string (TypeError otherwise) of at most MAX_BYTES bytes (RangeError).
 * - `cost` must be an integer from MIN_COST to 31 (RangeError otherwise).
 * Resolves to a bcrypt hash string such as "$2b$12$...".
 */
export async function hashPassword(plain: string, cost: number = DEFAULT_COST): Promise<string> {
  // TODO: check the arguments, then return bcrypt.hash(plain, cost).
  throw new Error('TODO: implement hashPassword(plain, cost) in src/password.ts with bcrypt.hash');
}

/**
 * Resolve to true when `plain` matches `hash`, false otherwise (also false when either isn't a string).
 */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  // TODO: use bcrypt.compare, never `===` on hashes.
  throw new Error('TODO: implement verifyPassword(plain, hash) in src/password.ts with bcrypt.compare');
}

/**
 * The cost stored inside a bcrypt hash ("$2b$12$..." -> 12), or NaN when it isn't one.
 */
export function getCost(hash: string): number {
  // TODO: bcrypt.getRounds reads it for you.
  throw new Error('TODO: implement getCost(hash) in src/password.ts with bcrypt.getRounds');
}

/**
 * True when `hash` was made with a lower cost than `cost` (or isn't a bcrypt hash at all),
 * so it should be replaced the next time the user logs in.
 */
export function needsRehash(hash: string, cost: number = DEFAULT_COST): boolean {
  // TODO: compare getCost(hash) with cost.
  throw new Error('TODO: implement needsRehash(hash, cost) in src/password.ts');
}
