"""An index built on worker processes is the index built in one process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import index.parallel
from index.build import build_index
from index.corpus import load_corpus
from index.stemmer import _STEMS

BANJIR = Path(__file__).resolve().parent / "fixtures" / "corpus_banjir"


def test_workers_build_the_same_index(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = load_corpus(BANJIR)
    alone = build_index(corpus)
    monkeypatch.setattr(index.parallel, "PARALLEL_FROM", 10)  # so a small corpus uses workers
    _STEMS.clear()
    together = build_index(corpus)
    assert len(_STEMS) > 100  # every word was stemmed in bulk (on the workers)
    assert [s.facts for s in together.sentences] == [s.facts for s in alone.sentences]
    assert [s.resolved for s in together.sentences] == [s.resolved for s in alone.sentences]
    assert together.vocabulary == alone.vocabulary
    # Each worker read a share of the articles and made its sentences: the whole index is the
    # one built here, sentence for sentence, passage for passage, score for score.
    assert list(together.sentences) == list(alone.sentences)
    assert together.passages == alone.passages
    assert (together.stemmer.protected, together.name_words) == (alone.stemmer.protected, alone.name_words)
    assert together.related == alone.related
    for name, value in alone.bm25.__dict__.items():
        other = together.bm25.__dict__[name]
        assert (other.tolist() if isinstance(other, np.ndarray) else other) == (
            value.tolist() if isinstance(value, np.ndarray) else value
        ), name


def test_no_worker_processes_means_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(index.parallel, "PARALLEL_FROM", 10)
    monkeypatch.setattr(index.parallel, "ProcessPoolExecutor", refuse)
    built = build_index(load_corpus(BANJIR))
    assert built.sentences and all(s.terms for s in built.sentences if not s.headline)


def test_workers_are_forked_only_while_no_other_thread_runs() -> None:
    import threading

    # A build from the command line forks its workers (nothing to import again); a running
    # bot, whose threads a fork would copy mid-step, spawns them.
    assert index.parallel._start_method() == ("fork" if threading.active_count() == 1 else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert index.parallel._start_method() == "spawn"
    finally:
        stop.set()
        other.join()
