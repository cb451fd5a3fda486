"""Short codes: random base62 text, e.g. "aZ3k9Qx"."""

import secrets
import string

ALPHABET = string.digits + string.ascii_lowercase + string.ascii_uppercase  # the 62 letters and digits
CODE_LENGTH = 7  # 62**7 is about 3.5 trillion codes: collisions are rare, and retried when they happen


def random_code(length: int = CODE_LENGTH) -> str:
    """A random base62 code of `length` characters."""
    # secrets draws from the operating system's secure source, without modulo bias: codes can't be
    # guessed from earlier ones.
    return "".join(secrets.choice(ALPHABET) for _ in range(length))
