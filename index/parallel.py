"""Work split over the machine's cores, for what a large corpus makes slow at build time
(Sastrawi stemming, reading each sentence's facts).

Worker processes are started fresh ("spawn"), never forked, so a caller's threads (a running
bot) are safe; as with any use of multiprocessing, the program's main module must not do its
work on import (`if __name__ == "__main__":`). Where no processes can be had (a sandbox, a
limit), the caller does the work itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import get_context
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, doing the work here is faster than starting worker processes.
PARALLEL_FROM = 20_000


class Workers:
    """A pool of worker processes, or none (then `map` returns None and the caller works)."""

    def __init__(self, pool: ProcessPoolExecutor | None, count: int) -> None:
        self._pool = pool
        self.count = count

    def map(
        self, fn: Callable[[list[T]], list[R]], items: Sequence[T], cost: int | None = None
    ) -> list[R] | None:
        """fn over the items in chunks on the workers, results in order; None if unavailable or
        not worth it (fewer than PARALLEL_FROM items, or units of `cost` when given)."""
        results = self.map_chunks(fn, items, cost)
        return None if results is None else [result for chunk in results for result in chunk]

    def map_chunks(
        self, fn: Callable[[list[T]], R], items: Sequence[T], cost: int | None = None
    ) -> list[R] | None:
        """fn over consecutive chunks of the items on the workers, one result per chunk, in
        order (for work whose result sums up a chunk); None as for `map`."""
        if self._pool is None or (len(items) if cost is None else cost) < PARALLEL_FROM or not items:
            return None
        step = -(-len(items) // (self.count * 4))
        chunks = [list(items[i : i + step]) for i in range(0, len(items), step)]
        try:
            return list(self._pool.map(fn, chunks))
        except (OSError, BrokenProcessPool) as exc:
            log.warning("work in worker processes failed (%s); doing it in this process", exc)
            self._pool = None
            return None


@contextmanager
def workers(items: int) -> Iterator[Workers]:
    """Worker processes for a job of this many items, when it is big enough to pay for them."""
    count = min(os.cpu_count() or 1, 8)
    if items < PARALLEL_FROM or count < 2:
        yield Workers(None, 1)
        return
    try:
        pool = ProcessPoolExecutor(count, mp_context=get_context("spawn"))
    except OSError as exc:
        log.warning("no worker processes (%s); building in this process", exc)
        yield Workers(None, 1)
        return
    try:
        yield Workers(pool, count)
    finally:
        pool.shutdown(cancel_futures=True)
