"""Cache-aside in front of the slow product database (product_db.py). This is the file you write.

Keys are key_prefix + str(id), e.g. "product:1"; values are the product as JSON.
"""

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
        # TODO: cache-aside.
        #   1. GET the key from Redis. If there is a value that parses as JSON, return it (a hit:
        #      the database is not called at all, and the key's TTL is left as it is). The value
        #      may be null (None): a miss remembered from before.
        #   2. Otherwise (no key, or a value that is not valid JSON) read the database. SET the
        #      product as JSON with a TTL of ttl_seconds (ex=...), or, when there is no such
        #      product, the JSON null with a TTL of miss_ttl_seconds. Then return it.
        return self.db.find_product(product_id)

    def update_product(self, product_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        product = self.db.save_product(product_id, fields)
        # TODO: invalidate: DEL the cached key, so the next get_product reads the new row.
        return product
