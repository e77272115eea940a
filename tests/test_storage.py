"""Storage on both backends (a real SQLite file in a temporary folder, a real PostgreSQL database):
migrations, the log, /lupakan, stats, buttons, update ids; then what only the SQLite file has."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import subprocess
import sys

import pytest
from backends import KEY, Backend
from unprivileged import unprivileged_prefix

from bot.migrations import MIGRATIONS, Migration
from bot.settings import load_settings
from bot.stats import format_stats, print_stats
from bot.storage import Forgot, SavedAnswer, StorageError, Store, pseudonym
from bot.storage_sqlite import SqliteDatabase, connect

NAMES = sorted(step.name for step in MIGRATIONS)


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


async def test_a_new_database_gets_every_migration(backend: Backend):
    async with backend.store():
        pass
    assert {
        "questions",
        "feedback",
        "chat_state",
        "meta",
        "seen_updates",
        "answers",
    } <= await backend.tables()
    assert [r[0] for r in await backend.fetch("SELECT name FROM _migrations ORDER BY name")] == NAMES


async def test_reopening_applies_nothing_twice(backend: Backend):
    for _ in range(2):
        async with backend.store():
            pass
    assert len(await backend.fetch("SELECT * FROM _migrations")) == len(MIGRATIONS)


async def test_two_processes_opening_a_new_database_at_once_migrate_it_once(backend: Backend):
    stores = [backend.store(id_key=KEY) for _ in range(4)]
    await asyncio.gather(*(store.open() for store in stores))  # the others wait for the first
    for number, store in enumerate(stores):
        assert await ask(store, number + 1, "q?") is not None
        await store.close()
    assert len(await backend.fetch("SELECT * FROM _migrations")) == len(MIGRATIONS)
    assert len(await backend.fetch("SELECT * FROM questions")) == 4


@pytest.mark.parametrize("done", range(1, len(MIGRATIONS)))
async def test_an_older_database_upgrades_itself_and_keeps_its_rows(backend: Backend, done):
    older = backend.database(MIGRATIONS[:done])  # the database as an older version left it
    await older.open()
    await older.close()
    await backend.execute(
        "INSERT INTO questions (asked_at, chat, chat_type, user_hash, text, kind, answered,"
        " sources, ms) VALUES ('2026-01-02T03:04:05Z', 'c', 'private', 'u', 'lama?', 'decline',"
        " 0, '', 1.0)"
    )
    assert [r[0] for r in await backend.fetch("SELECT name FROM _migrations ORDER BY name")] == NAMES[:done]

    async with backend.store(id_key=KEY) as store:
        await store.remember(chat_id=1, user_id=1, question="baru?", at=100.0)
        assert await store.recall(chat_id=1, now=110.0, max_age=60) == "baru?"
        stats = await store.stats()
    assert [r[0] for r in await backend.fetch("SELECT name FROM _migrations ORDER BY name")] == NAMES
    assert stats.questions == 1 and stats.most_declined == (("lama?", 1),)


async def test_a_failing_migration_is_rolled_back_entirely(backend: Backend):
    broken = Migration(
        "m999_broken", ("CREATE TABLE half (x)", "NOT SQL"), ("CREATE TABLE half (x int)", "NOT SQL")
    )
    with pytest.raises(StorageError, match="syntax error"):
        await backend.database((*MIGRATIONS, broken)).open()
    assert "half" not in await backend.tables()
    assert "m999_broken" not in [r[0] for r in await backend.fetch("SELECT name FROM _migrations")]


async def test_questions_are_logged_under_pseudonyms_keyed_outside_the_database(backend: Backend):
    text = "Di mana <mereka> bertemu?'); DROP TABLE questions;--"
    async with backend.store(id_key=KEY) as store:
        question_id = await ask(store, 4242, text)
        person = store.pseudonym(4242)
    assert question_id == 1
    (row,) = await backend.fetch(
        "SELECT chat, chat_type, user_hash, text, kind, answered, sources, ms FROM questions"
    )
    # a private chat's id is its person's id: one pseudonym for both
    assert row == (person, "private", person, text, "answer", 1, "dw kontan", 3.5)
    assert person == pseudonym(KEY.encode(), 4242) and "4242" not in person
    async with backend.store(id_key=KEY) as store:
        assert store.pseudonym(4242) == person  # stable for /lupakan after a restart
    # The database alone holds no key: every value in it, tried as the key, misses the pseudonym.
    stored = [
        str(value)
        for table in await backend.tables()
        for row in await backend.fetch(f"SELECT * FROM {table}")
        for value in row
    ]
    assert KEY not in stored
    assert all(pseudonym(value.encode(), 4242) != person for value in stored)


async def test_without_a_key_no_id_or_pseudonym_is_stored(backend: Backend):
    async with backend.store() as store:
        assert not store.links_people
        question_id = await ask(store, 4242, "siapa?")
        await store.remember(chat_id=4242, user_id=4242, question="siapa?", at=100.0)
        assert await store.recall(chat_id=4242, now=101.0, max_age=60) == "siapa?"
        for value in (1, -1):  # one vote per person per answer still
            await store.record_feedback(answer_key="k", question_id=question_id, user_id=4242, value=value)
        await store.record_feedback(answer_key="k", question_id=question_id, user_id=7, value=1)
        await store.save_answer(SavedAnswer("k", 4242, question_id, "id", "lagi"))
        assert await store.forget_user(4242) is Forgot.NOTHING_LINKED
        assert await store.recall(chat_id=4242, now=101.0, max_age=60) is None
    assert await backend.fetch("SELECT chat, user_hash FROM questions") == [("", "")]
    assert await backend.fetch("SELECT * FROM chat_state") == []
    assert await backend.fetch("SELECT owner FROM answers") == [("",)]
    voters = await backend.fetch("SELECT user_hash, value FROM feedback ORDER BY value")
    assert [v for _, v in voters] == [-1, 1] and voters[0][0] != voters[1][0]


async def test_store_questions_off_writes_no_question_text(backend: Backend):
    async with backend.store(store_questions=False) as store:
        assert await ask(store, 1, "rahasia?") is None
        await store.remember(chat_id=1, user_id=1, question="rahasia?", at=100.0)
        assert await store.recall(chat_id=1, now=101.0, max_age=60) == "rahasia?"
        assert await store.record_feedback(answer_key="k", question_id=None, user_id=1, value=1)
    assert await backend.fetch("SELECT * FROM questions") == []
    assert await backend.fetch("SELECT * FROM chat_state") == []
    assert await backend.fetch("SELECT value FROM feedback") == [(1,)]


@pytest.mark.parametrize("key", [KEY, None])
async def test_recall_forgets_after_max_age(backend: Backend, key):
    async with backend.store(id_key=key) as store:
        await store.remember(chat_id=7, user_id=1, question="pertama?", at=1000.0)
        await store.remember(chat_id=7, user_id=2, question="kedua?", at=1010.0)
        assert await store.recall(chat_id=7, now=1300.0, max_age=300) == "kedua?"
        assert await store.recall(chat_id=7, now=1311.0, max_age=300) is None
        assert await store.recall(chat_id=8, now=1011.0, max_age=300) is None


async def test_a_follow_up_answered_by_another_process_is_recalled_here(backend: Backend):
    async with backend.store(id_key=KEY) as one, backend.store(id_key=KEY) as two:
        await one.remember(chat_id=7, user_id=1, question="di mana?", at=1000.0)
        assert await two.recall(chat_id=7, now=1001.0, max_age=300) == "di mana?"
        await two.remember(chat_id=7, user_id=1, question="kapan?", at=1002.0)
        assert await one.recall(chat_id=7, now=1003.0, max_age=300) == "kapan?"  # newer than its own


async def test_lupakan_in_another_process_clears_the_follow_up_this_one_remembers(backend: Backend):
    async with backend.store(id_key=KEY) as one, backend.store(id_key=KEY) as two:
        await one.remember(chat_id=-100, user_id=1, question="rahasia di mana?", at=1000.0)
        assert await two.forget_user(1) is Forgot.DONE
        assert await one.recall(chat_id=-100, now=1001.0, max_age=300) is None


async def test_a_second_vote_replaces_the_first(backend: Backend):
    async with backend.store(id_key=KEY) as store:
        question_id = await ask(store, 1, "q?")
        for value in (1, -1):
            await store.record_feedback(answer_key="abc", question_id=question_id, user_id=1, value=value)
        await store.record_feedback(answer_key="abc", question_id=question_id, user_id=2, value=1)
        stats = await store.stats()
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 1)
    assert len(await backend.fetch("SELECT * FROM feedback")) == 2


async def test_forget_user_deletes_only_that_persons_rows(backend: Backend):
    group = -100
    async with backend.store(id_key=KEY) as store:
        mine = await ask(store, 1, "punyaku?")
        await ask(store, 1, "di grup?", chat_id=group)
        theirs = await ask(store, 2, "punya orang lain?")
        await store.record_feedback(answer_key="a", question_id=mine, user_id=1, value=1)
        await store.record_feedback(answer_key="b", question_id=theirs, user_id=1, value=-1)
        await store.record_feedback(answer_key="b", question_id=theirs, user_id=2, value=1)
        await store.remember(chat_id=1, user_id=1, question="punyaku?", at=1.0)
        await store.remember(chat_id=group, user_id=1, question="di grup?", at=1.0)
        await store.remember(chat_id=2, user_id=2, question="punya orang lain?", at=1.0)
        await store.save_answer(SavedAnswer("a", 1, mine, "id", "lagi"))
        await store.save_answer(SavedAnswer("b", 2, theirs, "id", "lagi"))
        own_hash = store.pseudonym(1)

        assert await store.forget_user(1) is Forgot.DONE

        assert await store.recall(chat_id=group, now=2.0, max_age=60) is None
        assert await store.recall(chat_id=2, now=2.0, max_age=60) == "punya orang lain?"
        assert await store.answer("a") is None and await store.answer("b") is not None
    assert await backend.fetch("SELECT text FROM questions") == [("punya orang lain?",)]
    assert await backend.fetch("SELECT answer_key, value FROM feedback") == [("b", 1)]  # person 2's
    assert await backend.fetch("SELECT question FROM chat_state") == [("punya orang lain?",)]
    assert await backend.fetch("SELECT key FROM answers") == [("b",)]
    everything = await backend.fetch("SELECT * FROM questions, feedback, chat_state, answers")
    assert own_hash not in str(everything)


async def test_stats_per_day_declined_share_and_most_declined(backend: Backend):
    async with backend.store() as store:
        for text, kind in [
            ("Di mana?", "answer"),
            ("Siapa presiden Amerika?", "decline"),
            ("siapa presiden amerika? ", "decline"),
            ("Cuaca besok?", "decline"),
            ("halo", "greeting"),
        ]:
            await ask(store, 1, text, kind)
        stats = await store.stats()
    assert stats.questions == 5 and stats.declined == 3 and stats.average_ms == 3.5
    assert [(d.questions, d.declined) for d in stats.days] == [(5, 3)]
    assert stats.most_declined[0] == ("siapa presiden amerika?", 2)
    report = format_stats(stats)
    assert "5 questions, 3 declined (60%)" in report
    assert "2× siapa presiden amerika?" in report


async def test_print_stats_reads_the_database_the_settings_choose(backend: Backend, capsys):
    async with backend.store() as store:
        await ask(store, 1, "Cuaca besok?", "decline")
    settings = load_settings(backend.env)
    assert await asyncio.to_thread(print_stats, settings) == 0
    out = capsys.readouterr().out
    assert "1 question, 1 declined (100%)" in out and "1× cuaca besok?" in out


async def test_an_unopened_store_does_nothing_but_remembers_chats_in_memory(backend: Backend):
    store = backend.store(id_key=KEY)
    assert await ask(store, 1, "q?") is None
    assert await store.record_feedback(answer_key="k", question_id=None, user_id=1, value=1) is False
    await store.remember(chat_id=1, user_id=1, question="q?", at=10.0)
    assert await store.recall(chat_id=1, now=11.0, max_age=60) == "q?"
    await store.save_answer(SavedAnswer("k", 1, None, "id", "lagi"))
    assert await store.answer("k") is not None  # its buttons work from memory
    assert await store.forget_user(1) is Forgot.UNAVAILABLE  # could not reach the database
    assert await store.recall(chat_id=1, now=11.0, max_age=60) is None
    assert await store.answer("k") is None
    await store.close()


async def test_writes_that_start_failing_are_logged_and_survived(backend: Backend, caplog):
    async with backend.store(id_key=KEY) as store:
        # inject the failure: the tables refuse new rows
        if backend.kind == "postgres":
            await backend.execute("ALTER TABLE questions ADD CONSTRAINT refuse CHECK (false) NOT VALID")
            await backend.execute("ALTER TABLE chat_state ADD CONSTRAINT refuse CHECK (false) NOT VALID")
        else:
            for table in ("questions", "chat_state"):
                await backend.execute(
                    f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table}"
                    " BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            assert await ask(store, 1, "q?") is None
            await store.remember(chat_id=1, user_id=1, question="q?", at=10.0)
        assert "logging a question failed" in caplog.text
        assert "UNAVAILABLE" not in caplog.text  # the database is there: only this write failed
        assert await store.recall(chat_id=1, now=11.0, max_age=60) == "q?"  # kept in memory
        assert await store.record_feedback(answer_key="k", question_id=None, user_id=1, value=1)


# -- the answers' buttons ------------------------------------------------------------------


async def test_an_answers_buttons_work_after_a_restart_and_from_another_process(backend: Backend):
    async with backend.store(id_key=KEY) as store:
        question_id = await ask(store, 1, "q?")
        await store.save_answer(SavedAnswer("key1", 1, question_id, "en", "<b>More</b>"))
    async with backend.store(id_key=KEY) as one, backend.store(id_key=KEY) as two:
        found = await one.answer("key1")
        assert found is not None
        assert (found.question_id, found.language, found.more) == (question_id, "en", "<b>More</b>")
        assert await one.answer("never-sent") is None
        # "more" is sent once, whichever process the taps reach
        taps = await asyncio.gather(*(store.claim_more("key1") for store in (one, two, one, two)))
        assert sorted(taps) == [False, False, False, True]


async def test_more_is_claimed_once_even_before_the_answer_is_stored(backend: Backend):
    async with backend.store(id_key=KEY) as one, backend.store(id_key=KEY) as two:
        fresh = SavedAnswer("fresh", 1, None, "id", "lagi")
        one.keep_answer(fresh)  # replied, not yet saved
        taps = await asyncio.gather(*(one.claim_more("fresh") for _ in range(5)))
        assert sorted(taps) == [False] * 4 + [True]
        await one.save_answer(fresh)  # stored after the reply: the mark is kept
        assert await two.claim_more("fresh") is False
        stored = await two.answer("fresh")
        assert stored is not None and stored.more == "lagi"


async def test_answers_expire_after_seven_days(backend: Backend, monkeypatch):
    async with backend.store(id_key=KEY) as store:
        await store.save_answer(SavedAnswer("old", 1, None, "id", ""))
    await backend.execute("UPDATE answers SET saved_at = saved_at - ?", 7 * 24 * 3600.0 + 60)
    async with backend.store(id_key=KEY) as store:
        assert await store.answer("old") is None


# -- duplicate deliveries ------------------------------------------------------------------


async def test_an_update_is_claimed_once_across_processes_and_restarts(backend: Backend):
    async with backend.store() as one, backend.store() as two:
        claims = await asyncio.gather(*(store.claim_update(41, now=1000.0) for store in (one, two) * 10))
        assert claims.count(True) == 1 and claims.count(False) == 19
        assert await two.claim_update(42, now=1002.0) is True
    async with backend.store() as store:
        assert await store.claim_update(41, now=1003.0) is False
        assert await store.seen_since(1000.0) == [41, 42]
        assert await store.seen_since(1001.5) == [42]


# -- flood control across processes --------------------------------------------------------


async def test_a_senders_updates_are_counted_over_every_process(backend: Backend):
    async with backend.store(id_key=KEY) as one, backend.store(id_key=KEY) as two:
        counts = [
            await store.count_sent(7, "question", 1000.0 + n, 60.0) for n, store in enumerate([one, two] * 3)
        ]
        assert counts == [1, 2, 3, 4, 5, 6]
        assert await one.count_sent(7, "inline", 1006.0, 60.0) == 1  # another budget
        assert await two.count_sent(8, "question", 1006.0, 60.0) == 1  # another sender
        # a minute on (less SHARED_FLOOD_SLACK), the first four have left the window
        assert await one.count_sent(7, "question", 1062.0, 60.0) == 3
        assert await one.forget_user(7) is Forgot.DONE
        assert await two.count_sent(7, "question", 1063.0, 60.0) == 1
    async with backend.store() as store:  # without a key no id is stored: each process alone
        assert await store.count_sent(7, "question", 1000.0, 60.0) is None
    assert await backend.fetch("SELECT COUNT(*) FROM flood_events") == [(2,)]


# -- only the SQLite file ------------------------------------------------------------------


async def test_the_sqlite_file_is_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "bot.sqlite3"
    async with Store(SqliteDatabase(path)):
        pass
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchall() == [("wal",)]


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
    await db.execute("INSERT INTO chat_state VALUES (?, ?, 'kedua?', 1.0)", (old, old))
    await db.close()

    async with Store(SqliteDatabase(path), id_key=KEY):
        pass
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT value FROM meta WHERE key = 'id_salt'").fetchall() == []
        assert check.execute("SELECT * FROM chat_state").fetchall() == []
        users = check.execute("SELECT COUNT(DISTINCT user_hash), COUNT(*) FROM questions").fetchone()
    assert users == (1, 2)  # one person's rows stay together, under a stand-in nobody can undo
    raw = path.read_bytes() + (tmp_path / "bot.sqlite3-wal").read_bytes()
    assert old.encode() not in raw and salt.encode() not in raw


def test_print_stats_never_creates_a_database_file(tmp_path, capsys):
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
        await Store(SqliteDatabase(path)).open()


async def test_a_folder_that_cannot_be_created_cannot_be_opened(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="cannot open"):
        await Store(SqliteDatabase(blocker / "bot.sqlite3")).open()


# Opens the store in a process where file permissions bind (see tests/unprivileged.py).
OPEN_STORE = """
import asyncio, sys
from pathlib import Path
from bot.storage import StorageError, Store
from bot.storage_sqlite import SqliteDatabase
try:
    asyncio.run(Store(SqliteDatabase(Path(sys.argv[1]))).open())
except StorageError as exc:
    print(f"StorageError: {exc}")
else:
    print("opened")
"""


@pytest.mark.parametrize("folder_mode", [0o755, 0o555])
async def test_a_read_only_file_cannot_be_opened(tmp_path, folder_mode):
    path = tmp_path / "bot.sqlite3"
    async with Store(SqliteDatabase(path)):
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
