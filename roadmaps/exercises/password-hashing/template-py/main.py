"""The app (done for you): the routes from accounts.py, and every error answered as JSON.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise. BCRYPT_COST sets the bcrypt cost for new hashes
(12 if unset) and ADMIN_TOKEN the token of the admin routes.
"""

import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

import accounts

app = FastAPI(title="Accounts")
app.include_router(accounts.router)
app.include_router(accounts.admin)


# FastAPI answers errors as {"detail": ...}; this API promises {"error": "..."} instead, for the
# errors you raise (HTTPException(401, "...")) and for unknown routes alike.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
    )
