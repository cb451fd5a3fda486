"""A tiny DataLoader. load(key) should not query at once: it waits until the code running now has
had its turn, so every load() made meanwhile (one per book in a list, say) lands in one
batch_fn(keys) call.

batch_fn(keys) is async, gets each distinct key once and must return a list of the same length, in
the same order (None for a key with no value). Results are cached for the loader's lifetime, so
create one loader per request: a long-lived cache would serve stale data and leak memory.
"""

from collections.abc import Awaitable, Callable, Hashable
from typing import Any

BatchFn = Callable[[list], Awaitable[list]]


class Loader:
    def __init__(self, batch_fn: BatchFn) -> None:
        self._batch_fn = batch_fn

    # TODO: this works, but it calls batch_fn once per load() and caches nothing. Make load() a
    # plain (not async) method that returns an asyncio Future:
    #   1. cache: keep key -> future in a dict; a second load(key) returns the same future.
    #   2. batch: put new keys in a queue (a dict key -> future). On the first key of a batch,
    #      schedule one dispatch with asyncio.get_running_loop().call_soon(...). The dispatch calls
    #      batch_fn(all_queued_keys) once (in a task: loop.create_task) and sets each key's future
    #      to the value at its index.
    #   3. errors: if batch_fn raises, or returns a list of the wrong length, set that exception on
    #      every future of the batch, and forget those keys so a later load() tries again.
    async def load(self, key: Hashable) -> Any:
        return (await self._batch_fn([key]))[0]
