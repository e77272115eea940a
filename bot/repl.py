"""The local REPL: a prompt with history and a few commands, or one question per line from a pipe."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import TextIO

from bot.console import render_answer, render_more, render_sources
from index.answerer import Answerer
from index.answers import Answer, Kind

HELP = """Ketik pertanyaan tentang berita ini, lalu Enter. Perintah:
  :sumber     daftar artikel
  :ringkasan  ringkasan berita dari beberapa media
  :kronologi  urutan kejadian, dengan tanggalnya
  :lagi       kutipan lain untuk jawaban terakhir
  :help       bantuan ini
  :quit       keluar (atau Ctrl-D)"""
NOTHING_YET = "Belum ada pertanyaan: tanyakan sesuatu dulu, lalu :lagi untuk kutipan lainnya."

QUIT = {":quit", ":q", ":exit", ":keluar"}
HELP_COMMANDS = {":help", ":bantuan", ":h", "?"}
SOURCES = {":sumber", ":sources"}
MORE = {":lagi", ":more"}
DIGEST = {":ringkasan", ":summary"}
TIMELINE = {":kronologi", ":timeline"}


def repl(
    answerer: Answerer,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    follow_up_minutes: float = 5,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Answer questions until end of input or :quit; returns the exit code.

    A question is read as a follow-up of the last answered one asked within
    `follow_up_minutes` (0: never), as in Telegram with CONTEXT_MINUTES; after a decline, a
    question asked back, a summary or a timeline there is nothing to follow. From a pipe each
    line is echoed as `> line` before its reply, and a blank line ends each reply.
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    event = answerer.corpus.event
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (gives input() line editing and history)
        print(f"{event.title}\n{HELP}\n", file=stdout)
    previous: str | None = None
    asked_at = 0.0
    last: Answer | None = None
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
        if not interactive:
            print(f"> {line}", file=stdout)
        command = line.lower()
        if command in QUIT:
            return 0
        if command in HELP_COMMANDS:
            reply = HELP
        elif command in SOURCES:
            reply = render_sources(answerer.corpus.sources)
        elif command in MORE:
            reply = render_more(last) if last is not None else NOTHING_YET
        elif command in DIGEST or command in TIMELINE:
            last = answerer.digest("id") if command in DIGEST else answerer.timeline("id")
            previous = None
            reply = render_answer(last, event.title)
        elif command.startswith(":") and command[1:2].isalpha():
            reply = f"Perintah {line.split()[0]} tidak dikenal. {HELP}"
        else:
            recent = follow_up_minutes > 0 and clock() - asked_at <= follow_up_minutes * 60
            last = answerer.answer(line, previous=previous if recent else None)
            if last.answered:
                previous, asked_at = last.topic or line, clock()
            elif last.kind in (Kind.DECLINE, Kind.CLARIFY):
                previous = None  # "kapan itu?" next is asked back, not read as an older question
            reply = render_answer(last, event.title)
        print(reply, file=stdout)
        if not interactive:
            print(file=stdout)
        stdout.flush()
