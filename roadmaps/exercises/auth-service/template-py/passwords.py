"""Milestone 1: password hashing with scrypt from the standard library."""

import base64
import hashlib
import hmac
import os

# scrypt's cost: N (CPU and memory), r (block size), p (parallelism); 16 MiB of memory per hash.
N, R, P, KEY_LENGTH = 2**14, 8, 1, 64

_ = (base64, hashlib, hmac, os)


def hash_password(password: str) -> str:
    """A one-way, salted, slow hash as one string that holds everything verify_password needs, e.g.
    "scrypt$<salt>$<key>" (base64)."""
    # TODO (milestone 1): a random salt (os.urandom(16)), then hashlib.scrypt(password.encode(),
    #   salt=salt, n=N, r=R, p=P, dklen=KEY_LENGTH).
    raise NotImplementedError("hash_password is not written yet (milestone 1)")


def verify_password(password: str, stored: str) -> bool:
    """True when `password` is the one `stored` was made from."""
    # TODO (milestone 1): read the salt back out of `stored`, hash `password` with it, and compare
    #   with hmac.compare_digest.
    raise NotImplementedError("verify_password is not written yet (milestone 1)")
