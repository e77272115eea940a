"""The index brought up to a corpus that gained or lost articles is the index a build from
scratch gives, answer for answer; and the caches it is kept in are ours, current, or unused."""

from __future__ import annotations

import logging
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from index.answerer import Answerer
from index.build import build_index
from index.cache import cache_path, load_index, stems_path
from index.corpus import load_corpus
from index.model import Index
from index.stemmer import known_stems

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus"
QUESTIONS = [
    q["q"] for q in tomllib.loads((ROOT / "tests" / "eval" / "questions.toml").read_text())["question"]
]
KEY = b"k" * 32


def _without(corpus_dir: Path, target: Path, article_id: str) -> Path:
    """A copy of the corpus folder with one article taken out (its entry and its file)."""
    shutil.copytree(corpus_dir, target)
    meta = (target / "sources.toml").read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[\[article\]\])", meta)
    kept = [b for b in blocks if not re.search(rf'(?m)^id = "{re.escape(article_id)}"$', b)]
    assert len(kept) == len(blocks) - 1
    removed = next(b for b in blocks if b not in kept)
    (target / re.search(r'(?m)^file = "([^"]+)"', removed).group(1)).unlink()  # type: ignore[union-attr]
    (target / "sources.toml").write_text("".join(kept), encoding="utf-8")
    return target


def _assert_same(updated: Index, built: Index) -> None:
    assert updated.sentences == built.sentences
    assert updated.passages == built.passages
    assert updated.stemmer.protected == built.stemmer.protected
    assert updated.vocabulary == built.vocabulary
    assert updated.name_words == built.name_words
    assert updated.related == built.related
    terms = {t for s in built.sentences for t in s.terms} | {t for s in updated.sentences for t in s.terms}
    for term in terms:
        assert updated.bm25.idf(term) == built.bm25.idf(term), term
        assert updated.bm25.passages_of(term).tolist() == built.bm25.passages_of(term).tolist(), term
        assert updated.bm25.scores({term: 1.0}) == built.bm25.scores({term: 1.0}), term


def _assert_same_answers(updated: Index, built: Index) -> None:
    a, b = Answerer(updated), Answerer(built)
    for question in QUESTIONS:
        assert a.answer(question) == b.answer(question), question


def _updated(base_dir: Path, full_dir: Path, cache: Path, caplog: pytest.LogCaptureFixture) -> Index:
    """The index of `full_dir`, updated from that of `base_dir` (kept in `cache`)."""
    old = load_index(load_corpus(base_dir), cache, KEY)
    with caplog.at_level(logging.INFO, logger="index.build"):
        new = load_index(load_corpus(full_dir), cache, KEY, previous=old)
    assert "index updated" in caplog.text  # brought up to date, not built anew
    return new


def test_an_added_article_gives_the_index_and_answers_of_a_full_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    base = _without(
        SEED, tmp_path / "base", tomllib.loads((SEED / "sources.toml").read_text())["article"][-1]["id"]
    )
    updated = _updated(base, SEED, tmp_path / "cache", caplog)
    built = build_index(load_corpus(SEED))
    _assert_same(updated, built)
    _assert_same_answers(updated, built)


def test_a_removed_article_gives_the_index_and_answers_of_a_full_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    second = tomllib.loads((SEED / "sources.toml").read_text())["article"][1]["id"]
    smaller = _without(SEED, tmp_path / "smaller", second)
    updated = _updated(SEED, smaller, tmp_path / "cache", caplog)
    built = build_index(load_corpus(smaller))
    _assert_same(updated, built)
    _assert_same_answers(updated, built)


def test_the_updated_index_is_saved_and_loads_as_current(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = tomllib.loads((SEED / "sources.toml").read_text())["article"][0]["id"]
    base = _without(SEED, tmp_path / "base", first)  # the article comes back first, not last
    _updated(base, SEED, tmp_path / "cache", caplog)
    again = load_index(load_corpus(SEED), tmp_path / "cache", KEY)
    assert again.loaded_from_cache
    _assert_same(again, build_index(load_corpus(SEED)))


def test_the_stem_cache_is_kept_with_the_index_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus(SEED)
    load_index(corpus, tmp_path, KEY)
    assert stems_path(tmp_path).exists()
    known_stems().clear()
    cache_path(corpus, tmp_path).unlink()  # the index is built again, its stems read back
    load_index(corpus, tmp_path, KEY)
    assert known_stems().get("pertemuan") == "temu"


def test_stems_of_another_stemmer_or_other_overrides_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.stemmer
    from index.cache import load_stems

    load_index(load_corpus(SEED), tmp_path, KEY)
    written = stems_path(tmp_path)
    for change in ("overrides", "sastrawi"):
        with monkeypatch.context() as patch:
            if change == "overrides":
                edited = index.stemmer._overrides_file() + "pertemuan\tjumpa\n"
                patch.setattr(index.stemmer, "_overrides_file", lambda text=edited: text)
            else:
                patch.setattr(index.stemmer.metadata, "version", lambda name: "9.9.9")
            assert stems_path(tmp_path) != written
            known_stems().clear()
            load_stems(tmp_path, KEY)
            assert not known_stems()


@pytest.mark.parametrize("damage", ["truncated", "foreign key", "not a dictionary"])
def test_a_damaged_or_foreign_stem_cache_is_ignored(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    import hashlib
    import hmac
    import pickle

    from index.cache import load_stems

    path = stems_path(tmp_path)
    body = pickle.dumps({"pertemuan": "planted"} if damage != "not a dictionary" else ["planted"])
    signed_with = b"x" * 32 if damage == "foreign key" else KEY
    data = b"berita-index-1\n" + hmac.new(signed_with, body, hashlib.sha256).digest() + body
    path.write_bytes(data[:-5] if damage == "truncated" else data)
    known_stems().clear()
    load_stems(tmp_path, KEY)
    assert "planted" not in known_stems().values() and not known_stems()
    assert "stem cache" in caplog.text
    index = load_index(load_corpus(SEED), tmp_path, KEY)  # built, its stems saved over the bad file
    assert index.sentences and known_stems().get("pertemuan") == "temu"
    known_stems().clear()
    load_stems(tmp_path, KEY)
    assert known_stems().get("pertemuan") == "temu"


def test_updates_in_a_row_stay_equal_to_a_full_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ids = [a["id"] for a in tomllib.loads((SEED / "sources.toml").read_text())["article"]]
    base = _without(SEED, tmp_path / "base", ids[-1])
    cache = tmp_path / "cache"
    grown = _updated(base, SEED, cache, caplog)  # one added
    shrunk_dir = _without(SEED, tmp_path / "shrunk", ids[2])
    with caplog.at_level(logging.INFO, logger="index.build"):
        shrunk = load_index(load_corpus(shrunk_dir), cache, KEY, previous=grown)  # one removed
    assert caplog.text.count("index updated") == 2
    built = build_index(load_corpus(shrunk_dir))
    _assert_same(shrunk, built)
    _assert_same_answers(shrunk, built)
