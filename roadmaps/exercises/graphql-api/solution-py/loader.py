"""A tiny DataLoader. load(key) does not query at once: it waits until the code running now has had
its turn, so every load() made meanwhile (one per book in a list, say) lands in one batch_fn(keys)
call.

batch_fn(keys) is async, gets each distinct key once and must return a list of the same length, in
the same order (None for a key with no value). Results are cached for the loader's lifetime, so
create one loader per request: a long-lived cache would serve stale data and leak memory.
"""

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

BatchFn = Callable[[list], Awaitable[list]]


class Loader:
    def __init__(self, batch_fn: BatchFn) -> None:
        self._batch_fn = batch_fn
        self._cache: dict[Hashable, asyncio.Future] = {}
        self._queue: dict[Hashable, asyncio.Future] | None = None  # the batch being collected

    def load(self, key: Hashable) -> "asyncio.Future[Any]":
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        loop = asyncio.get_running_loop()
        if self._queue is None:
            batch = self._queue = {}
            # call_soon runs after the code that is running now: time enough for GraphQL to call
            # the resolver of every item of a list, each one adding its key to this batch.
            loop.call_soon(self._dispatch, loop, batch)
        future = loop.create_future()
        self._queue[key] = future
        self._cache[key] = future
        return future

    def _dispatch(self, loop: asyncio.AbstractEventLoop, batch: dict) -> None:
        self._queue = None
        loop.create_task(self._run(batch))

    async def _run(self, batch: dict) -> None:
        keys = list(batch)
        try:
            values = await self._batch_fn(keys)
            if not isinstance(values, list) or len(values) != len(keys):
                got = f"{len(values)} values" if isinstance(values, list) else type(values).__name__
                raise ValueError(f"the batch function must return a list of {len(keys)} values (one per key), got {got}")
        except Exception as error:  # every load of the batch fails, and none stays cached
            for key, future in batch.items():
                self._cache.pop(key, None)
                if not future.done():
                    future.set_exception(error)
            return
        for key, value in zip(keys, values):
            if not batch[key].done():
                batch[key].set_result(value)
