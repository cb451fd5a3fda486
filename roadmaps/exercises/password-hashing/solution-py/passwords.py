"""Hashing and checking passwords with bcrypt.

bcrypt's cost is a power of two: each +1 doubles the work, for you and for an attacker. 10 is the
floor; the default can be raised with the BCRYPT_COST environment variable as hardware gets faster.
"""

import os
import re

import bcrypt

MIN_COST = 10
DEFAULT_COST = int(os.environ.get("BCRYPT_COST", "12"))

# bcrypt only looks at the first 72 bytes; longer input is refused rather than silently cut.
MAX_BYTES = 72

# "$2b$12$" + 22 characters of salt + 31 of hash. The cost is the two digits.
_BCRYPT = re.compile(r"\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}")


def hash_password(plain: str, cost: int = DEFAULT_COST) -> str:
    if not isinstance(plain, str) or not plain:
        raise TypeError("password must be a non-empty string")
    secret = plain.encode("utf-8")
    if len(secret) > MAX_BYTES:
        raise ValueError(f"password must be at most {MAX_BYTES} bytes for bcrypt")
    if isinstance(cost, bool) or not isinstance(cost, int) or not MIN_COST <= cost <= 31:
        raise ValueError(f"cost must be an int from {MIN_COST} to 31, got {cost!r}")
    # gensalt makes a fresh random salt each call; hashpw stores it, with the cost, in the result.
    return bcrypt.hashpw(secret, bcrypt.gensalt(rounds=cost)).decode("ascii")


def verify_password(plain: object, stored_hash: object) -> bool:
    if not isinstance(plain, str) or not isinstance(stored_hash, str):
        return False
    try:
        # checkpw re-hashes with the salt and cost read from the stored hash and compares in
        # constant time.
        return bcrypt.checkpw(plain.encode("utf-8"), stored_hash.encode("ascii"))
    except ValueError:  # not a bcrypt hash, or a password over 72 bytes
        return False


def get_cost(stored_hash: object) -> int | None:
    found = _BCRYPT.fullmatch(stored_hash) if isinstance(stored_hash, str) else None
    return int(found.group(1)) if found else None


def needs_rehash(stored_hash: object, cost: int = DEFAULT_COST) -> bool:
    current = get_cost(stored_hash)
    return current is None or current < cost
