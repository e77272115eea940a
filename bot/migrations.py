"""The storage migrations: an append-only list of named steps (simonw/llm's pattern), applied
on open and recorded in `_migrations`, so a database made by an older version upgrades itself.
Never edit or reorder a step that has shipped: add a new one.

Both backends have the same steps, by name and in order; each step has its SQLite and its
PostgreSQL statements (the dialects differ in row ids, floats and a few functions). SQLite
takes its write lock per step, PostgreSQL an advisory lock for the whole run: a second process
that opens the database while the first migrates waits for it rather than racing it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import aiosqlite
import asyncpg


@dataclass(frozen=True)
class Migration:
    """One named step: the statements run in one transaction, per backend."""

    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_SQLITE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "m001_questions",
        (
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            # Until m004 the key of the pseudonyms was kept here, beside them (so the file alone
            # was enough to match an id to its rows by trying ids). m004 removes it.
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
    (
        "m004_key_outside_the_file",
        (
            # The rows written under the old in-file key get random stand-ins (one per old
            # pseudonym, so one person's rows stay together for stats) and the key is deleted:
            # nobody can link them to an id any more, not even /lupakan.
            """CREATE TEMP TABLE rekey AS SELECT old, lower(hex(randomblob(16))) AS new FROM (
                SELECT chat AS old FROM questions UNION SELECT user_hash FROM questions
                UNION SELECT user_hash FROM feedback
            )""",
            "UPDATE questions SET chat = (SELECT new FROM rekey WHERE old = questions.chat),"
            " user_hash = (SELECT new FROM rekey WHERE old = questions.user_hash)",
            "UPDATE feedback SET user_hash = (SELECT new FROM rekey WHERE old = feedback.user_hash)",
            "DROP TABLE temp.rekey",
            # Follow-up state lasts minutes: it is dropped rather than re-keyed.
            "DELETE FROM chat_state",
            "DELETE FROM meta WHERE key = 'id_salt'",
        ),
    ),
    (
        "m005_chat_state_people",
        (
            # Everyone whose words the chat's last question carries (a follow-up in a group
            # carries the question it follows), so /lupakan can find it whoever asked last.
            "ALTER TABLE chat_state ADD COLUMN people TEXT NOT NULL DEFAULT ''",
        ),
    ),
    (
        "m006_seen_updates",
        (
            # Telegram's update ids recently handled, so a redelivered update is answered once,
            # across a restart too. Pruned to the last hour.
            """CREATE TABLE seen_updates (
                update_id INTEGER PRIMARY KEY,
                seen_at REAL NOT NULL           -- seconds since the epoch
            )""",
        ),
    ),
)



# The same steps for PostgreSQL. m004 has nothing to do there: no PostgreSQL database ever held
# the key of the pseudonyms.
_POSTGRES: dict[str, tuple[str, ...]] = {
    "m001_questions": (
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE questions (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            asked_at TEXT NOT NULL,
            chat TEXT NOT NULL,
            chat_type TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            answered INTEGER NOT NULL,
            sources TEXT NOT NULL,
            ms DOUBLE PRECISION NOT NULL
        )""",
        "CREATE INDEX questions_by_time ON questions (asked_at)",
        "CREATE INDEX questions_by_user ON questions (user_hash)",
    ),
    "m002_feedback": (
        """CREATE TABLE feedback (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            given_at TEXT NOT NULL,
            answer_key TEXT NOT NULL,
            question_id BIGINT REFERENCES questions (id) ON DELETE SET NULL,
            user_hash TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value IN (-1, 1)),
            UNIQUE (answer_key, user_hash)
        )""",
        "CREATE INDEX feedback_by_user ON feedback (user_hash)",
    ),
    "m003_chat_state": (
        """CREATE TABLE chat_state (
            chat TEXT PRIMARY KEY,
            user_hash TEXT NOT NULL,
            question TEXT NOT NULL,
            asked_at DOUBLE PRECISION NOT NULL
        )""",
        "CREATE INDEX chat_state_by_user ON chat_state (user_hash)",
    ),
    "m004_key_outside_the_file": (),
    "m005_chat_state_people": ("ALTER TABLE chat_state ADD COLUMN people TEXT NOT NULL DEFAULT ''",),
    "m006_seen_updates": (
        """CREATE TABLE seen_updates (
            update_id BIGINT PRIMARY KEY,
            seen_at DOUBLE PRECISION NOT NULL
        )""",
    ),
    "m007_answers": (
        """CREATE TABLE answers (
            key TEXT PRIMARY KEY,
            saved_at DOUBLE PRECISION NOT NULL,
            owner TEXT NOT NULL,
            question_id BIGINT,
            language TEXT NOT NULL,
            more TEXT NOT NULL,
            inline_text TEXT NOT NULL,
            more_sent INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX answers_by_time ON answers (saved_at)",
        "CREATE INDEX answers_by_owner ON answers (owner)",
    ),
    "m008_flood_events": (
        """CREATE TABLE flood_events (
            sender TEXT NOT NULL,
            budget TEXT NOT NULL,
            at DOUBLE PRECISION NOT NULL
        )""",
        "CREATE INDEX flood_events_by_sender ON flood_events (sender, budget, at)",
    ),
}

_SQLITE_M007 = (
    "m007_answers",
    (
        # What the buttons under an answer need (👍/👎 and "Lebih lengkap"), so that they work
        # after a restart and on another process: the key the buttons carry, who asked (their
        # pseudonym, for /lupakan), the question's row, the language, the next best evidence
        # as Telegram HTML (quotes from the articles, never the question), for an inline
        # result its whole text, and whether "more" was sent. Pruned after 7 days.
        """CREATE TABLE answers (
            key TEXT PRIMARY KEY,
            saved_at REAL NOT NULL,         -- seconds since the epoch
            owner TEXT NOT NULL,            -- pseudonym of who asked ('' without a key)
            question_id INTEGER,
            language TEXT NOT NULL,
            more TEXT NOT NULL,             -- '' when the answer has no "more" button
            inline_text TEXT NOT NULL,      -- an inline result's message ('' otherwise)
            more_sent INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX answers_by_time ON answers (saved_at)",
        "CREATE INDEX answers_by_owner ON answers (owner)",
    ),
)

_SQLITE_M008 = (
    "m008_flood_events",
    (
        # The updates each sender was let through lately, so that processes sharing the database
        # hold a sender to one limit between them (each process also keeps its own count).
        # Written only with ID_HASH_KEY (the sender's pseudonym); pruned after a few minutes.
        """CREATE TABLE flood_events (
            sender TEXT NOT NULL,           -- pseudonym of the sender
            budget TEXT NOT NULL,           -- question or inline
            at REAL NOT NULL                -- seconds since the epoch
        )""",
        "CREATE INDEX flood_events_by_sender ON flood_events (sender, budget, at)",
    ),
)

MIGRATIONS: tuple[Migration, ...] = tuple(
    Migration(name, statements, _POSTGRES[name])
    for name, statements in (*_SQLITE, _SQLITE_M007, _SQLITE_M008)
)
ADVISORY_LOCK = 0x6265726974  # "berit": the key of the lock held while migrating PostgreSQL


async def migrate_sqlite(
    db: aiosqlite.Connection, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[str]:
    """Apply the steps of `migrations` not yet recorded in `_migrations`; gives their names."""
    await db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    async with db.execute("SELECT name FROM _migrations") as cursor:
        done = {row[0] for row in await cursor.fetchall()}
    applied = []
    for step in migrations:
        name, statements = step.name, step.sqlite
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
            if db.in_transaction:  # SQLite may have rolled back already (a full disk does)
                await db.execute("ROLLBACK")
            raise
        if not done_meanwhile:
            applied.append(name)
    return applied


async def migrate_postgres(
    connection: asyncpg.Connection, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[str]:
    """Apply the steps of `migrations` not yet recorded in `_migrations`; gives their names.
    Holds an advisory lock meanwhile, so a second process waits here for the first."""
    await connection.execute("SELECT pg_advisory_lock($1)", ADVISORY_LOCK)
    try:
        await connection.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in await connection.fetch("SELECT name FROM _migrations")}
        applied = []
        for step in migrations:
            if step.name in done:
                continue
            async with connection.transaction():
                for statement in step.postgres:
                    await connection.execute(statement)
                await connection.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES ($1, $2)", step.name, _now_iso()
                )
            applied.append(step.name)
        return applied
    finally:
        await connection.execute("SELECT pg_advisory_unlock($1)", ADVISORY_LOCK)
