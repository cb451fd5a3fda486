"""The HTTP API (done for you), on the standard library's http.server. Every answer is JSON; errors
are {"error": "..."}:

    POST /transfers     {"fromId", "toId", "amountCents"} -> 201 {"id", "fromId", "toId", "amountCents"}
                        400 invalid input, 404 unknown account, 409 not enough money
    GET /accounts/{id}  {"id", "owner", "balanceCents"} (404 when there is none)

The transfer itself is in transfers.py. Run it with `python main.py`. Configuration comes from the
environment:

    PORT, HOST     where to listen (8000, 127.0.0.1)
    DATABASE_URL   the PostgreSQL that holds the accounts and transfers tables
                   (postgres://localhost:5432/postgres)
"""

import json
import os
import re
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from errors import AccountNotFoundError, InsufficientFundsError
from transfers import transfer

DATABASE_URL = os.environ.get("DATABASE_URL") or "postgres://localhost:5432/postgres"

# At most 10 connections: more requests than that wait for a free one. Connections are in autocommit
# mode, so each statement commits on its own unless it runs inside `with conn.transaction():`.
pool = ConnectionPool(
    DATABASE_URL,
    min_size=1,
    max_size=10,
    kwargs={"autocommit": True, "row_factory": dict_row},
    open=False,
)


def is_id(value: object) -> bool:
    return type(value) is int and value > 0


class Handler(BaseHTTPRequestHandler):
    def send_json(self, status: int, value: object) -> None:
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        match = re.fullmatch(r"/accounts/(\d+)", urlsplit(self.path).path)
        if not match:
            return self.send_json(404, {"error": f"No route for GET {self.path}"})
        with pool.connection() as conn:
            row = conn.execute(
                "SELECT id, owner, balance_cents FROM accounts WHERE id = %s", (int(match[1]),)
            ).fetchone()
        if row is None:
            return self.send_json(404, {"error": f"Account {match[1]} not found"})
        self.send_json(200, {"id": row["id"], "owner": row["owner"], "balanceCents": row["balance_cents"]})

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/transfers":
            return self.send_json(404, {"error": f"No route for POST {self.path}"})
        try:
            data = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)))
        except ValueError:
            return self.send_json(400, {"error": "The body must be JSON"})
        if not isinstance(data, dict):
            return self.send_json(400, {"error": "The body must be a JSON object"})
        from_id, to_id, amount = data.get("fromId"), data.get("toId"), data.get("amountCents")
        if not is_id(from_id) or not is_id(to_id):
            return self.send_json(400, {"error": "fromId and toId must be account ids"})
        if from_id == to_id:
            return self.send_json(400, {"error": "An account cannot send money to itself"})
        if not is_id(amount):
            return self.send_json(400, {"error": "amountCents must be a whole number above 0"})
        try:
            with pool.connection() as conn:
                result = transfer(conn, from_id, to_id, amount)
        except AccountNotFoundError as err:
            return self.send_json(404, {"error": str(err)})
        except InsufficientFundsError as err:
            return self.send_json(409, {"error": str(err)})
        except Exception as err:
            traceback.print_exc()
            return self.send_json(500, {"error": str(err)})
        self.send_json(201, result)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: errors are printed above


def main() -> None:
    host = os.environ.get("HOST") or "127.0.0.1"
    port = int(os.environ.get("PORT") or "8000")
    pool.open()
    server = ThreadingHTTPServer((host, port), Handler)
    print(f"Listening on http://{host}:{port}/accounts/1", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
    finally:
        pool.close()


if __name__ == "__main__":
    main()
