"""Fixtures shared by the test modules: the real corpus, the second test corpus, answerers,
the fake Bot API, and the two storage backends (a PostgreSQL server started for the session)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import Backend
from fakebotapi import FakeBotAPI
from hypothesis import settings
from pgserver_harness import PostgresServer

from index.answerer import Answerer

# In CI the property tests run the same examples every time and without per-example time
# limits (Hypothesis' own advice): a failure there is then reproducible from the log and
# never a slow moment of the machine; new random examples are explored on developers' machines.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BANJIR = ROOT / "tests" / "fixtures" / "corpus_banjir"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The project's real corpus folder."""
    return CORPUS


@pytest.fixture(scope="session")
def answerer() -> Answerer:
    """An answerer over the real corpus, built in memory (no cache)."""
    return Answerer.load(CORPUS)


@pytest.fixture(scope="session")
def banjir_answerer() -> Answerer:
    """An answerer over the small second corpus written for the tests (another topic)."""
    return Answerer.load(BANJIR)


@pytest.fixture(scope="module")
def api():
    """A fake Bot API server on loopback, shared by the tests of one module."""
    with FakeBotAPI() as fake:
        yield fake


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL 16 server for the whole session, on loopback TCP with a password."""
    with PostgresServer() as server:
        yield server


_DATABASES = itertools.count(1)


@pytest.fixture
def database_url(postgres: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test: its DATABASE_URL."""
    name = f"test_{os.getpid()}_{next(_DATABASES)}"
    yield postgres.create_database(name)
    postgres.drop_database(name)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A fresh database of each kind in turn: every storage test runs on both backends."""
    if request.param == "postgres":
        return Backend("postgres", tmp_path / "unused.sqlite3", request.getfixturevalue("database_url"))
    return Backend("sqlite", tmp_path / "bot.sqlite3")
