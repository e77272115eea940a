"""Chooses the BM25 variant and the ranking weights on the TUNING split of the evaluation suite.

Run: .venv/bin/python benchmarks/choose_weights.py [--quick]

Every configuration answers the tuning questions of every set in tests/eval/suite.toml
(held-out questions are never asked here: they are what `make test` gates) and the table
shows top-1 of the answerable questions, the share of them declined, and the share of the
must-decline questions declined. The objective is their balance: top-1 + declines right,
minus answerable questions declined. The defaults in index/weights.py and index/bm25.py
are what this chose (see the README's evaluation section for the last run).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

from index.answerer import Answerer
from index.build import build_index
from index.corpus import load_corpus
from index.evaluation import Report, evaluate, load_suite
from index.weights import DEFAULT, Weights

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "eval" / "suite.toml"


def measure(sets, indexes, weights: Weights) -> tuple[float, str]:  # type: ignore[no-untyped-def]
    total = Report(path=Path("tuning"))
    for evalset in sets:
        answerer = Answerer(indexes[evalset.corpus], weights=weights)
        # Only the tuning split is asked: held-out questions are what `make test` gates.
        total.outcomes += evaluate(answerer, evalset.questions, split="tuning").outcomes
    row = total.total()
    top1 = row.top1 / row.answerable
    wrongly = row.declined_wrongly / row.answerable
    right = row.declined_correctly / max(1, row.must_decline)
    return top1 + right - wrongly, f"top-1 {top1:6.1%}  declined {wrongly:6.1%}  decl. ok {right:6.1%}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="only the variants, default weights")
    args = parser.parse_args()
    sets = load_suite(SUITE)
    corpora = {s.corpus for s in sets}
    print("BM25 variants (default weights):")
    best_variant = None
    for variant in ("BM25L", "BM25L-0.2.2", "BM25Okapi", "BM25Plus"):
        indexes = {c: build_index(load_corpus(c), variant) for c in corpora}
        objective, line = measure(sets, indexes, DEFAULT)
        print(f"  {variant:<12} {line}  objective {objective:.3f}")
        if best_variant is None or objective > best_variant[0]:
            best_variant = (objective, variant)
    if args.quick:
        return 0
    indexes = {c: build_index(load_corpus(c)) for c in corpora}
    grid = {
        "min_coverage": [0.5, 0.55, 0.6],
        "given": [0.25, 0.4, 0.6],
        "relaxed": [0.5, 0.6, 0.7],
        "type_fit": [0.25, 0.4],
        "synonym": [0.6, 0.8],
        "unknown_weak": [0.25, 0.4],
    }
    results = []
    for values in itertools.product(*grid.values()):
        weights = replace(DEFAULT, **dict(zip(grid, values, strict=True)))
        objective, line = measure(sets, indexes, weights)
        results.append((objective, values, line))
    results.sort(reverse=True)
    print("\nBest weights (" + ", ".join(grid) + "):")
    for objective, values, line in results[:8]:
        print(f"  {values}  {line}  objective {objective:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
