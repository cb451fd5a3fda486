"""The HTTP API and the relay (done for you):

    POST /orders          {"customer", "lines": [{"sku", "quantity"}, ...]} -> 201 with the order
    GET  /published       the messages the broker has accepted, oldest first
    POST /broker/outage   {"down": true | false} switches a broker outage on or off

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST        where to listen (8000, 127.0.0.1)
    DATABASE_URL      the PostgreSQL to use (postgresql://localhost:5432/postgres)
    OUTBOX_POLL_MS    how often the relay looks for unsent events, in milliseconds (500)
"""

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psycopg

from broker import Broker
from orders import create_order
from relay import run_relay


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


DATABASE_URL = env("DATABASE_URL", "postgresql://localhost:5432/postgres")
broker = Broker()


def valid_order(body: Any) -> str | None:
    if not isinstance(body, dict):
        return "The body must be a JSON object"
    if not isinstance(body.get("customer"), str) or body["customer"] == "":
        return "customer must be a non-empty string"
    lines = body.get("lines")
    if not isinstance(lines, list) or not lines:
        return "lines must be a non-empty array"
    for line in lines:
        if (
            not isinstance(line, dict)
            or not isinstance(line.get("sku"), str)
            or not isinstance(line.get("quantity"), int)
            or isinstance(line.get("quantity"), bool)
        ):
            return "each line needs a sku (string) and a quantity (whole number)"
    # The quantity's range is left to the database: order_lines has CHECK (quantity > 0).
    return None


class Handler(BaseHTTPRequestHandler):
    def send_json(self, status: int, value: Any) -> None:
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/published":
            return self.send_json(200, broker.published())
        self.send_json(404, {"error": f"No route for GET {self.path}"})

    def do_POST(self) -> None:
        if self.path not in ("/orders", "/broker/outage"):
            return self.send_json(404, {"error": f"No route for POST {self.path}"})
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)))
        except ValueError:
            return self.send_json(400, {"error": "The body must be JSON"})
        if self.path == "/broker/outage":
            if not isinstance(body, dict) or not isinstance(body.get("down"), bool):
                return self.send_json(400, {"error": 'Send {"down": true} or {"down": false}'})
            broker.set_down(body["down"])
            return self.send_json(200, {"down": broker.is_down()})
        problem = valid_order(body)
        if problem:
            return self.send_json(400, {"error": problem})
        try:
            # autocommit: every statement is committed on its own unless it runs in a transaction.
            with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
                order = create_order(conn, body["customer"], body["lines"])
            self.send_json(201, order)
        except psycopg.errors.CheckViolation as err:  # SQLSTATE 23514, e.g. a quantity of 0
            self.send_json(400, {"error": f"The database refused the order: {err}"})
        except Exception as err:  # noqa: BLE001 - any other failure is a 500
            print(f"POST /orders: {err!r}", file=sys.stderr, flush=True)
            self.send_json(500, {"error": "Internal error"})

    def log_message(self, format: str, *args: Any) -> None:  # quieter than the default
        pass


def main() -> None:
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute(Path(__file__).with_name("schema.sql").read_text())  # the program makes its own tables
    stop = threading.Event()
    interval_ms = int(env("OUTBOX_POLL_MS", "500"))
    threading.Thread(target=run_relay, args=(DATABASE_URL, broker, interval_ms, stop), daemon=True).start()
    port = int(env("PORT", "8000"))
    host = env("HOST", "127.0.0.1")
    server = ThreadingHTTPServer((host, port), Handler)
    print(f"Listening on http://{host}:{port}/orders", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()


if __name__ == "__main__":
    main()
