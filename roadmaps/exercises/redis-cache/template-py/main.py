"""The HTTP API (done for you):

    GET /products/{id}   the product, through the cache (404 when there is none)
    PUT /products/{id}   saves {"name"?, "priceCents"?} to the database, through the cache (400, 404)
    GET /stats           {"sourceReads": n, "sourceWrites": n}: how often the database was called

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST               where to listen (8000, 127.0.0.1)
    REDIS_URL                the Redis to use (redis://127.0.0.1:6379)
    REDIS_KEY_PREFIX         put in front of every key: "br-check-1a2b:" -> "br-check-1a2b:product:1"
    CACHE_TTL_SECONDS        how long a cached product lives (60)
    CACHE_MISS_TTL_SECONDS   how long "no such product" is remembered (5)
"""

import os
import sys
from typing import Any

import redis
import uvicorn
from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from product_cache import ProductCache
from product_db import InvalidProductError, ProductDb


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


# decode_responses=True: GET gives str (or None when the key does not exist), not bytes.
client = redis.Redis.from_url(env("REDIS_URL", "redis://127.0.0.1:6379"), decode_responses=True, socket_timeout=5)
db = ProductDb()
cache = ProductCache(
    client,
    db,
    key_prefix=env("REDIS_KEY_PREFIX", "") + "product:",
    ttl_seconds=int(env("CACHE_TTL_SECONDS", "60")),
    miss_ttl_seconds=int(env("CACHE_MISS_TTL_SECONDS", "5")),
)

app = FastAPI(title="Products")


# Plain `def` routes: FastAPI runs them in a thread pool, so blocking Redis calls are fine here.
@app.get("/products/{product_id}")
def get_product(product_id: int) -> Any:
    product = cache.get_product(product_id)
    if product is None:
        return JSONResponse({"error": f"Product {product_id} not found"}, status_code=404)
    return product


@app.put("/products/{product_id}")
def put_product(product_id: int, fields: dict[str, Any] = Body(...)) -> Any:
    update = {k: fields[k] for k in ("name", "priceCents") if k in fields}
    try:
        product = cache.update_product(product_id, update)
    except InvalidProductError as err:
        return JSONResponse({"error": str(err)}, status_code=400)
    if product is None:
        return JSONResponse({"error": f"Product {product_id} not found"}, status_code=404)
    return product


@app.get("/stats")
def stats() -> dict[str, int]:
    return {"sourceReads": db.reads, "sourceWrites": db.writes}


# Errors as {"error": "..."}, like the rest of the API, instead of FastAPI's {"detail": ...}.
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


@app.exception_handler(RequestValidationError)
async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return JSONResponse({"error": f"{where}: {first['msg']}"}, status_code=400)


if __name__ == "__main__":
    try:
        client.ping()
    except redis.RedisError as err:
        sys.exit(f"Redis is not reachable at REDIS_URL ({err}). Start one, e.g. `redis-server`.")
    uvicorn.run(app, host=env("HOST", "127.0.0.1"), port=int(env("PORT", "8000")))
