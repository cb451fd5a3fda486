// Second-factor enrolment and verification: one TOTP secret per user, codes checked within one step
// of the clock, each accepted code spent, and a lockout after too many wrong codes in a row.
const crypto = require('node:crypto');
const { hotp, timeStep } = require('./totp');

/**
 * createMfa({ maxFailures, lockoutSeconds }) keeps its users in memory.
 * - enroll(user, { secret, digits }) -> { secret, digits }, or undefined if the user is enrolled already;
 * - verify(user, code, now) -> { status: 'ok' | 'invalid' | 'unknown-user' } or { status: 'locked', retryAfter }.
 * `now` is Unix time in seconds (it may have a fraction).
 */
function createMfa({ maxFailures, lockoutSeconds }) {
  const users = new Map();

  function enroll(user, { secret, digits = 6 } = {}) {
    if (users.has(user)) return undefined;
    // TODO 6: without a secret (always, outside test mode), make one: 20 bytes from
    //         crypto.randomBytes, a cryptographic generator. Never Math.random.
    const key = secret ?? Buffer.alloc(20);
    // What verify needs to remember per user. Add to it.
    users.set(user, { key, digits });
    return { secret: key, digits };
  }

  function verify(user, code, now) {
    const account = users.get(user);
    if (!account) return { status: 'unknown-user' };
    // TODO 7: while the account is locked, answer { status: 'locked', retryAfter } (whole seconds
    //         left, rounded up) without looking at the code. Once the lock has run out, the count
    //         of wrong codes starts again from zero.
    // TODO 8: accept `code` when it is the code of the current step, the step before or the step
    //         after, and that step is later than the last accepted one (a used code is spent).
    //         Compare strings of the account's exact length, with crypto.timingSafeEqual.
    // TODO 9: a right code remembers its step and resets the count of wrong codes; a wrong one
    //         counts, and the one that reaches maxFailures locks the account for lockoutSeconds.
    void maxFailures, lockoutSeconds, crypto;
    return code === hotp(account.key, timeStep(now), account.digits) ? { status: 'ok' } : { status: 'invalid' };
  }

  return { enroll, verify };
}

module.exports = { createMfa };
