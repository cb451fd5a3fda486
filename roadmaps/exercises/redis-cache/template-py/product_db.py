"""The "database" (done for you): an in-memory product table that waits 100 ms per call, like a slow
source, and counts its calls so GET /stats can show whether the cache saved a trip."""

import threading
import time
from typing import Any


class InvalidProductError(Exception):
    """The database refused a field; nothing was saved."""


def default_products() -> list[dict[str, Any]]:
    return [
        {"id": 1, "name": "Kettle", "priceCents": 2999},
        {"id": 2, "name": "Teapot", "priceCents": 1999},
        {"id": 3, "name": "Mug", "priceCents": 899},
    ]


class ProductDb:
    def __init__(self, rows: list[dict[str, Any]] | None = None, delay_seconds: float = 0.1) -> None:
        self._table = {row["id"]: dict(row) for row in (rows or default_products())}
        self._delay = delay_seconds
        self._lock = threading.Lock()
        self.reads = 0
        self.writes = 0

    def find_product(self, product_id: int) -> dict[str, Any] | None:
        """The product with this id (a fresh dict), or None when there is none."""
        with self._lock:
            self.reads += 1
        time.sleep(self._delay)
        row = self._table.get(product_id)
        return dict(row) if row else None

    def save_product(self, product_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Saves name and/or priceCents and returns the saved product, or None when there is no such
        product. Raises InvalidProductError, and saves nothing, when a field is invalid."""
        with self._lock:
            self.writes += 1
        time.sleep(self._delay)
        row = self._table.get(product_id)
        if row is None:
            return None
        name = fields.get("name", row["name"])
        price = fields.get("priceCents", row["priceCents"])
        if not isinstance(name, str) or not name.strip():
            raise InvalidProductError("name must be a non-empty string")
        if not isinstance(price, int) or isinstance(price, bool) or price < 0:
            raise InvalidProductError("priceCents must be a whole number of cents, 0 or more")
        row.update(name=name, priceCents=price)
        return dict(row)
