"""The REPL fed through a pipe, as a person pasting questions would read it."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from bot.console import render_answer, render_more
from bot.repl import repl
from index.answerer import Answerer
from index.answers import Answer

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Di mana Kim dan Putin bertemu?"
UNANSWERABLE = "Siapa presiden Indonesia?"


def piped(lines: str, tmp_path: Path, **env: str) -> list[str]:
    """The replies of `python -m bot repl` to `lines`, one block per input line."""
    environment = {**os.environ, "DATA_DIR": str(tmp_path), "LOG_LEVEL": "WARNING", **env}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "repl"],
        cwd=ROOT,
        input=lines,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("\n\n")
    return re.split(r"\n\n(?=> )", result.stdout.removesuffix("\n\n"))


def test_each_line_is_echoed_and_each_reply_ends_with_a_blank_line(tmp_path: Path) -> None:
    blocks = piped(f"{QUESTION}\n:lagi\n:sumber\n:help\nSiapa presiden Indonesia?\n", tmp_path)
    echoed = [block.splitlines()[0] for block in blocks]
    assert echoed == [f"> {QUESTION}", "> :lagi", "> :sumber", "> :help", "> Siapa presiden Indonesia?"]
    assert "Vladivostok" in blocks[0]
    assert "Kutipan lain" in blocks[1]
    assert blocks[2].count("https://") == 4  # the five articles, one without a known link
    assert ":sumber" in blocks[3]
    assert "tidak menjawab" in blocks[4]


def test_an_unknown_command_lists_the_commands_instead_of_being_asked(tmp_path: Path) -> None:
    (block,) = piped(":foo\n", tmp_path)
    assert "Perintah :foo tidak dikenal" in block
    assert ":sumber" in block and ":lagi" in block and ":quit" in block
    assert "Maaf" not in block  # not answered as a question


def test_more_before_any_question_says_so(tmp_path: Path) -> None:
    (block,) = piped(":lagi\n", tmp_path)
    assert "Belum ada pertanyaan" in block
    assert ":sumber" not in block  # not the whole help


def test_more_numbers_its_own_sources_from_one(tmp_path: Path) -> None:
    _, more = piped(f"{QUESTION}\n:lagi\n", tmp_path)
    quotes, sources = more.split("\nSumber:\n")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", quotes)}
    listed = [int(n) for n in re.findall(r"^\[(\d+)\]", sources, re.M)]
    assert listed == list(range(1, len(listed) + 1)), more
    assert cited == set(listed), more
    first_mark = re.search(r"\[(\d+)\]", quotes)
    assert first_mark is not None and first_mark.group(1) == "1"


class Recording:
    """The real answerer, noting the `previous` question each call was given."""

    def __init__(self, answerer: Answerer) -> None:
        self.answerer = answerer
        self.corpus = answerer.corpus
        self.previous: list[str | None] = []

    def answer(self, question: str, previous: str | None = None) -> Answer:
        self.previous.append(previous)
        return self.answerer.answer(question, previous=previous)

    def digest(self, language: str = "id") -> Answer:
        return self.answerer.digest(language)

    def timeline(self, language: str = "id") -> Answer:
        return self.answerer.timeline(language)


def fed(answerer: Recording, lines: str) -> str:
    out = io.StringIO()
    repl(answerer, io.StringIO(lines), out)  # type: ignore[arg-type]
    return out.getvalue()


def test_follow_ups_last_context_minutes_and_zero_turns_them_off(corpus_dir: Path) -> None:
    answerer = Recording(Answerer.load(corpus_dir))
    now = [0.0]
    lines = f"{QUESTION}\nkapan itu?\nsiapa yang ikut?\n"

    def ask(minutes: float, step: float) -> list[str | None]:
        answerer.previous.clear()

        def clock() -> float:
            now[0] += step
            return now[0]

        out = io.StringIO()
        repl(answerer, io.StringIO(lines), out, follow_up_minutes=minutes, clock=clock)  # type: ignore[arg-type]
        assert out.getvalue().count("\n> ") == 2
        return answerer.previous

    within = ask(5, step=1)
    assert within[0] is None and within[1] is not None and within[2] is not None
    assert ask(0, step=1) == [None, None, None]
    assert ask(5, step=6 * 60)[1:] == [None, None]  # each question comes after the window


def test_context_minutes_zero_reaches_the_repl(tmp_path: Path, answerer: Answerer) -> None:
    with_context = piped(f"{QUESTION}\nkapan itu?\n", tmp_path)
    without = piped(f"{QUESTION}\nkapan itu?\n", tmp_path, CONTEXT_MINUTES="0")
    alone = render_answer(answerer.answer("kapan itu?"), answerer.corpus.event.title)
    assert with_context[1] != f"> kapan itu?\n{alone}" and "Sumber:" in with_context[1]
    assert without[1] == f"> kapan itu?\n{alone}"


def test_after_a_decline_a_follow_up_follows_nothing(corpus_dir: Path) -> None:
    answerer = Recording(Answerer.load(corpus_dir))
    fed(answerer, f"{QUESTION}\n{UNANSWERABLE}\nkapan itu?\n{QUESTION}\nkapan itu?\n")
    assert answerer.previous == [None, QUESTION, None, None, QUESTION]


def test_ringkasan_and_kronologi_print_the_digest_and_the_timeline(
    tmp_path: Path, answerer: Answerer
) -> None:
    blocks = piped(":ringkasan\n:kronologi\n:summary\n:timeline\n:lagi\n", tmp_path)
    title = answerer.corpus.event.title
    digest = render_answer(answerer.digest("id"), title)
    timeline = render_answer(answerer.timeline("id"), title)
    assert blocks[:2] == [f"> :ringkasan\n{digest}", f"> :kronologi\n{timeline}"]
    assert blocks[2:4] == [f"> :summary\n{digest}", f"> :timeline\n{timeline}"]
    quotes = digest.split("\n\nSumber:\n")[0].splitlines()
    assert quotes[:2] == ["Ringkasan", ""] and 3 <= len(quotes[2:]) <= 6
    assert all(re.search(r"\S (\[\d+\])+$", line) for line in quotes[2:])
    assert timeline.startswith("Kronologi\n\n") and re.search(r"\n\w+, \d+ \w+ 2019\n• ", timeline)
    assert blocks[4].startswith("> :lagi\n")  # more quotes for the timeline, as for an answer


def test_after_a_summary_a_follow_up_follows_nothing(corpus_dir: Path) -> None:
    answerer = Recording(Answerer.load(corpus_dir))
    out = fed(answerer, f"{QUESTION}\n:ringkasan\nkapan itu?\n")
    assert "> :ringkasan\nRingkasan\n" in out
    assert answerer.previous == [None, None]


def test_no_more_quote_opens_with_a_bare_pronoun(corpus_dir: Path) -> None:
    answerer = Answerer.load(corpus_dir)
    questions = re.findall(r'^q = "(.+)"$', (ROOT / "tests/eval/questions.toml").read_text(), re.M)
    assert len(questions) > 50
    bare = []
    for question in questions:
        for line in render_more(answerer.answer(question)).splitlines():
            if re.match(r"• (Dia|Mereka|Ia|Beliau)\b", line):
                bare.append((question, line[:80]))
    assert not bare, f":lagi quotes that do not say who: {bare}"
