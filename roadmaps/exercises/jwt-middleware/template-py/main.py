"""The app (done for you): GET /health is public, GET /me needs a valid token (see auth.py).

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise, and verifies tokens with the secret in JWT_SECRET.
"""

import os
import time
from typing import Any

import jwt
import uvicorn
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from auth import require_auth

# A real secret comes from configuration (an environment variable or a secret store), never the code.
# The fallback is for trying the exercise by hand only; the checks set JWT_SECRET to their own secret.
SECRET = os.environ.get("JWT_SECRET") or "dev-only-secret-change-me-0123456789abcdef"

app = FastAPI(title="JWT middleware")

# require_auth(SECRET) builds the dependency; every route that declares it needs a valid token.
current_user = require_auth(SECRET)


@app.get("/health")
async def health() -> dict[str, bool]:
    return {"ok": True}  # public: no dependency


@app.get("/me")
async def me(user: dict[str, Any] | None = Depends(current_user)) -> dict[str, Any]:
    return {"user": user}


# FastAPI answers errors as {"detail": ...}; this API promises {"error": "..."} instead. The headers
# of the HTTPException you raise (WWW-Authenticate) are kept.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


if __name__ == "__main__":
    claims = {"sub": "user-42", "name": "Ada", "exp": int(time.time()) + 3600}
    token = jwt.encode(claims, SECRET, algorithm="HS256")
    port = int(os.environ.get("PORT", "8000"))
    print(f'Try: curl -i localhost:{port}/me -H "Authorization: Bearer {token}"', flush=True)
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=port)
