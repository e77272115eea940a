"""Answers as plain text for a terminal: the quotes, their [n] marks and the source list, framed
for each kind of answer as bot.framing says."""

from __future__ import annotations

from bot.framing import (
    Shown,
    after_quotes,
    before_quotes,
    by_date,
    clarify,
    heading,
    outlets_of,
    shown_quotes,
    without_quotes,
)
from bot.messages import format_date, text, what_label
from index.answerer import MAX_QUESTION_CHARS
from index.answers import QUOTING, Answer, Kind, Source


def source_line(number: int, source: Source, language: str) -> str:
    """One line of a source list: number, outlet, date, headline, link or "link unknown"."""
    parts = [f"[{number}] {source.outlet}, {format_date(source.published, language)}"]
    if source.credit:
        parts[0] += f" ({source.credit})"
    if source.title:
        parts.append(f"“{source.title}”")
    parts.append(source.url or text(language, "no_link"))
    return " — ".join(parts)


def render_answer(answer: Answer, event_title: str = "") -> str:
    """The whole reply for a terminal."""
    lang = answer.language
    if answer.kind is Kind.TOO_LONG:
        return text(lang, "too_long", limit=MAX_QUESTION_CHARS)
    if answer.kind in QUOTING and answer.sentences:
        return _quotes_reply(answer)
    if answer.kind in QUOTING:
        lines = [without_quotes(answer)]
        if lines[0] == text(lang, "decline") and answer.examples:  # as a decline: what can be asked
            lines += ["", text(lang, "examples_heading"), *(f"  • {e}" for e in answer.examples)]
        return "\n".join(lines)
    if answer.kind is Kind.CLARIFY:
        lines = [clarify(answer)]
    elif answer.kind is Kind.DECLINE:
        lines = [text(lang, "decline")]
    elif answer.kind is Kind.EMPTY:
        lines = [text(lang, "empty" if answer.examples else "empty_no_examples")]
    elif answer.question_type == "thanks":
        lines = [text(lang, "thanks")]
    else:
        lines = [text(lang, "greeting", event=event_title)]
    if answer.examples and answer.kind in (Kind.DECLINE, Kind.GREETING):
        lines += ["", text(lang, "examples_heading")]
    lines += [f"  • {example}" for example in answer.examples]
    return "\n".join(lines)


def _quotes_reply(answer: Answer) -> str:
    """Heading, the lines before the quotes, the quotes (by date for a timeline, with their
    outlets for a comparison), disagreements, notes, then the source list."""
    lang = answer.language
    lines = [heading(answer)] if heading(answer) else []
    lines += before_quotes(answer)
    if lines:
        lines.append("")
    shown = shown_quotes(answer.sentences)
    if answer.kind is Kind.TIMELINE:
        for n, (when, entries) in enumerate(by_date(shown)):
            lines += ([""] if n else []) + [when or text(lang, "undated")]
            lines += [_bullet(answer, entry) for entry in entries]
    else:
        lines += [_bullet(answer, entry) for entry in shown]
    for d in answer.disagreements:
        what = what_label(lang, d.what)
        values = " / ".join(f"{value} {answer.marks(ids)}" for value, ids in d.values)
        lines += ["", f"{text(lang, 'disagree', what=what)} {values}"]
    notes = after_quotes(answer)
    if notes:
        lines += ["", *notes]
    lines += ["", f"{text(lang, 'sources_heading')}:"]
    lines += [source_line(n, s, lang) for n, s in enumerate(answer.sources, start=1)]
    return "\n".join(lines)


def _bullet(answer: Answer, entry: Shown) -> str:
    said = f"{entry.text} {answer.marks(entry.sources)}"
    if answer.kind is Kind.COMPARISON:
        return f"• {outlets_of(answer, entry.sources)}: {said}"
    return f"• {said}"


def render_more(answer: Answer) -> str:
    """The next best evidence ("more"), with its own source list numbered from 1."""
    lang = answer.language
    if not answer.more:
        return text(lang, "more_none")
    # Numbered in the order the quotes cite them, from 1: this list stands on its own.
    order = list(dict.fromkeys(i for q in answer.more for i in q.sources))
    by_id = {s.id: s for _, s in answer.numbered_sources(order)}
    cited = [by_id[i] for i in order]
    number = {i: n for n, i in enumerate(order, start=1)}
    lines = [text(lang, "more_heading")]
    lines += [
        f"• {entry.text} {''.join(f'[{number[i]}]' for i in entry.sources)}"
        for entry in shown_quotes(answer.more)
    ]
    lines += ["", f"{text(lang, 'sources_heading')}:"]
    lines += [source_line(n, s, lang) for n, s in enumerate(cited, start=1)]
    return "\n".join(lines)


def render_sources(sources: tuple[Source, ...], language: str = "id") -> str:
    """Every article of the corpus, one line each."""
    return "\n".join(source_line(n, s, language) for n, s in enumerate(sources, start=1))
