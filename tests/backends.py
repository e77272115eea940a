"""The two storage backends, as the tests use them: a fresh database of either kind, stores on
it, its rows read directly (sqlite3, or asyncpg), and the settings a bot process needs for it."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg

from bot.migrations import MIGRATIONS, Migration
from bot.storage import Database, Store
from bot.storage_postgres import PostgresDatabase
from bot.storage_sqlite import SqliteDatabase

KEY = "0123456789abcdef0123456789abcdef"  # ID_HASH_KEY as the tests set it


def _postgres_sql(sql: str, params: tuple) -> str:
    """`?` placeholders as PostgreSQL's $1, $2, ... (a statement without parameters is kept)."""
    if not params:
        return sql
    numbers = iter(range(1, 1000))
    return re.sub(r"\?", lambda _: f"${next(numbers)}", sql)


@dataclass
class Backend:
    """One fresh database: an SQLite file in a temporary folder, or a PostgreSQL database."""

    kind: str  # "sqlite" or "postgres"
    path: Path  # the SQLite file (unused by PostgreSQL, but a folder for anything else)
    url: str = ""

    def __str__(self) -> str:
        return self.kind

    def database(self, migrations: tuple[Migration, ...] = MIGRATIONS) -> Database:
        if self.kind == "postgres":
            return PostgresDatabase(self.url, migrations)
        return SqliteDatabase(self.path, migrations)

    def store(self, **kwargs: Any) -> Store:
        """A Store on this database (not opened)."""
        return Store(self.database(), **kwargs)

    @property
    def env(self) -> dict[str, str]:
        """What a bot process is given to use this database."""
        if self.kind == "postgres":
            return {"DATABASE_URL": self.url}
        return {"DATABASE_PATH": str(self.path)}

    async def execute(self, sql: str, *params: Any) -> None:
        """Run one statement directly, outside the Store."""
        if self.kind == "postgres":
            connection = await asyncpg.connect(self.url)
            try:
                await connection.execute(_postgres_sql(sql, params), *params)
            finally:
                await connection.close()
        else:
            with sqlite3.connect(self.path) as db:
                db.execute(sql, params)

    async def fetch(self, sql: str, *params: Any) -> list[tuple]:
        """The rows of one query, as tuples, read directly."""
        if self.kind == "postgres":
            connection = await asyncpg.connect(self.url)
            try:
                return [tuple(row) for row in await connection.fetch(_postgres_sql(sql, params), *params)]
            finally:
                await connection.close()
        with sqlite3.connect(self.path) as db:
            return db.execute(sql, params).fetchall()

    def rows(self, sql: str, *params: Any) -> list[tuple]:
        """`fetch` for a test that is not async (run in a thread of its own)."""
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, self.fetch(sql, *params)).result()

    async def tables(self) -> set[str]:
        if self.kind == "postgres":
            found = await self.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        else:
            found = await self.fetch("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in found}

    def table_names(self) -> set[str]:
        """`tables` for a test that is not async."""
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, self.tables()).result()
