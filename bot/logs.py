"""Logging for the bot: secrets redacted from every line, no record over MAX_LOG_LINE."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from telegram.error import InvalidToken

from bot.settings import Settings

MAX_LOG_LINE = 20_000  # characters of one log record, traceback included
REPEAT_INTERVAL = 60.0  # seconds: the same warning or error is logged once per interval
# Libraries whose DEBUG lines hold what people wrote next to their Telegram ids (python-telegram-
# bot logs whole updates) or next to their pseudonyms (aiosqlite logs every statement with its
# parameters): INFO at most, whatever LOG_LEVEL says.
CHATTY = ("telegram", "aiosqlite", "tornado", "httpx", "httpcore", "asyncio")


class _Redacting(logging.Formatter):
    """Replaces secrets in every formatted line, tracebacks included (PTB puts the token in
    its InvalidToken message and in its request URLs)."""

    def __init__(self, fmt: str, secrets_: tuple[str, ...]) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets_ if s)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        for secret in self._secrets:
            line = line.replace(secret, "<redacted>")
        if len(line) > MAX_LOG_LINE:
            # PTB logs a webhook body it cannot read whole: a hostile 1 MB post must not
            # become 1 MB of log.
            line = f"{line[:MAX_LOG_LINE]}… [{len(line) - MAX_LOG_LINE} more characters]"
        return line


class OncePerInterval(logging.Filter):
    """Lets the same warning or error through once per `interval`; the next one let through
    says how many were held back. An error that repeats in a loop is then a line a minute."""

    def __init__(
        self, interval: float = REPEAT_INTERVAL, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.interval = interval
        self._clock = clock
        self._seen: dict[tuple[str, int, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        exc_type = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        key = (record.name, record.levelno, f"{record.getMessage()[:300]}|{exc_type}")
        now = self._clock()
        last, held = self._seen.get(key, (None, 0))
        if last is not None and now - last < self.interval:
            self._seen[key] = (last, held + 1)
            return False
        if held:
            record.msg = f"{record.getMessage()} [and {held} more like this in {self.interval:.0f} s]"
            record.args = ()
        if len(self._seen) > 10_000:  # a flood of different lines: start afresh
            self._seen.clear()
        self._seen[key] = (now, 0)
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr at LOG_LEVEL, secrets redacted, records capped, httpx's URLs kept out."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        _Redacting(
            "%(asctime)s %(levelname)s %(name)s: %(message)s",
            (settings.telegram_bot_token or "", settings.webhook_secret or ""),
        )
    )
    # A rejected token is reported in one line by run_bot; PTB's traceback for it adds nothing.
    handler.addFilter(lambda record: not (record.exc_info and isinstance(record.exc_info[1], InvalidToken)))
    handler.addFilter(OncePerInterval())
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLevelName(settings.log_level)))
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
