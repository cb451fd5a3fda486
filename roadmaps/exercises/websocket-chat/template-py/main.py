"""The server (done for you): a FastAPI app with one WebSocket endpoint, `/`, handled by chat.py.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8080 if
unset), on 127.0.0.1 unless HOST says otherwise. Try it from two terminals with
`websocat ws://127.0.0.1:8080/` (or `npx wscat -c ws://127.0.0.1:8080/`), then send
{"type":"join","name":"ada"} and {"type":"message","text":"hi"}.
"""

import os

import uvicorn
from fastapi import FastAPI

import chat

app = FastAPI(title="Chat")
app.add_api_websocket_route("/", chat.endpoint)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8080")),
        # The `websockets` library speaks the protocol under FastAPI.
        ws="websockets",
        # One chat line never needs more than 16 KiB: a bigger frame closes that connection with
        # code 1009 ("message too big"). Without a limit, uvicorn accepts frames of up to 16 MiB.
        ws_max_size=16 * 1024,
    )
