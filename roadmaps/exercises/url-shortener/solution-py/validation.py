"""Checks for what clients send."""

import re
from typing import Any
from urllib.parse import urlsplit

MAX_URL_LENGTH = 2048
ALIAS_PATTERN = re.compile(r"[A-Za-z0-9_-]{3,32}")
# First path segments the API uses or may use later; an alias must not hide them.
RESERVED = {"api", "health"}


def is_http_url(value: Any) -> bool:
    """True for an absolute http:// or https:// URL with a host, no user or password in it
    ("https://bank.example@evil.example" really goes to evil.example), at most MAX_URL_LENGTH
    characters. False for anything else, including values that are not strings.
    """
    if not isinstance(value, str) or len(value) > MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
        has_credentials = parts.username is not None or parts.password is not None
    except ValueError:  # a malformed host or port, e.g. "http://[::1" or "http://x:port"
        return False
    # An allow-list of schemes: no javascript:, data:, ftp: or file:.
    return parts.scheme in ("http", "https") and bool(host) and not has_credentials


def is_valid_alias(value: Any) -> bool:
    """3-32 letters, digits, "-" or "_", and not a reserved word."""
    return isinstance(value, str) and ALIAS_PATTERN.fullmatch(value) is not None and value.lower() not in RESERVED
