"""The shop API: the app, done for you. The routes are in catalog.py (milestone 1), carts.py
(milestone 2), orders.py (milestones 3 and 5) and payments.py (milestone 4); the tables in schema.sql.

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST       where to listen (8000, 127.0.0.1)
    DATABASE_URL     the PostgreSQL database (postgres://localhost:5432/postgres)
    WEBHOOK_SECRET   the secret the payment provider signs its webhooks with (milestone 4)
"""

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

import carts
import catalog
import orders
import payments
from db import create_tables, pool
from web import error


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Runs before the server listens: the tables exist before the first request comes in.
    await pool.open()
    await create_tables()
    yield
    await pool.close()


app = FastAPI(title="Shop API", lifespan=lifespan)
for module in (catalog, carts, orders, payments):
    app.include_router(module.router)


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


# FastAPI answers its own errors (an unknown route, a wrong method) as {"detail": ...}; this API
# promises {"error": "..."}.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error(exc.status_code, str(exc.detail))


@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error(400, "The request is not valid")


# Anything a route did not expect (a bug, a lost database) still answers JSON; the traceback is printed.
@app.exception_handler(Exception)
async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    return error(500, f"Internal error: {exc}")


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
