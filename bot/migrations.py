"""The storage migrations: an append-only list of named steps (simonw/llm's pattern), applied
on open and recorded in `_migrations`, so a database made by an older version upgrades itself.
Never edit or reorder a step that has shipped: add a new one.
"""

from __future__ import annotations

import datetime as dt

import aiosqlite

Migration = tuple[str, tuple[str, ...]]  # (name, SQL statements run in one transaction)


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


MIGRATIONS: tuple[Migration, ...] = (
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


async def migrate(
    db: aiosqlite.Connection, migrations: tuple[Migration, ...] = MIGRATIONS
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
            if db.in_transaction:  # SQLite may have rolled back already (a full disk does)
                await db.execute("ROLLBACK")
            raise
        if not done_meanwhile:
            applied.append(name)
    return applied
