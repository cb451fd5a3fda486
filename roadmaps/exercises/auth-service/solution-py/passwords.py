"""Milestone 1: password hashing with scrypt from the standard library."""

import base64
import hashlib
import hmac
import os

# scrypt's cost: N (CPU and memory), r (block size), p (parallelism); 16 MiB of memory per hash.
N, R, P, KEY_LENGTH = 2**14, 8, 1, 64


def _key(password: str, salt: bytes, length: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=length)


def hash_password(password: str) -> str:
    """A one-way, salted, slow hash as one string: "scrypt$<salt>$<key>" (base64)."""
    salt = os.urandom(16)
    key = _key(password, salt, KEY_LENGTH)
    return f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` is the one `stored` was made from."""
    parts = stored.split("$")
    if len(parts) != 3 or parts[0] != "scrypt":
        return False
    expected = base64.b64decode(parts[2])
    actual = _key(password, base64.b64decode(parts[1]), len(expected))
    # Compares every byte, whatever the first difference: no timing hint about the hash.
    return hmac.compare_digest(actual, expected)
