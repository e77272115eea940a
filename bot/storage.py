"""The bot's one SQLite file, via aiosqlite: questions asked, feedback, and per-chat state.

Migrations are an append-only list of named steps (simonw/llm's pattern), applied on open
and recorded in `_migrations`, so a database made by an older version upgrades itself.
Never edit or reorder a step that has shipped: add a new one.

A `Store` that could not be opened, or whose file stops accepting writes, keeps working
without the file: the bot goes on answering, follow-ups are remembered in memory, and every
failure is logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import aiosqlite

log = logging.getLogger(__name__)

T = TypeVar("T")

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "m001_questions",
        (
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            # The key that turns Telegram user and chat ids into the pseudonyms stored below.
            # It never leaves this file, so a pseudonym cannot be undone by trying every id.
            "INSERT INTO meta (key, value) VALUES ('id_salt', lower(hex(randomblob(16))))",
            """CREATE TABLE questions (
                id INTEGER PRIMARY KEY,
                asked_at TEXT NOT NULL,         -- UTC, ISO 8601
                chat TEXT NOT NULL,             -- pseudonym of the chat id
                chat_type TEXT NOT NULL,        -- private, group, supergroup
                user_hash TEXT NOT NULL,        -- pseudonym of the user id
                text TEXT NOT NULL,
                kind TEXT NOT NULL,             -- answer, decline, greeting, empty, too_long
                answered INTEGER NOT NULL,      -- 1 when the reply quoted the sources
                sources TEXT NOT NULL,          -- the cited source ids, space-separated
                ms REAL NOT NULL                -- time taken to answer
            )""",
            "CREATE INDEX questions_by_time ON questions (asked_at)",
            "CREATE INDEX questions_by_user ON questions (user_hash)",
        ),
    ),
    (
        "m002_feedback",
        (
            """CREATE TABLE feedback (
                id INTEGER PRIMARY KEY,
                given_at TEXT NOT NULL,
                answer_key TEXT NOT NULL,       -- the key in the answer's buttons
                question_id INTEGER REFERENCES questions (id) ON DELETE SET NULL,
                user_hash TEXT NOT NULL,
                value INTEGER NOT NULL CHECK (value IN (-1, 1)),
                UNIQUE (answer_key, user_hash)
            )""",
            "CREATE INDEX feedback_by_user ON feedback (user_hash)",
        ),
    ),
    (
        "m003_chat_state",
        (
            """CREATE TABLE chat_state (
                chat TEXT PRIMARY KEY,          -- pseudonym of the chat id
                user_hash TEXT NOT NULL,        -- who asked the last question
                question TEXT NOT NULL,         -- the last question, for follow-ups
                asked_at REAL NOT NULL          -- seconds since the epoch
            )""",
            "CREATE INDEX chat_state_by_user ON chat_state (user_hash)",
        ),
    ),
)


def pseudonym(salt: bytes, telegram_id: int) -> str:
    """The keyed hash (HMAC-SHA256, 128 bits) stored instead of a Telegram id."""
    return hmac.new(salt, str(telegram_id).encode(), hashlib.sha256).hexdigest()[:32]


class StorageError(Exception):
    """The database file cannot be opened, upgraded or written; the message says why."""


@dataclass(frozen=True)
class Day:
    """One day's questions."""

    day: str  # UTC date, ISO
    questions: int
    declined: int


@dataclass(frozen=True)
class Stats:
    """What `python -m bot stats` prints."""

    days: tuple[Day, ...]
    questions: int
    declined: int
    average_ms: float
    thumbs_up: int
    thumbs_down: int
    most_declined: tuple[tuple[str, int], ...]  # (question, times declined)


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def migrate(
    db: aiosqlite.Connection, migrations: tuple[tuple[str, tuple[str, ...]], ...] = MIGRATIONS
) -> list[str]:
    """Apply the steps of `migrations` not yet recorded in `_migrations`; gives their names."""
    await db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    async with db.execute("SELECT name FROM _migrations") as cursor:
        done = {row[0] for row in await cursor.fetchall()}
    applied = []
    for name, statements in migrations:
        if name in done:
            continue
        # Take the write lock first (IMMEDIATE waits for it under busy_timeout) and look again:
        # when two processes open a new file at once, the other may have applied this step
        # since the read above, and applying it twice fails with "table ... already exists".
        await db.execute("BEGIN IMMEDIATE")
        try:
            async with db.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)) as cursor:
                done_meanwhile = await cursor.fetchone() is not None
            for statement in () if done_meanwhile else statements:
                await db.execute(statement)
            if not done_meanwhile:
                await db.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, _now_iso())
                )
            await db.execute("COMMIT")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
        if not done_meanwhile:
            applied.append(name)
    return applied


async def connect(
    path: Path, migrations: tuple[tuple[str, tuple[str, ...]], ...] = MIGRATIONS
) -> aiosqlite.Connection:
    """The database at `path`, created if missing, in WAL mode and migrated; or StorageError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)  # autocommit; BEGIN when needed
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"{path}: cannot open ({exc})") from exc
    try:
        async with db.execute("PRAGMA journal_mode=WAL") as cursor:
            mode = await cursor.fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            raise StorageError(f"{path}: cannot switch to WAL mode (got {mode})")
        await db.execute("PRAGMA foreign_keys=ON")
        await db.execute("PRAGMA busy_timeout=5000")
        await migrate(db, migrations)
        # Proves the file takes writes now, rather than at the first question.
        await db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_opened', ?)", (_now_iso(),))
    except (sqlite3.Error, StorageError) as exc:
        await db.close()
        if isinstance(exc, StorageError):
            raise
        raise StorageError(f"{path}: {exc}") from exc
    return db


class Store:
    """Everything the bot keeps; without a database file it keeps chat state in memory only."""

    def __init__(self, path: Path, *, store_questions: bool = True) -> None:
        self.path = path
        self.store_questions = store_questions
        self._db: aiosqlite.Connection | None = None
        self._salt = b""
        # chat id -> (user id, question, time); used when the file is unavailable or
        # STORE_QUESTIONS=0 (then no question text is written to disk at all).
        self._memory: dict[int, tuple[int, str, float]] = {}

    async def open(self) -> None:
        """Open and upgrade the file; StorageError when it cannot be used."""
        db = await connect(self.path)
        try:
            async with db.execute("SELECT value FROM meta WHERE key = 'id_salt'") as cursor:
                row = await cursor.fetchone()
        except sqlite3.Error as exc:
            await db.close()
            raise StorageError(f"{self.path}: {exc}") from exc
        if row is None:
            await db.close()
            raise StorageError(f"{self.path}: the id_salt entry is missing from meta")
        self._salt = str(row[0]).encode()
        self._db = db

    async def close(self) -> None:
        """Close the file (safe to call twice, or when it never opened)."""
        db, self._db = self._db, None
        if db is not None:
            try:
                await db.close()
            except (sqlite3.Error, ValueError) as exc:
                log.error("storage: closing %s failed: %s", self.path, exc)

    async def __aenter__(self) -> Store:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def pseudonym(self, telegram_id: int) -> str:
        """A stable stand-in for a Telegram user or chat id, keyed by this file's secret salt.

        A private chat's id is its person's id, so the two pseudonyms are equal too."""
        return pseudonym(self._salt, telegram_id)

    async def _safely(self, what: str, action: Callable[[aiosqlite.Connection], Awaitable[T]]) -> T | None:
        """Run `action` on the open database; on failure log it loudly and give None."""
        if self._db is None:
            return None
        try:
            return await action(self._db)
        except (sqlite3.Error, ValueError) as exc:  # ValueError: the connection has gone away
            log.error("storage: %s failed on %s: %s (carrying on without it)", what, self.path, exc)
            return None

    # -- the question log -----------------------------------------------------------------

    async def log_question(
        self,
        *,
        chat_id: int,
        chat_type: str,
        user_id: int,
        text: str,
        kind: str,
        answered: bool,
        sources: tuple[str, ...],
        ms: float,
    ) -> int | None:
        """Record one question; gives its row id (None when the log is off or unavailable)."""
        if not self.store_questions:
            return None

        async def insert(db: aiosqlite.Connection) -> int | None:
            cursor = await db.execute(
                "INSERT INTO questions (asked_at, chat, chat_type, user_hash, text, kind,"
                " answered, sources, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _now_iso(),
                    self.pseudonym(chat_id),
                    chat_type,
                    self.pseudonym(user_id),
                    text,
                    kind,
                    int(answered),
                    " ".join(sources),
                    round(ms, 2),
                ),
            )
            return cursor.lastrowid

        return await self._safely("logging a question", insert)

    async def record_feedback(
        self, *, answer_key: str, question_id: int | None, user_id: int, value: int
    ) -> bool:
        """Record 👍 (1) or 👎 (-1) for one answer; a second tap by the same person replaces it."""

        async def upsert(db: aiosqlite.Connection) -> bool:
            await db.execute(
                "INSERT INTO feedback (given_at, answer_key, question_id, user_hash, value)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (answer_key, user_hash)"
                " DO UPDATE SET value = excluded.value, given_at = excluded.given_at",
                (_now_iso(), answer_key, question_id, self.pseudonym(user_id), value),
            )
            return True

        return bool(await self._safely("recording feedback", upsert))

    # -- per-chat state -------------------------------------------------------------------

    async def remember(self, *, chat_id: int, user_id: int, question: str, at: float) -> None:
        """Keep `question` as the chat's last question, for follow-ups."""

        async def upsert(db: aiosqlite.Connection) -> bool:
            await db.execute(
                "INSERT INTO chat_state (chat, user_hash, question, asked_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (chat) DO UPDATE SET user_hash = excluded.user_hash,"
                " question = excluded.question, asked_at = excluded.asked_at",
                (self.pseudonym(chat_id), self.pseudonym(user_id), question, at),
            )
            return True

        if self.store_questions and await self._safely("remembering a chat's question", upsert):
            self._memory.pop(chat_id, None)
        else:
            self._memory[chat_id] = (user_id, question, at)

    async def recall(self, *, chat_id: int, now: float, max_age: float) -> str | None:
        """The chat's last question if it was asked within `max_age` seconds, else None."""
        remembered = self._memory.get(chat_id)
        if remembered is not None:
            _, question, at = remembered
            return question if now - at <= max_age else None

        async def select(db: aiosqlite.Connection) -> str | None:
            async with db.execute(
                "SELECT question FROM chat_state WHERE chat = ? AND asked_at >= ?",
                (self.pseudonym(chat_id), now - max_age),
            ) as cursor:
                row = await cursor.fetchone()
            return None if row is None else str(row[0])

        return await self._safely("recalling a chat's question", select)

    # -- /lupakan -------------------------------------------------------------------------

    async def forget_user(self, user_id: int) -> bool:
        """Delete every question, feedback and chat state of one person; False if it could not."""
        self._memory = {c: v for c, v in self._memory.items() if v[0] != user_id and c != user_id}
        person = self.pseudonym(user_id)

        async def delete(db: aiosqlite.Connection) -> bool:
            await db.execute("BEGIN")
            try:
                await db.execute("DELETE FROM feedback WHERE user_hash = ?", (person,))
                await db.execute("DELETE FROM questions WHERE user_hash = ?", (person,))
                # Their private chat's state is theirs whoever set it (its pseudonym is theirs).
                await db.execute("DELETE FROM chat_state WHERE user_hash = ? OR chat = ?", (person, person))
                await db.execute("COMMIT")
            except BaseException:
                await db.execute("ROLLBACK")
                raise
            return True

        return bool(await self._safely("forgetting a person", delete))

    # -- python -m bot stats --------------------------------------------------------------

    async def stats(self, *, most_declined: int = 10) -> Stats:
        """Questions per day, share declined, feedback counts and the most declined questions."""
        if self._db is None:
            raise StorageError(f"{self.path}: not open")
        db = self._db
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
