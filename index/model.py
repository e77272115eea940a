"""What the index holds: sentences with their facts, passages, and the index itself.

Plain data, shared by the stages (retrieval, ranking, composing) and built by index/build.py.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import overload

import numpy as np

from index.bm25 import PassageIndex
from index.corpus import Corpus
from index.evidence import Facts
from index.stemmer import Stemmer

# Terms no word stems to, held by a sentence that gives a sum of money or an age: a
# question's money or age word counts as found there (index/query.py).
MONEY_MARK, AGE_MARK, PEOPLE_MARK, TAKEN_MARK = "#money", "#age", "#people", "#taken"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence exactly as printed, where it stands, and its search terms."""

    text: str
    article: int  # position in corpus.articles
    paragraph: int  # position among the article's kept paragraphs
    passage: int  # position in Index.passages
    headline: bool
    terms: frozenset[str]  # stems of its content words
    # `terms` plus the names a pronoun in it stands for: "Dia dan Putin kemudian bertemu"
    # after "Kim tiba di ..." is about Kim too.
    resolved: frozenset[str] = frozenset()
    facts: Facts = field(default_factory=Facts)  # dates, figures, places... found at build time
    predicates: frozenset[str] = frozenset()  # stems of its verbs: what happens in it
    # "Dia dan Putin ...", "Hal itu ...": its subject points back; it means little without the
    # sentence before, and is quoted with it.
    leans_on_before: bool = False

    def __reduce__(self) -> tuple[type[Sentence], tuple[object, ...]]:
        # Made anew by its constructor when unpickled: much quicker than a dataclass's
        # field-by-field state.
        return (Sentence, tuple(getattr(self, name) for name in _SENTENCE_FIELDS))


_SENTENCE_FIELDS = tuple(f.name for f in fields(Sentence))
# The fields Sentences keeps compact; any other a Sentence gains is kept as it is.
_COMPACT = ("text", "article", "paragraph", "passage", "headline", "terms", "resolved", "leans_on_before")
_OTHER = tuple(name for name in _SENTENCE_FIELDS if name not in _COMPACT)


_KEEP_MADE = 4096  # sentences kept made (each about 3 kB)


class Sentences(Sequence[Sentence]):
    """The index's sentences, kept compact (texts, numbers in arrays, terms as numbers into one
    table of stems): a `Sentence` is made when one is asked for. Answering reads the few
    sentences of the passages it ranks, and 78,000 Sentence objects with their term sets
    would take most of the memory of a 1,000-times corpus's index."""

    def __init__(self, sentences: Iterable[Sentence] = ()) -> None:
        self._texts: list[str] = []
        self._numbers = array("i")  # article, paragraph, passage of each sentence
        self._flags = bytearray()  # 1: a headline, 2: leans on the sentence before
        self._other: dict[str, list[object]] = {name: [] for name in _OTHER}  # facts, predicates...
        self._stems: list[str] = []  # the table of stems terms point into
        self._stem_ids: dict[str, int] = {}
        self._terms = array("i")  # stem numbers of each sentence's terms, then of the added resolved ones
        self._starts = array("i", [0])  # where each sentence's terms begin (and the last ends)
        self._own = array("i")  # how many of a sentence's terms are `terms` (the rest: resolved only)
        # The sentences made lately: a question reads the same ones again and again.
        self._made: dict[int, Sentence] = {}
        for sentence in sentences:
            self.append(sentence)

    def append(self, s: Sentence) -> None:
        """Add a sentence at the end."""
        if _OTHER != ("facts", "predicates"):
            raise TypeError(f"Sentences.append knows the fields facts and predicates, not {_OTHER}")
        self.add(*(getattr(s, name) for name in _SENTENCE_FIELDS))

    def add(
        self,
        text: str,
        article: int,
        paragraph: int,
        passage: int,
        headline: bool,
        terms: frozenset[str],
        resolved: frozenset[str],
        facts: Facts,
        predicates: frozenset[str],
        leans_on_before: bool,
    ) -> None:
        """Add a sentence given by its fields, in `Sentence`'s order, without making one (the
        index build adds 54,000 at 1,000 times the corpus)."""
        self._texts.append(text)
        self._numbers.extend((article, paragraph, passage))
        self._flags.append(headline | (leans_on_before << 1))
        self._other["facts"].append(facts)
        self._other["predicates"].append(predicates)
        ids = self._stem_ids
        if len(ids) < len(self._stems):  # after loading: made on first use
            ids.update((stem, number) for number, stem in enumerate(self._stems))
        stems = (*terms, *(resolved - terms)) if resolved is not terms else terms
        try:  # every stem numbered already, as for most sentences
            self._terms.extend([ids[stem] for stem in stems])
        except KeyError:
            for stem in stems:
                number = ids.get(stem)
                if number is None:
                    number = ids[stem] = len(self._stems)
                    self._stems.append(stem)
                self._terms.append(number)
        self._own.append(len(terms))
        self._starts.append(len(self._terms))

    def take(self, other: Sentences, shared: dict[object, object]) -> np.ndarray:
        """Add all of `other`'s sentences at the end, their numbers (article, passage...) as
        they are and their stems numbered as this list numbers them; equal facts and verb sets
        become the one `shared` keeps. Returns this list's number of each of `other`'s stems.
        (How the sentences a worker process made join the index: a few arrays, not a Python
        call per sentence.)"""
        ids = self._stem_ids
        if len(ids) < len(self._stems):
            ids.update((stem, number) for number, stem in enumerate(self._stems))
        mapping = np.empty(len(other._stems), dtype=np.int32)
        for number, stem in enumerate(other._stems):
            mine = ids.get(stem)
            if mine is None:
                mine = ids[stem] = len(self._stems)
                self._stems.append(stem)
            mapping[number] = mine
        self._texts += other._texts
        self._numbers += other._numbers
        self._flags += other._flags
        for name, values in self._other.items():
            values += [shared.setdefault(value, value) for value in other._other[name]]
        terms = mapping[np.frombuffer(other._terms, dtype=np.int32)]
        starts = np.frombuffer(other._starts, dtype=np.int32)[1:] + self._starts[-1]
        self._terms.frombytes(terms.astype(np.int32).tobytes())
        self._starts.frombytes(starts.astype(np.int32).tobytes())
        self._own += other._own
        return mapping

    def stem_numbers(self, stems: Iterable[str]) -> list[int]:
        """This list's numbers of stems its sentences hold."""
        ids = self._stem_ids
        if len(ids) < len(self._stems):
            ids.update((stem, number) for number, stem in enumerate(self._stems))
        return list(map(ids.__getitem__, stems))

    def stems(self) -> list[str]:
        """The table of stems, by number."""
        return self._stems

    def facts(self) -> list[Facts]:
        """Every sentence's facts, in order, without making the sentences (to ask whether any
        sentence of a large corpus holds a kind of fact)."""
        return self._other["facts"]  # type: ignore[return-value]

    @classmethod
    def like(cls, other: Sentences) -> Sentences:
        """An empty list sharing `other`'s numbering of stems (so `extend_from` copies its terms)."""
        new = cls()
        new._stems = list(other._stems)
        new._stem_ids = {stem: number for number, stem in enumerate(new._stems)}
        return new

    def extend_from(self, other: Sentences, start: int, end: int, article: int, passage_shift: int) -> None:
        """Add `other`'s sentences start to end, as article number `article`, their passage numbers
        moved by `passage_shift` (`other` made this list with `like`, or is one it was made like)."""
        if len(self._stems) < len(other._stems):
            raise ValueError("the sentences number their stems otherwise")
        self._texts += other._texts[start:end]
        numbers = np.frombuffer(other._numbers, dtype=np.int32)[3 * start : 3 * end].reshape(-1, 3).copy()
        numbers[:, 0] = article
        numbers[:, 2] += passage_shift
        self._numbers.frombytes(numbers.tobytes())
        self._flags += other._flags[start:end]
        for name, values in self._other.items():
            values += other._other[name][start:end]
        first, last = other._starts[start], other._starts[end]
        self._terms += other._terms[first:last]
        starts = np.frombuffer(other._starts, dtype=np.int32)[start + 1 : end + 1]
        self._starts.frombytes((starts + (self._starts[-1] - first)).astype(np.int32).tobytes())
        self._own += other._own[start:end]

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, number: int) -> Sentence: ...

    @overload
    def __getitem__(self, number: slice) -> list[Sentence]: ...

    def __getitem__(self, number: int | slice) -> Sentence | list[Sentence]:
        if isinstance(number, slice):
            return [self[i] for i in range(*number.indices(len(self)))]
        if number < 0:
            number += len(self._texts)
        made = self._made.get(number)
        if made is not None:
            return made
        made = self._make(number)
        if len(self._made) >= _KEEP_MADE:
            self._made.clear()
        self._made[number] = made
        return made

    def _make(self, number: int) -> Sentence:
        text = self._texts[number]  # IndexError past the end, as a list's
        start, end, own = self._starts[number], self._starts[number + 1], self._own[number]
        stems = self._stems
        terms = frozenset([stems[i] for i in self._terms[start : start + own]])
        resolved = terms | {stems[i] for i in self._terms[start + own : end]} if end > start + own else terms
        flags = self._flags[number]
        return Sentence(
            text=text,
            article=self._numbers[3 * number],
            paragraph=self._numbers[3 * number + 1],
            passage=self._numbers[3 * number + 2],
            headline=bool(flags & 1),
            terms=terms,
            resolved=resolved,
            leans_on_before=bool(flags & 2),
            **{name: values[number] for name, values in self._other.items()},  # type: ignore[arg-type]
        )

    def __iter__(self) -> Iterator[Sentence]:
        return (self[i] for i in range(len(self._texts)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, object]:
        # The stem table's dictionary is made again when needed, not stored.
        return {k: getattr(self, k) for k in self.__dict__ if k not in ("_stem_ids", "_made")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._stem_ids = {}  # made when a sentence is appended: answering never does
        self._made = {}


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph: the unit BM25 ranks."""

    article: int
    paragraph: int
    sentences: tuple[int, ...]  # positions in Index.sentences

    def __reduce__(self) -> tuple[type[Passage], tuple[int, int, tuple[int, ...]]]:
        return (Passage, (self.article, self.paragraph, self.sentences))


@dataclass
class Index:
    """Everything retrieval needs, built from one corpus."""

    corpus: Corpus
    sentences: Sequence[Sentence]  # a list, or the compact Sentences a built index keeps
    passages: list[Passage]
    bm25: PassageIndex
    stemmer: Stemmer
    vocabulary: frozenset[str]  # every lowercase word of the cleaned articles
    name_words: frozenset[str]  # words the articles write capitalised mid-sentence, nearly always
    # Stems of words of like meaning, from the synonym data: verbs that name one happening in
    # other words. Worked out at build time (stemming them costs a start-up 0.3 s).
    related: dict[str, frozenset[str]] = field(default_factory=dict)
    build_seconds: float = 0.0
    loaded_from_cache: bool = field(default=False, compare=False)
    _spans: dict[int, range] | None = field(default=None, compare=False, repr=False)

    def told_by_most(self, stem: str) -> bool:
        """True when more than half of the articles use the stem: a word of the story itself
        ("gempa" in an earthquake's articles), counted over all its passages."""
        passages = self.passages
        articles = {passages[p].article for p in self.bm25.passages_of(stem).tolist()}
        return len(articles) * 2 > len(self.corpus.articles)

    def holds_any(self, fact: str | Callable[[Facts], bool]) -> bool:
        """True when some sentence holds this kind of fact ("currency", "age", or a test of
        its facts): read from the facts the compact sentences keep, each distinct one once,
        without making sentences (at 1,000 times the seed that took 1.3 s)."""
        sentences = self.sentences
        facts = sentences.facts() if isinstance(sentences, Sentences) else [s.facts for s in sentences]
        test = fact if callable(fact) else lambda f: bool(getattr(f, fact))
        return any(test(f) for f in {id(f): f for f in facts}.values())

    def article_sentences(self, article: int) -> range:
        """The positions in `sentences` of one article's sentences (they stand together)."""
        spans = self._spans
        if spans is None:
            # From the paragraphs, which know their article and sentences: reading every
            # sentence would make each one (they are stored compactly).
            found: dict[int, list[int]] = {}
            for passage in self.passages:
                if passage.sentences:
                    span = found.setdefault(passage.article, [passage.sentences[0], passage.sentences[-1]])
                    span[0] = min(span[0], passage.sentences[0])
                    span[1] = max(span[1], passage.sentences[-1])
            spans = self._spans = {a: range(lo, hi + 1) for a, (lo, hi) in found.items()}
        return spans.get(article, range(0))

    def __getstate__(self) -> dict[str, object]:
        # The corpus is not pickled with the index: whoever loads an index has just read the
        # corpus (index/cache.py puts it back), and its texts would be held twice meanwhile.
        state = dict(self.__dict__)
        state["corpus"] = None
        return state

    def stats(self) -> dict[str, object]:
        """Counts for people: articles, passages, sentences, vocabulary, protected names."""
        return {
            "articles": len(self.corpus.articles),
            "passages": len(self.passages),
            "sentences": len(self.sentences),
            "vocabulary": len(self.vocabulary),
            "protected_names": len(self.stemmer.protected),
            "build_seconds": round(self.build_seconds, 3),
            "from_cache": self.loaded_from_cache,
        }
