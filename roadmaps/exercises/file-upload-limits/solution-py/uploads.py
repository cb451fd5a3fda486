"""What the upload API accepts, and how files go back out.

Read README.md first; it lists every rule the check tests.
"""

import re
from dataclasses import dataclass


@dataclass
class Accepted:
    name: str
    type: str  # "application/pdf" or "image/gif"


@dataclass
class Refused:
    status: int  # 413 or 415
    error: str


SIGNATURES = [(b"%PDF-", "application/pdf"), (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif")]
UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def detect_type(content: bytes) -> str | None:
    """The type of these bytes by their first bytes (their "magic number"), or None when it is not
    an allowed type: b"%PDF-" is application/pdf, b"GIF87a" or b"GIF89a" is image/gif."""
    return next((type_ for magic, type_ in SIGNATURES if content.startswith(magic)), None)


def safe_name(filename: str) -> str:
    """A name that is safe to show and to send back in Content-Disposition: the part after the last
    "/" or "\\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots
    removed; "file" if nothing is left."""
    last = re.split(r"[/\\]", filename)[-1]
    return UNSAFE.sub("_", last).lstrip(".") or "file"


def accept_upload(filename: str, claimed_type: str, content: bytes, max_bytes: int) -> Accepted | Refused:
    """Decides about one uploaded file. claimed_type is what the client said: never trust it."""
    if len(content) > max_bytes:
        return Refused(413, f"The file is larger than {max_bytes} bytes")
    type_ = detect_type(content)
    if type_ is None:
        return Refused(415, "Only PDF and GIF files are accepted")
    return Accepted(safe_name(filename), type_)


def download_headers(name: str, type_: str) -> dict[str, str]:
    """The headers of a download: Content-Type, Content-Disposition (attachment) and nosniff."""
    return {
        "Content-Type": type_,
        "Content-Disposition": f'attachment; filename="{name}"',  # safe_name leaves no quote
        "X-Content-Type-Options": "nosniff",
    }
