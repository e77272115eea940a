"""The index's sentences kept compact give back the sentences put in, before and after the
index cache's round trip."""

from __future__ import annotations

import pickle
from pathlib import Path

from index.build import build_index
from index.corpus import load_corpus
from index.model import Sentence, Sentences

BANJIR = Path(__file__).resolve().parent / "fixtures" / "corpus_banjir"


def test_compact_sentences_are_the_sentences_put_in() -> None:
    built = list(build_index(load_corpus(BANJIR)).sentences)
    compact = Sentences(built)
    assert len(compact) == len(built) and list(compact) == built
    assert compact[-1] == built[-1] and compact[2:5] == built[2:5]
    assert all(s.resolved >= s.terms for s in compact)
    again = pickle.loads(pickle.dumps(compact))
    assert list(again) == built
    again.append(built[0])  # the stem table works again after loading
    assert again[-1] == built[0] and len(again) == len(built) + 1


def test_a_sentence_pickles_as_itself() -> None:
    s = Sentence("Kim tiba.", 0, 0, 0, False, frozenset({"kim", "tiba"}), frozenset({"kim", "tiba", "putin"}))
    assert pickle.loads(pickle.dumps(s)) == s


def test_whether_any_sentence_holds_a_kind_of_fact() -> None:
    index = build_index(load_corpus(BANJIR))
    assert isinstance(index.sentences, Sentences)
    # Read from the compact facts, the same as asking every sentence.
    for fact in ("currency", "age", "clock", "full_date", "measure"):
        assert index.holds_any(fact) == any(getattr(s.facts, fact) for s in index.sentences), fact
    assert index.holds_any("full_date") and not index.holds_any("currency")
