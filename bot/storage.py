"""The bot's one SQLite file, via aiosqlite: questions asked, feedback, and per-chat state.

The migrations live in `bot.migrations`. Telegram ids are never written: each is replaced by
an HMAC under ID_HASH_KEY, a key kept outside the file; without that key nothing written
can be linked to a person at all.

A `Store` that could not be opened, or whose file stops accepting writes, keeps working
without the file: the bot goes on answering, follow-ups are remembered in memory, every
failure is logged, and opening is tried again with a growing pause until it works. A file
deleted or replaced under the running bot is noticed and opened anew.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import aiosqlite

from bot.migrations import MIGRATIONS, Migration, migrate

__all__ = ["MIGRATIONS", "Forgot", "StorageError", "Store", "connect", "migrate", "pseudonym"]

log = logging.getLogger(__name__)

T = TypeVar("T")


def pseudonym(key: bytes, telegram_id: int) -> str:
    """The keyed hash (HMAC-SHA256, 128 bits) stored instead of a Telegram id."""
    return hmac.new(key, str(telegram_id).encode(), hashlib.sha256).hexdigest()[:32]


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


OPEN_BUSY_MS = 5000  # opening may wait this long for another process's migration
BUSY_MS = 5000  # a write waits at most this long for a lock (off the reply path), then is logged
RETRY_FIRST, RETRY_MAX = 1.0, 60.0  # seconds between attempts to open an unusable file
MEMORY_CHATS = 10_000  # follow-up states kept in memory at most
VOTE_TOKENS = 20_000  # without a key: the random stand-ins of recent voters, per answer
SEEN_SECONDS = 3600.0  # how long a handled update id is remembered
SAVED_CHATS_SECONDS = 24 * 3600.0  # follow-up states read back at opening (CONTEXT_MINUTES' top)


async def connect(path: Path, migrations: tuple[Migration, ...] = MIGRATIONS) -> aiosqlite.Connection:
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
        # Deleted rows are overwritten with zeros, not left readable in free pages.
        await db.execute("PRAGMA secure_delete=ON")
        await db.execute(f"PRAGMA busy_timeout={OPEN_BUSY_MS}")
        await migrate(db, migrations)
        # Proves the file takes writes now, rather than at the first question.
        await db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_opened', ?)", (_now_iso(),))
        await db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    except (sqlite3.Error, StorageError) as exc:
        await db.close()
        if isinstance(exc, StorageError):
            raise
        raise StorageError(f"{path}: {exc}") from exc
    return db


class Forgot(enum.Enum):
    """What /lupakan could do."""

    DONE = "done"  # every row and memory of the person deleted
    NOTHING_LINKED = "nothing_linked"  # no key: nothing stored can be traced to anyone
    UNAVAILABLE = "unavailable"  # the file could not be reached: nothing deleted there


@dataclass(frozen=True)
class ChatState:
    """A chat's last answered question, for follow-ups."""

    question: str
    at: float  # seconds since the epoch
    people: frozenset[int]  # whose words it carries: the asker, and whoever it followed


class Store:
    """Everything the bot keeps; without a database file it keeps chat state in memory only."""

    def __init__(
        self,
        path: Path,
        *,
        store_questions: bool = True,
        id_key: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.store_questions = store_questions
        self._key = id_key.encode() if id_key else None
        self._clock = clock
        self._db: aiosqlite.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the open file
        self._wanted = False  # open() was called: keep trying to (re)open
        self._retry_at = 0.0
        self._retry_delay = RETRY_FIRST
        # pseudonym of a chat -> (question, time, pseudonyms of its people), as found on disk
        # at opening: the states from before a restart.
        self._saved: dict[str, tuple[str, float, str]] = {}
        # chat id -> its last question. Every state written since opening is here, so a
        # follow-up never waits for the file (whose lock another process may hold).
        self._chats: OrderedDict[int, ChatState] = OrderedDict()
        # (answer key, user id) -> a random stand-in, for one vote per person without a key.
        self._voters: OrderedDict[tuple[str, int], str] = OrderedDict()

    @property
    def links_people(self) -> bool:
        """Whether rows are written under pseudonyms (ID_HASH_KEY is set), so /lupakan finds them."""
        return self._key is not None

    async def open(self) -> None:
        """Open and upgrade the file; StorageError when it cannot be used now (it is tried
        again, with a growing pause, whenever it is needed)."""
        self._wanted = True
        try:
            await self._open()
        except StorageError:
            self._retry_later()
            raise

    async def _open(self) -> None:
        db = await connect(self.path)
        try:
            stat = os.stat(self.path)
        except OSError as exc:
            await db.close()
            raise StorageError(f"{self.path}: {exc}") from exc
        self._db, self._file = db, (stat.st_dev, stat.st_ino)
        self._retry_delay = RETRY_FIRST
        if self.store_questions and self.links_people:
            # Follow-up states from before a restart, read now so that answering never waits
            # for the file (another process may hold its lock).
            async with db.execute(
                "SELECT chat, question, asked_at, people FROM chat_state WHERE asked_at >= ?",
                (time.time() - SAVED_CHATS_SECONDS,),
            ) as cursor:
                self._saved = {
                    row[0]: (str(row[1]), float(row[2]), str(row[3])) for row in await cursor.fetchall()
                }

    async def close(self) -> None:
        """Close the file (safe to call twice, or when it never opened)."""
        self._wanted = False
        await self._drop_connection()

    async def _drop_connection(self) -> None:
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
        """A stable stand-in for a Telegram user or chat id, keyed by ID_HASH_KEY; "" without it.

        A private chat's id is its person's id, so the two pseudonyms are equal too."""
        return "" if self._key is None else pseudonym(self._key, telegram_id)

    async def _usable(self) -> aiosqlite.Connection | None:
        """The open connection; reopens a file that vanished or could not be opened before."""
        if self._db is not None and not self._same_file():
            log.error("STORAGE: %s was deleted or replaced under the bot; opening it anew", self.path)
            await self._drop_connection()
            self._retry_at = 0.0
        if self._db is None and self._wanted and self._clock() >= self._retry_at:
            try:
                await self._open()
                log.warning("storage: %s is usable again", self.path)
            except StorageError as exc:
                log.error(
                    "STORAGE UNAVAILABLE: %s. Trying again in %.0f s; answering meanwhile.",
                    exc,
                    self._retry_later(),
                )
        return self._db

    def _retry_later(self) -> float:
        """Schedule the next attempt to open, each pause twice the last (to RETRY_MAX); gives it."""
        delay = self._retry_delay
        self._retry_at = self._clock() + delay
        self._retry_delay = min(delay * 2, RETRY_MAX)
        return delay

    def _same_file(self) -> bool:
        try:
            stat = os.stat(self.path)
        except OSError:
            return False
        return (stat.st_dev, stat.st_ino) == self._file

    async def _safely(self, what: str, action: Callable[[aiosqlite.Connection], Awaitable[T]]) -> T | None:
        """Run `action` on the open database; on failure log it loudly and give None."""
        db = await self._usable()
        if db is None:
            return None
        try:
            return await action(db)
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

    def _voter(self, answer_key: str, user_id: int) -> str:
        if self._key is not None:
            return self.pseudonym(user_id)
        # No key: a random stand-in, the same for this person's second tap on this answer only.
        token = self._voters.pop((answer_key, user_id), None) or secrets.token_hex(16)
        self._voters[(answer_key, user_id)] = token
        while len(self._voters) > VOTE_TOKENS:
            self._voters.popitem(last=False)
        return token

    async def record_feedback(
        self, *, answer_key: str, question_id: int | None, user_id: int, value: int
    ) -> bool:
        """Record 👍 (1) or 👎 (-1) for one answer; a second tap by the same person replaces it."""
        voter = self._voter(answer_key, user_id)

        async def upsert(db: aiosqlite.Connection) -> bool:
            # The question may have been deleted by /lupakan since: then the vote stands alone.
            await db.execute(
                "INSERT INTO feedback (given_at, answer_key, question_id, user_hash, value)"
                " VALUES (?, ?, (SELECT id FROM questions WHERE id = ?), ?, ?)"
                " ON CONFLICT (answer_key, user_hash)"
                " DO UPDATE SET value = excluded.value, given_at = excluded.given_at",
                (_now_iso(), answer_key, question_id, voter, value),
            )
            return True

        return bool(await self._safely("recording feedback", upsert))

    # -- per-chat state -------------------------------------------------------------------

    async def remember(
        self, *, chat_id: int, user_id: int, question: str, at: float, follows: bool = False
    ) -> None:
        """Keep `question` as the chat's last question, for follow-ups; `follows` when it was
        understood in the context of the one before (so it carries that person's words too)."""
        before = self._chats.pop(chat_id, None)
        people = frozenset({user_id} | (before.people if follows and before else set()))
        self._chats[chat_id] = ChatState(question, at, people)
        while len(self._chats) > MEMORY_CHATS:
            self._chats.popitem(last=False)
        if not (self.store_questions and self.links_people):
            return

        async def upsert(db: aiosqlite.Connection) -> bool:
            await db.execute(
                "INSERT INTO chat_state (chat, user_hash, question, asked_at, people)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (chat) DO UPDATE SET user_hash = excluded.user_hash,"
                " question = excluded.question, asked_at = excluded.asked_at,"
                " people = excluded.people",
                (
                    self.pseudonym(chat_id),
                    self.pseudonym(user_id),
                    question,
                    at,
                    " ".join(sorted(self.pseudonym(p) for p in people)),
                ),
            )
            return True

        await self._safely("remembering a chat's question", upsert)

    async def recall(self, *, chat_id: int, now: float, max_age: float) -> str | None:
        """The chat's last question if it was asked within `max_age` seconds, else None.
        Never waits for the file: the states are in memory."""
        state = self._chats.get(chat_id)
        if state is not None:
            return state.question if now - state.at <= max_age else None
        saved = self._saved.get(self.pseudonym(chat_id)) if self._saved else None
        if saved is not None and now - saved[1] <= max_age:
            return saved[0]
        return None

    # -- duplicate deliveries -------------------------------------------------------------

    async def mark_seen(self, update_id: int, now: float) -> None:
        """Record `update_id` as handled, so a redelivery after a restart is recognised."""

        async def insert(db: aiosqlite.Connection) -> bool:
            await db.execute(
                "INSERT OR IGNORE INTO seen_updates (update_id, seen_at) VALUES (?, ?)", (update_id, now)
            )
            if update_id % 100 == 0:
                await db.execute("DELETE FROM seen_updates WHERE seen_at < ?", (now - SEEN_SECONDS,))
            return True

        await self._safely("recording an update id", insert)

    async def seen_since(self, since: float) -> list[int]:
        """The update ids handled since `since` (seconds since the epoch), oldest first."""

        async def select(db: aiosqlite.Connection) -> list[int]:
            async with db.execute(
                "SELECT update_id FROM seen_updates WHERE seen_at >= ? ORDER BY seen_at", (since,)
            ) as cursor:
                return [int(row[0]) for row in await cursor.fetchall()]

        return await self._safely("reading recent update ids", select) or []

    # -- /lupakan -------------------------------------------------------------------------

    async def forget_user(self, user_id: int) -> Forgot:
        """Delete every question, feedback and chat state of one person, on disk and in memory."""
        chats = [c for c, state in self._chats.items() if user_id in state.people or c == user_id]
        for chat in chats:
            del self._chats[chat]
        for vote in [v for v in self._voters if v[1] == user_id]:
            del self._voters[vote]
        if not self.links_people:
            return Forgot.NOTHING_LINKED
        person = self.pseudonym(user_id)
        for saved in [c for c, (_, _, people) in self._saved.items() if c == person or person in people]:
            del self._saved[saved]

        async def delete(db: aiosqlite.Connection) -> Forgot:
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
                await db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # a full disk has SQLite roll back by itself
                    await db.execute("ROLLBACK")
                raise
            # Copies of the deleted text must not wait in the WAL for the next checkpoint.
            await db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return Forgot.DONE

        return await self._safely("forgetting a person", delete) or Forgot.UNAVAILABLE

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
