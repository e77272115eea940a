"""Many writers on one real SQLite file at once: nobody sees "database is locked", no row is lost."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import pytest

from bot.storage import Store

KEY = "0123456789abcdef0123456789abcdef"
WRITERS = 50
EACH = 10  # questions per writer, each with its chat state and a vote


async def writer(path: Path, number: int) -> None:
    """One bot process's worth of writing: its own Store, so its own connection and thread."""
    async with Store(path, id_key=KEY) as store:
        for n in range(EACH):
            user = number * 1000 + n
            question_id = await store.log_question(
                chat_id=user,
                chat_type="private",
                user_id=user,
                text=f"pertanyaan {number}/{n}",
                kind="answer",
                answered=True,
                sources=("dw",),
                ms=1.0,
            )
            assert question_id is not None, f"writer {number} lost question {n}"
            await store.remember(chat_id=user, user_id=user, question="q", at=1.0)
            assert await store.record_feedback(
                answer_key=f"k{number}-{n}", question_id=question_id, user_id=user, value=1
            ), f"writer {number} lost a vote"


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("start", ["new file", "existing file"])
async def test_50_concurrent_writers_see_no_lock_and_lose_no_row(tmp_path, caplog, start):
    path = tmp_path / "bot.sqlite3"
    if start == "existing file":
        async with Store(path):
            pass
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        results = await asyncio.gather(
            *(writer(path, number) for number in range(WRITERS)), return_exceptions=True
        )
    failures = [repr(r) for r in results if isinstance(r, BaseException)]
    assert failures == [] and caplog.text == "", (failures[:3], caplog.text[:2000])
    assert "locked" not in caplog.text
    for table in ("questions", "feedback", "chat_state"):
        assert count(path, table) == WRITERS * EACH, table
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        users = db.execute("SELECT COUNT(DISTINCT user_hash) FROM questions").fetchone()
        assert users == (WRITERS * EACH,)  # every writer used the one key: one pseudonym each
