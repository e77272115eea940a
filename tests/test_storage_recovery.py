"""Storage that recovers and forgets for real, on both backends: a database unusable at start-up
or lost mid-run, retries that back off, /lupakan in groups, votes after /lupakan; then what only
one backend has (a file deleted under the bot, secure deletion, a full disk; PostgreSQL's
refusals of a password or a database)."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import aiosqlite
import pytest
from backends import KEY, Backend
from pgserver_harness import PostgresServer

import bot.storage
import bot.storage_sqlite
from bot.storage import MEMORY_CHATS, Forgot, StorageError, Store
from bot.storage_postgres import PostgresDatabase
from bot.storage_sqlite import SqliteDatabase


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


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this module's own, which its tests stop and start."""
    with PostgresServer() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgres"])
def breakable(request, tmp_path, own_postgres, monkeypatch) -> Iterator[tuple[Backend, object, object]]:
    """A database, a way to make it unusable (another process's lock on the SQLite file; the
    PostgreSQL server stopped) and a way to mend it."""
    if request.param == "sqlite":
        backend = Backend("sqlite", tmp_path / "bot.sqlite3")
        monkeypatch.setattr(bot.storage_sqlite, "OPEN_BUSY_MS", 100)  # fail fast, not after 5 s
        other: list[sqlite3.Connection] = []

        def lock() -> None:
            other.append(sqlite3.connect(backend.path, isolation_level=None))
            other[0].execute("BEGIN IMMEDIATE")  # another process holds the write lock

        def unlock() -> None:
            other.pop().close()

        yield backend, lock, unlock
        for connection in other:
            connection.close()
        return
    name = f"recovery_{time.monotonic_ns()}"
    backend = Backend("postgres", tmp_path / "unused", own_postgres.create_database(name))
    yield backend, own_postgres.stop, own_postgres.start
    if own_postgres.process is None or own_postgres.process.poll() is not None:
        own_postgres.start()
    own_postgres.drop_database(name)


async def test_a_database_unusable_at_start_up_only_delays_storage(breakable, caplog):
    backend, stop, mend = breakable
    async with backend.store(id_key=KEY):
        pass  # made, then made unusable
    stop()
    clock = Clock()
    store = backend.store(id_key=KEY, clock=clock)
    with pytest.raises(StorageError):
        await store.open()
    assert await log(store, 1, "selama tak bisa?") is None  # not retried before its time
    await store.remember(chat_id=1, user_id=1, question="selama tak bisa?", at=10.0)
    assert await store.recall(chat_id=1, now=11.0, max_age=60) == "selama tak bisa?"
    mend()
    clock.now += bot.storage.RETRY_FIRST
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        assert await log(store, 1, "sesudahnya?") is not None
    assert "usable again" in caplog.text
    await store.close()
    assert await backend.fetch("SELECT text FROM questions") == [("sesudahnya?",)]


# SQLite's counterpart is a file deleted under the bot (below); a lock mid-run only delays a
# write by busy_timeout (tests/test_faults.py).
@pytest.mark.parametrize("breakable", ["postgres"], indirect=True)
async def test_a_database_lost_mid_run_is_logged_once_and_writes_resume_without_a_restart(breakable, caplog):
    backend, stop, mend = breakable
    clock = Clock()
    async with backend.store(id_key=KEY, clock=clock) as store:
        assert await log(store, 1, "sebelum?") is not None
        stop()
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            for n in range(20):  # questions keep coming while it is away
                assert await log(store, 1, f"selama {n}?") is None
                await store.remember(chat_id=1, user_id=1, question=f"selama {n}?", at=10.0 + n)
                assert await store.claim_update(n, now=20.0) is None  # unknown: answer it
                clock.now += 0.01
        assert caplog.text.count("STORAGE UNAVAILABLE") == 1, caplog.text  # once per interval
        assert await store.recall(chat_id=1, now=30.0, max_age=60) == "selama 19?"
        mend()
        clock.now += bot.storage.RETRY_FIRST
        with caplog.at_level(logging.WARNING, logger="bot.storage"):
            assert await log(store, 1, "sesudah?") is not None
        assert "usable again" in caplog.text
    assert await backend.fetch("SELECT text FROM questions ORDER BY id") == [("sebelum?",), ("sesudah?",)]


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
async def test_retries_back_off(tmp_path, kind, own_postgres):
    if kind == "sqlite":
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        database: bot.storage.Database = SqliteDatabase(blocker / "bot.sqlite3")
    else:  # a port nobody listens on
        database = PostgresDatabase(own_postgres.url("postgres").replace(str(own_postgres.port), "9"))
    clock = Clock()
    store = Store(database, id_key=KEY, clock=clock)
    with pytest.raises(StorageError):
        await store.open()
    waits = []
    for _ in range(8):
        before = store._retry_at
        clock.now = before
        await log(store, 1, "q?")
        waits.append(store._retry_at - before)
    assert waits == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]


async def test_lupakan_removes_a_group_follow_up_carrying_the_persons_question(backend: Backend):
    group = -100
    async with backend.store(id_key=KEY) as store:
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
        if backend.kind == "sqlite":  # gone from the file, the WAL and free pages right away
            assert b"rahasia-satu" not in raw(backend.path)
            assert b"milik-dua" in raw(backend.path)
    async with backend.store(id_key=KEY) as store:  # and after a restart
        assert await store.recall(chat_id=group, now=12.0, max_age=60) is None
    assert "rahasia-satu" not in str(await backend.fetch("SELECT * FROM chat_state"))


async def test_a_vote_on_an_answer_whose_question_was_forgotten_is_kept(backend: Backend):
    async with backend.store(id_key=KEY) as store:
        question_id = await log(store, 1, "q?")
        assert await store.forget_user(1) is Forgot.DONE
        assert await store.record_feedback(answer_key="k", question_id=question_id, user_id=2, value=1)
    assert await backend.fetch("SELECT question_id, value FROM feedback") == [(None, 1)]


async def test_follow_up_state_outlives_a_restart_and_is_read_without_the_database(backend: Backend):
    asked = time.time() - 100
    async with backend.store(id_key=KEY) as store:
        await store.remember(chat_id=5, user_id=5, question="di mana?", at=asked)
    async with backend.store(id_key=KEY) as store:
        await store.database.close()  # nothing left to read from: it was read at opening
        assert await store.recall(chat_id=5, now=asked + 100, max_age=300) == "di mana?"
        assert await store.recall(chat_id=5, now=asked + 400, max_age=300) is None


@pytest.mark.parametrize("store_questions", [False, True])
async def test_follow_up_memory_is_bounded(tmp_path, store_questions):
    store = Store(SqliteDatabase(tmp_path / "bot.sqlite3"), store_questions=store_questions)  # never opened
    for chat in range(MEMORY_CHATS + 500):
        await store.remember(chat_id=chat, user_id=chat, question="q?", at=float(chat))
    assert len(store._chats) == MEMORY_CHATS
    newest = MEMORY_CHATS + 499
    assert await store.recall(chat_id=newest, now=newest + 1.0, max_age=60) == "q?"
    assert await store.recall(chat_id=0, now=1.0, max_age=60) is None  # the oldest went first


# -- PostgreSQL's refusals -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"password": "wrong-password"}, "refused user 'berita'"),
        ({"database": "no_such_database"}, "has no database 'no_such_database'"),
        ({"port": 9}, "cannot reach PostgreSQL at 127.0.0.1:9"),
        ({"sslmode": "require"}, "rejected SSL upgrade"),  # sslmode is honoured: no SSL here
    ],
)
async def test_a_postgresql_refusal_is_one_clear_line_without_the_password(own_postgres, change, says):
    url = own_postgres.url(
        change.get("database", "postgres"), **{k: v for k, v in change.items() if k == "password"}
    )
    if "port" in change:
        url = url.replace(f":{own_postgres.port}/", f":{change['port']}/")
    if "sslmode" in change:
        url = url.replace("sslmode=disable", f"sslmode={change['sslmode']}")
    store = Store(PostgresDatabase(url), id_key=KEY)
    with pytest.raises(StorageError) as raised:
        await store.open()
    message = str(raised.value)
    assert message.startswith("DATABASE_URL: ") and says in message, message
    assert "\n" not in message and "test-password" not in message and "wrong-password" not in message
    assert await log(store, 1, "q?") is None  # then the same degraded mode: answering goes on
    await store.close()


# -- only the SQLite file ------------------------------------------------------------------


async def test_a_database_file_deleted_under_the_bot_is_noticed_and_made_anew(tmp_path, caplog):
    path = tmp_path / "bot.sqlite3"
    async with Store(SqliteDatabase(path), id_key=KEY) as store:
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


async def test_secure_delete_is_on(tmp_path):
    database = SqliteDatabase(tmp_path / "bot.sqlite3")
    async with Store(database, id_key=KEY):
        for db in (database.db, database.quick):
            async with db.execute("PRAGMA secure_delete") as cursor:
                assert await cursor.fetchone() == (1,)


async def test_a_full_disk_during_lupakan_is_reported_as_itself(tmp_path, caplog):
    database = SqliteDatabase(tmp_path / "bot.sqlite3")
    async with Store(database, id_key=KEY) as store:
        await log(store, 1, "q?")
        db: aiosqlite.Connection = database.db
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
