"""The index cache: reused while current and signed with our key; a file planted in the cache
folder (a pickle that would run code) is never unpickled."""

from __future__ import annotations

import pathlib
import pickle
from pathlib import Path

import pytest

from index.cache import cache_path, load_index
from index.corpus import load_corpus

BANJIR = Path(__file__).resolve().parent / "fixtures" / "corpus_banjir"
KEY = b"k" * 32


class _Planted:
    """Unpickling this creates a file: what an attacker's code would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (pathlib.Path.touch, (self.marker,))


def test_a_signed_cache_is_reused(tmp_path: Path) -> None:
    corpus = load_corpus(BANJIR)
    first = load_index(corpus, tmp_path, KEY)
    again = load_index(corpus, tmp_path, KEY)
    assert not first.loaded_from_cache and again.loaded_from_cache
    assert [s.text for s in again.sentences] == [s.text for s in first.sentences]


@pytest.mark.parametrize("signed_with", [None, b"x" * 32])
def test_a_planted_pickle_is_never_unpickled(tmp_path: Path, signed_with: bytes | None) -> None:
    import hashlib
    import hmac

    corpus = load_corpus(BANJIR)
    marker = tmp_path / "code-ran"
    body = pickle.dumps(_Planted(marker))
    path = cache_path(corpus, tmp_path / "cache")
    path.parent.mkdir()
    if signed_with is None:
        path.write_bytes(body)  # a bare pickle, as the cache used to be
    else:  # signed, but with another key than ours
        path.write_bytes(b"berita-index-1\n" + hmac.new(signed_with, body, hashlib.sha256).digest() + body)
    index = load_index(corpus, tmp_path / "cache", KEY)
    assert not marker.exists()
    assert not index.loaded_from_cache and index.sentences
    assert load_index(corpus, tmp_path / "cache", KEY).loaded_from_cache  # rebuilt and re-signed


def test_the_key_lives_outside_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index.cache import cache_key

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    key = cache_key()
    stored = tmp_path / "xdg" / "berita-bot" / "index-cache.key"
    assert stored.read_bytes() == key and len(key) == 32
    assert oct(stored.stat().st_mode & 0o777) == "0o600"
    assert cache_key() == key
