"""The signup body, as a Pydantic (v2) model: https://docs.pydantic.dev/latest/concepts/models/"""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints

# Deliberately simple: text, one @, a domain with a dot, and no spaces anywhere. (pydantic's
# EmailStr checks much more, and needs the email-validator package.)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def valid_email(value: str) -> str:
    if not EMAIL.fullmatch(value):
        raise ValueError("Email must be a valid email address")
    return value


# The constraints run first (strip, then lower-case), so the check sees the cleaned-up value.
Email = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True), AfterValidator(valid_email)]
# Not stripped: spaces are allowed in passwords, and changing a secret silently locks people out.
Password = Annotated[str, StringConstraints(min_length=12)]
# Stripped before the length is checked, so "   " is too short.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
# Strict: "20" and true are not numbers here (lax mode would convert them); 20.5 never was.
Age = Annotated[StrictInt, Field(ge=13, le=130)]


class Signup(BaseModel):
    # forbid: an unknown key is an error instead of being dropped silently, so a client sending
    # {"isAdmin": true} learns it is not accepted (and it can never reach a database insert).
    model_config = ConfigDict(extra="forbid")

    email: Email
    password: Password
    # Optional, but not nullable: the default is not validated, while a null sent by the client is
    # (and fails). To leave a field out, a client omits it.
    name: Name = Field(default=None)
    age: Age = Field(default=None)
