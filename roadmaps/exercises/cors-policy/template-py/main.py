"""The server (done for you): Python's own http.server, with the handler from app.py.

Run it with `CORS_ORIGINS='https://app.example.com' python main.py`: it listens on the port in the
PORT environment variable (8080 if unset), on 127.0.0.1 unless HOST says otherwise. Try it with
`curl -i -H 'Origin: https://app.example.com' http://127.0.0.1:8080/api/items`.
"""

import os
from http.server import ThreadingHTTPServer

from app import ALLOWED_ORIGINS, ApiHandler


def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer((host, port), ApiHandler)
    print(f"Listening on http://{host}:{port}/api/items", flush=True)
    print(f"Allowed origins (CORS_ORIGINS): {ALLOWED_ORIGINS}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
