"""The README tells the truth: its terminal examples print what it shows, the questions it
shows as declined are declined, and its lists name what exists."""

from __future__ import annotations

import re
from pathlib import Path

import readme_conversation
from readme_examples import README, check, examples

from index.answerer import Answerer
from index.answers import Answer, Kind

ROOT = README.parent
TEXT = README.read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", TEXT, re.M | re.S)
    assert match is not None, f"the README has no section {title!r}"
    return match.group(1)


def test_every_terminal_example_prints_what_the_readme_shows() -> None:
    assert len(examples(TEXT)) >= 4
    wrong = check(TEXT)
    report = "\n\n".join(
        f"README.md:{example.line}: $ {example.command}\nshown:\n"
        + "\n".join(example.expected)
        + "\nprinted:\n"
        + "\n".join(printed)
        for example, printed in wrong
    )
    assert not wrong, report + "\n\n(.venv/bin/python tests/readme_examples.py --write updates them)"


def test_the_example_check_notices_a_wrong_or_missing_output() -> None:
    text = "```\n$ echo one; echo two\none\ntwo\n$ echo three\nfour\n$ echo five; echo six\nfive\n...\n```\n"
    wrong = check(text)
    assert [(example.command, printed) for example, printed in wrong] == [("echo three", ["three"])]
    assert check("```\n$ echo five\nfive\n...\n```\n") != []  # "..." where nothing is left out


def test_questions_shown_as_most_often_declined_are_declined(corpus_dir: Path) -> None:
    shown = re.findall(r"^\s+\d+× (.+)$", section("The Telegram bot"), re.M)
    assert len(shown) >= 2
    answerer = Answerer.load(corpus_dir)
    answered = [question for question in shown if answerer.answer(question).kind is not Kind.DECLINE]
    assert not answered, f"the stats example shows these as declined, but the bot answers them: {answered}"


def test_sections_come_in_a_readers_order() -> None:
    headings = re.findall(r"^## (.+)$", TEXT, re.M)
    wanted = [
        "Quick start",
        "Asking from the command line",
        "The Telegram bot",
        "Configuration",
        "Deploying",
        "How it answers",
        "Evaluation",
        "Benchmarks",
        "Layout",
        "Development",
    ]
    assert [h for h in headings if h in wanted] == wanted
    assert TEXT.count("-->") == TEXT.count("<!--")  # no half of an HTML comment left in view


def test_the_layout_names_every_module() -> None:
    layout = section("Layout")
    for package in ("bot", "index"):
        for module in sorted((ROOT / package).glob("*.py")):
            if module.name not in {"__init__.py", "__main__.py"}:
                assert re.search(rf"^\s+{re.escape(module.name)}\s", layout, re.M), f"{package}/{module.name}"


def test_the_json_fields_are_documented(corpus_dir: Path) -> None:
    row = next(line for line in section("Asking from the command line").splitlines() if "--json Q1" in line)
    answer: Answer = Answerer.load(corpus_dir).answer("Di mana Kim Jong Un dan Putin bertemu?")
    shape = answer.to_json()
    fields = set(shape)
    fields |= {key for sentence in shape["sentences"] for key in sentence}  # type: ignore[attr-defined]
    fields |= {key for source in shape["sources"] for key in source}  # type: ignore[attr-defined]
    missing = sorted(field for field in fields if f"`{field}`" not in row)
    assert not missing, f"bot ask --json fields the README does not name: {missing}"


def test_the_example_conversation_is_what_the_bot_answers(corpus_dir: Path) -> None:
    # Every reply is made again by the real answerer and the real Telegram renderer, with
    # the handlers' follow-up rule (tests/readme_conversation.py; `--write` updates it).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown, today = readme_conversation.current(readme, Answerer.load(corpus_dir))
    assert shown == today
    typed = readme_conversation.typed_lines(readme)
    # It shows what people ask first: a fact, a follow-up, a yes/no, one outlet's account,
    # outlets compared, the gist, the timeline, a decline and a question asked back.
    assert {"/ringkasan", "/kronologi"} <= set(typed) and "kapan itu?" in typed
    for marker in ("(tentang: ", "Menurut sumber: tidak", "Ringkasan", "Kronologi", "Maksudnya"):
        assert marker in today, marker
