"""A small JSON API (/api/items) behind a CORS policy (cors.py)."""

import json
import os
import re
import threading
from http.server import BaseHTTPRequestHandler

from cors import cors_policy, parse_origins  # noqa: F401 (cors_policy is yours to call)

# The routes and the methods each supports (done for you).
ROUTES = [
    ("/api/items", re.compile(r"^/api/items$"), ["GET", "POST"]),
    ("/api/items/:id", re.compile(r"^/api/items/(\d+)$"), ["GET", "DELETE"]),
]

ALLOWED_ORIGINS = parse_origins(os.environ.get("CORS_ORIGINS"))

_lock = threading.Lock()
_items = [{"id": 1, "name": "Keyboard"}, {"id": 2, "name": "Mouse"}]
_next_id = [3]


class ApiHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _send_json(self, status: int, value: object) -> None:
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_empty(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _read_json(self) -> object:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return None

    def _handle(self) -> None:
        self._extra_headers: dict[str, str] = {}  # sent with the answer by end_headers()
        path = self.path.split("?", 1)[0]
        route = next(((name, m, methods) for name, pattern, methods in ROUTES if (m := pattern.match(path))), None)
        if route is None:
            self._send_json(404, {"error": "not found"})
            return
        name, match, methods = route
        item_id = int(match.group(1)) if match.groups() else None

        # TODO: apply the CORS policy (cors.py) before anything else: add its headers to
        #       self._extra_headers (end_headers() sends them with the answer), and answer a
        #       preflight right here with self._send_empty(204), so no handler runs.

        if self.command not in methods:
            self._extra_headers["Allow"] = ", ".join(methods)
            self._send_json(405, {"error": f"{self.command} is not allowed here"})
            return
        if name == "/api/items" and self.command == "GET":
            with _lock:
                self._send_json(200, list(_items))
        elif name == "/api/items":
            body = self._read_json()
            item_name = body.get("name") if isinstance(body, dict) else None
            if not isinstance(item_name, str) or not item_name.strip():
                self._send_json(400, {"error": "name (a non-empty string) is required"})
                return
            with _lock:
                item = {"id": _next_id[0], "name": item_name.strip()}
                _next_id[0] += 1
                _items.append(item)
            self._send_json(201, item)
        elif self.command == "GET":
            item = next((i for i in _items if i["id"] == item_id), None)
            if item is None:
                self._send_json(404, {"error": f"no item {item_id}"})
            else:
                self._send_json(200, item)
        else:
            with _lock:
                item = next((i for i in _items if i["id"] == item_id), None)
                if item is not None:
                    _items.remove(item)
            if item is None:
                self._send_json(404, {"error": f"no item {item_id}"})
            else:
                self._send_empty(204)

    def end_headers(self) -> None:
        for header, value in getattr(self, "_extra_headers", {}).items():
            self.send_header(header, value)
        super().end_headers()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _handle

    def log_message(self, format: str, *args: object) -> None:  # quieter than the default
        print(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else ''}", flush=True)
