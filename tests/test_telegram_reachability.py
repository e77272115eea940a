"""A Telegram that cannot be reached is said once at INFO, with its cause, and once when it is
reached again; never a line (or a traceback) per retry."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from fakebotapi import BotProcess, Conversation, FakeBotAPI, free_port
from telegram.error import NetworkError, TimedOut

from bot.reachability import Reachability, cause

QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"
DOWN = "Telegram cannot be reached"
UP = "Telegram reached again"


def refused() -> NetworkError:
    try:
        try:
            raise ConnectionRefusedError(111, "Connect call failed")
        except OSError as exc:
            raise OSError("All connection attempts failed") from exc
    except OSError as exc:
        error = NetworkError("httpx.ConnectError: All connection attempts failed")
        error.__cause__ = exc
        return error


def test_the_cause_is_named() -> None:
    assert cause(refused()) == "connection refused"
    unknown = NetworkError("httpx.ConnectError: [Errno -2] Name or service not known")
    unknown.__cause__ = socket.gaierror(-2, "Name or service not known")
    assert cause(unknown) == "the host name could not be resolved: Name or service not known"
    assert cause(TimedOut("Timed out")) == "timed out"


def test_one_line_down_one_line_up_and_a_lone_failure_says_nothing(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    reach = Reachability(quiet_seconds=5, clock=lambda: now[0])
    caplog.set_level(logging.INFO, logger="bot.reachability")
    for _ in range(10):  # start-up, nothing there: one line at the first failure
        reach.failed(refused())
        now[0] += 2
    reach.reached()
    reach.reached()
    now[0] += 1
    reach.failed(refused())  # one failure right after calls got through: not an outage
    reach.reached()
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [
        f"{DOWN} (connection refused); trying again quietly until it answers",
        f"{UP} after 20 s",
    ]


def lines(output: str, text: str) -> list[str]:
    return [line for line in output.splitlines() if text in line]


def test_a_telegram_not_there_at_start_is_one_line_then_one_when_it_comes(tmp_path) -> None:
    port = free_port()
    with FakeBotAPI() as elsewhere:
        bot = BotProcess(elsewhere, tmp_path, env={"TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}/bot"})
        bot.start(wait_ready=False)
        try:
            time.sleep(4.0)  # several of PTB's retries, refused each time
            assert "polling mode" in bot.output
            down = lines(bot.output, DOWN)
            assert len(down) == 1 and "connection refused" in down[0] and " INFO " in down[0], bot.output
            assert "Traceback" not in bot.output and " WARNING " not in bot.output
            with FakeBotAPI(bind_port=port) as api:
                bot.wait_ready(timeout=15)
                assert len(lines(bot.output, UP)) == 1, bot.output
                assert "<b>Sumber</b>" in Conversation(api, 5101).ask(QUESTION)["text"]
                assert len(lines(bot.output, DOWN)) == 1
                assert bot.stop() == 0
        finally:
            if bot.process is not None and bot.process.poll() is None:  # the test failed early
                bot.process.kill()
                bot.process.wait()


def test_telegram_going_away_while_polling_is_one_line_and_coming_back_one(tmp_path) -> None:
    port = free_port()
    with FakeBotAPI(bind_port=port) as api:
        bot = BotProcess(api, tmp_path)
        bot.start()
    try:
        deadline = time.monotonic() + 20
        while not lines(bot.output, DOWN) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3.0)  # more retries: still one line
        assert len(lines(bot.output, DOWN)) == 1, bot.output
        assert "Traceback" not in bot.output and " ERROR " not in bot.output, bot.output
        with FakeBotAPI(bind_port=port) as api:
            deadline = time.monotonic() + 40
            while not lines(bot.output, UP) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert len(lines(bot.output, UP)) == 1, bot.output
            assert "<b>Sumber</b>" in Conversation(api, 5201).ask(QUESTION)["text"]
            assert bot.stop() == 0
    finally:
        if bot.process is not None and bot.process.poll() is None:
            bot.process.kill()
            bot.process.wait()
