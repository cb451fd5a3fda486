"""A lock shared by every process that uses the same Redis: one key per lock name.

    client:     a redis-py client made with decode_responses=True (see main.py)
    key_prefix: REDIS_KEY_PREFIX + "lock:", so the lock "report" is the key key_prefix + "report"
    ttl_ms:     how long a lock lives unless it is released first (LOCK_TTL_MS)

The key's value is the holder's token: 32 random hex characters, new for every acquire.
"""

import secrets

import redis


class Lock:
    def __init__(self, client: redis.Redis, key_prefix: str = "lock:", ttl_ms: int = 10_000) -> None:
        self.client = client
        self.key_prefix = key_prefix
        self.ttl_ms = ttl_ms

    def key_for(self, name: str) -> str:
        return self.key_prefix + name

    def acquire(self, name: str) -> str | None:
        """The new token, or None when the lock is held."""
        # TODO: make a random token (secrets.token_hex(16)) and set the key to it in one command,
        #   only if the key does not exist, with a time to live: SET key token NX PX ttl_ms.
        #   redis-py answers True when it set the key, and None when the key was already there.
        return None

    def release(self, name: str, token: str) -> bool:
        """True when this token held the lock and it is now released, False otherwise."""
        # TODO: delete the key only if it still holds this token, in one step inside Redis (EVAL a
        #   Lua script: GET, compare, DEL). The lock may have expired and been taken by someone else.
        return False
