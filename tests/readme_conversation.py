"""The README's example conversation, as the bot answers it today.

The block under "### An example conversation" holds `You: ...` lines and the bot's replies.
The replies are made here by the real answerer and the real Telegram renderer
(`bot.telegram_html`), shown as plain text (tags dropped, entities read, buttons as
`[label]`), with the follow-up rule the handlers use: a question follows the last answered
one; after a decline, a question asked back, a digest or a timeline it follows nothing.

    .venv/bin/python tests/readme_conversation.py          # says whether the README is current
    .venv/bin/python tests/readme_conversation.py --write  # writes the replies of today
"""

from __future__ import annotations

import html
import re
import sys
import textwrap
from pathlib import Path

from bot.messages import text
from bot.telegram_html import render_answer, render_start
from index.answerer import Answerer
from index.answers import Answer, Kind

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
HEADING = "### An example conversation"
INDENT = "     "
WIDTH = 92  # the README's code blocks are wrapped to this many characters


def plain(markup: str) -> str:
    """Telegram HTML as the reader sees it, without links and bold."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _buttons(labels: list[str]) -> str:
    return " ".join(f"[{label}]" for label in labels)


def reply(answerer: Answerer, typed: str, previous: str | None) -> tuple[str, str | None]:
    """What the bot says to `typed` in a private chat, and what the next question follows."""
    corpus = answerer.corpus
    event = corpus.event.title_in("id")
    if typed == "/start":
        shown = plain(render_start(event, corpus.sources, "id", bool(corpus.event.examples)))
        buttons = "\n".join(f"[{example}]" for example in corpus.event.examples)
        return f"{shown}\n{buttons}\n[{text('id', 'summary_button')}]", previous
    if typed == "/lupakan":
        return text("id", "forget_done"), None
    answer: Answer
    if typed in ("/ringkasan", "/kronologi"):
        answer = answerer.digest("id") if typed == "/ringkasan" else answerer.timeline("id")
        follows = None
    else:
        answer = answerer.answer(typed, previous)
        if answer.answered:
            follows = answer.topic or typed
        elif answer.kind in (Kind.DECLINE, Kind.CLARIFY):
            follows = None
        else:
            follows = previous
    shown = plain(render_answer(answer, event=event))
    if answer.answered:
        labels = ["👍", "👎"] + ([text("id", "more_button")] if answer.more else [])
        shown = f"{shown}\n{_buttons(labels)}"
    return shown, follows


def conversation(answerer: Answerer, typed: list[str]) -> str:
    """The whole block: each `You:` line and the bot's reply, indented under `Bot:`."""
    lines: list[str] = []
    previous: str | None = None
    for question in typed:
        said, previous = reply(answerer, question, previous)
        lines.append(f"You: {question}")
        for number, line in enumerate(said.splitlines()):
            wrapped = textwrap.wrap(
                line,
                WIDTH,
                initial_indent="Bot: " if number == 0 else INDENT,
                subsequent_indent=INDENT,
                break_long_words=False,
                break_on_hyphens=False,
            )
            lines.extend(wrapped or [""])
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _block(readme: str) -> tuple[int, int]:
    """Where the conversation block's text starts and ends in the README."""
    start = readme.index("```\n", readme.index(HEADING)) + 4
    return start, readme.index("```\n", start)


def typed_lines(readme: str) -> list[str]:
    start, end = _block(readme)
    return [line[5:] for line in readme[start:end].splitlines() if line.startswith("You: ")]


def current(readme: str, answerer: Answerer) -> tuple[str, str]:
    """(the block as the README has it, the block as the bot answers today)."""
    start, end = _block(readme)
    return readme[start:end], conversation(answerer, typed_lines(readme))


def main() -> int:
    readme = README.read_text(encoding="utf-8")
    shown, today = current(readme, Answerer.load(ROOT / "corpus"))
    if "--write" in sys.argv:
        start, end = _block(readme)
        README.write_text(readme[:start] + today + readme[end:], encoding="utf-8")
        print("README conversation written")
        return 0
    print("README conversation is current" if shown == today else "README conversation differs")
    return 0 if shown == today else 1


if __name__ == "__main__":
    sys.exit(main())
