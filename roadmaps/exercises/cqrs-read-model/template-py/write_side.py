"""The write side: it takes commands, checks them against its own state (the write model), and
records the events they cause in the log. It never answers a query."""

import threading
from typing import Any

from event_log import Event, EventLog


class CommandError(Exception):
    """A command that is refused: status is the HTTP status, code the error the client gets."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def invalid(message: str) -> CommandError:
    return CommandError(400, "invalid_command", message)


def is_id(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def is_amount(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


class WriteSide:
    def __init__(self, log: EventLog) -> None:
        self._log = log
        # The write model: account id -> {"owner", "balance"}. Only what the rules need.
        self._accounts: dict[str, dict[str, Any]] = {}
        # Commands arrive on several threads at once: one at a time decides and records.
        self._lock = threading.Lock()

    def _evolve(self, event: Event) -> None:
        """What one recorded event does to the write model."""
        d = event["data"]
        if event["type"] == "AccountOpened":
            self._accounts[d["accountId"]] = {"owner": d["owner"], "balance": 0}
        # TODO 2: MoneyDeposited, MoneyWithdrawn and MoneyTransferred change balances.

    def _existing(self, account_id: str) -> dict[str, Any]:
        account = self._accounts.get(account_id)
        if account is None:
            raise CommandError(404, "account_not_found", f"There is no account {account_id}")
        return account

    def _decide(self, name: str, body: Any) -> list[dict[str, Any]]:
        """Checks the command and returns the events it causes, or raises CommandError. Records nothing."""
        if not isinstance(body, dict):
            raise invalid("The body must be a JSON object")
        if name == "open-account":
            if not is_id(body.get("accountId")):
                raise invalid("accountId must be a non-empty string")
            if not is_id(body.get("owner")):
                raise invalid("owner must be a non-empty string")
            if body["accountId"] in self._accounts:
                raise CommandError(409, "account_exists", f"Account {body['accountId']} already exists")
            return [{"type": "AccountOpened", "data": {"accountId": body["accountId"], "owner": body["owner"]}}]
        # TODO 1: "deposit" and "withdraw" ({accountId, amount}) and "transfer" ({from, to, amount}).
        # 400 invalid_command for a bad body (amount: a positive int; from and to: two different
        # accounts), 404 account_not_found (self._existing), 409 insufficient_funds when the amount is
        # more than the balance in the WRITE model (exactly the balance is fine). Events:
        # MoneyDeposited {accountId, amount}, MoneyWithdrawn {accountId, amount},
        # MoneyTransferred {from, to, amount}.
        raise CommandError(404, "unknown_command", f"There is no command {name}")

    def handle(self, name: str, body: Any) -> list[Event]:
        """Runs one command: decide, then record the events and apply them to the write model."""
        with self._lock:
            events = self._log.append(self._decide(name, body))
            # TODO 2: apply the recorded events to the write model (self._evolve), so that the next
            # command is checked against the state that includes them.
            return events
