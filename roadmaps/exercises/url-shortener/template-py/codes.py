"""Short codes: random base62 text, e.g. "aZ3k9Qx"."""

import secrets  # noqa: F401 (you will need it)
import string

ALPHABET = string.digits + string.ascii_lowercase + string.ascii_uppercase  # the 62 letters and digits
CODE_LENGTH = 7  # 62**7 is about 3.5 trillion codes: collisions are rare, and retried when they happen


def random_code(length: int = CODE_LENGTH) -> str:
    """A random base62 code of `length` characters."""
    # TODO: pick `length` characters from ALPHABET with secrets.choice(ALPHABET).
    # (The random module is guessable: someone could walk through other people's links.)
    raise NotImplementedError("TODO: write random_code in codes.py")
