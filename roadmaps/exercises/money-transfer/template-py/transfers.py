"""Moves money between two accounts. The API (main.py) has already checked the input: from_id and
to_id are different positive integers, amount_cents a whole number above 0.

`conn` is a psycopg connection in autocommit mode, with rows as dicts: each statement commits on its
own, unless it runs inside a transaction block:

    with conn.transaction():      # BEGIN; COMMIT at the end, ROLLBACK if an exception leaves it
        conn.execute("...", (a, b))
"""

from typing import Any

import psycopg

from errors import AccountNotFoundError, InsufficientFundsError


def transfer(conn: psycopg.Connection, from_id: int, to_id: int, amount_cents: int) -> dict[str, Any]:
    """Returns {"id", "fromId", "toId", "amountCents"} with the id of the new row in transfers.
    Raises AccountNotFoundError when either account does not exist, InsufficientFundsError when the
    sender's balance is below amount_cents; either way, nothing changes."""
    # TODO: in one transaction:
    #   1. lock both accounts' rows (SELECT ... FOR UPDATE), always in the same order (by id);
    #   2. check that both exist and that the sender has enough;
    #   3. take the amount from one, add it to the other, and INSERT the transfer (RETURNING id).
    raise NotImplementedError("TODO: transfer is not written yet")
