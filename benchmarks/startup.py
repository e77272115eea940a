"""Speed and memory of the answering path on the corpus (issue targets in brackets).

Run: .venv/bin/python benchmarks/startup.py   (or `make bench`)

Measures: index build time; start-up to first answer of `python -m bot ask` against the
floor `python -c "import telegram.ext, rank_bm25, Sastrawi, aiosqlite"` [<= 1.5x]; the cost
of one more question in a running process [< 5 ms]; peak memory of `bot ask` [< 150 MB].
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from index.answerer import Answerer
from index.build import build_index
from index.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent


def _timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    started = time.perf_counter()
    pid = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed with status {status}")
    return elapsed, usage.ru_maxrss


def main() -> int:
    """Print the figures as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    corpus = load_corpus(args.corpus)
    builds = []
    for _ in range(5):
        started = time.perf_counter()
        build_index(corpus)
        builds.append(time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "DATA_DIR": data, "CORPUS_DIR": args.corpus, "LOG_LEVEL": "WARNING"}
        # The corpus's own first example question: a question it answers.
        question = corpus.event.examples[0] if corpus.event.examples else "?"
        ask = [sys.executable, "-m", "bot", "ask", question]
        floor = [sys.executable, "-c", "import telegram.ext, rank_bm25, Sastrawi, aiosqlite"]
        _timed_run(ask, env)  # the first run fills the index cache, as a deployment's first start
        _timed_run(floor, env)
        ask_runs, floor_runs, peaks = [], [], []
        for _ in range(args.runs):
            seconds, peak = _timed_run(ask, env)
            ask_runs.append(seconds)
            peaks.append(peak)
            floor_runs.append(_timed_run(floor, env)[0])

    answerer = Answerer.load(args.corpus)
    eval_file = corpus.event.eval_file
    questions = (
        [q["q"] for q in tomllib.loads(eval_file.read_text(encoding="utf-8"))["question"]]
        if eval_file and eval_file.exists()
        else list(corpus.event.examples)
    )
    for q in questions:  # warm every cache once: the steady state of a running bot
        answerer.answer(q)
    per_question = []
    for _ in range(5):
        for q in questions:
            started = time.perf_counter()
            answerer.answer(q)
            per_question.append((time.perf_counter() - started) * 1000)
    per_question.sort()

    ask_s, floor_s = statistics.median(ask_runs), statistics.median(floor_runs)
    shown = os.path.relpath(args.corpus, ROOT)
    print(
        f"corpus: {shown} ({len(corpus.articles)} articles); runs: {args.runs}; "
        f"Python {sys.version.split()[0]}"
    )
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| index build (median of 5) | {statistics.median(builds) * 1000:.0f} ms | - |")
    print(f"| `python -m bot ask` start-up to first answer (median) | {ask_s * 1000:.0f} ms | - |")
    print(f"| import floor `telegram.ext, rank_bm25, Sastrawi, aiosqlite` | {floor_s * 1000:.0f} ms | - |")
    print(f"| start-up / floor | {ask_s / floor_s:.2f}x | <= 1.5x |")
    print(
        f"| one more question, p50 / p95 ({len(per_question)} asked) | "
        f"{statistics.median(per_question):.2f} / {per_question[int(0.95 * len(per_question)) - 1]:.2f} ms"
        " | < 5 ms |"
    )
    print(f"| peak memory of `bot ask` (max RSS) | {max(peaks) / 1024:.0f} MB | < 150 MB |")
    print(
        f"| this process after {len(per_question)} questions (max RSS) | "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB | - |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
