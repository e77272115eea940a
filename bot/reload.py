"""The running bot keeps up with its corpus folder: on SIGHUP at once, and by itself within
`CORPUS_CHECK_SECONDS` (plus a moment for a writer to finish) of a change to the folder.

The new answering object is built in a thread beside the old one, off the event loop, and
swapped in as one reference (`services.answerer`): a question already handed to the old one
finishes on it, the next one is answered by the new one. A corpus that does not load leaves
the old one answering, and says why in one log line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from bot.settings import Settings
from index.answerer import Answerer
from index.cache import load_index
from index.corpus import CorpusError, load_corpus

log = logging.getLogger(__name__)

SETTLE_SECONDS = 0.5  # a change is read once the folder has looked the same for this long
RELOADER = "corpus_reloader"  # its bot_data key

State = tuple[tuple[str, int, int], ...]


class Holder(Protocol):
    """What holds the answerer the handlers use (bot.telegram_handlers.Services)."""

    answerer: Answerer


def folder_state(directory: Path) -> State:
    """What the folder holds, as names, sizes and modification times: any change to a file in
    it (an edit in place, an added or removed file, a rename over sources.toml) changes it."""
    try:
        entries = [
            (entry.name, stat.st_size, stat.st_mtime_ns)
            for entry in os.scandir(directory)
            if not entry.name.startswith(".") and (stat := entry.stat(follow_symlinks=False))
        ]
        own = os.stat(directory)
    except OSError as exc:
        return (("", -1, exc.errno or 0),)
    return (("", own.st_size, own.st_mtime_ns), *sorted(entries))


class CorpusReloader:
    """Watches one corpus folder and swaps `holder.answerer` for a new one when it changes."""

    def __init__(
        self,
        holder: Holder,
        corpus_dir: Path,
        cache_dir: Path | None,
        *,
        interval: float,
        settle: float = SETTLE_SECONDS,
        load: Callable[[Path, Path | None], Answerer] | None = None,
    ) -> None:
        self.holder = holder
        self.corpus_dir = Path(corpus_dir)
        self.cache_dir = cache_dir
        self.interval = interval
        self.settle = settle
        self._load = load or self._load_from_current
        self._wanted = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._signal = False
        self.reloads = 0  # swaps done, for tests and logs
        self.started = asyncio.Event()  # set once the corpus loaded at start-up has been compared

    def _load_from_current(self, corpus_dir: Path, cache_dir: Path | None) -> Answerer:
        """The answerer of the folder as it is now; when only articles were added or removed,
        its index is the one answering now brought up to date (index/build.py), not rebuilt."""
        corpus = load_corpus(corpus_dir)
        return Answerer(load_index(corpus, cache_dir, previous=self.holder.answerer.index))

    def start(self) -> None:
        """Start watching (in the running event loop); SIGHUP reloads at once."""
        loop = asyncio.get_running_loop()
        if hasattr(signal, "SIGHUP"):
            try:
                loop.add_signal_handler(signal.SIGHUP, self.request)
                self._signal = True
            except (RuntimeError, ValueError):  # not the main thread: no signal, polling still works
                log.debug("SIGHUP cannot be handled here; the corpus folder is still watched")
        self._task = loop.create_task(self._watch(folder_state(self.corpus_dir)), name="corpus-reloader")

    def request(self) -> None:
        """Reload now (what SIGHUP does)."""
        self._wanted.set()

    async def stop(self) -> None:
        """Stop watching; a build under way is left to finish in its thread, unused."""
        if self._signal:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            self._signal = False
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _watch(self, last: State) -> None:
        # The answerer was loaded before the bot reached Telegram, which can take a while: a
        # change made meanwhile has no later change to reveal it.
        try:
            if await asyncio.to_thread(self._stale):
                await self.reload("the corpus changed while the bot was starting")
        except Exception:
            log.exception("comparing the corpus with the one loaded failed")
        self.started.set()
        log.info(
            "watching %s for changes (%s)",
            self.corpus_dir,
            f"every {self.interval:g} s, and on SIGHUP" if self.interval else "on SIGHUP only",
        )
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wanted.wait(), self.interval or None)
            try:
                last = await self._check(last)
            except Exception:  # a watcher that died quietly would never reload again
                log.exception("checking the corpus folder failed; trying again at the next look")

    async def _check(self, last: State) -> State:
        signalled = self._wanted.is_set()
        self._wanted.clear()
        state = await asyncio.to_thread(folder_state, self.corpus_dir)
        if not signalled:
            if state == last:
                return last
            # `index add` writes the article's file, then sources.toml: wait until the folder
            # has stopped changing rather than read it between the two.
            while True:
                await asyncio.sleep(self.settle)
                again = await asyncio.to_thread(folder_state, self.corpus_dir)
                if again == state:
                    break
                state = again
        # `state` was taken before loading: a change made while it loads is seen next time.
        await self.reload("SIGHUP" if signalled else "the corpus folder changed")
        return state

    def _stale(self) -> bool:
        """Whether the folder now holds another corpus than the answerer's (or a broken one)."""
        try:
            now = load_corpus(self.corpus_dir)
        except CorpusError:
            return True
        old = self.holder.answerer.corpus
        return (now.event, now.sources, [a.raw for a in now.articles]) != (
            old.event,
            old.sources,
            [a.raw for a in old.articles],
        )

    async def reload(self, reason: str = "asked") -> bool:
        """Build the answerer of the folder as it is now and swap it in; False (and one log line)
        when the corpus does not load, the old one answering on."""
        started = time.perf_counter()
        old = self.holder.answerer
        try:
            new = await _in_thread(self._load, self.corpus_dir, self.cache_dir)
        except CorpusError as exc:
            log.error(
                "corpus not reloaded (%s): %s; still answering from the %d articles loaded before",
                reason,
                exc,
                len(old.corpus.articles),
            )
            return False
        except Exception as exc:  # whatever else went wrong, the bot answers on
            log.error(
                "corpus not reloaded (%s): %s: %s; still answering from the %d articles loaded before",
                reason,
                type(exc).__name__,
                exc,
                len(old.corpus.articles),
            )
            return False
        self.holder.answerer = new  # one reference: questions in flight keep the old object
        self.reloads += 1
        log.info(
            "corpus reloaded (%s): %d articles (was %d), index %s in %.2f s",
            reason,
            len(new.corpus.articles),
            len(old.corpus.articles),
            "from the cache" if new.index.loaded_from_cache else "updated or built",
            time.perf_counter() - started,
        )
        return True


async def _in_thread(function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)` in a daemon thread of its own: a long build neither blocks the loop nor
    holds up the process's exit at SIGTERM (asyncio's executor threads are joined at exit)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def work() -> None:
        try:
            result = function(*args)
        except BaseException as exc:
            error = exc
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(settle, lambda: future.set_exception(error))
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(settle, lambda: future.set_result(result))

    threading.Thread(target=work, name="corpus-reload", daemon=True).start()
    return await future


def start_reloading(bot_data: dict[Any, Any], holder: Holder, settings: Settings) -> CorpusReloader:
    """Watch the settings' corpus folder until `stop_reloading` (the reloader kept in bot_data)."""
    reloader = CorpusReloader(
        holder,
        settings.corpus_dir,
        settings.index_cache_dir,
        interval=settings.corpus_check_seconds,
    )
    reloader.start()
    bot_data[RELOADER] = reloader
    return reloader


async def stop_reloading(bot_data: dict[Any, Any]) -> None:
    """Stop the watcher `start_reloading` started, if any."""
    reloader = bot_data.pop(RELOADER, None)
    if reloader is not None:
        await reloader.stop()
