"""The gist of a story, for broad questions and `/ringkasan`: a few sentences that several
outlets state, covering who, what, where, when and the outcome, no two saying the same.

Chosen by centrality across articles, never by an event's words: a sentence whose content
other outlets also print (in the same or in other words) is what the story is about. News
puts its gist in the first paragraphs (the inverted pyramid), so a sentence's place in its
article counts too. A greedy pass then picks sentences that add an outlet, a kind of fact
(a date, a place, a name, a figure) and words not yet shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index import evidence
from index.model import Index, Sentence

# How many of an article's first body sentences may carry its gist.
LEAD_SENTENCES = 10
# At most this many articles are compared (the newest first): the gist of a large archive
# is in its recent reporting, and comparing is quadratic.
MAX_ARTICLES = 40
# A digest or timeline of what a question names reads at most this many articles about it.
MAX_TOPIC_ARTICLES = 12
# Sentences compared for centrality, at most (the work is quadratic).
MAX_CANDIDATES = 300
MIN_QUOTES, MAX_QUOTES = 3, 5
MIN_WORDS, MAX_WORDS = 7, 60
# Two quotes sharing this share of the shorter one's terms say the same: only one is shown.
NEAR_DUPLICATE = 0.75


@dataclass(frozen=True)
class Pick:
    """One chosen sentence and the other outlets' sentences that state the same fact."""

    sentence: int
    same: tuple[int, ...]
    score: float


def quotable(s: Sentence) -> bool:
    """A body sentence a reader can take alone: not a headline, not a question, not leaning
    on the sentence before ("Dia ..."), neither a fragment nor a whole paragraph."""
    n = len(s.text.split())
    return (
        not s.headline
        and not s.leans_on_before
        and MIN_WORDS <= n <= MAX_WORDS
        and not s.text.rstrip().endswith("?")
    )


def newest_articles(index: Index) -> list[int]:
    """The positions of the newest MAX_ARTICLES articles."""
    corpus = index.corpus
    order = sorted(
        range(len(corpus.articles)), key=lambda a: corpus.articles[a].source.published, reverse=True
    )
    return order[:MAX_ARTICLES]


def lead_sentences(index: Index, articles: Iterable[int] | None = None) -> list[int]:
    """The first quotable sentences of each article (of the newest MAX_ARTICLES)."""
    wanted = newest_articles(index) if articles is None else list(articles)
    found = []
    for article in sorted(set(wanted)):
        taken = 0
        for number in index.article_sentences(article):
            if taken >= LEAD_SENTENCES:
                break
            if quotable(index.sentences[number]):
                found.append(number)
                taken += 1
    return found


class Similarity:
    """IDF-weighted cosine of two sentences' terms: names everyone prints weigh little."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._mass: dict[int, float] = {}

    def mass(self, number: int) -> float:
        known = self._mass.get(number)
        if known is None:
            idf = self.index.bm25.idf
            known = math.sqrt(sum(idf(t) ** 2 for t in self.index.sentences[number].terms))
            self._mass[number] = known
        return known

    def __call__(self, a: int, b: int) -> float:
        ta, tb = self.index.sentences[a].terms, self.index.sentences[b].terms
        shared = ta & tb
        if not shared:
            return 0.0
        idf = self.index.bm25.idf
        both = self.mass(a) * self.mass(b)
        return sum(idf(t) ** 2 for t in shared) / both if both else 0.0


def _fact_kinds(f: evidence.Facts) -> frozenset[str]:
    """The kinds of fact a sentence adds to a gist: when, where, who, how many."""
    kinds = set()
    if f.full_date or f.day_dates or f.weekday:
        kinds.add("when")
    if f.places or f.place_nouns:
        kinds.add("where")
    if f.names or f.roles:
        kinds.add("who")
    if f.numbers or f.currency:
        kinds.add("figure")
    if f.reason:
        kinds.add("why")
    return frozenset(kinds)


def near_duplicate(a: Sentence, b: Sentence) -> bool:
    """True when two sentences say nearly the same in nearly the same words."""
    smaller = min(len(a.terms), len(b.terms))
    return smaller > 0 and len(a.terms & b.terms) / smaller >= NEAR_DUPLICATE


class Story:
    """Candidate sentences of one story, each with its centrality across outlets, its place in
    its article and the other outlets' sentences that state the same fact."""

    def __init__(
        self,
        index: Index,
        candidates: Sequence[int],
        same_day: Callable[[int, int], bool] | None = None,
        relevance: dict[int, float] | None = None,
    ):
        self.index = index
        sentences = index.sentences
        # Centrality compares every pair: a bounded number of candidates, the most relevant
        # (or, for the whole story, those nearest their articles' tops) first.
        if len(candidates) > MAX_CANDIDATES:
            weight = relevance or {}
            kept = sorted(candidates, key=lambda n: (-weight.get(n, 0.0), sentences[n].paragraph, n))
            candidates = sorted(kept[:MAX_CANDIDATES])
        self.candidates = list(candidates)
        self.outlet = {n: index.corpus.articles[sentences[n].article].source.outlet for n in candidates}
        self.position: dict[int, int] = {}
        self.length: dict[int, int] = {}
        for n in candidates:  # candidates come in article order
            article = sentences[n].article
            self.position[n] = self.length.get(article, 0)
            self.length[article] = self.position[n] + 1
        similar = Similarity(index)
        self.central: dict[int, float] = {}
        self.same: dict[int, list[int]] = {}
        for n in candidates:
            best: dict[str, float] = {}
            for m in candidates:
                if self.outlet[m] == self.outlet[n]:
                    continue
                value = similar(n, m)
                if value > best.get(self.outlet[m], 0.0):
                    best[self.outlet[m]] = value
                if value >= 0.5 and (same_day is None or same_day(n, m)) and _same(index, n, m):
                    self.same.setdefault(n, []).append(m)
            # How strongly the other outlets state the same, each outlet counted once; a
            # one-outlet corpus still has a story.
            self.central[n] = sum(best.values()) + 0.1

    def select(
        self,
        score: dict[int, float],
        most: int,
        least: int,
        stop_ratio: float,
        bonus: Callable[[int, set[int]], float] = lambda n, chosen: 1.0,
    ) -> list[Pick]:
        """Greedily the best-scored sentences, no two saying the same, first of all from
        three outlets where three tell the story; `bonus` rewards what a sentence adds."""
        sentences = self.index.sentences
        outlets = {self.outlet[n] for n in self.candidates}
        wanted_outlets = min(3, len(outlets))
        picked: list[Pick] = []
        chosen: set[int] = set()
        cited: set[str] = set()
        pool = [n for n in self.candidates if score[n] > 0]
        while pool and len(picked) < most:
            missing = len(cited) < wanted_outlets
            new = [n for n in pool if self.outlet[n] not in cited] if missing else []
            best_n = max(new or pool, key=lambda n: score[n] * bonus(n, chosen))
            if not new and len(picked) >= least and score[best_n] < stop_ratio * picked[0].score:
                break
            pool.remove(best_n)
            s = sentences[best_n]
            if any(
                near_duplicate(s, sentences[p.sentence]) or p.sentence in self.same.get(best_n, ())
                for p in picked
            ):
                continue
            partners = tuple(m for m in self.same.get(best_n, ()) if self.outlet[m] != self.outlet[best_n])
            picked.append(Pick(best_n, partners, score[best_n]))
            chosen.add(best_n)
            cited.add(self.outlet[best_n])
            cited.update(self.outlet[m] for m in partners)
            pool = [n for n in pool if n not in partners]  # their fact is shown already
        return picked


def _same(index: Index, a: int, b: int) -> bool:
    sa, sb = index.sentences[a], index.sentences[b]
    return evidence.same_fact(sa.terms, sb.terms, sa.facts, sb.facts, sa.text, sb.text, index.bm25.idf)


def choose(
    index: Index,
    candidates: Sequence[int],
    relevance: dict[int, float] | None = None,
    quotes: tuple[int, int] = (MIN_QUOTES, MAX_QUOTES),
) -> list[Pick]:
    """The gist among `candidates` (sentence numbers), in reading order.

    `relevance` (0-1 per sentence) narrows the gist to what a question is about ("Apa saja
    yang dibahas?"): a sentence's centrality is multiplied by it.
    """
    sentences = index.sentences
    story = Story(index, [n for n in candidates if quotable(sentences[n])], relevance=relevance)
    if not story.candidates:
        return []
    score = {
        n: story.central[n] / (1.0 + 0.15 * story.position[n]) * (relevance.get(n, 0.0) if relevance else 1.0)
        for n in story.candidates
    }

    def adds(n: int, chosen: set[int]) -> float:
        shown = set().union(*(_fact_kinds(sentences[c].facts) for c in chosen)) if chosen else set()
        return 1.0 + 0.25 * len(_fact_kinds(sentences[n].facts) - shown)

    low, high = quotes
    picked = story.select(score, high, low, 0.3, adds)
    # Reading order: the parts of a story come in the order its articles tell them.
    return sorted(
        picked,
        key=lambda p: (story.position[p.sentence] / story.length[sentences[p.sentence].article], p.sentence),
    )
