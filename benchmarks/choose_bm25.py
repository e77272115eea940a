"""Measures BM25 variants and parameters, and the sentence-scoring weights, on both eval sets.

Run: .venv/bin/python benchmarks/choose_bm25.py

This is how the choices written in index/bm25.py and index/answerer.py were made: every
configuration answers the evaluation questions of the real corpus and of the second corpus
(tests/fixtures/corpus_banjir), and the table shows top-1, top-3 and declines for each.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import index.answerer as answerer_module
from index.answerer import Answerer
from index.build import build_index
from index.corpus import load_corpus
from index.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "corpus", ROOT / "tests" / "fixtures" / "corpus_banjir"]


def score(variant: str, params: dict[str, float]) -> list[str]:
    """Top-1, top-3 and decline figures for one configuration, one cell per corpus."""
    cells = []
    for folder in CORPORA:
        answerer = Answerer(build_index(load_corpus(folder), variant, **params))
        total = evaluate(answerer).total()
        cells.append(
            f"{total.top1}/{total.answerable} top-1, {total.top3} top-3, "
            f"{total.declined_correctly}/{total.must_decline} declined, "
            f"{total.declined_wrongly} wrongly"
        )
    return cells


def main() -> int:
    """Print one Markdown table of variants, one of scoring weights."""
    print("| BM25 variant | k1 | b | delta | main corpus | second corpus |")
    print("|---|---|---|---|---|---|")
    configs = [("BM25Okapi", {"k1": 1.2, "b": 0.75}), ("BM25Okapi", {"k1": 1.5, "b": 0.75})]
    configs += [("BM25Plus", {"k1": 1.2, "b": 0.5, "delta": 1.0})]
    configs += [
        ("BM25L", {"k1": k1, "b": b, "delta": 0.5})
        for k1, b in itertools.product([0.9, 1.2, 1.5], [0.3, 0.5, 0.75])
    ]
    for variant, params in configs:
        cells = score(variant, params)
        print(
            f"| {variant} | {params['k1']} | {params['b']} | {params.get('delta', '-')} | "
            + " | ".join(cells)
            + " |"
        )
    print()
    print("| W_SENTENCE | W_PARAGRAPH | W_BM25 | W_TYPE | main corpus | second corpus |")
    print("|---|---|---|---|---|---|")
    original = (
        answerer_module.W_SENTENCE,
        answerer_module.W_PARAGRAPH,
        answerer_module.W_BM25,
        answerer_module.W_TYPE,
    )
    grid = [
        original,
        (0.6, 0.1, 0.1, 0.2),
        (0.5, 0.0, 0.25, 0.25),
        (0.4, 0.1, 0.15, 0.35),
        (0.7, 0.0, 0.0, 0.3),
    ]
    for weights in grid:
        (
            answerer_module.W_SENTENCE,
            answerer_module.W_PARAGRAPH,
            answerer_module.W_BM25,
            answerer_module.W_TYPE,
        ) = weights
        cells = score("BM25L", {})
        print("| " + " | ".join(map(str, weights)) + " | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
