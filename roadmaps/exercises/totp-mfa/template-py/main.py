"""The HTTP API (done for you): JSON in, JSON out. Your work is in totp.py and mfa.py.

    POST /mfa/enroll  {"user": "ada", "digits": 6}       -> 201 {user, secret, digits, otpauthUrl}
    POST /mfa/verify  {"user": "ada", "code": "287082"}  -> 200 {"ok": true}, 401, 404 or 429

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise. MFA_MAX_FAILURES (5 if unset) wrong codes in a row
lock an account for MFA_LOCKOUT_SECONDS (900 if unset). MFA_TEST_MODE=1 turns on test mode: the
X-Test-Now header (Unix seconds) sets the clock of a request, and an enrolment may bring its own
secret. The checks set MFA_TEST_MODE=1, MFA_MAX_FAILURES=3 and MFA_LOCKOUT_SECONDS=300.
"""

import base64
import binascii
import os
import time
from typing import Any
from urllib.parse import quote, urlencode

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from mfa import Mfa

ISSUER = "Backend Roadmap"
TEST_MODE = os.environ.get("MFA_TEST_MODE") == "1"

mfa = Mfa(
    max_failures=int(os.environ.get("MFA_MAX_FAILURES", "5")),
    lockout_seconds=int(os.environ.get("MFA_LOCKOUT_SECONDS", "900")),
)

app = FastAPI(title="TOTP two-factor codes")


def now(request: Request) -> float:
    """Unix time in seconds: the real clock, or X-Test-Now in test mode."""
    header = request.headers.get("x-test-now")
    if TEST_MODE and header is not None:
        return float(header)
    return time.time()


def b32encode(key: bytes) -> str:
    """Base32 without "=" padding, as otpauth:// URLs carry it."""
    return base64.b32encode(key).decode("ascii").rstrip("=")


def b32decode(text: str) -> bytes:
    """Base32 to bytes; case, spaces and missing padding are forgiven. binascii.Error if not base32."""
    clean = "".join(text.split()).upper().rstrip("=")
    return base64.b32decode(clean + "=" * (-len(clean) % 8))


async def json_object(request: Request) -> dict[str, Any] | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


@app.post("/mfa/enroll")
async def enroll(request: Request) -> JSONResponse:
    body = await json_object(request)
    if body is None:
        return error(400, "the body must be a JSON object")
    user, secret, digits = body.get("user"), body.get("secret"), body.get("digits", 6)
    if not isinstance(user, str) or user == "":
        return error(400, "user must be a non-empty string")
    if digits not in (6, 8) or isinstance(digits, bool):
        return error(400, "digits must be 6 or 8")
    key = None
    if secret is not None:
        if not TEST_MODE:
            return error(400, "the server chooses the secret")
        try:
            key = b32decode(str(secret))
        except binascii.Error:
            return error(400, "secret must be base32")
        if len(key) < 16:
            return error(400, "secret must be at least 16 bytes (128 bits)")
    enrolled = mfa.enroll(user, secret=key, digits=digits)
    if enrolled is None:
        return error(409, f"{user} is enrolled already")
    encoded = b32encode(enrolled.secret)
    label = quote(f"{ISSUER}:{user}", safe="")
    query = urlencode(
        {"secret": encoded, "issuer": ISSUER, "algorithm": "SHA1", "digits": enrolled.digits, "period": 30},
        quote_via=quote,
    )
    return JSONResponse(
        {"user": user, "secret": encoded, "digits": enrolled.digits, "otpauthUrl": f"otpauth://totp/{label}?{query}"},
        status_code=201,
    )


@app.post("/mfa/verify")
async def verify(request: Request) -> JSONResponse:
    body = await json_object(request)
    user, code = (body.get("user"), body.get("code")) if body is not None else (None, None)
    if not isinstance(user, str) or not isinstance(code, str):
        return error(400, "user and code must be strings")
    result = mfa.verify(user, code, now(request))
    if result.status == "ok":
        return JSONResponse({"ok": True})
    if result.status == "invalid":
        return JSONResponse({"ok": False, "error": "invalid code"}, status_code=401)
    if result.status == "unknown-user":
        return error(404, f"{user} has not enrolled")
    if result.status == "locked":
        return JSONResponse(
            {"ok": False, "error": "locked"}, status_code=429, headers={"Retry-After": str(result.retry_after)}
        )
    raise RuntimeError(f"verify returned an unknown status: {result!r}")


# Every answer here is about secrets and one-time codes: never cached.
@app.middleware("http")
async def no_store(request: Request, call_next):  # type: ignore[no-untyped-def]
    response = await call_next(request)
    response.headers["Cache-Control"] = "no-store"
    return response


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
