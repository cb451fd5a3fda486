"""Cache-aside in front of the slow product database (product_db.py).

Keys are key_prefix + str(id), e.g. "product:1"; values are the product as JSON.
"""

import json
from typing import Any

import redis

from product_db import ProductDb


class ProductCache:
    def __init__(
        self,
        client: redis.Redis,
        db: ProductDb,
        key_prefix: str = "product:",
        ttl_seconds: int = 60,
        miss_ttl_seconds: int = 5,
    ) -> None:
        self.redis = client
        self.db = db
        self.key_prefix = key_prefix
        self.ttl_seconds = ttl_seconds
        self.miss_ttl_seconds = miss_ttl_seconds

    def key_for(self, product_id: int) -> str:
        return f"{self.key_prefix}{product_id}"

    def get_product(self, product_id: int) -> dict[str, Any] | None:
        key = self.key_for(product_id)
        cached = self.redis.get(key)
        if cached is not None:
            try:
                # A plain GET: the TTL still counts from the database read that filled the entry.
                return json.loads(cached)
            except ValueError:
                pass  # corrupt: a miss, overwritten below
        product = self.db.find_product(product_id)
        ttl = self.ttl_seconds if product is not None else self.miss_ttl_seconds
        self.redis.set(key, json.dumps(product), ex=ttl)
        return product

    def update_product(self, product_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        # Save first: if the database refuses, this raises and the cache is left alone. Then delete
        # rather than overwrite, so the next read fetches the truth even if updates race.
        product = self.db.save_product(product_id, fields)
        self.redis.delete(self.key_for(product_id))
        return product
