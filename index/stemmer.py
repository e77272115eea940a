"""The one owner of Sastrawi: Indonesian stems (built once, memoised, sparing proper names)
and the stopword list."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

from index.parallel import Workers
from index.text import cased_words

# Question words and negations are never stopwords: they tell a "kapan" question from a
# "di mana" one and "ada" from "tidak ada". Sastrawi's list also holds words that carry the
# facts of news reports (tiba, naik, kerja, pertama, hari, luar as in "luar negeri"...):
# they stay searchable.
_KEEP = frozenset(
    """
    apa apakah siapa siapakah kapan kapankah mana mengapa kenapa bagaimana bagaimanakah berapa
    berapakah tidak tak bukan belum tanpa jangan tidakkah tiba naik menaiki ikut turut kerja
    bekerja pertama datang jumlah berjumlah hari bulan tempat menuju masalah kasus awal akhir
    orang satu dua tiga empat lima keluar masuk kembali sampai panjang besar kecil baru lama
    dekat jauh luar penting ibu bapak mata pihak menggunakan gunakan usai seusai setelah sebelum
    sejak
    """.split()
)


@cache
def stopwords() -> frozenset[str]:
    """Sastrawi's Indonesian stopwords, less question words, negations and news content words."""
    return frozenset(StopWordRemoverFactory().get_stop_words()) - _KEEP


@cache
def _overrides() -> dict[str, str]:
    table: dict[str, str] = {}
    data = resources.files("index").joinpath("data/stem_overrides.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            word, stem = line.split("\t")
            table[word.strip()] = stem.strip()
    return table


@cache
def _sastrawi():  # type: ignore[no-untyped-def]
    # Building the stemmer reads a 30,000-word dictionary: do it once, on first use.
    return StemmerFactory().create_stemmer()


log = logging.getLogger(__name__)

# Stems found in bulk by `stem_many` (worker processes on a large corpus).
_STEMS: dict[str, str] = {}


@lru_cache(maxsize=300_000)
def sastrawi_stem(word: str) -> str:
    """Sastrawi's stem of one lowercase word, after the project's overrides."""
    override = _overrides().get(word)
    if override is not None:
        return override
    if not word.isalpha():
        return word
    known = _STEMS.get(word)
    if known is not None:
        return known
    return _sastrawi().stem(word) or word


def _stem_chunk(words: list[str]) -> list[str]:
    stemmer = _sastrawi()
    return [stemmer.stem(w) or w for w in words]


def stem_many(words: Iterable[str], pool: Workers) -> None:
    """Stem a large vocabulary ahead of use on the pool's worker processes.

    Sastrawi is pure Python and stems one word in about 0.2 ms: at a thousand times the
    shipped corpus (75,000 distinct words) that is most of an index build.
    """
    overrides = _overrides()
    todo = sorted({w for w in words if w.isalpha() and w not in overrides and w not in _STEMS})
    stems = pool.map(_stem_chunk, todo)
    if stems is not None:
        _STEMS.update(zip(todo, stems, strict=True))


class Stemmer:
    """Stems words, leaving alone the proper names a corpus taught it ("Khasan" is not "khas")."""

    def __init__(self, protected: Iterable[str] = ()) -> None:
        self.protected = frozenset(protected)

    def stem(self, word: str) -> str:
        """The stem of one lowercase word; a protected name comes back unchanged."""
        if word in self.protected:
            return word
        return sastrawi_stem(word)

    def terms(self, words: Iterable[str]) -> list[str]:
        """The search terms of a word list: stopwords dropped, the rest stemmed, order kept."""
        stop = stopwords()
        return [self.stem(w) for w in words if w not in stop]


def find_names(sentences: Iterable[str]) -> frozenset[str]:
    """Words written capitalised mid-sentence and never in lowercase, that Sastrawi would change.

    A capital letter at the start of a sentence says nothing, so the first word is skipped;
    a word also seen in lowercase is an ordinary word ("Pertemuan" in a title is "pertemuan").
    """
    capitalised: Counter[str] = Counter()
    lowercase: set[str] = set()
    for sentence in sentences:
        for position, word in enumerate(cased_words(sentence)):
            lower = word.lower()
            if word[0].isupper():
                if position > 0:
                    capitalised[lower] += 1
            else:
                lowercase.add(lower)
    return frozenset(
        word
        for word in capitalised
        if word not in lowercase and len(word) > 2 and sastrawi_stem(word) != word
    )


def _capitalised(sentence: str) -> Iterator[tuple[int, str, bool]]:
    """(position, lowercase word, capitalised?) with a hyphenated name's tail ("Jong-un")
    taking the capital of its head."""
    for position, chunk in enumerate(sentence.split()):
        parts = cased_words(chunk)
        if not parts:
            continue
        head_upper = parts[0][0].isupper()
        for part in parts:
            yield position, part.lower(), head_upper or part[0].isupper()


def name_words(sentences: Iterable[str]) -> frozenset[str]:
    """Lowercase words written capitalised in at least 4 of 5 of their mid-sentence uses."""
    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sentence in sentences:
        for position, lower, is_upper in _capitalised(sentence):
            if position == 0:
                continue
            total[lower] += 1
            if is_upper:
                upper[lower] += 1
    return frozenset(w for w, n in upper.items() if n >= 0.8 * total[w] and len(w) > 1)
