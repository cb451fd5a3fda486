"""The HTTP API (done for you). Every answer goes through negotiated_response (compression.py):

    GET /report     a large JSON report (several kB): worth compressing
    GET /status     a tiny JSON body: not worth it
    GET /logo.gif   an image (GIF data is compressed already): not worth it

Run it with `python main.py`: it listens on PORT (8000) and HOST (127.0.0.1).
"""

import json
import os

import uvicorn
from fastapi import FastAPI, Request, Response

from compression import negotiated_response

CITIES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Perth", "Quebec", "Tunis", "Hanoi", "Bergen"]
REPORT = json.dumps(
    {
        "title": "Daily temperatures",
        "rows": [{"id": i + 1, "city": CITIES[i % len(CITIES)], "celsius": (i * 7) % 35 - 5} for i in range(100)],
    }
).encode()
STATUS = b'{"ok":true}'
# Not a real picture: the GIF signature, then filler. What matters is its type.
LOGO = b"GIF89a" + b"*" * 2000

app = FastAPI(title="Reports")


@app.get("/report")
async def report(request: Request) -> Response:
    return negotiated_response(request, 200, "application/json", REPORT)


@app.get("/status")
async def status(request: Request) -> Response:
    return negotiated_response(request, 200, "application/json", STATUS)


@app.get("/logo.gif")
async def logo(request: Request) -> Response:
    return negotiated_response(request, 200, "image/gif", LOGO)


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
