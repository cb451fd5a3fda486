"""A bank API split in two: commands on the write side, queries on the read side.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8080 if
unset), on 127.0.0.1 unless HOST says otherwise. PROJECTION_DELAY_MS (200 if unset) is how late the
read side gets each event; READ_WAIT_MS (2000 if unset) how long a query with ?min_position waits.
"""

import json
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from event_log import EventLog
from read_side import ReadSide
from write_side import CommandError, WriteSide

DELAY_MS = int(os.environ.get("PROJECTION_DELAY_MS", "200"))
READ_WAIT_MS = int(os.environ.get("READ_WAIT_MS", "2000"))

log = EventLog(delay_ms=DELAY_MS)
write_side = WriteSide(log)
read_side = ReadSide()
log.subscribe(read_side.apply)

COMMAND = re.compile(r"^/commands/([^/]+)$")
ACCOUNT = re.compile(r"^/accounts/([^/]+)$")
STATEMENT = re.compile(r"^/accounts/([^/]+)/statement$")
WHOLE = re.compile(r"^-?\d{1,15}$")


class ApiHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send_json(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: one line per request is noise here
        pass

    # ---- The write side: commands only ----
    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if path == "/admin/rebuild":
            return self.send_json(200, {"position": read_side.rebuild(log.all())})
        match = COMMAND.match(path)
        if not match:
            return self.send_json(404, {"error": "not_found", "message": f"No route for POST {path}"})
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send_json(400, {"error": "invalid_command", "message": "The body is not valid JSON"})
        try:
            events = write_side.handle(match.group(1), body)
        except CommandError as err:
            return self.send_json(err.status, {"error": err.code, "message": str(err)})
        self.send_json(202, {"position": events[-1]["position"], "events": events})

    # ---- The read side: queries only, answered from the projection ----
    def caught_up(self, query: dict[str, list[str]]) -> bool:
        """Waits for ?min_position when there is one; False when the answer has been sent already."""
        values = query.get("min_position")
        if values is None:
            return True
        if not re.fullmatch(r"\d{1,15}", values[0]):
            self.send_json(400, {"error": "invalid_query", "message": "min_position must be a whole number"})
            return False
        if read_side.wait_for(int(values[0]), READ_WAIT_MS / 1000):
            return True
        self.send_json(409, {"error": "stale", "position": read_side.position})
        return False

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/accounts":
            min_balance = query.get("min_balance")
            if min_balance is not None and not WHOLE.match(min_balance[0]):
                return self.send_json(400, {"error": "invalid_query", "message": "min_balance must be a whole number"})
            if self.caught_up(query):
                self.send_json(200, read_side.list(None if min_balance is None else int(min_balance[0])))
            return
        for pattern, view in ((ACCOUNT, read_side.account), (STATEMENT, read_side.statement)):
            match = pattern.match(url.path)
            if match:
                if not self.caught_up(query):
                    return
                answer = view(match.group(1))
                if answer is None:
                    return self.send_json(404, {"error": "account_not_found", "position": read_side.position})
                return self.send_json(200, answer)
        self.send_json(404, {"error": "not_found", "message": f"No route for GET {url.path}"})


def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer((host, port), ApiHandler)
    print(f"Listening on http://{host}:{port} (read side {DELAY_MS} ms behind, queries wait up to {READ_WAIT_MS} ms)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
