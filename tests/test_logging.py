"""The bot's log lines: no secret ever, and no megabyte of someone's junk."""

from __future__ import annotations

import logging

from bot.logs import MAX_LOG_LINE, _Redacting

TOKEN = "123456:ABC-secret-token"


def _format(message: str, *args: object) -> str:
    formatter = _Redacting("%(levelname)s %(message)s", (TOKEN, "hook-secret"))
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, message, args, None)
    return formatter.format(record)


def test_token_and_webhook_secret_are_redacted() -> None:
    line = _format("GET https://api.telegram.org/bot%s/getMe failed; secret %s", TOKEN, "hook-secret")
    assert TOKEN not in line and "hook-secret" not in line
    assert line.count("<redacted>") == 2


def test_a_huge_record_is_capped() -> None:
    line = _format("could not read update: %s", "x" * 1_000_000)
    assert len(line) < MAX_LOG_LINE + 100
    assert "more characters" in line
