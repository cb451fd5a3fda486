"""Hashing and checking passwords with bcrypt.

bcrypt's cost is a power of two: each +1 doubles the work, for you and for an attacker. 10 is the
floor; the default can be raised with the BCRYPT_COST environment variable as hardware gets faster.
"""

import os

import bcrypt  # noqa: F401  (you will need it)

MIN_COST = 10
DEFAULT_COST = int(os.environ.get("BCRYPT_COST", "12"))

# bcrypt only looks at the first 72 bytes of a password.
MAX_BYTES = 72


def hash_password(plain: str, cost: int = DEFAULT_COST) -> str:
    """A bcrypt hash of `plain` for storage, such as "$2b$12$...".

    - `plain` must be a non-empty str (TypeError otherwise) of at most MAX_BYTES bytes in UTF-8
      (ValueError otherwise).
    - `cost` must be an int from MIN_COST to 31 (ValueError otherwise).
    """
    # TODO: check the arguments, then bcrypt.hashpw(plain as bytes, bcrypt.gensalt(rounds=cost)),
    #       and give back the hash as a str.
    raise NotImplementedError("TODO: hash_password(plain, cost) in passwords.py")


def verify_password(plain: object, stored_hash: object) -> bool:
    """True when `plain` matches `stored_hash`, False otherwise: never an exception, whatever the input."""
    # TODO: bcrypt.checkpw, never `==` on hashes. It raises ValueError for a malformed hash or a
    #       password over 72 bytes: that is a False.
    raise NotImplementedError("TODO: verify_password(plain, stored_hash) in passwords.py")


def get_cost(stored_hash: object) -> int | None:
    """The cost stored inside a bcrypt hash ("$2b$12$..." -> 12), or None when it isn't one."""
    # TODO: a bcrypt hash is "$2b$" (or "$2a$", "$2y$"), two digits of cost, "$", then 53 characters
    #       of salt and hash from ./A-Za-z0-9. A regular expression reads it.
    raise NotImplementedError("TODO: get_cost(stored_hash) in passwords.py")


def needs_rehash(stored_hash: object, cost: int = DEFAULT_COST) -> bool:
    """True when `stored_hash` was made with a lower cost than `cost` (or isn't a bcrypt hash at all),
    so it should be replaced the next time the user logs in."""
    # TODO: compare get_cost(stored_hash) with cost.
    raise NotImplementedError("TODO: needs_rehash(stored_hash, cost) in passwords.py")
