"""Trains the decision whether the sources answer (index/gate.py) on the TUNING split.

Run: .venv/bin/python benchmarks/train_gate.py [--write]

Every tuning question of tests/eval/suite.toml that reaches the one-answer path (not a digest,
a timeline or a comparison) is read and ranked as the bot does, with the hand-set rules
deciding follow-ups' earlier questions; its first candidate's features (index/gate.FEATURES)
are labelled 1 when that sentence holds a phrase the right answer holds, else 0 (a question
the articles do not answer is always 0). A logistic model is fitted by gradient descent with
a little L2 (no library beyond numpy), and the threshold chosen where, over the same
questions, right first answers + right declines - answerable questions declined (the
objective of benchmarks/choose_weights.py) is best: the middle of the thresholds within a
hundredth of the best (the objective is flat across a tenth or two of the scale).
Held-out questions are never read here: they are what `make test` gates. `--write` saves the
model to index/data/gate.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from index.answerer import Answerer
from index.cache import load_index
from index.corpus import load_corpus
from index.evaluation import load_items, load_suite
from index.forms import COMPARE, DIGEST, TIMELINE
from index.gate import FEATURES, RULES, decides, features, vetoed
from index.ranking import rank
from index.retrieval import retrieve

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "eval" / "suite.toml"
OUT = ROOT / "index" / "data" / "gate.json"
L2 = 0.01
STEPS = 4000
RATE = 0.5
WINDOW = 0.02
TOLERANCE = 0.01
# Evidence that may only make an answer likelier (tests/test_gate.py holds the model to it).
MORE_IS_LIKELIER = (
    "support",
    "coverage",
    "around",
    "fit",
    "fit_margin",
    "fit_enough",
    "holds_asked",
    "eligible",
    "eligible_support",
    "value_clause",
)


def rows() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and whether each question must be declined, tuning split only."""
    answerers: dict[Path, Answerer] = {}
    xs, ys, declines = [], [], []
    for evalset in load_suite(SUITE):
        if evalset.corpus not in answerers:
            answerers[evalset.corpus] = Answerer(
                load_index(load_corpus(evalset.corpus), None), gate_model=RULES
            )
        answerer = answerers[evalset.corpus]
        for item in load_items(evalset.questions):
            if item.split != "tuning":
                continue
            previous = None
            if item.previous:
                before = answerer.answer(item.previous)
                previous = before.topic if before.answered else None
            q = answerer.queries.read(item.question)
            query = answerer.queries.build(q, previous)
            if q.form in (DIGEST, TIMELINE, COMPARE) or not query.terms or q.greeting or not decides(query):
                continue
            ranked = rank(
                answerer.index, query, retrieve(answerer.index, query, answerer.weights), answerer.weights
            )
            if not ranked or vetoed(ranked[0]):
                continue  # declined whatever the model says
            text = answerer.index.sentences[ranked[0].sentence].text.casefold()
            right = not item.decline and any(e.casefold() in text for e in item.expect)
            xs.append(features(answerer.index, query, ranked, answerer.weights))
            ys.append(1.0 if right else 0.0)
            declines.append(item.decline)
    return np.array(xs), np.array(ys), np.array(declines)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-6] = 1.0  # a feature (nearly) constant on the tuning split
    z = (x - means) / scales
    w = np.zeros(z.shape[1])
    b = 0.0
    more = [FEATURES.index(name) for name in MORE_IS_LIKELIER]
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= RATE * (z.T @ (p - y) / len(y) + L2 * w)
        b -= RATE * float(np.mean(p - y))
        # More of the question held, the asked fact held, the rules' yes: never less likely
        # (support and coverage move together, and the fit would otherwise give one of them
        # a weight below zero)
        w[more] = np.maximum(w[more], 0.0)
    return means, scales, w, b


def objective(p: np.ndarray, y: np.ndarray, declines: np.ndarray, threshold: float) -> tuple[float, str]:
    answered = p >= threshold
    answerable = ~declines
    top1 = float(np.sum(answered & (y == 1)) / answerable.sum())
    wrongly = float(np.sum(~answered & answerable) / answerable.sum())
    right = float(np.sum(~answered & declines) / max(1, declines.sum()))
    return top1 + right - wrongly, f"top-1 {top1:6.1%}  declined {wrongly:6.1%}  decl. ok {right:6.1%}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help=f"save the model to {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    x, y, declines = rows()
    means, scales, w, b = fit(x, y)
    p = 1 / (1 + np.exp(-(((x - means) / scales) @ w + b)))
    rules = x[:, FEATURES.index("eligible")]
    print(f"{len(y)} tuning questions; hand-set rules: {objective(rules, y, declines, 0.5)[1]}")
    # The threshold at the centre of the best stretch, not at a lone peak: the objective averaged
    # over thresholds within WINDOW of it, so that one question more or less on the tuning split
    # does not move the line across a plateau.
    grid = [round(float(t), 2) for t in np.arange(0.2, 0.71, 0.01)]
    score = {t: objective(p, y, declines, t)[0] for t in grid}
    smoothed = {t: float(np.mean([score[u] for u in grid if abs(u - t) <= WINDOW + 1e-9])) for t in grid}
    # Where the objective is flat (it is, across a tenth or two of the probability scale: each
    # point there trades an answer for a decline), the middle of the thresholds within TOLERANCE
    # of the best: a question more or less on the tuning split moved the best single point from
    # one end of the flat to the other (0.43 to 0.34), and the middle moves little.
    best = max(smoothed.values())
    near = [t for t in grid if smoothed[t] >= best - TOLERANCE]
    threshold = near[len(near) // 2]
    print(f"model, threshold {threshold:.2f}: {objective(p, y, declines, threshold)[1]}")
    for name, weight in sorted(zip(FEATURES, w, strict=True), key=lambda pair: -abs(pair[1]))[:10]:
        print(f"  {name:<16} {weight:+.2f}")
    if args.write:
        model = {
            "note": "Made by benchmarks/train_gate.py from the tuning split of tests/eval/suite.toml "
            "only (the held-out split is never read); see index/gate.py.",
            "features": list(FEATURES),
            "means": [round(float(v), 6) for v in means],
            "scales": [round(float(v), 6) for v in scales],
            "weights": [round(float(v), 6) for v in w],
            "bias": round(b, 6),
            "threshold": threshold,
        }
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
