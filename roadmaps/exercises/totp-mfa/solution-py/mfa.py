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
    key: bytes
    digits: int
    used_step: int = -1  # the step of the last accepted code
    failures: int = 0  # wrong codes in a row
    locked_until: float | None = None


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
        key = secret if secret is not None else secrets.token_bytes(20)
        self.accounts[user] = Account(key=key, digits=digits)
        return Enrolled(secret=key, digits=digits)

    def verify(self, user: str, code: str, now: float) -> Result:
        """Checks `code` for `user` at Unix time `now` (seconds)."""
        account = self.accounts.get(user)
        if account is None:
            return Result("unknown-user")

        if account.locked_until is not None:
            if now < account.locked_until:
                return Result("locked", retry_after=math.ceil(account.locked_until - now))
            account.locked_until = None
            account.failures = 0

        step = self._matching_step(account, code, time_step(now))
        if step is not None:
            account.used_step = step
            account.failures = 0
            return Result("ok")

        account.failures += 1
        if account.failures >= self.max_failures:
            account.locked_until = now + self.lockout_seconds
        return Result("invalid")

    @staticmethod
    def _matching_step(account: Account, code: str, current: int) -> int | None:
        # str.isdigit() is True for "²" and other Unicode digits: check ASCII too.
        if len(code) != account.digits or not (code.isascii() and code.isdigit()):
            return None
        for step in (current - 1, current, current + 1):
            if step > account.used_step and step >= 0:
                if hmac.compare_digest(hotp(account.key, step, account.digits), code):
                    return step
        return None
