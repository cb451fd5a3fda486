"""The HTTP API (done for you), on the standard library's http.server. It applies migrations/*.sql when
it starts, then serves. Every answer is JSON; errors are {"error": "..."}:

    GET /search?q=...   the 10 best matching articles, best first: [{"id", "title"}]
                        (400 when q is missing or blank)

The search itself is in search.py. Run it with `python main.py`. Configuration comes from the
environment:

    PORT, HOST     where to listen (8000, 127.0.0.1)
    DATABASE_URL   the PostgreSQL to use (postgres://localhost:5432/postgres)
"""

import json
import os
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg
from psycopg.rows import dict_row

from search import search

DATABASE_URL = os.environ.get("DATABASE_URL") or "postgres://localhost:5432/postgres"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"



def migrate() -> None:
    """Applies migrations/*.sql in name order, each file in its own transaction together with its row
    in schema_migrations, so a file that fails leaves nothing behind and stops the start."""
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY)")
        for path in sorted(MIGRATIONS.glob("*.sql")):
            with conn.transaction():
                if conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (path.name,)).fetchone():
                    continue
                try:
                    # Without parameters psycopg sends the text as is, so a file may hold many statements.
                    conn.execute(path.read_text(encoding="utf-8").encode())
                except psycopg.Error as err:
                    raise SystemExit(f"Could not start: {path.name}: {err}") from None
                conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (path.name,))
                print(f"applied {path.name}", flush=True)


class Handler(BaseHTTPRequestHandler):
    def send_json(self, status: int, value: object) -> None:
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/search":
            return self.send_json(404, {"error": f"No route for GET {url.path}"})
        q = (parse_qs(url.query).get("q") or [""])[0].strip()
        if not q:
            return self.send_json(400, {"error": "q is required"})
        try:
            with psycopg.connect(DATABASE_URL, row_factory=dict_row, connect_timeout=5) as conn:
                return self.send_json(200, search(conn, q))
        except Exception as err:
            traceback.print_exc()
            return self.send_json(500, {"error": str(err)})

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: errors are printed above


def main() -> None:
    migrate()
    host = os.environ.get("HOST") or "127.0.0.1"
    port = int(os.environ.get("PORT") or "8000")
    server = ThreadingHTTPServer((host, port), Handler)
    print(f"Listening on http://{host}:{port}/search?q=postgres", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
