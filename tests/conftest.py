"""Fixtures shared by the test modules: the real corpus, the second test corpus, answerers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI
from hypothesis import settings

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
