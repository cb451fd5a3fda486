"""HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, from hmac and hashlib alone: no OTP library."""

import hashlib
import hmac

STEP_SECONDS = 30
"""Seconds per time step: a code lives this long."""


def hotp(key: bytes, counter: int, digits: int = 6) -> str:
    """The HOTP code of `key` for `counter` (>= 0): exactly `digits` digits, leading zeros kept."""
    # TODO 1: the counter as 8 bytes, most significant byte first: counter.to_bytes(8, "big").
    # TODO 2: mac = HMAC-SHA1 of those 8 bytes with `key` as the key:
    #         hmac.new(key, message, hashlib.sha1).digest().
    # TODO 3: dynamic truncation: offset = the low 4 bits of the LAST byte of mac; read the 4 bytes
    #         mac[offset:offset + 4] as a big-endian int and clear its top bit (& 0x7FFFFFFF).
    # TODO 4: that number modulo 10 ** digits, as a string padded with zeros on the left.
    _ = hashlib, hmac
    raise NotImplementedError("TODO: hotp() in totp.py")


def time_step(seconds: float) -> int:
    """The step that Unix time `seconds` falls in."""
    # TODO 5: floor(seconds / STEP_SECONDS). Round down: step 1 runs from 30 to 59.999.
    return seconds / STEP_SECONDS  # type: ignore[return-value]


def totp(key: bytes, seconds: float, digits: int = 6) -> str:
    """The TOTP code of `key` at Unix time `seconds`: the HOTP code of its time step."""
    return hotp(key, time_step(seconds), digits)
