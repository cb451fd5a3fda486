"""A lock shared by every process that uses the same Redis: one key per lock name.

    client:     a redis-py client made with decode_responses=True (see main.py)
    key_prefix: REDIS_KEY_PREFIX + "lock:", so the lock "report" is the key key_prefix + "report"
    ttl_ms:     how long a lock lives unless it is released first (LOCK_TTL_MS)

The key's value is the holder's token: 32 random hex characters, new for every acquire.
"""

import secrets

import redis

# Compare and delete in one step: Redis runs a script without running any other command meanwhile.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class Lock:
    def __init__(self, client: redis.Redis, key_prefix: str = "lock:", ttl_ms: int = 10_000) -> None:
        self.client = client
        self.key_prefix = key_prefix
        self.ttl_ms = ttl_ms
        self._release = client.register_script(RELEASE)

    def key_for(self, name: str) -> str:
        return self.key_prefix + name

    def acquire(self, name: str) -> str | None:
        token = secrets.token_hex(16)
        # nx: only when nobody holds it; px: it frees itself if the holder never releases it.
        if self.client.set(self.key_for(name), token, nx=True, px=self.ttl_ms):
            return token
        return None

    def release(self, name: str, token: str) -> bool:
        return self._release(keys=[self.key_for(name)], args=[token]) == 1
