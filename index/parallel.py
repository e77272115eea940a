"""Work split over the machine's cores, for what a large corpus makes slow at build time
(Sastrawi stemming, reading each sentence's facts).

Worker processes are forked while the caller runs a single thread (a build from the command
line, or before the bot starts its threads: they start at once, with the modules and the
corpus loaded), and started fresh ("spawn") otherwise, so a caller's threads (a running bot
rebuilding on a change) are safe; as with any use of multiprocessing, the program's main
module must not do its work on import (`if __name__ == "__main__":`). Where no processes can
be had (a sandbox, a limit), the caller does the work itself.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import get_all_start_methods, get_context
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")

# Below this many items, doing the work here is faster than starting worker processes.
PARALLEL_FROM = 20_000


class Workers:
    """Worker processes, or none (then `map` returns None and the caller works).

    Each worker is its own single-process executor, so that work can be sent to the worker
    that holds what an earlier call left there (`each`): the index build reads a share of the
    articles on each worker and later, once the whole corpus's names are known, turns that
    same share into index sentences there, instead of sending every sentence back and forth."""

    def __init__(self, pools: list[ProcessPoolExecutor] | None, count: int) -> None:
        self._pools = pools
        self.count = count

    @property
    def available(self) -> bool:
        """Whether there are worker processes (and none has failed)."""
        return self._pools is not None

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
        if self._pools is None or (len(items) if cost is None else cost) < PARALLEL_FROM or not items:
            return None
        step = -(-len(items) // (self.count * 4))
        chunks = [list(items[i : i + step]) for i in range(0, len(items), step)]
        try:
            futures = [self._pools[n % self.count].submit(fn, chunk) for n, chunk in enumerate(chunks)]
            return [future.result() for future in futures]
        except (OSError, BrokenProcessPool) as exc:
            self._failed(exc)
            return None

    def each(self, fn: Callable[[A], R], jobs: Sequence[A]) -> Iterator[R]:
        """fn(jobs[n]) on worker n, for each of the `count` workers; the results in order, each
        as soon as it is there. Raises WorkersFailed when a worker cannot do it (what it held
        is lost then: the caller does all the work itself)."""
        if self._pools is None or len(jobs) != self.count:
            raise WorkersFailed("no worker processes")
        try:
            futures = [pool.submit(fn, job) for pool, job in zip(self._pools, jobs, strict=True)]
            for future in futures:
                yield future.result()
        except (OSError, BrokenProcessPool) as exc:
            self._failed(exc)
            raise WorkersFailed(str(exc)) from exc

    def _failed(self, exc: BaseException) -> None:
        log.warning("work in worker processes failed (%s); doing it in this process", exc)
        self._pools = None


class WorkersFailed(Exception):
    """Worker processes could not do what `Workers.each` asked."""


def _start_method() -> str:
    """ "fork" while this process runs one thread, "spawn" otherwise: forking a process whose
    other threads hold locks is unsafe."""
    return "fork" if threading.active_count() == 1 and "fork" in get_all_start_methods() else "spawn"


@contextmanager
def workers(items: int) -> Iterator[Workers]:
    """Worker processes for a job of this many items, when it is big enough to pay for them."""
    count = min(os.cpu_count() or 1, 8)
    if items < PARALLEL_FROM or count < 2:
        yield Workers(None, 1)
        return
    pools: list[ProcessPoolExecutor] = []
    try:
        for _ in range(count):
            pools.append(ProcessPoolExecutor(1, mp_context=get_context(_start_method())))
    except OSError as exc:
        log.warning("no worker processes (%s); building in this process", exc)
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
        yield Workers(None, 1)
        return
    try:
        yield Workers(pools, count)
    finally:
        # Not waiting for the workers to exit (a fifth of a second): the executors' own threads
        # reap them, and nothing is left for them to do.
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
