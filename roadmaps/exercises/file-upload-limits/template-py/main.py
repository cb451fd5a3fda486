"""The HTTP API (done for you):

    POST /files       multipart/form-data with a "file" part: 201 {"id", "name", "type", "size"} (400, 413, 415)
    GET  /files/{id}  the stored file, with the headers of download_headers (404)

Files are stored as <UPLOAD_DIR>/<id>, where id is 32 random hex digits: never a name from the
client. The rules about what is accepted are yours, in uploads.py.

Run it with `python main.py`. Configuration comes from the environment:

    PORT, HOST         where to listen (8000, 127.0.0.1)
    UPLOAD_MAX_BYTES   the largest file accepted, in bytes (1048576)
    UPLOAD_DIR         where files are stored (a fresh temporary folder)
"""

import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from uploads import Refused, accept_upload, download_headers

MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", "1048576"))
UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR") or tempfile.mkdtemp(prefix="uploads-"))

app = FastAPI(title="Uploads")
files: dict[str, dict[str, Any]] = {}  # id -> {"id", "name", "type", "size"}


@app.post("/files")
async def upload(request: Request) -> JSONResponse:
    try:
        form = await request.form()
    except Exception:  # noqa: BLE001  (a body that is not multipart at all)
        return JSONResponse({"error": "Send multipart/form-data"}, status_code=400)
    part = form.get("file")
    if not isinstance(part, UploadFile):
        return JSONResponse({"error": 'Send the file in a part named "file"'}, status_code=400)
    content = await part.read()
    verdict = accept_upload(part.filename or "", part.content_type or "", content, MAX_BYTES)
    if isinstance(verdict, Refused):
        return JSONResponse({"error": verdict.error}, status_code=verdict.status)
    file_id = secrets.token_hex(16)
    (UPLOAD_DIR / file_id).write_bytes(content)
    meta = {"id": file_id, "name": verdict.name, "type": verdict.type, "size": len(content)}
    files[file_id] = meta
    return JSONResponse(meta, status_code=201, headers={"Location": f"/files/{file_id}"})


@app.get("/files/{file_id}")
async def download(file_id: str) -> Response:
    meta = files.get(file_id) if re.fullmatch(r"[0-9a-f]{32}", file_id) else None
    if meta is None:
        return JSONResponse({"error": "No such file"}, status_code=404)
    content = (UPLOAD_DIR / file_id).read_bytes()
    return Response(content, headers=download_headers(meta["name"], meta["type"]))


if __name__ == "__main__":
    uvicorn.run(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))
