"""A tiny shop (done for you). Your work is in trace_context.py.

GET /hello      answers with its own trace id and span id.
GET /inventory  the same, plus the traceparent and tracestate headers it received.
GET /checkout   calls GET /inventory on this same server, over HTTP, as if it were another
                service, passing the trace on; answers with both answers.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8080 if
unset), on 127.0.0.1 unless HOST says otherwise. Stdout is for the JSON log lines only.
"""

import json
import os
import sys
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from trace_context import log_request, outgoing_headers, start_span, traceparent_of


class Shop(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks for)
        # First thing for every request: its span.
        span = start_span(self.headers)
        path = urlsplit(self.path).path
        ids = {"trace_id": span.trace_id, "span_id": span.span_id}

        if path == "/hello":
            status, body = 200, {"message": "hello", **ids}
        elif path == "/inventory":
            received = {"traceparent": self.headers.get("traceparent"), "tracestate": self.headers.get("tracestate")}
            status, body = 200, {"item": "book", "in_stock": 3, **ids, "received": received}
        elif path == "/checkout":
            host, port = self.server.server_address[:2]
            call = urllib.request.Request(f"http://{host}:{port}/inventory", headers=outgoing_headers(span))
            try:
                with urllib.request.urlopen(call, timeout=5) as answer:
                    status, body = 200, {"order": "placed", **ids, "inventory": json.load(answer)}
            except (urllib.error.URLError, OSError, ValueError) as err:
                status, body = 502, {"error": f"inventory unreachable: {err}", **ids}
        else:
            status, body = 404, {"error": f"No route for GET {path}", **ids}

        data = json.dumps(body).encode()
        self.send_response(status)
        # The response names this service's span (see the README).
        self.send_header("traceparent", traceparent_of(span))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        log_request(span, "GET", path, status)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        """http.server's own access lines would go to stderr; log_request writes the JSON ones."""


if __name__ == "__main__":
    server = ThreadingHTTPServer((os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8080"))), Shop)
    host, port = server.server_address[:2]
    print(f"Listening on http://{host}:{port}; try: curl -i http://{host}:{port}/checkout", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
