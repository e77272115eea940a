"""What the index holds: sentences with their facts, passages, and the index itself.

Plain data, shared by the stages (retrieval, ranking, composing) and built by index/build.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.bm25 import PassageIndex
from index.corpus import Corpus
from index.evidence import Facts
from index.stemmer import Stemmer

# Terms no word stems to, held by a sentence that gives a sum of money or an age: a
# question's money or age word counts as found there (index/query.py).
MONEY_MARK, AGE_MARK = "#money", "#age"


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


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph: the unit BM25 ranks."""

    article: int
    paragraph: int
    sentences: tuple[int, ...]  # positions in Index.sentences


@dataclass
class Index:
    """Everything retrieval needs, built from one corpus."""

    corpus: Corpus
    sentences: list[Sentence]
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

    def article_sentences(self, article: int) -> range:
        """The positions in `sentences` of one article's sentences (they stand together)."""
        spans = self._spans
        if spans is None:
            found: dict[int, list[int]] = {}
            for number, s in enumerate(self.sentences):
                span = found.setdefault(s.article, [number, number])
                span[1] = number
            spans = self._spans = {a: range(lo, hi + 1) for a, (lo, hi) in found.items()}
        return spans.get(article, range(0))

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
