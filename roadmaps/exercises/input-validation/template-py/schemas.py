"""The signup body, as a Pydantic (v2) model: https://docs.pydantic.dev/latest/concepts/models/"""

from pydantic import BaseModel


# TODO: make this the full signup model:
# - email:    required string, trimmed and lower-cased, then checked to be a valid email address
#             (something, one @, a domain with a dot, no spaces)
# - password: required string of at least 12 characters (don't trim it)
# - name:     optional string, trimmed, then 1 to 80 characters
# - age:      optional whole number from 13 to 130 (no strings like "20", no true, no null)
# - any other key is an error (model_config = ConfigDict(extra="forbid"))
class Signup(BaseModel):
    email: str
    password: str
