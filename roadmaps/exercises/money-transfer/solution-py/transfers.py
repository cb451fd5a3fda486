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
    # Raising inside the block rolls everything back, so a refusal leaves no trace.
    with conn.transaction():
        # Lock both rows at once, smallest id first: a transfer the other way round waits for the
        # same first row instead of holding the second one (no deadlock). Nobody else can change
        # these balances before this transaction ends.
        rows = conn.execute(
            "SELECT id, balance_cents FROM accounts WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
            ([from_id, to_id],),
        ).fetchall()
        balance = {row["id"]: row["balance_cents"] for row in rows}
        for account in (from_id, to_id):
            if account not in balance:
                raise AccountNotFoundError(f"Account {account} not found")
        if balance[from_id] < amount_cents:
            raise InsufficientFundsError(f"Account {from_id} has {balance[from_id]} cents, less than {amount_cents}")
        conn.execute("UPDATE accounts SET balance_cents = balance_cents - %s WHERE id = %s", (amount_cents, from_id))
        conn.execute("UPDATE accounts SET balance_cents = balance_cents + %s WHERE id = %s", (amount_cents, to_id))
        row = conn.execute(
            "INSERT INTO transfers (from_id, to_id, amount_cents) VALUES (%s, %s, %s) RETURNING id",
            (from_id, to_id, amount_cents),
        ).fetchone()
    assert row is not None
    return {"id": row["id"], "fromId": from_id, "toId": to_id, "amountCents": amount_cents}
