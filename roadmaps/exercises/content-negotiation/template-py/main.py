"""The server (done for you): Python's own http.server, with the handler from cities.py.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8080 if
unset), on 127.0.0.1 unless HOST says otherwise. Try it with
`curl -i -H 'Accept: text/csv' http://127.0.0.1:8080/cities`.
"""

import os
from http.server import ThreadingHTTPServer

from cities import CitiesHandler


def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer((host, port), CitiesHandler)
    print(f"Listening on http://{host}:{port}/cities", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
