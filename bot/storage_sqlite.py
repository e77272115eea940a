"""The SQLite backend (the default, no setting needed): one file through aiosqlite, in WAL mode,
with secure deletion. Two connections: one for the writes made after a reply, which may wait
up to BUSY_MS for another process's lock, and a quick one for what is asked before a reply
(claiming an update id, a chat's last question, an answer's buttons), which gives up after
QUICK_BUSY_MS so that a lock held elsewhere never holds an answer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import secrets
import sqlite3
import time
from pathlib import Path

import aiosqlite

from bot.migrations import MIGRATIONS, Migration, migrate_sqlite
from bot.storage import ChatRow, Day, QuestionRow, SavedAnswer, Stats, StorageError

OPEN_BUSY_MS = 5000  # opening may wait this long for another process's migration
BUSY_MS = 5000  # a write waits at most this long for a lock (off the reply path), then is logged
# A statement before a reply waits at most this long for a lock (another process's, or this
# one's writes after earlier replies); then the bot answers without it.
QUICK_BUSY_MS = 300
PRUNE_ONE_IN = 100  # expired answers are deleted at one save in this many


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def connect(
    path: Path, migrations: tuple[Migration, ...] = MIGRATIONS, *, busy_ms: int = BUSY_MS
) -> aiosqlite.Connection:
    """The database at `path`, created if missing, in WAL mode and migrated; or StorageError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)  # autocommit; BEGIN when needed
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"{path}: cannot open ({exc})") from exc
    try:
        mode = await _wal(db)
        if mode is None or str(mode[0]).lower() != "wal":
            raise StorageError(f"{path}: cannot switch to WAL mode (got {mode})")
        await db.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten with zeros, not left readable in free pages.
        await db.execute("PRAGMA secure_delete=ON")
        await db.execute(f"PRAGMA busy_timeout={OPEN_BUSY_MS}")
        await migrate_sqlite(db, migrations)
        # Proves the file takes writes now, rather than at the first question.
        await db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_opened', ?)", (_now_iso(),))
        await db.execute(f"PRAGMA busy_timeout={busy_ms}")
    except (sqlite3.Error, StorageError) as exc:
        await db.close()
        if isinstance(exc, StorageError):
            raise
        raise StorageError(f"{path}: {exc}") from exc
    return db


async def _wal(db: aiosqlite.Connection) -> sqlite3.Row | None:
    """Switch to WAL mode. Several processes opening a new file at once: SQLite refuses the
    switch at once while another connection holds the file ("database is locked", without
    waiting), so it is tried again for up to OPEN_BUSY_MS."""
    deadline = time.monotonic() + OPEN_BUSY_MS / 1000
    while True:
        try:
            async with db.execute("PRAGMA journal_mode=WAL") as cursor:
                return await cursor.fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.02)


class SqliteDatabase:
    """The bot's SQLite file (see the module's docstring)."""

    errors: tuple[type[BaseException], ...] = (sqlite3.Error, ValueError)  # ValueError: closed

    def __init__(self, path: Path, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
        self.path = path
        self.name = str(path)
        self.migrations = migrations
        self._db: aiosqlite.Connection | None = None
        self._quick: aiosqlite.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the open file
        # One statement sequence at a time on each connection: coroutines of this process
        # interleaving a read cursor and a write on one connection make SQLite refuse the
        # write at once ("database is locked", no wait), and a BEGIN would take in the
        # other coroutine's statements.
        self._db_lock = asyncio.Lock()
        self._quick_lock = asyncio.Lock()

    async def open(self) -> None:
        db = await connect(self.path, self.migrations)
        try:
            quick = await connect(self.path, self.migrations, busy_ms=QUICK_BUSY_MS)
            stat = os.stat(self.path)
        except (OSError, StorageError) as exc:
            await db.close()
            raise StorageError(f"{self.path}: {exc}") from exc
        self._db, self._quick, self._file = db, quick, (stat.st_dev, stat.st_ino)

    async def close(self) -> None:
        for db in (self._db, self._quick):
            if db is not None:
                await db.close()
        self._db = self._quick = None

    def gone(self, exc: BaseException | None = None) -> bool:
        """A file deleted or replaced under the bot (SQLite would write on into the old one)."""
        if exc is not None:
            return False  # a failed statement: the file may take the next one
        try:
            stat = os.stat(self.path)
        except OSError:
            return True
        return (stat.st_dev, stat.st_ino) != self._file

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise ValueError(f"{self.path}: not open")
        return self._db

    @property
    def quick(self) -> aiosqlite.Connection:
        if self._quick is None:
            raise ValueError(f"{self.path}: not open")
        return self._quick

    async def insert_question(self, row: QuestionRow) -> int:
        async with self._db_lock:
            cursor = await self.db.execute(
                "INSERT INTO questions (asked_at, chat, chat_type, user_hash, text, kind,"
                " answered, sources, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.asked_at,
                    row.chat,
                    row.chat_type,
                    row.user_hash,
                    row.text,
                    row.kind,
                    int(row.answered),
                    row.sources,
                    row.ms,
                ),
            )
            if cursor.lastrowid is None:
                raise sqlite3.OperationalError("the question's row has no id")
            return cursor.lastrowid

    async def upsert_feedback(
        self, *, given_at: str, answer_key: str, question_id: int | None, voter: str, value: int
    ) -> None:
        async with self._db_lock:
            # The question may have been deleted by /lupakan since: then the vote stands alone.
            await self.db.execute(
                "INSERT INTO feedback (given_at, answer_key, question_id, user_hash, value)"
                " VALUES (?, ?, (SELECT id FROM questions WHERE id = ?), ?, ?)"
                " ON CONFLICT (answer_key, user_hash)"
                " DO UPDATE SET value = excluded.value, given_at = excluded.given_at",
                (given_at, answer_key, question_id, voter, value),
            )

    async def upsert_chat(self, row: ChatRow) -> None:
        async with self._db_lock:
            await self.db.execute(
                "INSERT INTO chat_state (chat, user_hash, question, asked_at, people)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (chat) DO UPDATE SET user_hash = excluded.user_hash,"
                " question = excluded.question, asked_at = excluded.asked_at,"
                " people = excluded.people",
                (row.chat, row.user_hash, row.question, row.at, row.people),
            )

    async def chat(self, chat: str) -> ChatRow | None:
        async with self._quick_lock:
            async with self.quick.execute(
                "SELECT chat, user_hash, question, asked_at, people FROM chat_state WHERE chat = ?", (chat,)
            ) as cursor:
                row = await cursor.fetchone()
            return None if row is None else ChatRow(row[0], row[1], row[2], float(row[3]), row[4])

    async def chats_since(self, since: float) -> list[ChatRow]:
        async with (
            self._db_lock,
            self.db.execute(
                "SELECT chat, user_hash, question, asked_at, people FROM chat_state WHERE asked_at >= ?",
                (since,),
            ) as cursor,
        ):
            return [ChatRow(r[0], r[1], r[2], float(r[3]), r[4]) for r in await cursor.fetchall()]

    async def claim_update(self, update_id: int, now: float, prune_before: float) -> bool:
        async with self._quick_lock:
            cursor = await self.quick.execute(
                "INSERT OR IGNORE INTO seen_updates (update_id, seen_at) VALUES (?, ?)", (update_id, now)
            )
            claimed = cursor.rowcount == 1
            if claimed and update_id % 100 == 0:
                await self.quick.execute("DELETE FROM seen_updates WHERE seen_at < ?", (prune_before,))
            return claimed

    async def seen_since(self, since: float) -> list[int]:
        async with (
            self._db_lock,
            self.db.execute(
                "SELECT update_id FROM seen_updates WHERE seen_at >= ? ORDER BY seen_at", (since,)
            ) as cursor,
        ):
            return [int(row[0]) for row in await cursor.fetchall()]

    async def save_answer(self, answer: SavedAnswer, owner: str, prune_before: float) -> None:
        async with self._db_lock:
            await self.db.execute(
                # "more" may have been sent before the answer was stored: more_sent is kept.
                "INSERT INTO answers (key, saved_at, owner, question_id, language, more, inline_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " saved_at = excluded.saved_at, owner = excluded.owner,"
                " question_id = excluded.question_id, language = excluded.language,"
                " more = excluded.more, inline_text = excluded.inline_text",
                (
                    answer.key,
                    answer.saved_at,
                    owner,
                    answer.question_id,
                    answer.language,
                    answer.more,
                    answer.inline_text,
                ),
            )
            if secrets.randbelow(PRUNE_ONE_IN) == 0:  # now and then, not at every answer
                await self.db.execute("DELETE FROM answers WHERE saved_at < ?", (prune_before,))

    async def answer(self, key: str) -> tuple[SavedAnswer, bool] | None:
        async with self._quick_lock:
            async with self.quick.execute(
                "SELECT question_id, language, more, inline_text, saved_at, more_sent"
                " FROM answers WHERE key = ?",
                (key,),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return None
            saved = SavedAnswer(key, None, row[0], row[1], row[2], row[3], float(row[4]))
            return saved, bool(row[5])

    async def count_sent(self, sender: str, budget: str, now: float, since: float) -> int:
        async with self._quick_lock:
            await self.quick.execute(
                "INSERT INTO flood_events (sender, budget, at) VALUES (?, ?, ?)", (sender, budget, now)
            )
            if secrets.randbelow(PRUNE_ONE_IN) == 0:
                await self.quick.execute("DELETE FROM flood_events WHERE at < ?", (since - 600,))
            async with self.quick.execute(
                "SELECT COUNT(*) FROM flood_events WHERE sender = ? AND budget = ? AND at > ?",
                (sender, budget, since),
            ) as cursor:
                row = await cursor.fetchone()
            return int(row[0]) if row else 0

    async def claim_more(self, key: str, now: float) -> bool:
        async with self._quick_lock:
            # One statement: marks a stored answer, or stores a mark for an answer whose row is not
            # written yet (save_answer fills it in and keeps the mark).
            cursor = await self.quick.execute(
                "INSERT INTO answers (key, saved_at, owner, question_id, language, more, inline_text,"
                " more_sent) VALUES (?, ?, '', NULL, '', '', '', 1)"
                " ON CONFLICT (key) DO UPDATE SET more_sent = 1 WHERE answers.more_sent = 0",
                (key, now),
            )
            return cursor.rowcount == 1

    async def forget(self, person: str) -> None:
        async with self._db_lock:
            db = self.db
            await db.execute("BEGIN IMMEDIATE")
            try:
                await db.execute("DELETE FROM feedback WHERE user_hash = ?", (person,))
                await db.execute("DELETE FROM questions WHERE user_hash = ?", (person,))
                # Their private chat's state is theirs whoever set it (its pseudonym is theirs),
                # and so is a group's state that carries their question.
                await db.execute(
                    "DELETE FROM chat_state WHERE user_hash = ? OR chat = ? OR instr(people, ?) > 0",
                    (person, person, person),
                )
                await db.execute("DELETE FROM answers WHERE owner = ?", (person,))
                await db.execute("DELETE FROM flood_events WHERE sender = ?", (person,))
                await db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # a full disk has SQLite roll back by itself
                    await db.execute("ROLLBACK")
                raise
            # Copies of the deleted text must not wait in the WAL for the next checkpoint.
            await db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def stats(self, most_declined: int) -> Stats:
        async with self._db_lock:
            db = self.db
            async with db.execute(
                "SELECT substr(asked_at, 1, 10) AS day, COUNT(*), SUM(kind = 'decline')"
                " FROM questions GROUP BY day ORDER BY day"
            ) as cursor:
                days = tuple(Day(row[0], row[1], row[2] or 0) for row in await cursor.fetchall())
            async with db.execute("SELECT COUNT(*), SUM(kind = 'decline'), AVG(ms) FROM questions") as cursor:
                total, declined, average = await cursor.fetchone() or (0, 0, 0.0)
            async with db.execute("SELECT value, COUNT(*) FROM feedback GROUP BY value") as cursor:
                votes = {row[0]: row[1] for row in await cursor.fetchall()}
            async with db.execute(
                "SELECT lower(trim(text)) AS q, COUNT(*) AS n FROM questions WHERE kind = 'decline'"
                " GROUP BY q ORDER BY n DESC, q LIMIT ?",
                (most_declined,),
            ) as cursor:
                declined_questions = tuple((row[0], row[1]) for row in await cursor.fetchall())
            return Stats(
                days=days,
                questions=total or 0,
                declined=declined or 0,
                average_ms=float(average or 0.0),
                thumbs_up=votes.get(1, 0),
                thumbs_down=votes.get(-1, 0),
                most_declined=declined_questions,
            )
