"""Storage on a real SQLite file in a temporary folder: migrations, the log, /lupakan, stats."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys

import aiosqlite
import pytest
from unprivileged import unprivileged_prefix

from bot.settings import load_settings
from bot.stats import format_stats, print_stats
from bot.storage import MIGRATIONS, Forgot, StorageError, Store, connect, migrate, pseudonym

NAMES = [name for name, _ in MIGRATIONS]
KEY = "0123456789abcdef0123456789abcdef"  # ID_HASH_KEY as the tests set it


def tables(path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def rows(path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


async def ask(store: Store, user_id: int, text: str, kind: str = "answer", chat_id: int = 0):
    return await store.log_question(
        chat_id=chat_id or user_id,
        chat_type="supergroup" if chat_id else "private",
        user_id=user_id,
        text=text,
        kind=kind,
        answered=kind == "answer",
        sources=("dw", "kontan") if kind == "answer" else (),
        ms=3.5,
    )


async def test_a_new_file_gets_every_migration_and_wal(tmp_path):
    path = tmp_path / "sub" / "bot.sqlite3"
    async with Store(path):
        pass
    assert {"questions", "feedback", "chat_state", "meta", "_migrations"} <= tables(path)
    assert [r[0] for r in rows(path, "SELECT name FROM _migrations ORDER BY name")] == NAMES
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]


async def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "bot.sqlite3"
    db = await connect(path)
    assert await migrate(db) == []
    await db.close()
    assert len(rows(path, "SELECT * FROM _migrations")) == len(MIGRATIONS)


@pytest.mark.parametrize("done", range(1, len(MIGRATIONS)))
async def test_an_older_database_upgrades_itself_and_keeps_its_rows(tmp_path, done):
    path = tmp_path / "bot.sqlite3"
    db = await connect(path, MIGRATIONS[:done])  # the file as an older version left it
    await db.execute(
        "INSERT INTO questions (asked_at, chat, chat_type, user_hash, text, kind, answered,"
        " sources, ms) VALUES ('2026-01-02T03:04:05Z', 'c', 'private', 'u', 'lama?', 'decline',"
        " 0, '', 1.0)"
    )
    await db.close()
    assert "seen_updates" not in tables(path)

    async with Store(path) as store:
        await store.remember(chat_id=1, user_id=1, question="baru?", at=100.0)
        assert await store.recall(chat_id=1, now=110.0, max_age=60) == "baru?"
        stats = await store.stats()
    assert [r[0] for r in rows(path, "SELECT name FROM _migrations ORDER BY name")] == NAMES
    assert stats.questions == 1 and stats.most_declined == (("lama?", 1),)


async def test_a_failing_migration_is_rolled_back_entirely(tmp_path):
    path = tmp_path / "bot.sqlite3"
    broken = (*MIGRATIONS, ("m999_broken", ("CREATE TABLE half (x)", "THIS IS NOT SQL")))
    with pytest.raises(StorageError, match="syntax error"):
        await connect(path, broken)
    assert "half" not in tables(path)
    assert "m999_broken" not in [r[0] for r in rows(path, "SELECT name FROM _migrations")]


async def test_questions_are_logged_under_pseudonyms_keyed_outside_the_file(tmp_path):
    path = tmp_path / "bot.sqlite3"
    text = "Di mana <mereka> bertemu?'); DROP TABLE questions;--"
    async with Store(path, id_key=KEY) as store:
        question_id = await ask(store, 4242, text)
        person = store.pseudonym(4242)
    assert question_id == 1
    (row,) = rows(
        path, "SELECT chat, chat_type, user_hash, text, kind, answered, sources, ms FROM questions"
    )
    # a private chat's id is its person's id: one pseudonym for both
    assert row == (person, "private", person, text, "answer", 1, "dw kontan", 3.5)
    assert person == pseudonym(KEY.encode(), 4242) and "4242" not in person
    async with Store(path, id_key=KEY) as store:
        assert store.pseudonym(4242) == person  # stable for /lupakan after a restart
    # The file alone holds no key: every value in it, tried as the key, misses the pseudonym.
    with sqlite3.connect(path) as db:
        stored = [
            str(value)
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            for row in db.execute(f"SELECT * FROM {table}")
            for value in row
        ]
    assert KEY not in stored and KEY.encode() not in path.read_bytes()
    assert all(pseudonym(value.encode(), 4242) != person for value in stored)


async def test_without_a_key_no_id_or_pseudonym_is_stored(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with Store(path) as store:
        assert not store.links_people
        question_id = await ask(store, 4242, "siapa?")
        await store.remember(chat_id=4242, user_id=4242, question="siapa?", at=100.0)
        assert await store.recall(chat_id=4242, now=101.0, max_age=60) == "siapa?"
        for value in (1, -1):  # one vote per person per answer still
            await store.record_feedback(answer_key="k", question_id=question_id, user_id=4242, value=value)
        await store.record_feedback(answer_key="k", question_id=question_id, user_id=7, value=1)
        assert await store.forget_user(4242) is Forgot.NOTHING_LINKED
        assert await store.recall(chat_id=4242, now=101.0, max_age=60) is None
    assert rows(path, "SELECT chat, user_hash FROM questions") == [("", "")]
    assert rows(path, "SELECT * FROM chat_state") == []
    voters = rows(path, "SELECT user_hash, value FROM feedback ORDER BY value")
    assert [v for _, v in voters] == [-1, 1] and voters[0][0] != voters[1][0]


async def test_an_old_file_loses_its_in_file_key_and_its_linkable_pseudonyms(tmp_path):
    path = tmp_path / "bot.sqlite3"
    db = await connect(path, MIGRATIONS[:3])  # as the version that kept the key inside left it
    async with db.execute("SELECT value FROM meta WHERE key = 'id_salt'") as cursor:
        (salt,) = await cursor.fetchone()
    old = pseudonym(salt.encode(), 4242)
    for text in ("pertama?", "kedua?"):
        await db.execute(
            "INSERT INTO questions (asked_at, chat, chat_type, user_hash, text, kind, answered,"
            " sources, ms) VALUES ('2026-01-02T03:04:05Z', ?, 'private', ?, ?, 'answer', 1, '', 1)",
            (old, old, text),
        )
    await db.execute(
        "INSERT INTO chat_state VALUES (?, ?, 'kedua?', 1.0)", (old, old)
    )
    await db.close()

    async with Store(path, id_key=KEY):
        pass
    assert rows(path, "SELECT value FROM meta WHERE key = 'id_salt'") == []
    assert rows(path, "SELECT * FROM chat_state") == []
    (users,) = rows(path, "SELECT COUNT(DISTINCT user_hash), COUNT(*) FROM questions")
    assert users == (1, 2)  # one person's rows stay together, under a stand-in nobody can undo
    raw = path.read_bytes() + (tmp_path / "bot.sqlite3-wal").read_bytes()
    assert old.encode() not in raw and salt.encode() not in raw


async def test_store_questions_off_writes_no_question_text(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with Store(path, store_questions=False) as store:
        assert await ask(store, 1, "rahasia?") is None
        await store.remember(chat_id=1, user_id=1, question="rahasia?", at=100.0)
        assert await store.recall(chat_id=1, now=101.0, max_age=60) == "rahasia?"
        assert await store.record_feedback(answer_key="k", question_id=None, user_id=1, value=1)
    assert rows(path, "SELECT * FROM questions") == []
    assert rows(path, "SELECT * FROM chat_state") == []
    assert rows(path, "SELECT value FROM feedback") == [(1,)]


@pytest.mark.parametrize("key", [KEY, None])
async def test_recall_forgets_after_max_age(tmp_path, key):
    async with Store(tmp_path / "bot.sqlite3", id_key=key) as store:
        await store.remember(chat_id=7, user_id=1, question="pertama?", at=1000.0)
        await store.remember(chat_id=7, user_id=2, question="kedua?", at=1010.0)
        assert await store.recall(chat_id=7, now=1300.0, max_age=300) == "kedua?"
        assert await store.recall(chat_id=7, now=1311.0, max_age=300) is None
        assert await store.recall(chat_id=8, now=1011.0, max_age=300) is None


async def test_a_second_vote_replaces_the_first(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with Store(path, id_key=KEY) as store:
        question_id = await ask(store, 1, "q?")
        for value in (1, -1):
            await store.record_feedback(
                answer_key="abc", question_id=question_id, user_id=1, value=value
            )
        await store.record_feedback(answer_key="abc", question_id=question_id, user_id=2, value=1)
        stats = await store.stats()
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 1)
    assert len(rows(path, "SELECT * FROM feedback")) == 2


async def test_forget_user_deletes_only_that_persons_rows(tmp_path):
    path = tmp_path / "bot.sqlite3"
    group = -100
    async with Store(path, id_key=KEY) as store:
        mine = await ask(store, 1, "punyaku?")
        await ask(store, 1, "di grup?", chat_id=group)
        theirs = await ask(store, 2, "punya orang lain?")
        await store.record_feedback(answer_key="a", question_id=mine, user_id=1, value=1)
        await store.record_feedback(answer_key="b", question_id=theirs, user_id=1, value=-1)
        await store.record_feedback(answer_key="b", question_id=theirs, user_id=2, value=1)
        await store.remember(chat_id=1, user_id=1, question="punyaku?", at=1.0)
        await store.remember(chat_id=group, user_id=1, question="di grup?", at=1.0)
        await store.remember(chat_id=2, user_id=2, question="punya orang lain?", at=1.0)
        own_hash = store.pseudonym(1)

        assert await store.forget_user(1) is Forgot.DONE

        assert await store.recall(chat_id=group, now=2.0, max_age=60) is None
        assert await store.recall(chat_id=2, now=2.0, max_age=60) == "punya orang lain?"
    assert rows(path, "SELECT text FROM questions") == [("punya orang lain?",)]
    assert rows(path, "SELECT answer_key, value FROM feedback") == [("b", 1)]  # person 2's vote
    assert rows(path, "SELECT question FROM chat_state") == [("punya orang lain?",)]
    assert own_hash not in str(rows(path, "SELECT * FROM questions, feedback, chat_state"))


async def test_stats_per_day_declined_share_and_most_declined(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with Store(path) as store:
        for text, kind in [
            ("Di mana?", "answer"),
            ("Siapa presiden Amerika?", "decline"),
            ("siapa presiden amerika? ", "decline"),
            ("Cuaca besok?", "decline"),
            ("halo", "greeting"),
        ]:
            await ask(store, 1, text, kind)
        stats = await store.stats()
    assert stats.questions == 5 and stats.declined == 3
    assert [(d.questions, d.declined) for d in stats.days] == [(5, 3)]
    assert stats.most_declined[0] == ("siapa presiden amerika?", 2)
    report = format_stats(stats)
    assert "5 questions, 3 declined (60%)" in report
    assert "2× siapa presiden amerika?" in report


def test_print_stats_reports_and_never_creates_a_database(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    settings = load_settings({"DATABASE_PATH": str(missing)})
    assert print_stats(settings) == 0
    assert "No database" in capsys.readouterr().out
    assert not missing.exists()


def test_print_stats_on_a_corrupt_file_is_one_line_and_exit_2(tmp_path, capsys):
    corrupt = tmp_path / "bot.sqlite3"
    corrupt.write_bytes(b"this is not a database, just some bytes" * 100)
    assert print_stats(load_settings({"DATABASE_PATH": str(corrupt)})) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


async def test_a_corrupt_file_cannot_be_opened(tmp_path):
    path = tmp_path / "bot.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StorageError, match="not a database"):
        await Store(path).open()


async def test_a_folder_that_cannot_be_created_cannot_be_opened(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="cannot open"):
        await Store(blocker / "bot.sqlite3").open()


# Opens the store in a process where file permissions bind (see tests/unprivileged.py).
OPEN_STORE = """
import asyncio, sys
from pathlib import Path
from bot.storage import StorageError, Store
try:
    asyncio.run(Store(Path(sys.argv[1])).open())
except StorageError as exc:
    print(f"StorageError: {exc}")
else:
    print("opened")
"""


@pytest.mark.parametrize("folder_mode", [0o755, 0o555])
async def test_a_read_only_file_cannot_be_opened(tmp_path, folder_mode):
    path = tmp_path / "bot.sqlite3"
    async with Store(path):
        pass
    before = path.read_bytes()
    path.chmod(0o444)
    tmp_path.chmod(folder_mode)  # 0o555: as on a read-only disk, no -wal or -shm can be made
    try:
        opened = subprocess.run(
            [*unprivileged_prefix(), sys.executable, "-c", OPEN_STORE, str(path)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        tmp_path.chmod(0o755)
    assert opened.stdout.startswith("StorageError: "), opened.stdout + opened.stderr
    assert path.read_bytes() == before


async def test_an_unopened_store_does_nothing_but_remembers_chats_in_memory(tmp_path):
    store = Store(tmp_path / "never-opened.sqlite3", id_key=KEY)
    assert await ask(store, 1, "q?") is None
    assert (
        await store.record_feedback(answer_key="k", question_id=None, user_id=1, value=1) is False
    )
    await store.remember(chat_id=1, user_id=1, question="q?", at=10.0)
    assert await store.recall(chat_id=1, now=11.0, max_age=60) == "q?"
    assert await store.forget_user(1) is Forgot.UNAVAILABLE  # could not reach the file
    assert await store.recall(chat_id=1, now=11.0, max_age=60) is None
    await store.close()


async def test_writes_that_start_failing_are_logged_and_survived(tmp_path, caplog):
    async with Store(tmp_path / "bot.sqlite3", id_key=KEY) as store:
        db: aiosqlite.Connection = store._db  # inject the failure: the file turns read-only
        await db.execute("PRAGMA query_only = ON")
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            assert await ask(store, 1, "q?") is None
            await store.remember(chat_id=1, user_id=1, question="q?", at=10.0)
        assert "logging a question failed" in caplog.text
        assert await store.recall(chat_id=1, now=11.0, max_age=60) == "q?"  # kept in memory
