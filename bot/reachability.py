"""Whether Telegram can be reached, said at INFO once when that changes, never once per retry.

python-telegram-bot retries getMe, deleteWebhook and getUpdates by itself and says so only at
DEBUG (or, for getUpdates, with a traceback per failure). Every call the bot makes goes through
`WatchedRequest`, which tells one `Reachability` whether the Bot API answered at all.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)


def cause(error: BaseException) -> str:
    """Why a call did not reach Telegram, in a few words: refused, name unknown, timed out."""
    if isinstance(error, TimedOut):
        return "timed out"
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused"
        if isinstance(seen, socket.gaierror):
            return f"the host name could not be resolved: {seen.strerror or seen}"
        if isinstance(seen, TimeoutError):
            return "timed out"
        seen = seen.__cause__ or seen.__context__
    return str(error)


class Reachability:
    """Logs "cannot be reached (cause)" when calls fail and none has got through for
    `quiet_seconds` (at once if none ever has), and "reached again" at the next call that does;
    a single failed call among successful ones says nothing."""

    def __init__(self, quiet_seconds: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet_seconds = quiet_seconds
        self.clock = clock
        self.last_reached: float | None = None
        self.down_since: float | None = None

    def failed(self, error: BaseException) -> None:
        """A call did not get an answer from the Bot API."""
        now = self.clock()
        if self.down_since is not None:
            return
        if self.last_reached is not None and now - self.last_reached < self.quiet_seconds:
            return
        self.down_since = now
        log.info("Telegram cannot be reached (%s); trying again quietly until it answers", cause(error))

    def reached(self) -> None:
        """A call got an answer (any HTTP status: Telegram is there)."""
        now = self.clock()
        self.last_reached = now
        if self.down_since is not None:
            log.info("Telegram reached again after %.0f s", now - self.down_since)
            self.down_since = None


class WatchedRequest(HTTPXRequest):
    """python-telegram-bot's own HTTPXRequest, reporting each call's fate to `reachability`."""

    def __init__(self, reachability: Reachability, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reachability = reachability

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """The HTTP status and body, as HTTPXRequest gives them; the outcome noted."""
        try:
            result = await super().do_request(*args, **kwargs)
        except NetworkError as exc:
            self.reachability.failed(exc)
            raise
        self.reachability.reached()
        return result
