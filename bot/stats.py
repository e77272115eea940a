"""`python -m bot stats`: what people asked the bot, for its owner; and `python -m bot
migrate-store`, which moves that record from an SQLite file into PostgreSQL."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.settings import Settings, SettingsError, check_database_url
from bot.storage import Stats, StorageError, make_store


def format_stats(stats: Stats) -> str:
    """The report: questions per day, share declined, feedback, most often declined."""
    if stats.questions == 0 and not (stats.thumbs_up or stats.thumbs_down):
        return "No questions recorded yet."
    share = stats.declined / stats.questions if stats.questions else 0.0
    lines = ["Questions per day (UTC):"]
    lines += [f"  {day.day}  {day.questions:5d} asked  {day.declined:5d} declined" for day in stats.days]
    lines += [
        "",
        f"Total: {stats.questions} question{'' if stats.questions == 1 else 's'},"
        f" {stats.declined} declined ({share:.0%}),"
        f" {stats.average_ms:.0f} ms on average",
        f"Feedback: {stats.thumbs_up} 👍, {stats.thumbs_down} 👎",
    ]
    if stats.most_declined:
        lines += ["", "Most often declined (what the articles do not answer):"]
        lines += [f"  {count:4d}× {question}" for question, count in stats.most_declined]
    return "\n".join(lines)


async def _collect(settings: Settings) -> Stats:
    async with make_store(settings) as store:
        return await store.stats()


def print_stats(settings: Settings) -> int:
    """Print the report from DATABASE_URL's PostgreSQL, else the SQLite file at DATABASE_PATH;
    gives the exit code (2 if the database is unusable)."""
    path = settings.database_path
    if settings.database_url is None and not path.exists():
        print(f"No database at {path} yet: the bot has not recorded anything.")
        return 0
    try:
        stats = asyncio.run(_collect(settings))
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_stats(stats))
    return 0


def copy_store(source: Path, url: str) -> int:
    """Copy the SQLite file `source` into the empty PostgreSQL database at `url` and say what was
    copied; gives the exit code (2 when either cannot be used, and then nothing is copied)."""
    from bot.storage_postgres import copy_from_sqlite, redacted

    try:
        check_database_url(url, "--to")
        copied = asyncio.run(copy_from_sqlite(source, url))
    except (StorageError, SettingsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in copied.items())
    print(f"Copied {source} to {redacted(url)}: {counts}.")
    print("Set DATABASE_URL to it and restart the bot; the SQLite file is left as it was.")
    return 0
