"""Ranking, the engine's third stage: each candidate sentence scored for how well it answers,
and the decision whether the sources answer at all."""

from __future__ import annotations

from index.evidence import fits_type, required_fit
from index.model import Index
from index.question import YESNO
from index.query import Query
from index.retrieval import Candidate
from index.weights import Weights


def rank(index: Index, query: Query, candidates: list[Candidate], weights: Weights) -> list[Candidate]:
    """The candidates scored, best first."""
    q = query.question
    asked = set(q.words)
    outlets = set(q.outlets)
    for c in candidates:
        sentence = index.sentences[c.sentence]
        c.fit = fits_type(q.qtype, sentence.facts, asked, q.preposition)
        c.score = (
            weights.sentence * c.coverage
            + weights.paragraph * c.around
            + weights.bm25 * c.bm25
            + weights.type_fit * c.fit
            - (weights.headline_penalty if sentence.headline else 0.0)
        )
        if outlets and index.corpus.articles[sentence.article].source.id in outlets:
            c.score += weights.outlet
    candidates.sort(key=lambda c: (-c.score, c.sentence))
    return candidates


def answers(query: Query, ranked: list[Candidate], weights: Weights) -> bool:
    """True when the best candidates answer the question.

    Three kinds of evidence say they do not: a name, figure or verb of the question that no
    article uses; too small a share of the question's terms in any sentence; and, for a
    question that asks for a kind of fact (a date, a number, a person), no well-covered
    sentence holding one.
    """
    if query.unknown_strong():
        return False
    # A sentence answers only if its paragraph holds every name and figure asked about and
    # it holds the thing whose value is asked ("usia" of "berapa usia").
    good = [
        c for c in ranked if c.support >= weights.min_coverage and c.holds_asked and not c.strong_missing
    ]
    if not good:
        return False
    needed = required_fit(query.question.qtype, query.question.wants_name)
    return any(c.fit >= needed for c in good)


def yes_no(query: Query) -> bool:
    """True for a yes/no question: its answer may be a sentence saying something else."""
    return query.question.qtype == YESNO
