"""What the upload API accepts, and how files go back out.

Read README.md first; it lists every rule the check tests.
"""

from dataclasses import dataclass


@dataclass
class Accepted:
    name: str
    type: str  # "application/pdf" or "image/gif"


@dataclass
class Refused:
    status: int  # 413 or 415
    error: str


def detect_type(content: bytes) -> str | None:
    """The type of these bytes by their first bytes (their "magic number"), or None when it is not
    an allowed type: b"%PDF-" is application/pdf, b"GIF87a" or b"GIF89a" is image/gif."""
    # TODO 1: look at the first bytes only (content.startswith(...)).
    return "application/pdf"


def safe_name(filename: str) -> str:
    """A name that is safe to show and to send back in Content-Disposition: the part after the last
    "/" or "\\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots
    removed; "file" if nothing is left."""
    # TODO 2
    return filename


def accept_upload(filename: str, claimed_type: str, content: bytes, max_bytes: int) -> Accepted | Refused:
    """Decides about one uploaded file. claimed_type is what the client said: never trust it."""
    # TODO 3: the size limit (len(content) > max_bytes: 413), then the type by magic bytes (415),
    #   then the name.
    return Accepted(safe_name(filename), claimed_type or detect_type(content) or "application/pdf")


def download_headers(name: str, type_: str) -> dict[str, str]:
    """The headers of a download: Content-Type, Content-Disposition (attachment) and nosniff."""
    # TODO 4: Content-Type: the detected type; Content-Disposition: attachment; filename="<name>";
    #   X-Content-Type-Options: nosniff.
    return {"Content-Type": type_}
