"""The PostgreSQL backend, chosen by DATABASE_URL (`postgres://` or `postgresql://`, as hosts
hand it out; `sslmode` in it is honoured): asyncpg with a pool, so that several processes
share one database. What must happen once across processes is one atomic statement: an update
id claimed with INSERT ... ON CONFLICT DO NOTHING RETURNING, "more" with a conditional UPDATE.

`copy_from_sqlite` moves an SQLite file's rows into an empty PostgreSQL database
(`python -m bot migrate-store`).
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg

from bot.migrations import MIGRATIONS, Migration, migrate_postgres
from bot.storage import ChatRow, Day, QuestionRow, SavedAnswer, Stats, StorageError

CONNECT_SECONDS = 5.0  # opening a connection gives up after this long
BUSY_SECONDS = 5.0  # a statement after a reply gives up after this long, then is logged
# Connections per process: kept open from the start, so that the first updates of a burst do
# not each wait for a new connection; at most POOL_MAX (Heroku's smallest plans allow 20 in all:
# two processes and `bot stats` fit).
POOL_MIN, POOL_MAX = 4, 8
PRUNE_ONE_IN = 100  # expired answers are deleted at one save in this many
# SQLSTATE classes that mean the connection, not the statement, failed: connection exception,
# insufficient resources (too many connections), operator intervention (the server stops).
LOST_CLASSES = {"08", "53", "57"}


def redacted(url: str) -> str:
    """The URL without its password, for log lines."""
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{parts.hostname or ''}{port}{parts.path}"


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 5432}"


def _open_error(url: str, exc: BaseException) -> StorageError:
    """One line that says why the database at `url` cannot be used, without the password."""
    parts = urlsplit(url)
    where = f"PostgreSQL at {_where(url)}"
    if isinstance(exc, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
        reason = f"{where} refused user {parts.username!r} ({exc}): check DATABASE_URL"
    elif isinstance(exc, asyncpg.InvalidCatalogNameError):
        reason = f"{where} has no database {parts.path.lstrip('/')!r}: create it, or check DATABASE_URL"
    elif isinstance(exc, TimeoutError):
        reason = f"cannot reach {where} (no answer within {CONNECT_SECONDS:.0f} s)"
    elif isinstance(exc, OSError):
        reason = f"cannot reach {where} ({exc.strerror or exc})"
    else:
        reason = f"{where}: {exc}"
    return StorageError(f"DATABASE_URL: {reason}")


class PostgresDatabase:
    """The bot's PostgreSQL database (see the module's docstring)."""

    errors: tuple[type[BaseException], ...] = (
        asyncpg.PostgresError,
        asyncpg.InterfaceError,
        asyncpg.InternalClientError,
        OSError,  # refused, reset; TimeoutError is one too
    )

    def __init__(self, url: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
        self.url = url
        self.name = redacted(url)
        self.migrations = migrations
        self._pool: asyncpg.Pool | None = None
        self._lost = False  # the server went away under the open pool

    async def open(self) -> None:
        try:
            pool = await asyncpg.create_pool(
                self.url,
                min_size=POOL_MIN,
                max_size=POOL_MAX,
                timeout=CONNECT_SECONDS,
                command_timeout=BUSY_SECONDS,
                # A commit returns before its WAL record is flushed: a crash of the server may
                # lose the last fraction of a second of log rows, never consistency, and each
                # write stops waiting for the disk (benchmarks/load.py).
                server_settings={"synchronous_commit": "off"},
            )
        # ValueError: a URL asyncpg cannot read
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, ValueError) as exc:
            raise _open_error(self.url, exc) from exc
        try:
            async with pool.acquire() as connection:
                await migrate_postgres(connection, self.migrations)
        except self.errors as exc:
            pool.terminate()
            raise _open_error(self.url, exc) from exc
        self._pool, self._lost = pool, False

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if self._lost:  # its connections are dead: closing them politely could wait for them
            pool.terminate()
            return
        try:
            await pool.close()
        except self.errors:
            pool.terminate()

    def gone(self, exc: BaseException | None = None) -> bool:
        """Whether `exc` says the server is out of reach (stopped, restarting, unreachable)."""
        if exc is None or isinstance(exc, TimeoutError):
            return False
        if isinstance(exc, asyncpg.PostgresError):
            lost = str(getattr(exc, "sqlstate", "") or "")[:2] in LOST_CLASSES
        else:
            lost = True
        self._lost = self._lost or lost
        return lost

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise asyncpg.InterfaceError(f"{self.name}: not open")
        return self._pool

    async def insert_question(self, row: QuestionRow) -> int:
        return int(
            await self.pool.fetchval(
                "INSERT INTO questions (asked_at, chat, chat_type, user_hash, text, kind,"
                " answered, sources, ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                row.asked_at,
                row.chat,
                row.chat_type,
                row.user_hash,
                row.text,
                row.kind,
                int(row.answered),
                row.sources,
                row.ms,
            )
        )

    async def upsert_feedback(
        self, *, given_at: str, answer_key: str, question_id: int | None, voter: str, value: int
    ) -> None:
        # The question may have been deleted by /lupakan since: then the vote stands alone.
        await self.pool.execute(
            "INSERT INTO feedback (given_at, answer_key, question_id, user_hash, value)"
            " VALUES ($1, $2, (SELECT id FROM questions WHERE id = $3), $4, $5)"
            " ON CONFLICT (answer_key, user_hash)"
            " DO UPDATE SET value = excluded.value, given_at = excluded.given_at",
            given_at,
            answer_key,
            question_id,
            voter,
            value,
        )

    async def upsert_chat(self, row: ChatRow) -> None:
        await self.pool.execute(
            "INSERT INTO chat_state (chat, user_hash, question, asked_at, people)"
            " VALUES ($1, $2, $3, $4, $5)"
            " ON CONFLICT (chat) DO UPDATE SET user_hash = excluded.user_hash,"
            " question = excluded.question, asked_at = excluded.asked_at,"
            " people = excluded.people",
            row.chat,
            row.user_hash,
            row.question,
            row.at,
            row.people,
        )

    async def chat(self, chat: str) -> ChatRow | None:
        row = await self.pool.fetchrow(
            "SELECT chat, user_hash, question, asked_at, people FROM chat_state WHERE chat = $1", chat
        )
        return None if row is None else ChatRow(row[0], row[1], row[2], float(row[3]), row[4])

    async def chats_since(self, since: float) -> list[ChatRow]:
        rows = await self.pool.fetch(
            "SELECT chat, user_hash, question, asked_at, people FROM chat_state WHERE asked_at >= $1",
            since,
        )
        return [ChatRow(r[0], r[1], r[2], float(r[3]), r[4]) for r in rows]

    async def claim_update(self, update_id: int, now: float, prune_before: float) -> bool:
        claimed = await self.pool.fetchval(
            "INSERT INTO seen_updates (update_id, seen_at) VALUES ($1, $2)"
            " ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
            update_id,
            now,
        )
        if claimed is not None and update_id % 100 == 0:
            await self.pool.execute("DELETE FROM seen_updates WHERE seen_at < $1", prune_before)
        return claimed is not None

    async def seen_since(self, since: float) -> list[int]:
        rows = await self.pool.fetch(
            "SELECT update_id FROM seen_updates WHERE seen_at >= $1 ORDER BY seen_at", since
        )
        return [int(row[0]) for row in rows]

    async def save_answer(self, answer: SavedAnswer, owner: str, prune_before: float) -> None:
        await self.pool.execute(
            "INSERT INTO answers (key, saved_at, owner, question_id, language, more, inline_text)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO UPDATE SET"
            " saved_at = excluded.saved_at, owner = excluded.owner,"
            " question_id = excluded.question_id, language = excluded.language,"
            " more = excluded.more, inline_text = excluded.inline_text",
            answer.key,
            answer.saved_at,
            owner,
            answer.question_id,
            answer.language,
            answer.more,
            answer.inline_text,
        )
        if secrets.randbelow(PRUNE_ONE_IN) == 0:  # now and then, not at every answer
            await self.pool.execute("DELETE FROM answers WHERE saved_at < $1", prune_before)

    async def answer(self, key: str) -> tuple[SavedAnswer, bool] | None:
        row = await self.pool.fetchrow(
            "SELECT question_id, language, more, inline_text, saved_at, more_sent FROM answers"
            " WHERE key = $1",
            key,
        )
        if row is None:
            return None
        saved = SavedAnswer(key, None, row[0], row[1], row[2], row[3], float(row[4]))
        return saved, bool(row[5])

    async def count_sent(self, sender: str, budget: str, now: float, since: float) -> int:
        if secrets.randbelow(PRUNE_ONE_IN) == 0:
            await self.pool.execute("DELETE FROM flood_events WHERE at < $1", since - 600)
        # One round trip: the row inserted is not in the statement's own snapshot, hence + 1.
        return int(
            await self.pool.fetchval(
                "WITH sent AS (INSERT INTO flood_events (sender, budget, at) VALUES ($1, $2, $3))"
                " SELECT COUNT(*) + 1 FROM flood_events WHERE sender = $1 AND budget = $2 AND at > $4",
                sender,
                budget,
                now,
                since,
            )
        )

    async def claim_more(self, key: str, now: float) -> bool:
        # One statement: marks a stored answer, or stores a mark for an answer whose row is not
        # written yet (save_answer fills it in and keeps the mark).
        claimed = await self.pool.fetchval(
            "INSERT INTO answers (key, saved_at, owner, question_id, language, more, inline_text,"
            " more_sent) VALUES ($1, $2, '', NULL, '', '', '', 1)"
            " ON CONFLICT (key) DO UPDATE SET more_sent = 1 WHERE answers.more_sent = 0"
            " RETURNING key",
            key,
            now,
        )
        return claimed is not None

    async def forget(self, person: str) -> None:
        async with self.pool.acquire() as connection:
            async with connection.transaction():
                await connection.execute("DELETE FROM feedback WHERE user_hash = $1", person)
                await connection.execute("DELETE FROM questions WHERE user_hash = $1", person)
                # Their private chat's state is theirs whoever set it (its pseudonym is theirs),
                # and so is a group's state that carries their question.
                await connection.execute(
                    "DELETE FROM chat_state WHERE user_hash = $1 OR chat = $1 OR strpos(people, $1) > 0",
                    person,
                )
                await connection.execute("DELETE FROM answers WHERE owner = $1", person)
                await connection.execute("DELETE FROM flood_events WHERE sender = $1", person)
            # The deleted rows stay in their pages until a vacuum reclaims them; this one does
            # it now (the write-ahead log and the host's backups keep copies for their own time).
            await connection.execute("VACUUM feedback, questions, chat_state, answers, flood_events")

    async def stats(self, most_declined: int) -> Stats:
        declined = "SUM(CASE WHEN kind = 'decline' THEN 1 ELSE 0 END)"
        async with self.pool.acquire() as connection:
            days = tuple(
                Day(row[0], row[1], row[2] or 0)
                for row in await connection.fetch(
                    f"SELECT substr(asked_at, 1, 10) AS day, COUNT(*), {declined}"
                    " FROM questions GROUP BY day ORDER BY day"
                )
            )
            total, declined_total, average = await connection.fetchrow(
                f"SELECT COUNT(*), {declined}, AVG(ms) FROM questions"
            ) or (0, 0, 0.0)
            votes = {
                row[0]: row[1]
                for row in await connection.fetch("SELECT value, COUNT(*) FROM feedback GROUP BY value")
            }
            declined_questions = tuple(
                (row[0], row[1])
                for row in await connection.fetch(
                    "SELECT lower(trim(text)) AS q, COUNT(*) AS n FROM questions WHERE kind = 'decline'"
                    " GROUP BY q ORDER BY n DESC, q LIMIT $1",
                    most_declined,
                )
            )
        return Stats(
            days=days,
            questions=total or 0,
            declined=declined_total or 0,
            average_ms=float(average or 0.0),
            thumbs_up=votes.get(1, 0),
            thumbs_down=votes.get(-1, 0),
            most_declined=declined_questions,
        )


# What `copy_from_sqlite` copies, table by table, in an order that keeps the foreign keys.
COPIED = {
    "questions": (
        "id",
        "asked_at",
        "chat",
        "chat_type",
        "user_hash",
        "text",
        "kind",
        "answered",
        "sources",
        "ms",
    ),
    "feedback": ("id", "given_at", "answer_key", "question_id", "user_hash", "value"),
    "chat_state": ("chat", "user_hash", "question", "asked_at", "people"),
    "seen_updates": ("update_id", "seen_at"),
    "answers": ("key", "saved_at", "owner", "question_id", "language", "more", "inline_text", "more_sent"),
}


async def copy_from_sqlite(path: Path, url: str) -> dict[str, int]:
    """Copy every row of the SQLite file at `path` (upgraded first) into the PostgreSQL database
    at `url` (migrated first), which must hold no questions or votes yet; gives the rows copied
    per table. One transaction: on any failure nothing is copied."""
    from bot.storage_sqlite import connect

    if not path.is_file():
        raise StorageError(f"{path}: no such file")
    source = await connect(path)  # upgrades an older file, so that every column is there
    await source.close()
    target = PostgresDatabase(url)
    await target.open()
    copied: dict[str, int] = {}
    try:
        with sqlite3.connect(path) as db:
            tables = {
                table: db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
                for table, cols in COPIED.items()
            }
        async with target.pool.acquire() as connection, connection.transaction():
            held = await connection.fetchval(
                "SELECT (SELECT COUNT(*) FROM questions) + (SELECT COUNT(*) FROM feedback)"
            )
            if held:
                raise StorageError(
                    f"{target.name} already holds {held} questions and votes: copy into an empty database"
                )
            for table, columns in COPIED.items():
                await connection.copy_records_to_table(table, records=tables[table], columns=list(columns))
                copied[table] = len(tables[table])
            for table in ("questions", "feedback"):  # new rows continue after the copied ids
                await connection.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
                )
    except (sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
        raise StorageError(f"copying {path} to {target.name}: {exc}") from exc
    finally:
        await target.close()
    return copied
