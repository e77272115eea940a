"""The one owner of rank-bm25: token lists in, one score per passage out.

Variant, by measurement on tests/eval (see benchmarks/choose_bm25.py and the README):
BM25Okapi gives a term found in half or more of the passages a floored, near-zero IDF
(here "kim", "putin", "rusia"), so a question made of those words ranks nothing; BM25Plus
adds `delta * idf` to every passage for every query term, so a passage with none of the
words still scores above zero. BM25L keeps every IDF positive and scores 0 for a passage
without any query term, which also lets us score only the passages that hold a query term
(same ranking, far less work on a large corpus).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from rank_bm25 import BM25L, BM25Okapi, BM25Plus

# Terms with weights; a tuple key is a group of terms of which the best counts.
Query = Sequence[str] | Mapping[str, float] | Mapping[str | tuple[str, ...], float]

K1 = 1.2
B = 0.75  # the standard length penalty; measured no worse than gentler ones (benchmarks/choose_bm25.py)
DELTA = 0.5


class PassageIndex:
    """BM25L over passages given as token lists (the caller tokenizes and stems)."""

    def __init__(self, passages: Sequence[Sequence[str]], variant: str = "BM25L", **params: float) -> None:
        # Never pass rank-bm25 a tokenizer=: it opens a process pool it never closes.
        docs = [list(p) for p in passages]
        if variant == "BM25L":
            self._bm25 = BM25L(
                docs, k1=params.get("k1", K1), b=params.get("b", B), delta=params.get("delta", DELTA)
            )
        elif variant == "BM25Okapi":  # kept for benchmarks/choose_bm25.py, which measures the choice
            self._bm25 = BM25Okapi(docs, k1=params.get("k1", K1), b=params.get("b", B))
        elif variant == "BM25Plus":
            self._bm25 = BM25Plus(
                docs, k1=params.get("k1", K1), b=params.get("b", B), delta=params.get("delta", 1.0)
            )
        else:
            raise ValueError(f"unknown BM25 variant {variant!r}")
        self.variant = variant
        self.size = len(passages)
        self._postings: dict[str, list[int]] = {}
        for number, terms in enumerate(passages):
            for term in set(terms):
                self._postings.setdefault(term, []).append(number)
        self.max_idf = math.log(self.size + 1) - math.log(0.5)

    def idf(self, term: str) -> float:
        """The term's IDF; a term the corpus never uses gets the highest possible IDF."""
        return float(self._bm25.idf.get(term, self.max_idf))

    def knows(self, term: str) -> bool:
        """True when some passage holds the term."""
        return term in self._postings

    def document_frequency(self, term: str) -> int:
        """How many passages hold the term."""
        return len(self._postings.get(term, ()))

    def all_scores(self, query: Sequence[str]) -> list[float]:
        """rank-bm25's own score for every passage (slow on a large corpus; the reference)."""
        return [float(s) for s in self._bm25.get_scores(list(query))]

    def scores(self, query: Query) -> dict[int, float]:
        """Scores of the passages holding a query term (each term weighted); all others score 0.

        A query key may be a tuple of terms that name one thing ("kim", "jong", "un"): a
        passage scores the best of them, not their sum. Passing rank-bm25 only the passages
        that hold a term gives the same ranking as scoring them all, because BM25L gives 0
        to a passage without any query term.
        """
        weights = _weights(query)
        groups = {key: (key,) if isinstance(key, str) else tuple(key) for key in weights}
        candidates = sorted(
            {n for parts in groups.values() for term in parts for n in self._postings.get(term, ())}
        )
        if not candidates:
            return {}
        totals = [0.0] * len(candidates)
        for key, weight in weights.items():
            best = [0.0] * len(candidates)
            for term in groups[key]:
                if term in self._postings:
                    values = self._bm25.get_batch_scores([term], candidates)
                    best = [max(b, v) for b, v in zip(best, values, strict=True)]
            totals = [t + weight * b for t, b in zip(totals, best, strict=True)]
        return {n: t for n, t in zip(candidates, totals, strict=True) if t > 0}

    def top(self, query: Query, n: int) -> list[tuple[int, float]]:
        """The n best (passage, score) pairs with a score above zero, best first."""
        ranked = sorted(self.scores(query).items(), key=lambda item: (-item[1], item[0]))
        return ranked[:n]


def _weights(query: Query) -> dict[str | tuple[str, ...], float]:
    if isinstance(query, Mapping):
        return {t: float(w) for t, w in query.items() if w > 0}
    counts: dict[str | tuple[str, ...], float] = {}
    for term in query:  # a repeated term counts again, as in rank-bm25's own get_scores
        counts[term] = counts.get(term, 0.0) + 1.0
    return counts
