"""The read side: a projection of the events into views shaped for readers. It only ever learns
about the accounts from events; it never looks at the write side's state."""

import threading
from typing import Any

from event_log import Event


class ReadSide:
    def __init__(self) -> None:
        self._position = 0  # the position of the last event applied (0: none yet)
        # account id -> {"accountId", "owner", "balance", "lines": [{"position", "type", "amount", "balance"}]}
        self._accounts: dict[str, dict[str, Any]] = {}
        # Guards everything above; queries waiting for a position sleep on it until apply() wakes them.
        self._changed = threading.Condition()

    @property
    def position(self) -> int:
        with self._changed:
            return self._position

    def _add_line(self, account_id: str, event: Event, kind: str, amount: int) -> None:
        account = self._accounts[account_id]
        account["balance"] += amount
        account["lines"].append({"position": event["position"], "type": kind, "amount": amount, "balance": account["balance"]})

    def _apply(self, event: Event) -> None:
        if event["position"] <= self._position:
            return  # already in the views (the queue delivers events a rebuild has applied)
        d = event["data"]
        if event["type"] == "AccountOpened":
            self._accounts[d["accountId"]] = {"accountId": d["accountId"], "owner": d["owner"], "balance": 0, "lines": []}
        elif event["type"] == "MoneyDeposited":
            self._add_line(d["accountId"], event, "deposit", d["amount"])
        elif event["type"] == "MoneyWithdrawn":
            self._add_line(d["accountId"], event, "withdrawal", -d["amount"])
        elif event["type"] == "MoneyTransferred":
            self._add_line(d["from"], event, "transfer_out", -d["amount"])
            self._add_line(d["to"], event, "transfer_in", d["amount"])
        self._position = event["position"]

    def apply(self, event: Event) -> None:
        """Applies one event, once, and wakes the queries waiting for a position."""
        with self._changed:
            self._apply(event)
            self._changed.notify_all()

    def rebuild(self, events: list[Event]) -> int:
        """Throws the views away and applies every event of the log again, in order."""
        with self._changed:
            self._position = 0
            self._accounts = {}
            for event in events:
                self._apply(event)
            self._changed.notify_all()
            return self._position

    def wait_for(self, min_position: int, timeout_s: float) -> bool:
        """True once the read model has reached min_position, False after timeout_s."""
        with self._changed:
            return self._changed.wait_for(lambda: self._position >= min_position, timeout=timeout_s)

    @staticmethod
    def _summary(a: dict[str, Any]) -> dict[str, Any]:
        return {"accountId": a["accountId"], "owner": a["owner"], "balance": a["balance"]}

    def account(self, account_id: str) -> dict[str, Any] | None:
        with self._changed:
            a = self._accounts.get(account_id)
            return None if a is None else {"position": self._position, **self._summary(a)}

    def list(self, min_balance: int | None) -> dict[str, Any]:
        """Accounts whose balance is at least min_balance, highest balance first (ties: by id)."""
        with self._changed:
            rows = [self._summary(a) for a in self._accounts.values() if min_balance is None or a["balance"] >= min_balance]
            rows.sort(key=lambda a: (-a["balance"], a["accountId"]))
            return {"position": self._position, "accounts": rows}

    def statement(self, account_id: str) -> dict[str, Any] | None:
        with self._changed:
            a = self._accounts.get(account_id)
            if a is None:
                return None
            return {"position": self._position, **self._summary(a), "lines": [dict(line) for line in a["lines"]]}
