"""How the answering path grows with the corpus (issue 13's targets at 1,000x in brackets).

Run: .venv/bin/python benchmarks/scale.py --sizes 1,10,100,1000

For each size, benchmarks/generate_corpus.py writes a corpus of that many times the seed
(into --work, default data/scale/, which git ignores), then this prints one Markdown table
row: start-up to the first answer of a fresh `python -m bot ask` process with nothing cached
(it stems every word, builds the index and saves both) and with the index cache warm (it
loads the pickle); the index build with the stem cache kept from that first run, as after a
change to the code [<= 10 s]; adding one article with `python -m index add` to a copy of the
corpus whose index is cached, the index update alone [< 1 s] and the whole command; the cost
of one question in a running process, p50 and p95 over tests/eval/questions.toml; and peak
memory (max RSS) of the warm `bot ask` process [<= 250 MB] and of the measuring process,
which builds the index and asks every question. The row "seed" is corpus/ itself. A
sentence per measure says how it grows. Each measurement runs in its own process, so one
size's memory never counts for the next.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
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
# The article `index add` adds: a saved page the tests ship.
NEW_ARTICLE = ROOT / "tests" / "fixtures" / "pages" / "og_tags.html"


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
    update_s: float  # the index update of `index add`
    add_s: float  # the whole `index add` process
    p50_ms: float
    p95_ms: float
    ask_mb: float
    measuring_mb: float


def _questions() -> list[str]:
    return [q["q"] for q in tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))["question"]]


def measure_in_process(corpus_dir: Path, cache_dir: Path | None) -> dict[str, float]:
    """Build the index (with the stem cache of `cache_dir`, when given) and time every question
    in this process (run as a child of main)."""
    from index.answerer import Answerer
    from index.build import build_index
    from index.cache import cache_key, load_stems
    from index.corpus import load_corpus

    corpus = load_corpus(corpus_dir)
    if cache_dir is not None:
        load_stems(cache_dir, cache_key())
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
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "DATA_DIR": data, "CORPUS_DIR": str(corpus_dir), "LOG_LEVEL": "WARNING"}
        env.pop("INDEX_CACHE_DIR", None)
        cache_dir = Path(data, "index-cache")
        ask = [sys.executable, "-m", "bot", "ask", FIRST_QUESTION]
        cold_s, _, _ = _run(ask, env)
        caches = list(cache_dir.glob("index-*.pickle"))
        if len(caches) != 1:
            raise SystemExit(f"expected one index cache in {data}, found {caches}")
        cache_mb = caches[0].stat().st_size / 1e6
        warm = [_run(ask, env)[:2] for _ in range(warm_runs)]
        if not caches[0].exists():
            # The cache is keyed by the index code's hash: someone edited index/ mid-run, so
            # a "warm" start rebuilt it and its time is a cold one.
            raise SystemExit("the index code changed during the run; run again on a quiet checkout")
        inner = json.loads(
            _run(
                [sys.executable, __file__, "--measure", str(corpus_dir), "--stems", str(cache_dir)],
                dict(os.environ),
            )[2]
        )
        # The index is keyed by the corpus's contents, not its folder: a copy's is the one cached.
        copy = Path(data, "corpus")
        shutil.copytree(corpus_dir, copy)
        add = [sys.executable, "-m", "index", "add", "--corpus", str(copy), "--cache-dir", str(cache_dir)]
        add_s, _, out = _run([*add, str(NEW_ARTICLE)], env)
        updated = re.search(r"index brought up to date in ([\d.]+) s", out)
        if updated is None:
            raise SystemExit(f"`index add` did not update the cached index:\n{out}")
        return Row(
            label=label,
            times=times,
            articles=int(inner["articles"]),
            passages=int(inner["passages"]),
            build_s=inner["build_s"],
            cache_mb=cache_mb,
            cold_s=cold_s,
            warm_s=statistics.median(s for s, _ in warm),
            update_s=float(updated.group(1)),
            add_s=add_s,
            p50_ms=inner["p50_ms"],
            p95_ms=inner["p95_ms"],
            ask_mb=max(mb for _, mb in warm),
            measuring_mb=inner["max_rss_mb"],
        )


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| corpus | articles | passages | first answer, nothing cached / index cached "
        "| index build, stems cached | add one article: index update / whole `index add` "
        "| cache on disk | per question p50 / p95 | peak RSS `bot ask` / measuring process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.label} | {r.articles:,} | {r.passages:,} | {r.cold_s:.2f} / {r.warm_s:.2f} s "
            f"| {r.build_s:.2f} s | {r.update_s:.2f} / {r.add_s:.2f} s | {r.cache_mb:.1f} MB "
            f"| {r.p50_ms:.1f} / {r.p95_ms:.1f} ms | {r.ask_mb:.0f} / {r.measuring_mb:.0f} MB |"
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
    """Issue 13's targets at 1,000x, met or not."""
    at = [r for r in rows if r.times == 1000]
    if not at:
        return []
    r = at[0]
    checks = [
        (f"cold build (stems cached) <= 10 s: {r.build_s:.1f} s", r.build_s <= 10),
        (f"adding one article updates the index in < 1 s: {r.update_s:.2f} s", r.update_s < 1),
        (f"peak RSS of `bot ask` <= 250 MB: {r.ask_mb:.0f} MB", r.ask_mb <= 250),
    ]
    return [
        "Targets at 1,000x: " + "; ".join(f"{name} {'met' if ok else 'MISSED'}" for name, ok in checks) + "."
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
    parser.add_argument("--stems", type=Path, help=argparse.SUPPRESS)  # its stem cache
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_in_process(args.measure, args.stems)))
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
