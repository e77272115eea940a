"""`python -m bot ask|repl|eval|run|stats`: every command calls the same answering object."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from bot.console import render_answer
from bot.repl import repl
from bot.settings import Settings, SettingsError, load_settings
from index.answerer import Answerer
from index.corpus import CorpusError
from index.evaluation import EvalError, evaluate, evaluate_suite, format_report, format_suite

SUITE = Path("tests/eval/suite.toml")
# The corpus shipped with the code, found from any working directory when CORPUS_DIR is left
# at its default and ./corpus does not exist (a checkout or an editable install has it here).
SHIPPED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def version() -> str:
    """The installed berita-bot version, as `--version` prints it."""
    try:
        return f"berita-bot {metadata.version('berita-bot')}"
    except metadata.PackageNotFoundError:
        return "berita-bot (not installed)"


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Answers questions about a news event with cited sentences from its articles.",
        epilog=f"`{prog} repl` asks interactively; `{prog} COMMAND --help` tells more of one command.",
    )
    parser.add_argument("--version", action="version", version=version())
    parser.add_argument("--corpus", metavar="DIR", help="corpus folder (default: $CORPUS_DIR or corpus)")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="ask, repl, eval: build the index in memory, ignoring the cache",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    ask = commands.add_parser("ask", help="answer questions given as arguments")
    ask.add_argument("questions", nargs="+", metavar="QUESTION")
    ask.add_argument("--json", action="store_true", help="one JSON object per question, per line")
    commands.add_parser("repl", help="ask questions interactively (or one per line from a pipe)")
    ev = commands.add_parser("eval", help="score the answers on an evaluation set")
    ev.add_argument(
        "--questions",
        metavar="FILE",
        help="evaluation file (default: the one the corpus's sources.toml names as `eval`)",
    )
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument(
        "--suite",
        metavar="FILE",
        nargs="?",
        const=str(SUITE),
        help=f"score every set of a suite, tuning and held-out apart (default FILE: {SUITE})",
    )
    ev.add_argument(
        "--show-heldout", action="store_true", help="with --suite: list the held-out misses too"
    )
    run = commands.add_parser("run", help="run the Telegram bot (webhook if WEBHOOK_URL is set)")
    run.add_argument("--polling", action="store_true", help="long-poll even if WEBHOOK_URL is set")
    commands.add_parser("stats", help="usage statistics from the bot's database")
    move = commands.add_parser(
        "migrate-store",
        help="copy the SQLite file's questions, votes and state into an empty PostgreSQL database",
    )
    move.add_argument(
        "--to",
        metavar="URL",
        required=True,
        help="the PostgreSQL database, as DATABASE_URL gives it (e.g. --to \"$DATABASE_URL\")",
    )
    move.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="the SQLite file (default: $DATABASE_PATH, or data/bot.sqlite3)",
    )
    return parser


def _corpus_dir(settings: Settings, args: argparse.Namespace) -> Path:
    """--corpus, else CORPUS_DIR; the shipped corpus when that is the default and not here."""
    if args.corpus:
        return Path(args.corpus)
    if settings.corpus_dir == Path("corpus") and not settings.corpus_dir.exists():
        if SHIPPED_CORPUS.is_dir():
            return SHIPPED_CORPUS
        raise CorpusError(
            f"no corpus folder here ({Path.cwd() / 'corpus'}): set CORPUS_DIR or pass --corpus DIR"
        )
    return settings.corpus_dir


def _answerer(settings: Settings, args: argparse.Namespace) -> Answerer:
    return Answerer.load(_corpus_dir(settings, args), None if args.no_cache else settings.index_cache_dir)


def main(argv: list[str] | None = None, prog: str = "berita-bot") -> int:
    """Run one command; returns the process exit code (2 for bad input or settings)."""
    parser = _parser(prog)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        settings = load_settings()
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        command = args.command
        if command == "run":
            from bot.telegram_app import run_bot

            settings = replace(settings, corpus_dir=_corpus_dir(settings, args))
            return run_bot(settings, force_polling=args.polling)
        if command == "stats":
            from bot.stats import print_stats

            return print_stats(settings)
        if command == "migrate-store":
            from bot.stats import copy_store

            return copy_store(Path(args.source) if args.source else settings.database_path, args.to)
        if command == "eval" and args.suite:
            suite = evaluate_suite(
                Path(args.suite),
                lambda corpus: Answerer.load(corpus, None if args.no_cache else settings.index_cache_dir),
            )
            if args.json:
                print(json.dumps(suite.to_json(), ensure_ascii=False, indent=2))
            else:
                print(format_suite(suite, show_heldout=args.show_heldout))
            return 0
        answerer = _answerer(settings, args)
        if command == "ask":
            for question in args.questions:
                answer = answerer.answer(question)
                if args.json:
                    print(json.dumps(answer.to_json(), ensure_ascii=False))
                else:
                    print(render_answer(answer, answerer.corpus.event.title), end="\n\n")
            return 0
        if command == "eval":
            report = evaluate(answerer, Path(args.questions) if args.questions else None)
            if args.json:
                print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
            else:
                print(format_report(report))
            return 0
        return repl(answerer, follow_up_minutes=settings.context_minutes)
    except (CorpusError, SettingsError, EvalError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
