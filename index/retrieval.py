"""Retrieval, the engine's second stage: BM25 finds the passages that hold the question's
terms, and every sentence of them becomes a candidate with what ranking needs to know."""

from __future__ import annotations

from dataclasses import dataclass

from index.closed_class import words_of
from index.evidence import Facts
from index.model import Index
from index.query import Query, Term
from index.weights import Weights


@dataclass
class Candidate:
    """One sentence that may answer, with the evidence for it."""

    sentence: int
    coverage: float  # the IDF-weighted share of the question's terms the sentence holds
    around: float  # the same for its whole paragraph
    bm25: float  # its paragraph's BM25 score, relative to the best paragraph's
    holds_asked: bool = True  # the sentence holds the thing whose value is asked
    strong_missing: int = 0  # the question's specific names and figures its paragraph lacks
    score: float = 0.0  # set by ranking
    fit: float = 0.0  # set by ranking: how fully it holds the asked-for kind of fact

    @property
    def support(self) -> float:
        """Coverage counting the sentence's own paragraph a little."""
        return 0.75 * self.coverage + 0.25 * self.around


def coverage(terms: tuple[Term, ...], present: frozenset[str] | set[str], weights: Weights, idf) -> float:  # type: ignore[no-untyped-def]
    """The IDF-weighted share of the question's terms found in `present`.

    A term no article uses counts only for `weights.unknown_weak`: the fact may be there in
    other words. A name found in part ("Kim" of "Kim Jong Un") counts mostly, a synonym
    partly.
    """
    total = found = 0.0
    for t in terms:
        mass = t.weight * max(idf(part) for part in t.parts)
        if not t.known:
            mass *= weights.unknown_verb if t.verb else weights.unknown_weak
        total += mass
        hits = sum(1 for part in t.parts if part in present)
        if hits == len(t.parts) or t.equivalents & present:
            found += mass
        elif hits:
            found += weights.name_part * mass
        elif t.alternatives & present:
            found += weights.synonym * mass
    return found / total if total else 0.0


_MONEY = words_of("money_nouns")
_AGE = words_of("age_nouns")


def holds(asked: Term, terms: frozenset[str], facts: Facts) -> bool:
    """True when a sentence holds the thing whose value is asked: the word in some form, or
    for money a sum ("Rp 1,25 miliar" holds "santunan"), for an age an age ("berusia 54")."""
    if asked.found_in(terms):
        return True
    if asked.word in _MONEY:
        return facts.currency
    return asked.word in _AGE and facts.age


def retrieve(index: Index, query: Query, weights: Weights) -> list[Candidate]:
    """Candidate sentences from the best BM25 passages, in passage order."""
    bm25: dict[str | tuple[str, ...], float] = {}
    for t in query.terms:
        # A name of three words is one thing asked about, not three.
        key = t.parts[0] if len(t.parts) == 1 else t.parts
        bm25[key] = max(bm25.get(key, 0.0), t.weight)
        for alt in t.equivalents:
            bm25[alt] = max(bm25.get(alt, 0.0), t.weight)
        for alt in t.alternatives:
            bm25[alt] = max(bm25.get(alt, 0.0), t.weight * weights.synonym)
    passages = index.bm25.top(bm25, weights.passages)
    if not passages:
        return []
    best = passages[0][1]
    idf = index.bm25.idf
    asked = query.asked()
    strong = query.specific_terms()
    candidates: list[Candidate] = []
    for number, passage_score in passages:
        passage = index.passages[number]
        passage_terms: set[str] = set()
        for s in passage.sentences:
            passage_terms |= index.sentences[s].resolved
        around = coverage(query.terms, passage_terms, weights, idf)
        for s in passage.sentences:
            terms = index.sentences[s].resolved
            own = coverage(query.terms, terms, weights, idf)
            candidates.append(
                Candidate(
                    s,
                    own,
                    around,
                    passage_score / best,
                    holds_asked=asked is None or holds(asked, terms, index.sentences[s].facts),
                    strong_missing=sum(1 for t in strong if not t.found_in(passage_terms)),
                )
            )
    return candidates
