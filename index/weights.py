"""The numbers that weigh evidence, in one frozen dataclass passed to the stages.

Chosen by `benchmarks/choose_weights.py` on the tuning evaluation sets only (never on the
held-out sets `make test` gates); the defaults here are its choice.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    """How retrieval, ranking and composing weigh the evidence for an answer."""

    passages: int = 30  # passages BM25 hands to sentence ranking
    # A sentence's score: its own share of the question's terms, its paragraph's, the
    # paragraph's BM25 score against the best, and whether it holds the asked-for fact.
    sentence: float = 0.7
    paragraph: float = 0.1
    bm25: float = 0.1
    type_fit: float = 0.25
    headline_penalty: float = 0.15  # a headline repeats the body in fewer words
    # News puts the main facts first: a sentence of an article's first paragraphs gains up to
    # this much (the headline, paragraph 0, all of it), fading to nothing by `lead_depth`.
    lead: float = 0.02
    lead_depth: int = 8
    # A date, time or figure asked for: the clause that holds the value should hold the
    # question's words ("CVR ditemukan ..., yang lebih dulu diangkat pada Senin" dates the
    # lifting, not the finding); its share of them gains up to this much.
    clause: float = 0.03
    synonym: float = 0.8  # a synonym is weaker evidence than the word itself
    name_part: float = 0.8  # "Kim" for "Kim Jong Un"
    previous: float = 0.3  # words carried over from the chat's previous question: context, not demands
    unknown_weak: float = 0.4  # an ordinary word no article uses: weak evidence
    given: float = 0.4  # a word that only describes what the question takes as known
    unknown_verb: float = 0.4  # the question's verb no article uses: no stronger, as measured
    # Below this share of the question's terms in the best sentence, the sources do not answer.
    min_coverage: float = 0.55
    # Of that, what an account in other words needs: a named outlet's, a differing outlet's,
    # an outright cause for "why" (index/ranking.py, index/composing.py).
    relaxed: float = 0.5
    # A named outlet's sentence is its account only when it holds this share of what the best
    # account of any outlet holds; else the outlet does not report it (index/ranking.py).
    named_share: float = 0.6
    # A second or third quote must be nearly as good as the first to be worth the reader's time.
    follow_ratio: float = 0.8
    max_quotes: int = 3
    more_quotes: int = 4
    merge_pool: int = 24  # candidates considered when grouping outlets that state one fact


DEFAULT = Weights()
