"""The local REPL: a prompt with history and a few commands, or one question per line from a pipe."""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from bot.console import render_answer, render_more, render_sources
from index.answerer import Answerer

HELP = """Ketik pertanyaan tentang berita ini, lalu Enter. Perintah:
  :sumber   daftar artikel
  :lagi     kutipan lain untuk pertanyaan terakhir
  :help     bantuan ini
  :quit     keluar (atau Ctrl-D)"""


def repl(answerer: Answerer, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Answer questions until end of input or :quit; returns the exit code."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    event = answerer.corpus.event
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (gives input() line editing and history)
        print(f"{event.title}\n{HELP}\n", file=stdout)
    previous: str | None = None
    last = None
    while True:
        try:
            line = input("tanya> ") if interactive else stdin.readline()
        except (EOFError, KeyboardInterrupt):
            print(file=stdout)
            return 0
        if not interactive and line == "":
            return 0
        line = line.strip()
        if not line:
            continue
        command = line.lower()
        if command in {":quit", ":q", ":exit", ":keluar"}:
            return 0
        if command in {":help", ":bantuan", ":h", "?"}:
            print(HELP, file=stdout)
            continue
        if command in {":sumber", ":sources"}:
            print(render_sources(answerer.corpus.sources), file=stdout)
            continue
        if command in {":lagi", ":more"}:
            print(render_more(last) if last is not None else HELP, file=stdout)
            continue
        last = answerer.answer(line, previous=previous)
        if last.answered:
            previous = last.topic or line
        print(render_answer(last, event.title), file=stdout)
        if not interactive:
            print(file=stdout)
        stdout.flush()
