"""Python's cyclic garbage collector paused while an index is built.

A build makes millions of small objects (strings, tuples, frozensets, the sentences' facts)
and keeps almost all of them; none of them forms a reference cycle. The collector runs each
time allocations outnumber deallocations by a few hundred, and each of its full passes walks
every object alive, so on a large corpus it walked the same kept objects again and again: at
a thousand times the shipped corpus it took more than half of the time of giving the
sentences their terms. Reference counting still frees everything a build throws away; only
cycles would wait until the collector runs again.

Pauses nest and may come from several threads (a running bot rebuilds in a worker thread):
the collector runs again when the last one ends, and only if it was running before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting goes on)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
