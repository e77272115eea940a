"""How the answering path grows with the corpus (issue 5 targets at 100x in brackets).

Run: .venv/bin/python benchmarks/scale.py --sizes 1,10,100,1000

For each size, benchmarks/generate_corpus.py writes a corpus of that many times the seed
(into --work, default data/scale/, which git ignores), then this prints one Markdown table
row: index build time [< 30 s]; the index cache pickle's size on disk; start-up to the first
answer of a fresh `python -m bot ask` process with the cache cold (it builds and saves the
index) and warm (it loads the pickle); the cost of one question in a running process, p50
and p95 over tests/eval/questions.toml [p95 < 50 ms]; and peak memory (max RSS) of the
warm `bot ask` process and of the measuring process, which builds the index and asks every
question [< 500 MB]. The row "seed" is corpus/ itself. A sentence per measure says how it
grows. Each measurement runs in its own process, so one size's memory never counts for the next.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "eval" / "questions.toml"
# The seed corpus's first example question, which every generated size can still answer.
FIRST_QUESTION = tomllib.loads((ROOT / "corpus" / "sources.toml").read_text(encoding="utf-8"))["event"][
    "examples"
][0]
ROUNDS = 3  # timed passes over the question list, after one untimed pass that warms caches


@dataclass
class Row:
    """One corpus size's figures."""

    label: str
    times: int  # 0 for the seed corpus
    articles: int
    passages: int
    build_s: float
    cache_mb: float
    cold_s: float
    warm_s: float
    p50_ms: float
    p95_ms: float
    ask_mb: float
    measuring_mb: float


def _questions() -> list[str]:
    return [q["q"] for q in tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))["question"]]


def measure_in_process(corpus_dir: Path) -> dict[str, float]:
    """Build the index and time every question in this process (run as a child of main)."""
    from index.answerer import Answerer
    from index.build import build_index
    from index.corpus import load_corpus

    corpus = load_corpus(corpus_dir)
    started = time.perf_counter()
    index = build_index(corpus)
    build_s = time.perf_counter() - started
    answerer = Answerer(index)
    questions = _questions()
    for q in questions:
        answerer.answer(q)
    costs = []
    for _ in range(ROUNDS):
        for q in questions:
            started = time.perf_counter()
            answerer.answer(q)
            costs.append((time.perf_counter() - started) * 1000)
    costs.sort()
    return {
        "articles": len(corpus.articles),
        "passages": len(index.passages),
        "build_s": build_s,
        "p50_ms": statistics.median(costs),
        "p95_ms": costs[math.ceil(0.95 * len(costs)) - 1],
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and standard output of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    out = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024, out


def measure(label: str, times: int, corpus_dir: Path, warm_runs: int) -> Row:
    """All figures for one corpus folder."""
    inner = json.loads(_run([sys.executable, __file__, "--measure", str(corpus_dir)], dict(os.environ))[2])
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "DATA_DIR": data, "CORPUS_DIR": str(corpus_dir), "LOG_LEVEL": "WARNING"}
        env.pop("INDEX_CACHE_DIR", None)
        ask = [sys.executable, "-m", "bot", "ask", FIRST_QUESTION]
        cold_s, _, _ = _run(ask, env)
        caches = list(Path(data, "index-cache").glob("index-*.pickle"))
        if len(caches) != 1:
            raise SystemExit(f"expected one index cache in {data}, found {caches}")
        cache_mb = caches[0].stat().st_size / 1e6
        warm = [_run(ask, env)[:2] for _ in range(warm_runs)]
        if not caches[0].exists():
            # The cache is keyed by the index code's hash: someone edited index/ mid-run, so
            # a "warm" start rebuilt it and its time is a cold one.
            raise SystemExit("the index code changed during the run; run again on a quiet checkout")
        return Row(
            label=label,
            times=times,
            articles=int(inner["articles"]),
            passages=int(inner["passages"]),
            build_s=inner["build_s"],
            cache_mb=cache_mb,
            cold_s=cold_s,
            warm_s=statistics.median(s for s, _ in warm),
            p50_ms=inner["p50_ms"],
            p95_ms=inner["p95_ms"],
            ask_mb=max(mb for _, mb in warm),
            measuring_mb=inner["max_rss_mb"],
        )


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| corpus | articles | passages | index build | cache on disk | first answer, cold / warm cache "
        "| per question p50 / p95 | peak RSS `bot ask` / measuring process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.label} | {r.articles:,} | {r.passages:,} | {r.build_s:.2f} s | {r.cache_mb:.1f} MB "
            f"| {r.cold_s:.2f} / {r.warm_s:.2f} s | {r.p50_ms:.1f} / {r.p95_ms:.1f} ms "
            f"| {r.ask_mb:.0f} / {r.measuring_mb:.0f} MB |"
        )
    return "\n".join(lines)


def growth(rows: list[Row]) -> list[str]:
    """A sentence per measure: its growth exponent from 10x (or the smallest size) to the largest."""
    # Below 10x the fixed costs (imports, the interpreter) hide how anything grows.
    sized = [r for r in rows if r.times >= 10] or [r for r in rows if r.times]
    if len(sized) < 2:
        return []
    small, large = sized[0], sized[-1]
    factor = large.passages / small.passages

    def says(name: str, a: float, b: float, floor: str = "") -> str:
        exponent = math.log(b / a) / math.log(factor)
        shape = "about linearly" if exponent > 0.8 else "sub-linearly" if exponent > 0.3 else "barely"
        note = f" ({floor})" if floor else ""
        return (
            f"- {name} grows {shape}: x{b / a:.1f} for x{factor:.0f} the passages "
            f"({small.label} to {large.label}; exponent {exponent:.2f}){note}."
        )

    return [
        says("Index build time", small.build_s, large.build_s),
        says("The cache on disk", small.cache_mb, large.cache_mb),
        says("Start-up to the first answer with a cold cache", small.cold_s, large.cold_s),
        says(
            "Start-up to the first answer with a warm cache",
            small.warm_s,
            large.warm_s,
            "the fixed part is Python and library imports",
        ),
        says("Per question p50", small.p50_ms, large.p50_ms),
        says("Per question p95", small.p95_ms, large.p95_ms),
        says(
            "Peak RSS of `bot ask`",
            small.ask_mb,
            large.ask_mb,
            "the fixed part is the interpreter and libraries",
        ),
        says("Peak RSS of the measuring process", small.measuring_mb, large.measuring_mb),
    ]


def targets(rows: list[Row]) -> list[str]:
    """The issue's targets at 100x, met or not."""
    at = [r for r in rows if r.times == 100]
    if not at:
        return []
    r = at[0]
    checks = [
        ("build < 30 s", r.build_s < 30),
        ("per question p95 < 50 ms", r.p95_ms < 50),
        ("memory < 500 MB", max(r.ask_mb, r.measuring_mb) < 500),
    ]
    return [
        "Targets at 100x: " + ", ".join(f"{name} {'met' if ok else 'MISSED'}" for name, ok in checks) + "."
    ]


def main() -> int:
    """Generate each size, measure it, print the table and the growth sentences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="comma-separated multiples of the seed")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "data" / "scale", help="where corpora are written"
    )
    parser.add_argument("--warm-runs", type=int, default=3, help="warm-cache `bot ask` runs per size")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_in_process(args.measure)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = [measure("seed", 0, ROOT / "corpus", args.warm_runs)]
    print(table(rows), flush=True)
    for times in sizes:
        folder = args.work / f"x{times}"
        _run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "generate_corpus.py"),
                "--times",
                str(times),
                "--out",
                str(folder),
            ],
            dict(os.environ),
        )
        rows.append(measure(f"{times}x", times, folder, args.warm_runs))
        print(table(rows).splitlines()[-1], flush=True)
    print()
    questions = len(_questions())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {questions} questions x {ROUNDS} rounds")
    print()
    print(table(rows))
    print()
    print("\n".join(growth(rows) + targets(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
