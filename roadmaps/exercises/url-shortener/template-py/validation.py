"""Checks for what clients send."""

import re
from typing import Any
from urllib.parse import urlsplit  # noqa: F401 (you will need it)

MAX_URL_LENGTH = 2048
ALIAS_PATTERN = re.compile(r"[A-Za-z0-9_-]{3,32}")
# First path segments the API uses or may use later; an alias must not hide them.
RESERVED = {"api", "health"}


def is_http_url(value: Any) -> bool:
    """True for an absolute http:// or https:// URL with a host, no user or password in it
    ("https://bank.example@evil.example" really goes to evil.example), at most MAX_URL_LENGTH
    characters. False for anything else, including values that are not strings.
    """
    # TODO: check the type and the length, then split it with urlsplit(value) (it raises
    # ValueError for some malformed URLs: that's a False too) and look at .scheme (lower case
    # after splitting: "JavaScript:" gives "javascript"), .hostname, .username and .password.
    return False


def is_valid_alias(value: Any) -> bool:
    """3-32 letters, digits, "-" or "_", and not a reserved word."""
    return isinstance(value, str) and ALIAS_PATTERN.fullmatch(value) is not None and value.lower() not in RESERVED
