// Second-factor enrolment and verification: one TOTP secret per user, codes checked within one step
// of the clock, each accepted code spent, and a lockout after too many wrong codes in a row.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hotp, timeStep } from './totp';

export interface MfaOptions {
  maxFailures: number;
  lockoutSeconds: number;
}

export type VerifyResult = { status: 'ok' | 'invalid' | 'unknown-user' } | { status: 'locked'; retryAfter: number };

export interface Mfa {
  /** The user's secret and digits, or undefined if the user is enrolled already. */
  enroll(user: string, options: { secret?: Buffer; digits: 6 | 8 }): { secret: Buffer; digits: 6 | 8 } | undefined;
  /** Checks `code` for `user` at Unix time `now` (seconds, maybe with a fraction). */
  verify(user: string, code: string, now: number): VerifyResult;
}

/** What verify needs to remember per user. Add to it. */
interface Account {
  key: Buffer;
  digits: 6 | 8;
}

export function createMfa({ maxFailures, lockoutSeconds }: MfaOptions): Mfa {
  const accounts = new Map<string, Account>();

  return {
    enroll(user, { secret, digits }) {
      if (accounts.has(user)) return undefined;
      // TODO 6: without a secret (always, outside test mode), make one: 20 bytes from randomBytes,
      //         a cryptographic generator. Never Math.random.
      const key = secret ?? Buffer.alloc(20);
      accounts.set(user, { key, digits });
      return { secret: key, digits };
    },

    verify(user, code, now) {
      const account = accounts.get(user);
      if (account === undefined) return { status: 'unknown-user' };
      // TODO 7: while the account is locked, answer { status: 'locked', retryAfter } (whole seconds
      //         left, rounded up) without looking at the code. Once the lock has run out, the count
      //         of wrong codes starts again from zero.
      // TODO 8: accept `code` when it is the code of the current step, the step before or the step
      //         after, and that step is later than the last accepted one (a used code is spent).
      //         Compare strings of the account's exact length, with timingSafeEqual.
      // TODO 9: a right code remembers its step and resets the count of wrong codes; a wrong one
      //         counts, and the one that reaches maxFailures locks the account for lockoutSeconds.
      void [maxFailures, lockoutSeconds, randomBytes, timingSafeEqual];
      return code === hotp(account.key, timeStep(now), account.digits) ? { status: 'ok' } : { status: 'invalid' };
    },
  };
}
