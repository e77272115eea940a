"""Many writers on one database at once, on both backends: nobody sees a lock or a refused
connection, no row is lost."""

from __future__ import annotations

import asyncio
import logging

import pytest
from backends import KEY, Backend

WRITERS = 50
EACH = 10  # questions per writer, each with its chat state and a vote


async def writer(backend: Backend, number: int) -> None:
    """One bot process's worth of writing: its own Store, so its own connections."""
    async with backend.store(id_key=KEY) as store:
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


@pytest.mark.parametrize("start", ["new database", "existing database"])
async def test_50_concurrent_writers_see_no_lock_and_lose_no_row(backend: Backend, caplog, start):
    if start == "existing database":
        async with backend.store():
            pass
    with caplog.at_level(logging.WARNING, logger="bot.storage"):
        results = await asyncio.gather(
            *(writer(backend, number) for number in range(WRITERS)), return_exceptions=True
        )
    failures = [repr(r) for r in results if isinstance(r, BaseException)]
    assert failures == [] and caplog.text == "", (failures[:3], caplog.text[:2000])
    for table in ("questions", "feedback", "chat_state"):
        assert await backend.fetch(f"SELECT COUNT(*) FROM {table}") == [(WRITERS * EACH,)], table
    users = await backend.fetch("SELECT COUNT(DISTINCT user_hash) FROM questions")
    assert users == [(WRITERS * EACH,)]  # every writer used the one key: one pseudonym each
    if backend.kind == "sqlite":
        assert await backend.fetch("PRAGMA integrity_check") == [("ok",)]
