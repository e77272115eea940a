"""`python -m bot stats`: what people asked the bot, for its owner."""

from __future__ import annotations

import asyncio
import sys

from bot.settings import Settings
from bot.storage import Stats, StorageError, Store


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
    async with Store(settings.database_path) as store:
        return await store.stats()


def print_stats(settings: Settings) -> int:
    """Print the report for DATABASE_PATH; gives the exit code (2 if the file is unusable)."""
    path = settings.database_path
    if not path.exists():
        print(f"No database at {path} yet: the bot has not recorded anything.")
        return 0
    try:
        stats = asyncio.run(_collect(settings))
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_stats(stats))
    return 0
