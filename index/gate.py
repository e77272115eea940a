"""The decision whether the sources answer: a logistic model over the best candidate's evidence.

Ranking (index/ranking.py) puts first the sentence most likely to answer; whether it does is
decided here. Hand-set rules (`ranking.answers`: enough of the question's words, the asked
kind of fact, no missing name or figure) declined a tenth of the questions whose first
sentence was right, and answered a third of those the articles do not answer. The same
evidence, weighed by a logistic model, draws that line better on questions nobody tuned for.

The model is `index/data/gate.json`, made by `benchmarks/train_gate.py` from the TUNING split of
the evaluation suite only (the held-out split `make test` gates is never read): each question's
first candidate, labelled by whether it holds the phrase the right answer holds, and the
threshold that balances right answers against right declines on that split (where that
balance is flat, the middle of the thresholds within a hundredth of the best). Its features are
named below; the file lists the same names, and loading fails loudly when they differ (the
model must be trained again after a change to them).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from index.model import Index
from index.query import Query
from index.question import (
    DATE,
    DURATION,
    MANNER,
    MEASURE,
    NUMBER,
    ORIGIN,
    PERSON,
    PLACE,
    REASON,
    SAID,
    TIME,
    WHAT,
    YESNO,
)
from index.ranking import VALUES, answers, eligible, needed_fit, value_clause
from index.retrieval import Candidate
from index.weights import Weights

_QTYPES = (DATE, TIME, DURATION, MEASURE, NUMBER, PLACE, ORIGIN, PERSON, WHAT, REASON, MANNER, SAID, YESNO)

FEATURES = (
    "support",  # the best sentence's share of the question, its paragraph counted a little
    "coverage",  # its own share
    "around",  # its paragraph's share
    "bm25",  # its paragraph's BM25 score against the best paragraph's
    "fit",  # how fully it holds the asked kind of fact
    "fit_margin",  # that, less what the question's type needs
    "holds_asked",  # it holds the thing whose value is asked
    "strong_missing",  # its paragraph lacks a rare name or figure of the question
    "eligible",  # the hand-set rules would let it answer
    "unknown_share",  # the share of the question's words no article uses
    "strong_share",  # the share of them that are names, figures or the asked value
    "terms",  # how many words the question searches (up to 8), as a share of 8
    "margin",  # its support less the next candidate's
    "english",  # asked in English
    "named_outlet",  # printed by an outlet the question names
    "doer",  # it names the doer of the verb a "who" question asks
    "follows",  # quoted after the sentence it explains or continues
    "headline",  # a headline
    "followed",  # the question leans on the one before
    "fit_enough",  # it holds as much of the asked kind of fact as the question's type needs
    "eligible_support",  # its support where the hand-set rules let it answer, else 0
    "support_squared",  # its support, squared: the line need not be straight
    "given_share",  # the share of the question's words that only describe what it takes as known
    # the share of the question's own words in the clause holding its first date, time or
    # figure: "CVR ditemukan ..., yang lebih dulu diangkat pada Senin" dates the lifting
    "value_clause",
    *(f"type_{t}" for t in _QTYPES),
)


def features(index: Index, query: Query, ranked: list[Candidate], weights: Weights) -> list[float]:
    """The evidence for the first candidate answering, in the order of `FEATURES`."""
    q = query.question
    c = ranked[0]
    own = [t for t in query.terms if t.weight == 1.0] or list(query.terms)
    n = len(own)
    second = ranked[1].support if len(ranked) > 1 else 0.0
    needed = needed_fit(q)  # (a process is never asked of the value types the model decides)
    ruled = float(eligible(c, query, weights))
    return [
        c.support,
        c.coverage,
        c.around,
        c.bm25,
        c.fit,
        c.fit - needed,
        float(c.holds_asked),
        float(c.strong_missing > 0),
        ruled,
        sum(1 for t in own if not t.known) / max(1, n),
        sum(1 for t in own if t.strong) / max(1, n),
        min(n, 8) / 8,
        c.support - second,
        float(q.language == "en"),
        float(c.named_outlet),
        float(c.doer),
        float(c.follows),
        float(index.sentences[c.sentence].headline),
        float(query.followed),
        float(c.fit >= needed),
        c.support * ruled,
        c.support**2,
        sum(1 for t in own if t.given) / max(1, n),
        _value_clause(index, query, c),
        *(float(q.qtype == t) for t in _QTYPES),
    ]


def _value_clause(index: Index, query: Query, c: Candidate) -> float:
    """The share of the question's own stems in the clause holding the sentence's first date,
    time or figure (0 for a question asking no such value)."""
    value = VALUES.get(query.question.qtype)
    own = query.own_stems()
    if value is None or not own:
        return 0.0
    return value_clause(index.sentences[c.sentence].text, own, value, index.stemmer.stem)


# The questions the model decides: those asking one value (a date, a number, a place, a
# person, a thing), on their own. A "why", "how", yes/no or "what did X say", a follow-up and
# a question naming an outlet are decided by the hand-set rules, which know their own forms of
# answer (index/ranking.py); trained on them too, the model drew a worse line for all.
VALUE_TYPES = frozenset({DATE, TIME, DURATION, MEASURE, NUMBER, PLACE, ORIGIN, PERSON, WHAT})


def decides(query: Query) -> bool:
    """True when the model, not the hand-set rules, decides whether this question is answered."""
    q = query.question
    return q.qtype in VALUE_TYPES and not q.outlets and not query.followed and not query.unknown_strong()


def vetoed(c: Candidate) -> bool:
    """True when the first candidate cannot answer whatever the model says: its paragraph
    lacks a rare name or figure the question gives ("Lamboto" asked about, a sentence about
    another village); or the question asks of the next occasion ("Kapan rapat berikutnya?")
    and it tells of the one reported. (Its lacking the word whose value is asked is only
    evidence: the articles may say it in another word, "gelombang" for "ombak".)"""
    return bool(c.strong_missing) or c.other_occasion


class Decision(Protocol):
    """Whatever decides whether the best candidate answers."""

    def answers(self, index: Index, query: Query, ranked: list[Candidate], weights: Weights) -> bool: ...


class GateError(ValueError):
    """The model file does not fit the features computed here."""


@dataclass(frozen=True)
class Gate:
    """A logistic model: standardised features, their weights, and the probability above which
    the first candidate is taken to answer."""

    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, values: list[float]) -> float:
        """How likely the first candidate answers, by the model."""
        z = self.bias + sum(
            w * (v - m) / s for w, v, m, s in zip(self.weights, values, self.means, self.scales, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z))

    def answers(self, index: Index, query: Query, ranked: list[Candidate], weights: Weights) -> bool:
        """True when the first candidate answers the question (by the hand-set rules where the
        model does not decide: see `decides`)."""
        if not decides(query):
            # the rules; and a name, a figure or a happening asked about that no article uses
            # ("Kapan X lahir?") is the articles' silence whatever else a sentence holds
            return answers(query, ranked, weights)
        if not ranked or vetoed(ranked[0]):
            return False
        return self.probability(features(index, query, ranked, weights)) >= self.threshold

    @classmethod
    def from_json(cls, text: str) -> Gate:
        data = json.loads(text)
        if tuple(data.get("features", ())) != FEATURES:
            raise GateError(
                "index/data/gate.json was trained on other features: run benchmarks/train_gate.py"
            )
        return cls(
            tuple(data["means"]),
            tuple(data["scales"]),
            tuple(data["weights"]),
            float(data["bias"]),
            float(data["threshold"]),
        )


class Rules:
    """The hand-set rules alone (`ranking.answers`): what the model is trained beside."""

    def answers(self, index: Index, query: Query, ranked: list[Candidate], weights: Weights) -> bool:
        return answers(query, ranked, weights)


RULES = Rules()


@cache
def gate() -> Gate:
    """The shipped model (index/data/gate.json)."""
    return Gate.from_json(resources.files("index").joinpath("data/gate.json").read_text(encoding="utf-8"))
