"""Load: the real bot against a bare echo bot, in webhook and in polling mode, on the fake Bot API.

Run: .venv/bin/python benchmarks/load.py          (about 2-3 minutes; --help for options)
     .venv/bin/python benchmarks/load.py --stores sqlite postgres   (the bot on each backend)

For each mode, each bot (`python -m bot run`, and benchmarks/echo_bot.py with the same
python-telegram-bot set-up) runs as its own process against a fresh fake Bot API server
(tests/fakebotapi.py). After a short warm-up, 50 chats each send 20 questions as fast as they
can, without waiting for answers. Printed per run: answers per second, the time from an
update leaving the "person" to Telegram accepting its reply (p50/p95/p99; in polling mode the
update waits in the fake's queue for the long poll, in webhook mode the time includes the
POST), the bot's CPU time per update, its peak memory (VmHWM), and how many answers were lost
or duplicated. Then the ratio of the real bot's time per update to the echo bot's (target:
at most 1.3).

`--stores sqlite postgres` runs the real bot twice per mode: on its SQLite file, and on a
PostgreSQL 16 database (tests/pgserver_harness.py, with PostgreSQL's default durability: fsync
and synchronous commit on) through DATABASE_URL. Each run's stored questions are counted
("rows": every question once, none twice), and the PostgreSQL run's time per update is compared
with the SQLite run's (target: at most 1.1).

A chat's replies carry no reference to the question in private chats, so latencies pair each
chat's k-th question with its k-th reply; the mean is exact, the percentiles nearly so.
`--profile` runs the real bot under cProfile and prints where its main thread spent time.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import asyncpg

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3  # the real bot's time per update over the echo bot's
POSTGRES_TARGET = 1.1  # the bot on PostgreSQL: its time per update over the SQLite run's


def _load(name: str) -> ModuleType:
    """A helper that lives with the tests; load that file rather than keep a copy here."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"tests/{name}.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


fake = _load("fakebotapi")


def questions() -> list[str]:
    """The evaluation set's questions: real work for the answerer, answers and declines."""
    with (ROOT / "tests" / "eval" / "questions.toml").open("rb") as file:
        return [item["q"] for item in tomllib.load(file)["question"]]


class Process(fake.BotProcess):  # type: ignore[name-defined,misc]
    """A bot process with its own command line (the echo bot, or the bot under cProfile)."""

    def __init__(self, api, data_dir: Path, command: list[str], env: dict[str, str]) -> None:
        super().__init__(api, data_dir, env=env)
        self.command = command

    def start(self, *, wait_ready: bool = True) -> Process:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        if wait_ready:
            self.wait_ready(timeout=60)
        return self


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_mb(pid: int) -> float:
    """A process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Result:
    bot: str  # "echo", "bot" (on SQLite) or "bot-pg" (on PostgreSQL)
    mode: str
    expected: int
    answers: int
    lost: int
    duplicated: int
    seconds: float
    latencies: list[float]
    cpu_ms_per_update: float
    peak_mb: float
    calls_per_answer: float  # Bot API calls about a chat (the rate-limited kind) per answer
    rows: int | None = None  # questions stored (the real bot), warm-up included

    @property
    def per_second(self) -> float:
        return self.answers / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        """The p-th percentile of update-to-reply time, in ms."""
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1] * 1000


def stored_questions(data: Path, database_url: str | None) -> int:
    """How many questions the bot stored, in its SQLite file or its PostgreSQL database."""
    if database_url is None:
        with sqlite3.connect(data / "bot.sqlite3") as db:
            return db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]

    async def count() -> int:
        connection = await asyncpg.connect(database_url)
        try:
            return int(await connection.fetchval("SELECT COUNT(*) FROM questions"))
        finally:
            await connection.close()

    return asyncio.run(count())


def run(
    bot: str, mode: str, chats: int, each: int, profile: Path | None, database_url: str | None = None
) -> Result:
    """Start `bot` ("bot", "bot-pg" with `database_url`, or "echo") in `mode`, send the load,
    and measure."""
    texts = questions()
    with fake.FakeBotAPI() as api, tempfile.TemporaryDirectory() as data:
        env = {"RATE_LIMIT_PER_MINUTE": "10000"}  # measure answering, not flood control
        if database_url is not None:
            env["DATABASE_URL"] = database_url
        if mode == "webhook":
            port = fake.free_port()
            env |= {
                "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
                "WEBHOOK_SECRET": "load-secret-0123456789",
                "PORT": str(port),
            }
        if bot == "echo":
            command = [sys.executable, str(ROOT / "benchmarks" / "echo_bot.py")]
        elif profile is not None:
            command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "bot", "run"]
        else:
            command = [sys.executable, "-m", "bot", "run"]
        process = Process(api, Path(data), command, env).start()
        pid = process.process.pid
        try:
            if mode == "webhook":  # "is up" comes before the webhook listens and is registered
                api.wait_for("setWebhook", timeout=60)
            warm = fake.Conversation(api, 1)
            for number, text in enumerate(texts[:5]):
                warm.say(text)
                warm.reply(after=number, timeout=60)

            chat_ids = list(range(10_001, 10_001 + chats))

            def person(chat: int) -> list[float]:
                sent = []
                for n in range(each):
                    message = api.new_message(texts[(chat * each + n) % len(texts)], user_id=chat)
                    sent.append(time.time())
                    api.push("message", message)  # webhook mode: POSTed to the bot right here
                return sent

            cpu_before = cpu_seconds(pid)
            calls_before = len(api.calls)
            started = time.time()
            with ThreadPoolExecutor(max_workers=chats) as pool:
                sent = dict(zip(chat_ids, pool.map(person, chat_ids), strict=True))
            expected = chats * each
            wanted = set(chat_ids)
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                replies = [c for c in api.processed if c.method == "sendMessage"
                           and c.params["chat_id"] in wanted]  # fmt: skip
                if len(replies) >= expected:
                    break
                time.sleep(0.05)
            finished = max((c.at for c in replies), default=time.time())
            cpu = cpu_seconds(pid) - cpu_before
            time.sleep(1.0)  # a late duplicate would show up now
            replies = [c for c in api.processed if c.method == "sendMessage"
                       and c.params["chat_id"] in wanted]  # fmt: skip
            memory = peak_mb(pid)
            chat_calls = sum(1 for c in api.calls[calls_before:] if c.params.get("chat_id") in wanted)
        finally:
            code = process.stop(timeout=20)
        if code != 0:
            raise SystemExit(f"{bot} ({mode}) exited with {code}:\n{process.output[-3000:]}")
        rows = None if bot == "echo" else stored_questions(Path(data), database_url)
    per_chat = Counter(c.params["chat_id"] for c in replies)
    latencies = []
    for chat in chat_ids:
        received = sorted(c.at for c in replies if c.params["chat_id"] == chat)
        latencies += [r - s for s, r in zip(sorted(sent[chat]), received, strict=False)]
    return Result(
        bot=bot,
        mode=mode,
        expected=expected,
        answers=len(replies),
        lost=sum(max(0, each - per_chat[chat]) for chat in chat_ids),
        duplicated=sum(max(0, per_chat[chat] - each) for chat in chat_ids),
        seconds=finished - started,
        latencies=latencies,
        cpu_ms_per_update=cpu * 1000 / expected,
        peak_mb=memory,
        calls_per_answer=chat_calls / max(1, len(replies)),
        rows=rows,
    )


def _row(result: Result) -> str:
    return (
        f"{result.bot:<6} {result.mode:<8} {result.per_second:>9.1f} {result.percentile(50):>8.0f}"
        f" {result.percentile(95):>8.0f} {result.percentile(99):>8.0f}"
        f" {result.cpu_ms_per_update:>9.2f} {result.calls_per_answer:>7.2f} {result.peak_mb:>8.1f}"
        f" {result.answers:>5}/{result.expected:<5} {result.lost:>4} {result.duplicated:>4}"
        f" {'-' if result.rows is None else result.rows:>5}"
    )


def _print_profile(path: Path, lines: int = 25) -> None:
    print(f"\nWhere the real bot's main thread spent its time (cProfile, {path}):")
    stats = pstats.Stats(str(path))
    stats.sort_stats("tottime").print_stats(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--questions", type=int, default=20, help="per chat")
    parser.add_argument("--modes", nargs="+", default=["webhook", "polling"])
    parser.add_argument("--profile", action="store_true", help="profile the real bot (slower)")
    parser.add_argument(
        "--stores",
        nargs="+",
        choices=["sqlite", "postgres"],
        default=["sqlite"],
        help="the real bot's backends (postgres: a PostgreSQL 16 started for the run)",
    )
    args = parser.parse_args(argv)
    header = (
        f"{'bot':<6} {'mode':<8} {'answers/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        f" {'CPU ms/u':>9} {'calls/a':>7} {'peak MB':>8} {'answered':>11} {'lost':>4} {'dup':>4}"
        f" {'rows':>5}"
    )
    print(f"{args.chats} chats x {args.questions} questions, sent as fast as they can\n")
    print(header)
    results: dict[tuple[str, str], Result] = {}
    profile = Path(tempfile.gettempdir()) / "bot-load.prof" if args.profile else None
    postgres = _load("pgserver_harness").PostgresServer(fsync=True) if "postgres" in args.stores else None
    bots = ["echo", *(("bot",) if "sqlite" in args.stores else ()), *(("bot-pg",) if postgres else ())]
    expected_rows = args.chats * args.questions + 5  # the warm-up's questions too
    try:
        if postgres is not None:
            postgres.start()
        for mode in args.modes:
            for bot in bots:
                url = postgres.create_database(f"load_{mode}") if bot == "bot-pg" and postgres else None
                result = run(bot, mode, args.chats, args.questions, profile if bot == "bot" else None, url)
                results[bot, mode] = result
                print(_row(result), flush=True)
    finally:
        if postgres is not None:
            postgres.close()
    print()
    rows_wrong = [
        f"{bot} {mode}: {r.rows} rows, not {expected_rows}"
        for (bot, mode), r in results.items()
        if r.rows is not None and r.rows != expected_rows
    ]
    failed = False
    for mode in args.modes:
        if ("bot", mode) in results and ("bot-pg", mode) in results:
            sqlite, pg = results["bot", mode], results["bot-pg", mode]
            ratio = (pg.seconds / pg.expected) / (sqlite.seconds / sqlite.expected)
            verdict = "ok" if ratio <= POSTGRES_TARGET else "MISSED"
            print(
                f"{mode}: on PostgreSQL, time per update {ratio:.2f}x the SQLite run's"
                f" [target <= {POSTGRES_TARGET}: {verdict}]; p50 {pg.percentile(50):.0f} vs"
                f" {sqlite.percentile(50):.0f} ms"
            )
            failed |= ratio > POSTGRES_TARGET
        if ("bot", mode) not in results:
            continue
        bot, echo = results["bot", mode], results["echo", mode]
        ratio = (bot.seconds / bot.expected) / (echo.seconds / echo.expected)
        cpu = bot.cpu_ms_per_update / echo.cpu_ms_per_update if echo.cpu_ms_per_update else 0.0
        verdict = "ok" if ratio <= TARGET else "MISSED"
        print(
            f"{mode}: time per update {ratio:.2f}x the echo bot's [target <= {TARGET}: {verdict}];"
            f" CPU per update {cpu:.1f}x; p50 {bot.percentile(50) / echo.percentile(50):.2f}x"
        )
        failed |= ratio > TARGET
    lost = sum(r.lost for r in results.values())
    duplicated = sum(r.duplicated for r in results.values())
    print(f"answers lost: {lost}, duplicated: {duplicated}")
    stored = "; ".join(rows_wrong) if rows_wrong else f"{expected_rows} in each run, as asked"
    print(f"stored questions: {stored}")
    failed |= bool(rows_wrong)
    if profile is not None:
        _print_profile(profile)
    return 1 if failed or lost or duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
