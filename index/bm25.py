"""The one owner of rank-bm25: token lists in, one score per passage out.

BM25L is the textbook formula (Lv and Zhai 2011). rank-bm25 0.2.2's BM25L multiplies each
term's score by the term's count in the passage a second time (fixed upstream, never
released); that variant is kept as "BM25L-0.2.2" only for measuring. On the tuning split of
the evaluation suite the corrected formula scores a little better (top-1 62.5% against
62.1%, declines the same: benchmarks/choose_weights.py --quick), and it is the one that
means what BM25 says, so it is the default.

Variant, by measurement on the evaluation suite (benchmarks/choose_weights.py, README):
BM25Okapi gives a term found in half or more of the passages a floored, near-zero IDF
(here "kim", "putin", "rusia"), so a question made of those words ranks nothing; BM25Plus
adds `delta * idf` to every passage for every query term, so a passage with none of the
words still scores above zero. BM25L keeps every IDF positive and scores 0 for a passage
without any query term, which also lets us score only the passages that hold a query term
(same ranking, far less work on a large corpus).

rank-bm25 computes the IDFs and is the reference (`all_scores`), but it scores in a Python
loop over passages: `get_batch_scores` rebuilds an array of every passage's length and
reads each candidate's term counts one by one, on every call. At 100 times the corpus
that was 70% of a question's time (benchmarks/scale.py). So each term's score in each
passage holding it is computed once, at build time, with the formula (for the rank-bm25
variants, its own floating-point operations in the same order: tests/test_bm25.py checks
equality), and kept as postings; a query only adds up slices of those.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from rank_bm25 import BM25, BM25L, BM25Okapi, BM25Plus

# Terms with weights; a tuple key is a group of terms of which the best counts.
Query = Sequence[str] | Mapping[str, float] | Mapping[str | tuple[str, ...], float]

K1 = 1.2
B = 0.75  # the standard length penalty (measured no worse than gentler ones on the first eval set)
DELTA = 0.5


class PassageIndex:
    """BM25L over passages given as token lists (the caller tokenizes and stems)."""

    def __init__(self, passages: Sequence[Sequence[str]], variant: str = "BM25L", **params: float) -> None:
        self.variant = variant
        self.k1 = params.get("k1", K1)
        self.b = params.get("b", B)
        self.delta = params.get("delta", DELTA)
        # The default variant keeps only its postings, counts and IDFs (what answering and an
        # update read); rank-bm25's object, 54,000 dictionaries at 1,000 times the corpus, is
        # kept only for the variants measured against it.
        self._bm25: BM25 | None = None
        if variant in ("BM25L-0.2.2", "BM25Okapi", "BM25Plus"):
            # Never pass rank-bm25 a tokenizer=: it opens a process pool it never closes.
            docs = [list(p) for p in passages]
            if variant == "BM25L-0.2.2":
                self._bm25 = BM25L(docs, k1=self.k1, b=self.b, delta=self.delta)
            elif variant == "BM25Okapi":  # kept for benchmarks/choose_weights.py, which measures the choice
                self._bm25 = BM25Okapi(docs, k1=self.k1, b=self.b)
            else:
                self.delta = params.get("delta", 1.0)
                self._bm25 = BM25Plus(docs, k1=self.k1, b=self.b, delta=self.delta)
        elif variant != "BM25L":
            raise ValueError(f"unknown BM25 variant {variant!r}")
        # Each term numbered in the order it is first met; every token's term number in a C
        # array (a list of a million Python ints would double the peak memory).
        terms: dict[str, int] = {}
        number_of = terms.setdefault
        flat = array("i", [number_of(term, len(terms)) for passage in passages for term in passage])
        lengths = np.fromiter(map(len, passages), dtype=np.int32, count=len(passages))
        self._count(list(terms), np.frombuffer(flat, dtype=np.int32), lengths)

    @classmethod
    def numbered(
        cls,
        flat: np.ndarray,
        lengths: np.ndarray,
        table: Sequence[str],
        variant: str = "BM25L",
        **params: float,
    ) -> PassageIndex:
        """The index of passages given as numbers into a table of terms: passage n's tokens are
        the next lengths[n] numbers of `flat` (the index build's terms, numbered where they were
        made, never made into a million strings). The same index as of the token lists."""
        if variant != "BM25L":
            words = [table[t] for t in flat.tolist()]
            ends = np.cumsum(lengths).tolist()
            return cls(
                [words[end - size : end] for end, size in zip(ends, lengths.tolist(), strict=True)],
                variant,
                **params,
            )
        index = cls([], variant, **params)
        # Numbered again in the order each term is first met, as the token lists would number them.
        used, first = np.unique(flat, return_index=True)
        order = np.argsort(first, kind="stable")
        renumber = np.empty(len(table), dtype=np.int32)
        renumber[used[order]] = np.arange(len(used), dtype=np.int32)
        index._count([table[t] for t in used[order].tolist()], renumber[flat], lengths.astype(np.int32))
        return index

    def _count(self, terms: list[str], flat: np.ndarray, lengths: np.ndarray) -> None:
        """Postings from every token's term number, passage after passage: each (passage, term)
        pair's count by sorting those pairs, in numpy (a Counter per passage and three appends
        per posting took most of a second at 1,000 times the corpus)."""
        owner = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        pairs, counts = np.unique((owner << 32) | flat.astype(np.int64), return_counts=True)
        self._index(
            terms,
            (pairs & 0xFFFFFFFF).astype(np.int32),
            (pairs >> 32).astype(np.int32),
            counts.astype(np.int32),
            lengths,
        )

    def _index(
        self,
        terms: list[str],
        term_ids: np.ndarray,
        passages: np.ndarray,
        counts: np.ndarray,
        lengths: np.ndarray,
    ) -> None:
        """Postings grouped by term (each term's passages in order), IDFs and term scores."""
        self.size = len(lengths)
        self.max_idf = math.log(self.size + 1) - math.log(0.5)
        self.doc_len = lengths
        # As rank-bm25 computes it: an integer sum over an integer count.
        self.avgdl = int(lengths.sum()) / self.size if self.size else 0.0
        # Postings in one set of flat arrays, sorted by term and then passage: the passages
        # holding a term are _passages[start:end] and its score in each is _weights[start:end].
        key = (term_ids.astype(np.int64) << 32) | passages.astype(np.int64)
        order = np.argsort(key, kind="stable")  # two sorted runs after an update: merged, not sorted
        frequencies = np.bincount(term_ids, minlength=len(terms))
        bounds = np.concatenate(([0], np.cumsum(frequencies))).tolist()
        self._spans = {
            t: (bounds[i], bounds[i + 1]) for i, t in enumerate(terms) if bounds[i + 1] > bounds[i]
        }
        self._passages = passages[order]
        # Counts are read only to update the index; most fit in 16 bits.
        self._counts = counts[order].astype(np.uint16 if counts.max(initial=0) < 65_536 else np.int32)
        # BM25L's IDFs are worked out from the postings when asked for (as rank-bm25 computes
        # them, with math.log: the same numbers), not kept: 75,000 floats at 1,000x.
        self._log_n = math.log(self.size + 1)
        self._idf: dict[str, float] | None = self._bm25.idf if self._bm25 is not None else None
        lengths_of = frequencies[frequencies > 0]
        if self._idf is not None:
            idf = np.array([self._idf[t] for t in self._spans])
        else:
            # math.log once per distinct passage count (the same numbers as term by term).
            distinct, which = np.unique(lengths_of, return_inverse=True)
            logs = np.array([math.log(int(d) + 0.5) for d in distinct.tolist()])
            idf = self._log_n - logs[which] if len(lengths_of) else np.zeros(0)
        # As int64, like the counts rank-bm25 computes with.
        self._weights = self._formula(
            np.repeat(idf, lengths_of), self._counts.astype(np.int64), lengths[self._passages]
        )
        # Only BM25Plus scores a passage without the term: idf * delta.
        self._base: dict[str, float] = {}
        if isinstance(self._bm25, BM25Plus):
            base = self._formula(idf, np.zeros(len(idf)), np.ones(len(idf)))
            self._base = dict(zip(self._spans, base.tolist(), strict=True))

    def updated(self, renumber: np.ndarray, added: Mapping[int, Sequence[str]], size: int) -> PassageIndex:
        """A new index: this one's passages moved to `renumber[old]` (-1: gone) and the `added`
        passages' tokens at their numbers, `size` passages in all; the same numbers as an index
        built from scratch on those passages. This one is left as it was."""
        if self._bm25 is not None:
            raise ValueError(f"the {self.variant} variant is only built whole")
        new = PassageIndex.__new__(PassageIndex)
        new.variant, new.k1, new.b, new.delta, new._bm25 = self.variant, self.k1, self.b, self.delta, None
        terms = {t: i for i, t in enumerate(self._spans)}
        spans = np.array([s for s, _ in self._spans.values()] + [len(self._passages)])
        old_terms = np.repeat(np.arange(len(terms), dtype=np.int32), np.diff(spans))
        moved = renumber[self._passages]
        kept = moved >= 0
        term_of, passage_of, count_of = array("i"), array("i"), array("i")
        for number in sorted(added):
            for term, count in Counter(added[number]).items():
                term_of.append(terms.setdefault(term, len(terms)))
                passage_of.append(number)
                count_of.append(count)
        lengths = np.zeros(size, dtype=np.int32)
        lengths[renumber[renumber >= 0]] = self.doc_len[renumber >= 0]
        for number, tokens in added.items():
            lengths[number] = len(tokens)
        new._index(
            list(terms),
            np.concatenate((old_terms[kept], np.frombuffer(term_of, dtype=np.int32))),
            np.concatenate((moved[kept].astype(np.int32), np.frombuffer(passage_of, dtype=np.int32))),
            np.concatenate((self._counts[kept].astype(np.int32), np.frombuffer(count_of, dtype=np.int32))),
            lengths,
        )
        return new

    def _formula(self, idf: np.ndarray, q_freq: np.ndarray, doc_len: np.ndarray) -> np.ndarray:
        """Term scores for terms of these IDFs with these counts in passages of these lengths.

        rank-bm25 0.2.2's get_scores, operation for operation, so that every score is the
        same floating-point number (tests/test_bm25.py checks equality).
        """
        bm25 = self._bm25
        if bm25 is None:  # BM25L, the textbook formula, with rank-bm25's operations in its order
            ctd = q_freq / (1 - self.b + self.b * doc_len / self.avgdl)
            return idf * (self.k1 + 1) * (ctd + self.delta) / (self.k1 + ctd + self.delta)
        if isinstance(bm25, BM25L):
            ctd = q_freq / (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)
            # rank-bm25 0.2.2 multiplies by the term count a second time (fixed upstream,
            # never released): kept only to measure against.
            return idf * q_freq * (bm25.k1 + 1) * (ctd + bm25.delta) / (bm25.k1 + ctd + bm25.delta)
        if isinstance(bm25, BM25Okapi):
            return idf * (
                q_freq * (bm25.k1 + 1) / (q_freq + bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl))
            )
        if isinstance(bm25, BM25Plus):
            return idf * (
                bm25.delta
                + (q_freq * (bm25.k1 + 1)) / (bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl) + q_freq)
            )
        raise TypeError(f"no formula for {type(bm25).__name__}")

    def idf(self, term: str) -> float:
        """The term's IDF; a term the corpus never uses gets the highest possible IDF."""
        if self._idf is not None:
            return self._idf.get(term, self.max_idf)
        span = self._spans.get(term)
        return self.max_idf if span is None else self._log_n - math.log(span[1] - span[0] + 0.5)

    def knows(self, term: str) -> bool:
        """True when some passage holds the term."""
        return term in self._spans

    def passages_of(self, term: str) -> np.ndarray:
        """The numbers of the passages holding the term (empty when none)."""
        span = self._spans.get(term)
        return self._passages[span[0] : span[1]] if span else self._passages[:0]

    def all_scores(self, query: Sequence[str]) -> list[float]:
        """Every passage's score, computed passage by passage (slow on a large corpus; the
        reference): rank-bm25's own get_scores, except for BM25L, where rank-bm25 0.2.2
        counts a term's frequency twice and the textbook formula is written out here."""
        if self._bm25 is not None:
            return [float(s) for s in self._bm25.get_scores(list(query))]
        frequencies: list[dict[str, int]] = [{} for _ in range(self.size)]
        for term in set(query):
            if term in self._spans:
                s, e = self._spans[term]
                for number, count in zip(
                    self._passages[s:e].tolist(), self._counts[s:e].tolist(), strict=True
                ):
                    frequencies[number][term] = count
        scores = []
        for counts, length in zip(frequencies, self.doc_len.tolist(), strict=True):
            total = 0.0
            for term in query:
                count = counts.get(term, 0)
                if count:
                    ctd = count / (1 - self.b + self.b * length / self.avgdl)
                    total += (
                        self.idf(term) * (self.k1 + 1) * (ctd + self.delta) / (self.k1 + ctd + self.delta)
                    )
            scores.append(total)
        return scores

    def scores(self, query: Query) -> dict[int, float]:
        """Scores of the passages holding a query term (each term weighted); all others score 0.

        A query key may be a tuple of terms that name one thing ("kim", "jong", "un"): a
        passage scores the best of them, not their sum. Scoring only the passages that hold
        a term gives the same ranking as scoring them all, because BM25L gives 0 to a
        passage without any query term.
        """
        totals, candidates = self._totals(query)
        if totals is None:
            return {}
        kept = candidates[totals[candidates] > 0]
        return dict(zip(kept.tolist(), totals[kept].tolist(), strict=True))

    def top(self, query: Query, n: int) -> list[tuple[int, float]]:
        """The n best (passage, score) pairs with a score above zero, best first."""
        totals, candidates = self._totals(query)
        if totals is None or n <= 0:
            return []
        kept = candidates[totals[candidates] > 0]
        if len(kept) > n:
            # Keep every passage tied with the n-th best, then break ties by number below.
            nth = np.partition(totals[kept], len(kept) - n)[len(kept) - n]
            kept = kept[totals[kept] >= nth]
        ranked = sorted(
            zip(kept.tolist(), totals[kept].tolist(), strict=True), key=lambda item: (-item[1], item[0])
        )
        return ranked[:n]

    def _totals(self, query: Query) -> tuple[np.ndarray | None, np.ndarray]:
        """Every passage's score (valid at the candidates) and the sorted candidate numbers."""
        weights = _weights(query)
        spans: list[tuple[float, list[tuple[str, int, int]]]] = []
        for key, weight in weights.items():
            terms = (key,) if isinstance(key, str) else tuple(key)
            spans.append((weight, [(t, *self._spans[t]) for t in terms if t in self._spans]))
        # A mask, not np.unique: marking is linear, sorting the postings is not.
        holding = np.zeros(self.size, dtype=bool)
        for _, group in spans:
            for _, s, e in group:
                holding[self._passages[s:e]] = True
        candidates = np.flatnonzero(holding)
        if not len(candidates):
            return None, candidates
        totals = np.zeros(self.size)
        for weight, group in spans:
            if not group:
                continue
            best = np.zeros(self.size)
            for term, s, e in group:
                numbers, values = self._passages[s:e], self._weights[s:e]
                base = self._base.get(term)
                if base is None:
                    best[numbers] = np.maximum(best[numbers], values)
                else:
                    everywhere = np.full(self.size, base)
                    everywhere[numbers] = values
                    np.maximum(best, everywhere, out=best)
            totals += weight * best
        return totals, candidates


def _weights(query: Query) -> dict[str | tuple[str, ...], float]:
    if isinstance(query, Mapping):
        return {t: float(w) for t, w in query.items() if w > 0}
    counts: dict[str | tuple[str, ...], float] = {}
    for term in query:  # a repeated term counts again, as in rank-bm25's own get_scores
        counts[term] = counts.get(term, 0.0) + 1.0
    return counts
