"""Storage that recovers and forgets for real, on a real SQLite file: a lock at start-up, a file
deleted under the bot, /lupakan in groups and on disk, votes after /lupakan, a full disk."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import aiosqlite
import pytest

import bot.storage
from bot.storage import MEMORY_CHATS, Forgot, Store

KEY = "0123456789abcdef0123456789abcdef"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def log(store: Store, user_id: int, text: str, chat_id: int | None = None) -> int | None:
    return await store.log_question(
        chat_id=user_id if chat_id is None else chat_id,
        chat_type="private" if chat_id is None else "supergroup",
        user_id=user_id,
        text=text,
        kind="answer",
        answered=True,
        sources=("dw",),
        ms=1.0,
    )


def raw(path: Path) -> bytes:
    """Every byte SQLite keeps for the database: the main file, the WAL and the shared memory."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


async def test_a_lock_at_start_up_only_delays_storage(tmp_path, monkeypatch, caplog):
    path = tmp_path / "bot.sqlite3"
    async with Store(path, id_key=KEY):
        pass
    monkeypatch.setattr(bot.storage, "OPEN_BUSY_MS", 100)  # fail fast instead of after 5 s
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    clock = Clock()
    store = Store(path, id_key=KEY, clock=clock)
    with pytest.raises(bot.storage.StorageError, match="locked"):
        await store.open()
    assert await log(store, 1, "selama terkunci?") is None  # not retried before its time
    other.execute("ROLLBACK")
    other.close()
    clock.now += bot.storage.RETRY_FIRST
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        assert await log(store, 1, "sesudahnya?") is not None
    assert "usable again" in caplog.text
    await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT text FROM questions").fetchall() == [("sesudahnya?",)]


async def test_retries_back_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    clock = Clock()
    store = Store(blocker / "bot.sqlite3", id_key=KEY, clock=clock)
    with pytest.raises(bot.storage.StorageError):
        await store.open()
    waits = []
    for _ in range(8):
        before = store._retry_at
        clock.now = before
        await log(store, 1, "q?")
        waits.append(store._retry_at - before)
    assert waits == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]


async def test_a_database_file_deleted_under_the_bot_is_noticed_and_made_anew(tmp_path, caplog):
    path = tmp_path / "bot.sqlite3"
    async with Store(path, id_key=KEY) as store:
        await log(store, 1, "sebelum?")
        for leftover in tmp_path.glob("bot.sqlite3*"):
            leftover.unlink()
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            assert await log(store, 1, "sesudah?") is not None
        assert "deleted or replaced" in caplog.text
        assert await store.forget_user(1) is Forgot.DONE
        await log(store, 2, "orang lain?")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT text FROM questions").fetchall() == [("orang lain?",)]


async def test_lupakan_removes_a_group_follow_up_carrying_the_persons_question(tmp_path):
    path = tmp_path / "bot.sqlite3"
    group = -100
    async with Store(path, id_key=KEY) as store:
        await log(store, 1, "rahasia-satu di mana?", chat_id=group)
        await store.remember(chat_id=group, user_id=1, question="rahasia-satu di mana?", at=10.0)
        # person 2 follows up: the chat's state now carries person 1's words, under person 2
        await store.remember(
            chat_id=group, user_id=2, question="rahasia-satu di mana? kapan", at=11.0, follows=True
        )
        await store.remember(chat_id=-200, user_id=2, question="milik-dua?", at=11.0)
        assert await store.forget_user(1) is Forgot.DONE
        assert await store.recall(chat_id=group, now=12.0, max_age=60) is None
        assert await store.recall(chat_id=-200, now=12.0, max_age=60) == "milik-dua?"
        # the text is gone from the file, the WAL and free pages right away
        assert b"rahasia-satu" not in raw(path)
        assert b"milik-dua" in raw(path)
    async with Store(path, id_key=KEY) as store:  # and after a restart
        assert await store.recall(chat_id=group, now=12.0, max_age=60) is None


async def test_secure_delete_is_on(tmp_path):
    async with Store(tmp_path / "bot.sqlite3", id_key=KEY) as store:
        db: aiosqlite.Connection = store._db
        async with db.execute("PRAGMA secure_delete") as cursor:
            assert await cursor.fetchone() == (1,)


async def test_a_vote_on_an_answer_whose_question_was_forgotten_is_kept(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with Store(path, id_key=KEY) as store:
        question_id = await log(store, 1, "q?")
        assert await store.forget_user(1) is Forgot.DONE
        assert await store.record_feedback(answer_key="k", question_id=question_id, user_id=2, value=1)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT question_id, value FROM feedback").fetchall() == [(None, 1)]


async def test_a_full_disk_during_lupakan_is_reported_as_itself(tmp_path, caplog):
    async with Store(tmp_path / "bot.sqlite3", id_key=KEY) as store:
        await log(store, 1, "q?")
        db: aiosqlite.Connection = store._db
        execute = db.execute

        def full_disk(sql: str, *args: object):  # what SQLite does: roll back, then report
            if sql.startswith("DELETE FROM questions"):
                async def fail():
                    await execute("ROLLBACK")
                    raise sqlite3.OperationalError("database or disk is full")

                return fail()
            return execute(sql, *args)

        db.execute = full_disk  # type: ignore[method-assign]
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            assert await store.forget_user(1) is Forgot.UNAVAILABLE
        db.execute = execute  # type: ignore[method-assign]
    assert "disk is full" in caplog.text and "cannot rollback" not in caplog.text


@pytest.mark.parametrize("store_questions", [False, True])
async def test_follow_up_memory_is_bounded(tmp_path, store_questions):
    store = Store(tmp_path / "bot.sqlite3", store_questions=store_questions)  # never opened
    for chat in range(MEMORY_CHATS + 500):
        await store.remember(chat_id=chat, user_id=chat, question="q?", at=float(chat))
    assert len(store._chats) == MEMORY_CHATS
    newest = MEMORY_CHATS + 499
    assert await store.recall(chat_id=newest, now=newest + 1.0, max_age=60) == "q?"
    assert await store.recall(chat_id=0, now=1.0, max_age=60) is None  # the oldest went first


async def test_handled_update_ids_outlive_a_restart(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with Store(path) as store:
        await store.mark_seen(41, now=1000.0)
        await store.mark_seen(41, now=1001.0)
        await store.mark_seen(42, now=1002.0)
    async with Store(path) as store:
        assert await store.seen_since(1000.0) == [41, 42]
        assert await store.seen_since(1001.5) == [42]


async def test_follow_up_state_outlives_a_restart_and_is_read_without_the_file(tmp_path):
    path = tmp_path / "bot.sqlite3"
    asked = time.time() - 100
    async with Store(path, id_key=KEY) as store:
        await store.remember(chat_id=5, user_id=5, question="di mana?", at=asked)
    async with Store(path, id_key=KEY) as store:
        await store._drop_connection()  # nothing left to read from: it was read at opening
        assert await store.recall(chat_id=5, now=asked + 100, max_age=300) == "di mana?"
        assert await store.recall(chat_id=5, now=asked + 400, max_age=300) is None
