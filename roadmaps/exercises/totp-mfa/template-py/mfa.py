"""Second-factor enrolment and verification: one TOTP secret per user, codes checked within one step
of the clock, each accepted code spent, and a lockout after too many wrong codes in a row."""

import hmac
import math
import secrets
from dataclasses import dataclass

from totp import hotp, time_step


@dataclass
class Enrolled:
    secret: bytes
    digits: int


@dataclass
class Result:
    status: str  # "ok", "invalid", "unknown-user" or "locked"
    retry_after: int = 0  # with "locked": whole seconds until the lock ends


@dataclass
class Account:
    """What verify needs to remember per user. Add to it."""

    key: bytes
    digits: int


class Mfa:
    """Users in memory. enroll() gives a user a secret; verify() checks a code at a given time."""

    def __init__(self, max_failures: int, lockout_seconds: int) -> None:
        self.max_failures = max_failures
        self.lockout_seconds = lockout_seconds
        self.accounts: dict[str, Account] = {}

    def enroll(self, user: str, secret: bytes | None = None, digits: int = 6) -> Enrolled | None:
        """The user's secret and digits, or None if the user is enrolled already."""
        if user in self.accounts:
            return None
        # TODO 6: without a secret (always, outside test mode), make one: secrets.token_bytes(20),
        #         a cryptographic generator. Never the random module.
        key = secret if secret is not None else bytes(20)
        self.accounts[user] = Account(key=key, digits=digits)
        return Enrolled(secret=key, digits=digits)

    def verify(self, user: str, code: str, now: float) -> Result:
        """Checks `code` for `user` at Unix time `now` (seconds, maybe with a fraction)."""
        account = self.accounts.get(user)
        if account is None:
            return Result("unknown-user")
        # TODO 7: while the account is locked, return Result("locked", retry_after=...) (whole
        #         seconds left, rounded up: math.ceil) without looking at the code. Once the lock
        #         has run out, the count of wrong codes starts again from zero.
        # TODO 8: accept `code` when it is the code of the current step, the step before or the
        #         step after, and that step is later than the last accepted one (a used code is
        #         spent). Compare strings of the account's exact length, with hmac.compare_digest.
        # TODO 9: a right code remembers its step and resets the count of wrong codes; a wrong one
        #         counts, and the one that reaches max_failures locks the account for
        #         lockout_seconds.
        _ = hmac, math, secrets
        return Result("ok") if code == hotp(account.key, time_step(now), account.digits) else Result("invalid")
