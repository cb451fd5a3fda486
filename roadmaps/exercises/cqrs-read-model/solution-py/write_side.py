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
        elif event["type"] == "MoneyDeposited":
            self._accounts[d["accountId"]]["balance"] += d["amount"]
        elif event["type"] == "MoneyWithdrawn":
            self._accounts[d["accountId"]]["balance"] -= d["amount"]
        elif event["type"] == "MoneyTransferred":
            self._accounts[d["from"]]["balance"] -= d["amount"]
            self._accounts[d["to"]]["balance"] += d["amount"]

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
        if name in ("deposit", "withdraw"):
            if not is_id(body.get("accountId")):
                raise invalid("accountId must be a non-empty string")
            if not is_amount(body.get("amount")):
                raise invalid("amount must be a positive integer (cents)")
            account = self._existing(body["accountId"])
            data = {"accountId": body["accountId"], "amount": body["amount"]}
            if name == "deposit":
                return [{"type": "MoneyDeposited", "data": data}]
            if body["amount"] > account["balance"]:
                raise CommandError(409, "insufficient_funds", f"Account {body['accountId']} has {account['balance']}")
            return [{"type": "MoneyWithdrawn", "data": data}]
        if name == "transfer":
            if not is_id(body.get("from")) or not is_id(body.get("to")):
                raise invalid("from and to must be non-empty strings")
            if body["from"] == body["to"]:
                raise invalid("from and to must be different accounts")
            if not is_amount(body.get("amount")):
                raise invalid("amount must be a positive integer (cents)")
            source = self._existing(body["from"])
            self._existing(body["to"])
            if body["amount"] > source["balance"]:
                raise CommandError(409, "insufficient_funds", f"Account {body['from']} has {source['balance']}")
            return [{"type": "MoneyTransferred", "data": {"from": body["from"], "to": body["to"], "amount": body["amount"]}}]
        raise CommandError(404, "unknown_command", f"There is no command {name}")

    def handle(self, name: str, body: Any) -> list[Event]:
        """Runs one command: decide, then record the events and apply them to the write model."""
        with self._lock:
            events = self._log.append(self._decide(name, body))
            for event in events:
                self._evolve(event)
            return events
