"""The one owner of Sastrawi: Indonesian stems (built once, memoised, sparing proper names)
and the stopword list."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from importlib import metadata, resources

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

from index.parallel import Workers
from index.text import _TOKEN, cased_words

# Question words and negations are never stopwords: they tell a "kapan" question from a
# "di mana" one and "ada" from "tidak ada". Sastrawi's list also holds words that carry the
# facts of news reports (tiba, naik, kerja, pertama, hari, luar as in "luar negeri"...):
# they stay searchable; so does the ordinal "kedua" ("kotak hitam kedua": the second box).
_KEEP = frozenset(
    """
    apa apakah siapa siapakah kapan kapankah mana mengapa kenapa bagaimana bagaimanakah berapa
    berapakah tidak tak bukan belum tanpa jangan tidakkah tiba naik menaiki ikut turut kerja
    bekerja pertama datang jumlah berjumlah hari bulan tempat menuju masalah kasus awal akhir
    orang satu dua tiga empat lima keluar masuk kembali sampai panjang besar kecil baru lama
    dekat jauh luar penting ibu bapak mata pihak menggunakan gunakan usai seusai setelah sebelum
    sejak mulai dimulai memulai berakhir mengakhiri diakhiri kedua
    minta meminta diminta memberi memberikan diberi diberikan mendapat mendapatkan didapat
    didapatkan membuat dibuat digunakan
    """.split()
)


@cache
def stopwords() -> frozenset[str]:
    """Sastrawi's Indonesian stopwords, less question words, negations and news content words."""
    return frozenset(StopWordRemoverFactory().get_stop_words()) - _KEEP


def _overrides_file() -> str:
    return resources.files("index").joinpath("data/stem_overrides.tsv").read_text(encoding="utf-8")


@cache
def _overrides() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _overrides_file().splitlines():
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


def stems_version() -> str:
    """What the stems depend on: Sastrawi's version and the overrides file. A stem cache
    (index/cache.py) made under another is not used."""
    digest = hashlib.sha256(f"stems-1 PySastrawi={metadata.version('PySastrawi')}".encode())
    digest.update(_overrides_file().encode())
    return digest.hexdigest()[:16]


def known_stems() -> dict[str, str]:
    """The Sastrawi stems found so far in bulk (what a stem cache keeps)."""
    return _STEMS


def remember_stems(stems: dict[str, str]) -> None:
    """Take stems found earlier (a stem cache of the same `stems_version`)."""
    _STEMS.update(stems)


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
    if stems is None:
        stems = _stem_chunk(todo)
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


# Marks that are never part of a word nor join two (an apostrophe may: "Jum'at").
_AROUND_WORDS = '.,;:!?"()[]'


def _gather_ascii(
    sentence: str, capitalised: list[str], lowercase: list[str], upper: list[str], total: list[str]
) -> None:
    """What `NameCounts.of` counts for one ASCII sentence, in one pass: there its cased words
    are its whitespace-separated chunks' (a token never spans a space), and no clean-up applies.
    Capitalised: mid-sentence capitalised words; lowercase: the others; total: the words of
    every chunk but the first; upper: those of them capitalised, or in a chunk whose first
    word is ("Jong-un" counts "un")."""
    chunks = sentence.split()
    first_part = True  # no word of the sentence seen yet
    for chunk_number, chunk in enumerate(chunks):
        # One plain word, maybe with punctuation around it ("lalu.", "(Kim,"), as most are.
        word = chunk if chunk.isalpha() else chunk.strip(_AROUND_WORDS)
        if word.isalpha():
            lower = word.lower()
            if word[0].isupper():
                if not first_part:
                    capitalised.append(lower)
                if chunk_number:
                    upper.append(lower)
            else:
                lowercase.append(lower)
            if chunk_number:
                total.append(lower)
            first_part = False
            continue
        parts = [t for t in _TOKEN.findall(chunk) if not t[0].isdigit()]
        if not parts:
            continue
        head_upper = parts[0][0].isupper()
        for part in parts:
            lower = part.lower()
            is_upper = part[0].isupper()
            if is_upper:
                if not first_part:
                    capitalised.append(lower)
            else:
                lowercase.append(lower)
            first_part = False
            if chunk_number:
                total.append(lower)
                if head_upper or is_upper:
                    upper.append(lower)


class NameCounts:
    """How the articles write each word: the counts `find_names` and `name_words` decide by,
    kept so that adding or removing an article changes them without reading the rest again."""

    __slots__ = ("capitalised", "lowercase", "total", "upper")

    def __init__(self) -> None:
        self.capitalised: Counter[str] = Counter()  # mid-sentence capitalised uses (cased words)
        self.lowercase: Counter[str] = Counter()  # lowercase uses (cased words)
        self.upper: Counter[str] = Counter()  # mid-sentence capitalised uses (a name's tail too)
        self.total: Counter[str] = Counter()  # mid-sentence uses

    @classmethod
    def of(cls, sentences: Iterable[str]) -> NameCounts:
        """The counts of these sentences."""
        counts = cls()
        # The words of every sentence are gathered in lists and counted at the end, in one
        # C-level pass per counter: an increment per word in Python was most of the cost.
        capitalised: list[str] = []
        lowercase: list[str] = []
        upper: list[str] = []
        total: list[str] = []
        for sentence in sentences:
            if sentence.isascii():
                _gather_ascii(sentence, capitalised, lowercase, upper, total)
                continue
            for position, word in enumerate(cased_words(sentence)):
                lower = word.lower()
                if word[0].isupper():
                    if position > 0:
                        capitalised.append(lower)
                else:
                    lowercase.append(lower)
            for position, lower, is_upper in _capitalised(sentence):
                if position == 0:
                    continue
                total.append(lower)
                if is_upper:
                    upper.append(lower)
        counts.capitalised.update(capitalised)
        counts.lowercase.update(lowercase)
        counts.upper.update(upper)
        counts.total.update(total)
        return counts

    def add(self, other: NameCounts) -> None:
        """Count another article's sentences in."""
        self.capitalised.update(other.capitalised)
        self.lowercase.update(other.lowercase)
        self.upper.update(other.upper)
        self.total.update(other.total)

    def subtract(self, other: NameCounts) -> None:
        """Count an article's sentences out (words no longer used drop out)."""
        self.capitalised -= other.capitalised
        self.lowercase -= other.lowercase
        self.upper -= other.upper
        self.total -= other.total

    def words(self) -> set[str]:
        """Every word counted."""
        return {*self.capitalised, *self.lowercase, *self.upper, *self.total}

    def _is_protected(self, word: str) -> bool:
        return (
            word in self.capitalised
            and word not in self.lowercase
            and len(word) > 2
            and sastrawi_stem(word) != word
        )

    def _is_name(self, word: str) -> bool:
        return word in self.upper and self.upper[word] >= 0.8 * self.total[word] and len(word) > 1

    def protected(self, before: frozenset[str] | None = None, changed: Iterable[str] = ()) -> frozenset[str]:
        """What `find_names` gives for the sentences counted; or, given what it gave `before`
        the counts of the words `changed` changed, the same worked out for those words only."""
        if before is None:
            return frozenset(w for w in self.capitalised if self._is_protected(w))
        return _redecided(before, changed, self._is_protected)

    def names(self, before: frozenset[str] | None = None, changed: Iterable[str] = ()) -> frozenset[str]:
        """What `name_words` gives for the sentences counted (`before` and `changed` as in
        `protected`)."""
        if before is None:
            return frozenset(w for w in self.upper if self._is_name(w))
        return _redecided(before, changed, self._is_name)


def _redecided(
    before: frozenset[str], changed: Iterable[str], holds: Callable[[str], bool]
) -> frozenset[str]:
    kept = set(before)
    for word in changed:
        if holds(word):
            kept.add(word)
        else:
            kept.discard(word)
    return frozenset(kept)


def find_names(sentences: Iterable[str]) -> frozenset[str]:
    """Words written capitalised mid-sentence and never in lowercase, that Sastrawi would change.

    A capital letter at the start of a sentence says nothing, so the first word is skipped;
    a word also seen in lowercase is an ordinary word ("Pertemuan" in a title is "pertemuan").
    """
    return NameCounts.of(sentences).protected()


def _cased_words(text: str) -> list[str]:
    """`cased_words`, quicker where its Unicode clean-up has nothing to do (ASCII text)."""
    if text.isascii():
        return [t for t in _TOKEN.findall(text) if not t[0].isdigit()]
    return cased_words(text)


def _capitalised(sentence: str) -> Iterator[tuple[int, str, bool]]:
    """(position, lowercase word, capitalised?) with a hyphenated name's tail ("Jong-un")
    taking the capital of its head."""
    for position, chunk in enumerate(sentence.split()):
        if chunk.isalpha() and chunk.isascii():  # one plain word, as most are
            yield position, chunk.lower(), chunk[0].isupper()
            continue
        parts = _cased_words(chunk)
        if not parts:
            continue
        head_upper = parts[0][0].isupper()
        for part in parts:
            yield position, part.lower(), head_upper or part[0].isupper()


def name_words(sentences: Iterable[str]) -> frozenset[str]:
    """Lowercase words written capitalised in at least 4 of 5 of their mid-sentence uses."""
    return NameCounts.of(sentences).names()
