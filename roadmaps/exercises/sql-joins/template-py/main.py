"""The HTTP API (done for you), on the standard library's http.server. Every answer is JSON:

    GET /customers/summary          every customer with their paid orders counted and summed
    GET /orders                     every order that belongs to a customer, with the customer's name
    GET /customers/without-orders   the customers who never placed an order

The queries are in reports.py; errors are {"error": "..."} with status 500. Run it with
`python main.py`. Configuration comes from the environment:

    PORT, HOST     where to listen (8000, 127.0.0.1)
    DATABASE_URL   the PostgreSQL that holds the customers and orders tables
                   (postgres://localhost:5432/postgres)
"""

import json
import os
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import psycopg
from psycopg.rows import dict_row

import reports

DATABASE_URL = os.environ.get("DATABASE_URL") or "postgres://localhost:5432/postgres"

ROUTES = {
    "/customers/summary": reports.customer_summary,
    "/orders": reports.orders_with_customers,
    "/customers/without-orders": reports.customers_without_orders,
}


class Handler(BaseHTTPRequestHandler):
    def send_json(self, status: int, value: object) -> None:
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        report = ROUTES.get(path)
        if report is None:
            return self.send_json(404, {"error": f"No route for GET {path}"})
        try:
            # One connection per request; rows come back as dicts (column name -> value).
            with psycopg.connect(DATABASE_URL, row_factory=dict_row, connect_timeout=5) as conn:
                self.send_json(200, report(conn))
        except Exception as err:  # the learner's bug, shown to the caller and in the log
            traceback.print_exc()
            self.send_json(500, {"error": str(err)})

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: errors are printed above


def main() -> None:
    host = os.environ.get("HOST") or "127.0.0.1"
    port = int(os.environ.get("PORT") or "8000")
    server = ThreadingHTTPServer((host, port), Handler)
    print(f"Listening on http://{host}:{port}/customers/summary", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
