"""Logging for the bot: secrets redacted from every line, no record over MAX_LOG_LINE."""

from __future__ import annotations

import logging

from telegram.error import InvalidToken

from bot.settings import Settings

MAX_LOG_LINE = 20_000  # characters of one log record, traceback included


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
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
