"""The app (done for you): POST /signup, validated by the Signup model in schemas.py.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise.
"""

import os
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError

from schemas import Signup
from validation import validation_error

app = FastAPI(title="Signup")

# FastAPI validates the body against Signup before signup() runs; when it does not fit, FastAPI
# raises RequestValidationError, and this handler (yours, in validation.py) answers.
app.add_exception_handler(RequestValidationError, validation_error)


@app.post("/signup", status_code=201)
async def signup(body: Signup) -> dict[str, Any]:
    # By now body is the parsed, cleaned-up value. Never echo a password; exclude_unset leaves out
    # the optional fields the client did not send.
    return body.model_dump(exclude={"password"}, exclude_unset=True)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
    )
