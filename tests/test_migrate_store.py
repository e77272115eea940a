"""`python -m bot migrate-store`: an SQLite file's rows moved into an empty PostgreSQL database,
as a person would run it before switching DATABASE_URL on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from backends import KEY, Backend

from bot.storage import SavedAnswer, Store
from bot.storage_sqlite import SqliteDatabase


def migrate_store(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "migrate-store", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", **(env or {})},
    )


async def test_the_rows_move_and_the_bot_goes_on_from_them(tmp_path, database_url):
    path = tmp_path / "bot.sqlite3"
    async with Store(SqliteDatabase(path), id_key=KEY) as store:
        first = await store.log_question(
            chat_id=1,
            chat_type="private",
            user_id=1,
            text="Di mana?",
            kind="answer",
            answered=True,
            sources=("dw",),
            ms=2.0,
        )
        await store.log_question(
            chat_id=2,
            chat_type="private",
            user_id=2,
            text="Cuaca?",
            kind="decline",
            answered=False,
            sources=(),
            ms=4.0,
        )
        await store.record_feedback(answer_key="k1", question_id=first, user_id=2, value=1)
        await store.remember(chat_id=1, user_id=1, question="Di mana?", at=9e9)
        await store.save_answer(SavedAnswer("k1", 1, first, "id", "<b>Lagi</b>"))
    moved = migrate_store("--from", str(path), "--to", database_url)
    assert moved.returncode == 0, moved.stderr
    assert "2 questions, 1 feedback, 1 chat state" in moved.stdout
    assert "test-password" not in moved.stdout  # the URL is shown without its password

    backend = Backend("postgres", Path("unused"), database_url)
    async with backend.store(id_key=KEY) as store:
        stats = await store.stats()
        assert (stats.questions, stats.declined, stats.thumbs_up) == (2, 1, 1)
        assert await store.recall(chat_id=1, now=9e9, max_age=60) == "Di mana?"
        button = await store.answer("k1")
        assert button is not None and button.question_id == first and button.more == "<b>Lagi</b>"
        new = await store.log_question(
            chat_id=3,
            chat_type="private",
            user_id=3,
            text="Baru?",
            kind="answer",
            answered=True,
            sources=(),
            ms=1.0,
        )
        assert new == 3  # after the copied rows' ids
    again = migrate_store("--from", str(path), "--to", database_url)  # twice would double them
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    assert "already holds 4 questions and votes" in again.stderr  # 3 questions, 1 vote


def test_a_missing_file_or_a_bad_url_is_one_line_and_exit_2(tmp_path, database_url):
    missing = migrate_store("--from", str(tmp_path / "none.sqlite3"), "--to", database_url)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    bad = migrate_store("--from", str(tmp_path / "none.sqlite3"), "--to", "mysql://u:secret@h/d")
    assert bad.returncode == 2 and bad.stderr.startswith("error: --to must start with postgres://")
    assert "secret" not in bad.stderr and bad.stderr.count("\n") == 1
