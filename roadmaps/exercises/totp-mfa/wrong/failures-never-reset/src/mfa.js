// Second-factor enrolment and verification: one TOTP secret per user, codes checked within one step
// of the clock, each accepted code spent, and a lockout after too many wrong codes in a row.
const crypto = require('node:crypto');
const { hotp, timeStep } = require('./totp');

/**
 * createMfa({ maxFailures, lockoutSeconds }) keeps its users in memory.
 * - enroll(user, { secret, digits }) -> { secret, digits }, or undefined if the user is enrolled already;
 * - verify(user, code, now) -> { status: 'ok' | 'invalid' | 'unknown-user' } or { status: 'locked', retryAfter }.
 */
function createMfa({ maxFailures, lockoutSeconds }) {
  const users = new Map();

  function enroll(user, { secret, digits = 6 } = {}) {
    if (users.has(user)) return undefined;
    const key = secret ?? crypto.randomBytes(20);
    users.set(user, { key, digits, lastStep: -1, failures: 0, lockedUntil: 0 });
    return { secret: key, digits };
  }

  function verify(user, code, now) {
    const account = users.get(user);
    if (!account) return { status: 'unknown-user' };

    if (account.lockedUntil > now) return { status: 'locked', retryAfter: Math.ceil(account.lockedUntil - now) };
    if (account.lockedUntil !== 0) {
      // The lock has run out: a clean slate.
      account.lockedUntil = 0;
      account.failures = 0;
    }

    const step = findStep(account, code, timeStep(now));
    if (step !== undefined) {
      // WRONG: a right code leaves the count of wrong codes as it was.
      account.lastStep = step;
      return { status: 'ok' };
    }
    account.failures += 1;
    if (account.failures >= maxFailures) account.lockedUntil = now + lockoutSeconds;
    return { status: 'invalid' };
  }

  /** The step (current, one before or one after, never one already spent) whose code `code` is. */
  function findStep(account, code, current) {
    if (typeof code !== 'string' || !/^[0-9]+$/.test(code) || code.length !== account.digits) return undefined;
    for (const step of [current - 1, current, current + 1]) {
      if (step < 0 || step <= account.lastStep) continue;
      const expected = hotp(account.key, step, account.digits);
      if (crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(code))) return step;
    }
    return undefined;
  }

  return { enroll, verify };
}

module.exports = { createMfa };
