"""POST /payments with idempotency keys, and the routes around it.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise. IDEMPOTENCY_TTL_MS (a day if unset) is how long a
stored answer is kept.
"""

import json
import os
import re
import uuid
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from idempotency import IdempotencyStore, StoredResponse, fingerprint
from provider import CardDeclinedError, Provider, ProviderUnavailableError

MAX_KEY_LENGTH = 255
TTL_MS = int(os.environ.get("IDEMPOTENCY_TTL_MS", str(24 * 60 * 60 * 1000)))

app = FastAPI(title="Payments")
provider = Provider()
store = IdempotencyStore(ttl_ms=TTL_MS)
# client id -> the payments made for that client, oldest first
payments: dict[str, list[dict[str, Any]]] = {}


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def payment_problem(body: Any) -> str | None:
    """What is wrong with a payment body, or None when it is fine."""
    if not isinstance(body, dict):
        return "The body must be a JSON object"
    amount = body.get("amount")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        return "amount must be a positive integer (in cents)"
    currency = body.get("currency")
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
        return "currency must be three capital letters, like EUR"
    card = body.get("card")
    if not isinstance(card, str) or card == "":
        return "card must be a card token, like tok_visa"
    return None


@app.get("/payments")
async def list_payments(request: Request) -> JSONResponse:
    client_id = request.headers.get("x-client-id")
    if not client_id:
        return error(400, "The X-Client-Id header is required")
    return JSONResponse({"data": payments.get(client_id, [])})


@app.post("/payments")
async def create_payment(request: Request) -> JSONResponse:
    client_id = request.headers.get("x-client-id")
    if not client_id:
        return error(400, "The X-Client-Id header is required")
    key = request.headers.get("idempotency-key")
    if not key:
        return error(400, "The Idempotency-Key header is required")
    if len(key) > MAX_KEY_LENGTH:
        return error(400, f"Idempotency-Key is longer than {MAX_KEY_LENGTH} characters")
    try:
        body = json.loads(await request.body())
    except ValueError:
        return error(400, "The body is not valid JSON")
    problem = payment_problem(body)
    if problem:
        return error(400, problem)

    claim = store.begin(client_id, key, fingerprint(body))
    if claim.state == "mismatch":
        return error(422, "This Idempotency-Key was already used with a different request body")
    if claim.state == "in-progress":
        return error(409, "A request with this Idempotency-Key is still in progress; retry later")
    if claim.state == "done" and claim.response is not None:
        return JSONResponse(claim.response.body, status_code=claim.response.status, headers={"Idempotent-Replayed": "true"})

    try:
        await provider.charge(body["amount"], body["currency"], body["card"])
    except CardDeclinedError:
        # The provider did the work and said no: a final answer, stored like a success.
        response = StoredResponse(402, {"error": "card_declined"})
    except BaseException as exc:
        # Nothing was charged: free the key so that a retry can do the work.
        store.release(client_id, key)
        if isinstance(exc, ProviderUnavailableError):
            return error(503, "The payment provider is unavailable; retry with the same Idempotency-Key")
        raise
    else:
        payment = {"id": f"pay_{uuid.uuid4()}", "amount": body["amount"], "currency": body["currency"], "status": "succeeded"}
        payments.setdefault(client_id, []).append(payment)
        response = StoredResponse(201, payment)
    store.complete(client_id, key, response)
    return JSONResponse(response.body, status_code=response.status)


# Controls for the fake provider, so you (and the checks) can see and break it.
@app.get("/provider/charges")
async def provider_charges() -> dict[str, int]:
    return {"charges": provider.charges}


@app.post("/provider/outage")
async def provider_outage(request: Request) -> dict[str, bool]:
    try:
        body = json.loads(await request.body())
    except ValueError:
        body = None
    provider.down = isinstance(body, dict) and body.get("down") is True
    return {"down": provider.down}


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
