"""The bot's log lines: no secret ever, and no megabyte of someone's junk."""

from __future__ import annotations

import logging

from bot.logs import MAX_LOG_LINE, OncePerInterval, _Redacting

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


def test_a_repeating_error_is_logged_once_per_interval() -> None:
    now = [0.0]
    once = OncePerInterval(interval=60, clock=lambda: now[0])

    def record(message: str, level: int = logging.ERROR) -> logging.LogRecord:
        return logging.LogRecord("t", level, __file__, 1, message, (), None)

    passed = []
    for _ in range(100_000):  # an error in a hot loop
        passed += [r.getMessage() for r in [record("Too many open files")] if once.filter(r)]
    assert passed == ["Too many open files"]
    assert once.filter(record("another error"))  # a different line is not held back
    assert all(once.filter(record("debug detail", logging.INFO)) for _ in range(3))
    now[0] = 61.0
    later = record("Too many open files")
    assert once.filter(later)
    assert later.getMessage() == "Too many open files [and 99999 more like this in 60 s]"
