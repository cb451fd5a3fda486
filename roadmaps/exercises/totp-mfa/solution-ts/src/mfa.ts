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

interface Account {
  key: Buffer;
  digits: 6 | 8;
  /** The step of the last accepted code; codes of this step or older are spent. */
  usedStep: number;
  failures: number;
  /** Unix seconds until which verify is refused, or undefined when not locked. */
  lockedUntil?: number;
}

export function createMfa({ maxFailures, lockoutSeconds }: MfaOptions): Mfa {
  const accounts = new Map<string, Account>();

  return {
    enroll(user, { secret, digits }) {
      if (accounts.has(user)) return undefined;
      const key = secret ?? randomBytes(20);
      accounts.set(user, { key, digits, usedStep: -Infinity, failures: 0 });
      return { secret: key, digits };
    },

    verify(user, code, now) {
      const account = accounts.get(user);
      if (account === undefined) return { status: 'unknown-user' };

      if (account.lockedUntil !== undefined) {
        if (now < account.lockedUntil) return { status: 'locked', retryAfter: Math.ceil(account.lockedUntil - now) };
        account.lockedUntil = undefined;
        account.failures = 0;
      }

      const current = timeStep(now);
      const matched = code.length === account.digits && /^\d+$/.test(code)
        ? [current - 1, current, current + 1].find(
            (step) => step >= 0 && step > account.usedStep && timingSafeEqual(Buffer.from(hotp(account.key, step, account.digits)), Buffer.from(code)),
          )
        : undefined;

      if (matched !== undefined) {
        account.usedStep = matched;
        account.failures = 0;
        return { status: 'ok' };
      }
      account.failures += 1;
      if (account.failures >= maxFailures) account.lockedUntil = now + lockoutSeconds;
      return { status: 'invalid' };
    },
  };
}
