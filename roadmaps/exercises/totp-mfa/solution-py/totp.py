"""HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from hmac and hashlib alone."""

import hashlib
import hmac

STEP_SECONDS = 30
"""Seconds per time step: a code lives this long."""


def hotp(key: bytes, counter: int, digits: int = 6) -> str:
    """The HOTP code of `key` for `counter` (>= 0): exactly `digits` digits, leading zeros kept."""
    mac = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFF_FFFF
    return str(number % 10**digits).zfill(digits)


def time_step(seconds: float) -> int:
    """The step that Unix time `seconds` falls in: floor(seconds / 30)."""
    return int(seconds // STEP_SECONDS)


def totp(key: bytes, seconds: float, digits: int = 6) -> str:
    """The TOTP code of `key` at Unix time `seconds`: the HOTP code of its time step."""
    return hotp(key, time_step(seconds), digits)
