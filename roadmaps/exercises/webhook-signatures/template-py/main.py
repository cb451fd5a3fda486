"""The HTTP side (done for you):

    POST /webhooks   hands the raw body and the Webhook-Signature header to your handler (webhooks.py)
    GET /balance     {"balance": cents, "events": n}: what the payment events credited so far

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST                  where to listen (8000, 127.0.0.1)
    WEBHOOK_SECRET              the secret shared with the sender (required)
    WEBHOOK_TOLERANCE_SECONDS   how far a timestamp may be from now, either way (300)
    WEBHOOK_NOW                 pins "now" to these Unix seconds, for tests (unset: the real clock)
"""

import os
import sys
import time
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from webhooks import WebhookHandler

secret = os.environ.get("WEBHOOK_SECRET", "")
if not secret:
    sys.exit("Set WEBHOOK_SECRET, the secret the sender signs with.")
pinned = os.environ.get("WEBHOOK_NOW")


def now() -> int:
    return int(pinned) if pinned else int(time.time())


ledger = {"balance": 0, "events": 0}


def on_event(event: dict[str, Any]) -> None:
    """What an accepted event does: a payment credits its amount (in cents). Other types are ignored."""
    ledger["events"] += 1
    amount = event.get("amount")
    if event.get("type") == "payment.succeeded" and isinstance(amount, int) and not isinstance(amount, bool):
        ledger["balance"] += amount


handler = WebhookHandler(
    secret=secret,
    tolerance_seconds=int(os.environ.get("WEBHOOK_TOLERANCE_SECONDS", "300")),
    now=now,
    on_event=on_event,
)
app = FastAPI(title="Webhook receiver")


@app.post("/webhooks")
async def receive(request: Request) -> JSONResponse:
    # The body stays bytes, exactly as it arrived: the signature is over these bytes.
    raw_body = await request.body()
    status, body = handler.handle(request.headers.get("webhook-signature"), raw_body)
    return JSONResponse(body, status_code=status)


@app.get("/balance")
async def balance() -> dict[str, int]:
    return ledger


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
