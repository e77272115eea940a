"""The real bot process on each backend: two processes sharing one database answer a duplicate
delivery once, buttons work after a restart (inline results' too); with DATABASE_URL no SQLite
file is written and `bot stats` reads PostgreSQL; PostgreSQL unreachable at start, refusing the
password, or stopped for 10 s mid-run never costs an answer, and writes resume by themselves."""

from __future__ import annotations

import concurrent.futures
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from backends import Backend
from fakebotapi import BotProcess, Conversation, FakeBotAPI, start_webhook_bot
from pgserver_harness import PostgresServer

QUESTIONS = (
    "Di mana Kim Jong Un dan Putin bertemu?",
    "Kapan Kim Jong Un tiba di Vladivostok?",
    "Siapa yang menyambut Kim Jong Un?",
)
SECRET = "storage-Secret_0123456789"
RATE_LIMIT = 4  # questions a minute per person, over both processes
SETTLE = 0.5  # seconds to let anything that should not happen show itself


def buttons(message: dict) -> dict[str, str]:
    keyboard = message.get("reply_markup", {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in keyboard for b in row}


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}"
        time.sleep(0.1)


def folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def question_rows(backend: Backend) -> int:
    """The questions stored so far (0 before the bot has made the table)."""
    if "questions" not in backend.table_names():
        return 0
    return backend.rows("SELECT COUNT(*) FROM questions")[0][0]


def test_two_processes_on_one_database_answer_an_update_posted_to_both_once(backend: Backend, tmp_path):
    env = {**backend.env, "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)}
    with FakeBotAPI() as api:
        one, url_one = start_webhook_bot(api, folder(tmp_path / "one"), SECRET, env)
        two, url_two = start_webhook_bot(api, folder(tmp_path / "two"), SECRET, env)
        try:
            chats = range(8101, 8111)
            updates = [
                {"update_id": 8_100_000 + chat, "message": api.new_message(QUESTIONS[0], user_id=chat)}
                for chat in chats
            ]
            # each update to both processes at once, as a redelivery during a rolling deploy
            with concurrent.futures.ThreadPoolExecutor(2 * len(updates)) as pool:
                posts = [
                    pool.submit(api.post_update, update, url=url, secret=SECRET)
                    for update in updates
                    for url in (url_one, url_two)
                ]
                assert [post.result() for post in posts] == [200] * len(posts)
            for chat in chats:
                api.wait_for("sendMessage", chat_id=chat)
            time.sleep(SETTLE)
            assert {chat: len(api.replies(chat)) for chat in chats} == {chat: 1 for chat in chats}, (
                one.output + two.output
            )
            wait_until(lambda: question_rows(backend) == len(chats), 10, "one row per question")
            time.sleep(SETTLE)
            assert question_rows(backend) == len(chats)

            # one person's questions spread over both processes meet one flood limit
            person = Conversation(api, 8199)
            for number in range(RATE_LIMIT + 2):
                update = {
                    "update_id": 8_190_000 + number,
                    "message": api.new_message(QUESTIONS[number % len(QUESTIONS)], user_id=person.user_id),
                }
                api.post_update(update, url=(url_one, url_two)[number % 2], secret=SECRET)
                if number <= RATE_LIMIT:  # the answers, then one "slow down"; then silence
                    person.reply(after=number)
            time.sleep(SETTLE)
            replies = [reply["text"] for reply in api.replies(person.chat)]
            assert len(replies) == RATE_LIMIT + 1 and "Pelan-pelan" in replies[-1], replies
        finally:
            assert one.stop() == 0 and two.stop() == 0


def test_buttons_tapped_after_a_restart_still_work(backend: Backend, tmp_path):
    env = {**backend.env, "RATE_LIMIT_PER_MINUTE": "10000"}
    with FakeBotAPI() as api:
        ana = Conversation(api, 8201)
        with BotProcess(api, tmp_path, env=env):
            ana.ask(QUESTIONS[0])
            message = api.last_sent(ana.chat)
            inline = api.inline(QUESTIONS[1], user_id=8202)
            (results,) = api.wait_for(
                "answerInlineQuery", lambda c: c.params["inline_query_id"] == inline["id"]
            )
            wait_until(lambda: len(backend.rows("SELECT key FROM answers")) == 2, 10, "both answers stored")
        (result,) = results.params["results"]
        inline_buttons = buttons(result)
        assert set(inline_buttons) == {"👍", "👎", "Lebih lengkap"}  # inline results get them too

        with BotProcess(api, tmp_path, env=env):  # a new process: nothing in its memory
            query = api.tap(buttons(message)["👍"], message=message, user_id=ana.user_id)
            (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
            assert "kedaluwarsa" not in toast.params["text"]
            wait_until(lambda: backend.rows("SELECT value FROM feedback") == [(1,)], 10, "the vote stored")
            api.tap(buttons(message)["Lebih lengkap"], message=message, user_id=ana.user_id)
            api.wait_for("sendMessage", chat_id=ana.chat, count=2)  # the next best evidence
            # the inline result's "more" extends the message it was sent as
            tapped = {
                "id": "inline-tap",
                "from": api.user(8202),
                "chat_instance": "fake-instance",
                "inline_message_id": "inline-message-1",
                "data": inline_buttons["Lebih lengkap"],
            }
            api.push("callback_query", tapped)
            (edit,) = api.wait_for("editMessageText", inline_message_id="inline-message-1")
            assert edit.params["text"].startswith(result["input_message_content"]["message_text"])
            assert set(buttons(edit.params)) == {"👍", "👎"}  # the spent button is gone
            time.sleep(SETTLE)
            assert len(api.replies(ana.chat)) == 2


# -- PostgreSQL only ------------------------------------------------------------------------


def test_with_database_url_no_sqlite_file_is_written_and_stats_reads_postgresql(database_url, tmp_path):
    as_heroku_gives_it = database_url.replace("postgresql://", "postgres://", 1)
    env = {"DATABASE_URL": as_heroku_gives_it, "DATABASE_PATH": str(tmp_path / "must-not-exist.sqlite3")}
    backend = Backend("postgres", tmp_path / "unused", database_url)
    with FakeBotAPI() as api, BotProcess(api, tmp_path, env=env) as bot:
        for number, question in enumerate(QUESTIONS):
            Conversation(api, 8301 + number).ask(question)
        wait_until(lambda: question_rows(backend) == len(QUESTIONS), 10, "the questions stored")
        assert bot.stop() == 0
    assert not [p for p in Path(tmp_path).rglob("*") if "sqlite" in p.name], "an SQLite file was written"
    stats = subprocess.run(
        [sys.executable, "-m", "bot", "stats"],
        env={**bot.env, "DATABASE_URL": as_heroku_gives_it},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert f"Total: {len(QUESTIONS)} questions" in stats.stdout, stats.stdout + stats.stderr


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this module's own, which its tests stop and start."""
    with PostgresServer() as server:
        yield server


@pytest.fixture
def own_database(own_postgres: PostgresServer) -> Iterator[Backend]:
    name = f"faults_{os.getpid()}_{time.monotonic_ns()}"
    yield Backend("postgres", Path("unused"), own_postgres.create_database(name))
    if own_postgres.process is None or own_postgres.process.poll() is not None:
        own_postgres.start()
    own_postgres.drop_database(name)


def test_postgresql_stopped_for_10_s_mid_run_costs_no_answer_and_writes_resume(
    own_postgres, own_database, tmp_path
):
    env = {**own_database.env, "RATE_LIMIT_PER_MINUTE": "10000"}
    with FakeBotAPI() as api, BotProcess(api, tmp_path, env=env) as bot:
        Conversation(api, 8401).ask(QUESTIONS[0])
        wait_until(lambda: question_rows(own_database) == 1, 10, "the first question stored")
        own_postgres.stop()
        stopped = time.monotonic()
        asked = 0
        while time.monotonic() - stopped < 10:  # a question a second while it is away
            reply = Conversation(api, 8402 + asked).ask(QUESTIONS[asked % len(QUESTIONS)])
            assert "<b>Sumber</b>" in reply["text"]
            asked += 1
            time.sleep(1)
        own_postgres.start()
        # without a restart, a question asked now is stored once the next attempt comes
        started = time.monotonic()
        while question_rows(own_database) < 2:
            assert time.monotonic() - started < 45, bot.output
            Conversation(api, 8500).ask(QUESTIONS[0])
            time.sleep(1)
        assert bot.output.count("STORAGE UNAVAILABLE") <= 6, bot.output  # per attempt, not per write
        assert "usable again" in bot.output
    assert asked >= 8


def test_postgresql_unreachable_at_start_then_up_and_a_refused_password(own_postgres, own_database, tmp_path):
    own_postgres.stop()
    env = {**own_database.env, "RATE_LIMIT_PER_MINUTE": "10000"}
    with FakeBotAPI() as api, BotProcess(api, folder(tmp_path / "a"), env=env) as bot:
        assert "<b>Sumber</b>" in Conversation(api, 8601).ask(QUESTIONS[0])["text"]  # up, answering
        assert "STORAGE UNAVAILABLE: DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1" in bot.output
        own_postgres.start()
        started = time.monotonic()
        while question_rows(own_database) < 1:
            assert time.monotonic() - started < 45, bot.output
            Conversation(api, 8602).ask(QUESTIONS[1])
            time.sleep(1)
    wrong = own_database.url.replace(":test-password-of-the-tests@", ":not-the-password@")
    with (
        FakeBotAPI() as api,
        BotProcess(api, folder(tmp_path / "b"), env={**env, "DATABASE_URL": wrong}) as bot,
    ):
        assert "<b>Sumber</b>" in Conversation(api, 8603).ask(QUESTIONS[0])["text"]
        said = [line for line in bot.output.splitlines() if "refused user 'berita'" in line]
        assert len(said) == 1, bot.output  # one clear line, then the degraded mode
        assert "not-the-password" not in bot.output and "Traceback" not in bot.output
