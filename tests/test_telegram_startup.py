"""Starting and stopping the real bot process: bad settings, an unreachable or failing Telegram,
an unusable database, and SIGTERM with an answer in flight."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest
from fakebotapi import BotProcess, Conversation, FakeBotAPI, free_port

QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"


@pytest.fixture
def api():
    with FakeBotAPI() as fake:
        yield fake


def refused(api, tmp_path, env, *args) -> tuple[int, str]:
    process = BotProcess(api, tmp_path, env=env, args=args or ("run",))
    process.start(wait_ready=False)
    return process.wait(), process.output


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"PORT": "eighty"}, "PORT must be a whole number"),
        ({"WEBHOOK_URL": "https://example.org/hook"}, "WEBHOOK_SECRET is not"),
        (
            {"WEBHOOK_URL": "https://example.org/hook", "WEBHOOK_SECRET": "has spaces!"},
            "WEBHOOK_SECRET must be",
        ),
        ({"CORPUS_DIR": "/nonexistent/corpus"}, "corpus folder not found"),
        ({"WEBHOOK_URL": "https://example.org/hook(", "WEBHOOK_SECRET": "s" * 16}, "WEBHOOK_URL's path"),
        ({"TELEGRAM_BASE_URL": "http://[::1/bot"}, "TELEGRAM_BASE_URL is not a valid URL"),
        ({"WEBHOOK_SECRET": "x"}, "WEBHOOK_SECRET must be 16-256"),
    ],
)
def test_a_bad_setting_stops_start_up_with_one_line(api, tmp_path, env, reason):
    code, output = refused(api, tmp_path, env)
    assert code != 0
    assert output.count("\n") == 1 and output.startswith("error: ") and reason in output
    assert api.calls == []  # nothing was sent anywhere


def test_a_token_telegram_rejects_is_one_line_and_never_echoed(api, tmp_path):
    token = "999:RejectedTokenValue"
    code, output = refused(api, tmp_path, {"TELEGRAM_BOT_TOKEN": token})
    assert code != 0
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert errors == ["error: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather"]
    assert "Traceback" not in output and "RejectedTokenValue" not in output


def test_getme_failures_at_start_are_retried_rather_than_fatal(api, tmp_path):
    api.fail("getMe", status=502, description="Bad Gateway")
    with BotProcess(api, tmp_path):
        assert len(api.calls_to("getMe")) >= 2
        assert "<b>Sumber</b>" in Conversation(api, 3001).ask(QUESTION)["text"]


def test_an_unreachable_telegram_is_waited_for_and_sigterm_still_stops_it(api, tmp_path):
    nowhere = f"http://127.0.0.1:{free_port()}/bot"
    process = BotProcess(api, tmp_path, env={"TELEGRAM_BASE_URL": nowhere})
    process.start(wait_ready=False)
    # Once it says Telegram cannot be reached, it is trying (a fixed wait raced a slow start
    # on a loaded machine: SIGTERM came before the bot had its handler, exit -15).
    deadline = time.monotonic() + 30
    while "Telegram cannot be reached" not in process.output:
        assert process.process.poll() is None, process.output
        assert time.monotonic() < deadline, process.output
        time.sleep(0.05)
    time.sleep(1.0)
    assert process.process.poll() is None  # still trying, not crash-looping
    started = time.monotonic()
    assert process.stop() == 0
    assert time.monotonic() - started < 10


def test_a_failing_command_menu_does_not_stop_the_bot(api, tmp_path):
    api.fail("setMyCommands", status=400, description="Bad Request: nope", times=None)
    with BotProcess(api, tmp_path) as process:
        assert "<b>Sumber</b>" in Conversation(api, 3002).ask(QUESTION)["text"]
        assert "setMyCommands (id) failed" in process.output


@pytest.mark.parametrize("breakage", ["corrupt file", "folder is a file"])
def test_an_unusable_database_is_logged_loudly_and_the_bot_keeps_answering(api, tmp_path, breakage):
    if breakage == "corrupt file":
        path = tmp_path / "bot.sqlite3"
        path.write_bytes(b"\x00not sqlite\xff" * 500)
    else:
        (tmp_path / "blocker").write_text("")
        path = tmp_path / "blocker" / "bot.sqlite3"
    with BotProcess(api, tmp_path, env={"DATABASE_PATH": str(path)}) as process:
        assert "STORAGE UNAVAILABLE" in process.output
        ivy = Conversation(api, 3003)
        assert "<b>Sumber</b>" in ivy.ask(QUESTION)["text"]
        assert "<b>Sumber</b>" in ivy.ask("kapan itu?")["text"]  # follow-ups kept in memory
        assert "tidak bisa dibuka" in ivy.ask("/lupakan")["text"]


def test_store_questions_off_keeps_no_question_text(api, tmp_path):
    with BotProcess(api, tmp_path, env={"STORE_QUESTIONS": "0"}) as process:
        jo = Conversation(api, 3004)
        jo.ask(QUESTION)
        assert "<b>Sumber</b>" in jo.ask("kapan itu?")["text"]
        database = process.env["DATABASE_PATH"]
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM chat_state").fetchone() == (0,)


def test_sigterm_finishes_the_answer_in_flight_closes_the_database_and_exits_0(api, tmp_path):
    process = BotProcess(api, tmp_path).start()
    api.fail("sendMessage", status=0, delay=1.5)  # the answer takes 1.5 s to go out
    Conversation(api, 3005).say(QUESTION)
    api.wait_for("sendMessage")
    started = time.monotonic()
    assert process.stop() == 0
    # it waited for the slow sendMessage to come back rather than cutting it off
    assert 1.0 < time.monotonic() - started < 10
    assert "failure while handling" not in process.output
    database = tmp_path / "bot.sqlite3"
    assert not database.with_name("bot.sqlite3-wal").exists()  # closed cleanly
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (1,)

    stats = subprocess.run(
        [sys.executable, "-m", "bot", "stats"],
        env=process.env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert stats.returncode == 0
    assert "Total: 1 question, 0 declined (0%)" in stats.stdout


def test_polling_flag_polls_even_with_a_webhook_url(api, tmp_path):
    env = {"WEBHOOK_URL": "https://example.org/hook", "WEBHOOK_SECRET": "worker-secret-0123456789"}
    with BotProcess(api, tmp_path, env=env, args=("run", "--polling")):
        assert "<b>Sumber</b>" in Conversation(api, 3006).ask(QUESTION)["text"]
        assert api.calls_to("setWebhook") == []
        assert api.calls_to("deleteWebhook")


def test_without_id_hash_key_no_id_is_stored_and_the_bot_says_so_once(api, tmp_path):
    with BotProcess(api, tmp_path, env={"ID_HASH_KEY": ""}) as process:
        kim = Conversation(api, 3006)
        assert "<b>Sumber</b>" in kim.ask(QUESTION)["text"]
        assert "tidak memuat identitas" in kim.ask("/lupakan")["text"]
        assert process.output.count("ID_HASH_KEY is not set") == 1
        database = process.env["DATABASE_PATH"]
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT chat, user_hash FROM questions").fetchall() == [("", "")]
        assert db.execute("SELECT COUNT(*) FROM chat_state").fetchone() == (0,)
