"""The real bot process against a Telegram that misbehaves: flaky answers, late start, SIGTERM
with a full house, and a database it cannot use."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from fakebotapi import BotProcess, Conversation, FakeBotAPI, Fault, free_port
from unprivileged import unprivileged_prefix

QUESTIONS = (
    "Di mana Kim Jong Un dan Putin bertemu?",
    "Naik apa Kim Jong Un ke Rusia?",
    "Kapan Kim tiba di Vladivostok?",
)
FAST = {"RATE_LIMIT_PER_MINUTE": "10000"}  # these tests are not about flood control


def answers_per_chat(api: FakeBotAPI) -> Counter[int]:
    """How many messages Telegram accepted from the bot, per chat."""
    return Counter(call.params["chat_id"] for call in api.processed if call.method == "sendMessage")


def wait_for_answers(api: FakeBotAPI, expected: int, timeout: float) -> int:
    """Wait until Telegram has accepted `expected` messages; gives how many it has."""
    deadline = time.monotonic() + timeout
    while True:
        count = sum(1 for call in api.processed if call.method == "sendMessage")
        if count >= expected or time.monotonic() > deadline:
            return count
        time.sleep(0.05)


def test_a_flaky_telegram_still_gets_exactly_one_answer_to_every_question(tmp_path):
    chats = range(4001, 4031)  # one question each, so an answer's chat says which it answers
    with FakeBotAPI() as api, BotProcess(api, tmp_path, env=FAST) as bot:
        # A seeded share of calls fails, each way Telegram or a proxy before it can fail.
        # Every fault is answered before the fake does the work (see fakebotapi), so a retry
        # is safe and a second message would be the bot's own duplicate.
        api.fail_randomly(
            "sendMessage",
            rate=0.3,
            seed=5,
            faults=[
                Fault(429, "Too Many Requests: retry after 1", retry_after=1, times=2),
                Fault(502, "Bad Gateway", times=None),
                Fault(500, "Internal Server Error", times=None),
                Fault(502, "Bad Gateway", kind="not_json", times=None),
                Fault(kind="timeout", delay=5.5, times=1),  # PTB gives up after 5 s
            ],
        )
        api.fail_randomly(
            "sendChatAction",
            rate=0.3,
            seed=6,
            faults=[Fault(500, times=None), Fault(200, "OK?", kind="not_json", times=None)],
        )
        api.fail_randomly(
            "getUpdates",
            rate=0.3,
            seed=7,
            faults=[
                Fault(502, "Bad Gateway", times=None),
                Fault(200, "Cached page", kind="not_json", times=None),
                Fault(429, "Too Many Requests: retry after 1", retry_after=1, times=1),
            ],
        )
        for chat in chats:
            Conversation(api, chat).say(QUESTIONS[chat % len(QUESTIONS)])
        arrived = wait_for_answers(api, len(chats), timeout=30)
        time.sleep(1.0)  # time for a late duplicate to show up
        api.stop_failing()
        failed = Counter(fault for _, fault in api.injected)
        answers = answers_per_chat(api)
        summary = (
            f"{len(api.injected)} calls failed ({dict(failed)}); {arrived} answers arrived for"
            f" {len(chats)} questions; {sum(n - 1 for n in answers.values() if n > 1)} duplicated"
        )
        print(summary)
        assert {chat: answers[chat] for chat in chats} == {chat: 1 for chat in chats}, summary
        sent = [c.params["text"] for c in api.processed if c.method == "sendMessage"]
        assert all("<b>Sumber</b>" in text for text in sent), summary  # no apology among them
        assert len(api.injected) >= 15, summary  # the run really was flaky
        assert bot.process is not None and bot.process.poll() is None, summary
        assert bot.stop() == 0


def test_a_telegram_that_is_not_there_yet_is_waited_for(tmp_path):
    port = free_port()  # where Telegram will be, once it is there
    with FakeBotAPI() as elsewhere:
        url = f"http://127.0.0.1:{port}/bot"
        bot = BotProcess(elsewhere, tmp_path, env={"TELEGRAM_BASE_URL": url})
        bot.start(wait_ready=False)
        try:
            time.sleep(2.0)  # connection refused, again and again
            assert bot.process is not None and bot.process.poll() is None, bot.output
            assert "is up" not in bot.output
            with FakeBotAPI(bind_port=port) as api:
                bot.wait_ready(timeout=15)
                assert "<b>Sumber</b>" in Conversation(api, 4101).ask(QUESTIONS[0])["text"]
                assert len(api.calls_to("getMe")) == 1  # up at the first try that got through
                assert bot.output.count("is up") == 1
                assert bot.stop() == 0
        finally:
            if bot.process is not None and bot.process.poll() is None:  # the test failed early
                bot.process.kill()
                bot.process.wait()
        assert elsewhere.calls == []


def question_rows(database: Path) -> int:
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_sigterm_with_20_updates_in_flight_answers_them_all_and_exits_0(tmp_path, mode):
    env = dict(FAST)
    if mode == "webhook":
        port = free_port()
        env |= {
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
            "WEBHOOK_SECRET": "s3cret-0123456789",
            "PORT": str(port),
        }
    chats = range(4201, 4221)
    with FakeBotAPI() as api:
        bot = BotProcess(api, tmp_path, env=env).start()
        if mode == "webhook":  # "is up" is logged before the webhook port listens
            api.wait_for("setWebhook")
        api.fail("sendMessage", status=0, delay=1.0, times=len(chats))  # each answer is slow
        for chat in chats:
            Conversation(api, chat).say(QUESTIONS[chat % len(QUESTIONS)])
        if mode == "polling":  # they are in flight once the bot has fetched them
            api.wait_for("sendChatAction", count=len(chats))
        started = time.monotonic()
        code = bot.stop()
        took = time.monotonic() - started
        answered = answers_per_chat(api)
    assert code == 0 and took < 10, f"exit {code} after {took:.1f}s\n{bot.output}"
    assert {chat: answered[chat] for chat in chats} == {chat: 1 for chat in chats}
    assert not (tmp_path / "bot.sqlite3-wal").exists()  # closed cleanly
    assert question_rows(tmp_path / "bot.sqlite3") == len(chats)
    assert "failure while handling" not in bot.output


def make_database(path: Path) -> None:
    """A database file the bot made, with one question in it."""
    with FakeBotAPI() as api, BotProcess(api, path.parent, env={"DATABASE_PATH": str(path)}):
        Conversation(api, 4300).ask(QUESTIONS[0])


@pytest.mark.parametrize("breakage", ["read-only file", "read-only folder", "corrupt pages"])
def test_a_database_it_cannot_use_is_reported_and_the_bot_answers_anyway(tmp_path, breakage):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "bot.sqlite3"
    make_database(path)
    if breakage == "corrupt pages":  # the header survives; the tables behind it do not
        data = bytearray(path.read_bytes())
        page = 4096
        data[page:] = b"\xde\xad\xbe\xef" * ((len(data) - page) // 4)
        path.write_bytes(bytes(data))
    else:
        path.chmod(0o444)
        if breakage == "read-only folder":  # as on a read-only disk: no -wal or -shm either
            folder.chmod(0o555)
    before = path.read_bytes()
    try:
        with FakeBotAPI() as api, BotProcess(
            api, tmp_path, env={"DATABASE_PATH": str(path)}, prefix=unprivileged_prefix()
        ) as bot:
            ivy = Conversation(api, 4301)
            assert "<b>Sumber</b>" in ivy.ask(QUESTIONS[0])["text"]
            assert "<b>Sumber</b>" in ivy.ask("kapan itu?")["text"]  # follow-ups in memory
            assert "STORAGE UNAVAILABLE" in bot.output, bot.output
            assert bot.stop() == 0
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before  # nothing was written to it


def test_a_database_locked_by_another_process_does_not_delay_answers(tmp_path):
    with FakeBotAPI() as api, BotProcess(api, tmp_path, env=FAST) as bot:
        Conversation(api, 4401).ask(QUESTIONS[0])  # the chat has state on disk now
        other = sqlite3.connect(bot.env["DATABASE_PATH"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process takes the write lock
        try:
            for chat in (4401, 4402):
                started = time.monotonic()
                assert "<b>Sumber</b>" in Conversation(api, chat).ask(QUESTIONS[1])["text"]
                assert time.monotonic() - started < 2  # not the 5 s of busy_timeout, twice
        finally:
            other.execute("ROLLBACK")
            other.close()
