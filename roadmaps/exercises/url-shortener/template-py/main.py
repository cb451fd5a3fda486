"""The app (done for you): the link routes from links.py, a health check, and every error as JSON.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise.
"""

import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

import links

app = FastAPI(title="URL shortener")


@app.get("/health")
async def health() -> dict[str, bool]:
    return {"ok": True}


# After /health: links.py ends with the catch-all GET /{code}, and routes are tried in order.
app.include_router(links.router)


# FastAPI answers errors as {"detail": ...}; this API promises {"error": "..."} instead, for the
# errors you raise (HTTPException(409, "...")) and for unknown routes alike.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


# Should a typed parameter ever reject a request before your code runs, answer 400 {"error": ...}
# too, never FastAPI's 422 {"detail": [...]}.
@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return JSONResponse({"error": f"{where}: {first['msg']}"}, status_code=400)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
    )
