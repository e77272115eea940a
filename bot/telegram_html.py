"""Answers, source lists and greetings as Telegram HTML: every piece of text escaped, ≤ 4,096 long.

Only <b>, <i> and <a href> are used. Every kind of answer is framed as bot.framing says (a
digest's heading, a timeline's dates, a comparison's outlets, the yes/no line...). When a
reply would be too long, whole pieces of evidence are dropped (the disagreements, then the
last quotes with the sources only they cite; a context sentence goes with its quote); a
single quote too long for any message is shortened with "…". A tag is never cut.
"""

from __future__ import annotations

from html import escape

from bot.framing import (
    Shown,
    after_quotes,
    before_quotes,
    by_date,
    clarify,
    heading,
    lead_line,
    outlets_of,
    read_as_line,
    shown_quotes,
    without_quotes,
)
from bot.messages import format_date, text, what_label
from index.answerer import MAX_QUESTION_CHARS
from index.answers import QUOTING, Answer, Disagreement, Kind, Quote, Source

MAX_LENGTH = 4096  # Telegram's limit for a message, and for an inline result's message
FIELD_LIMIT = 300  # an outlet, headline or credit longer than this is shortened
URL_LIMIT = 2000  # a link longer than this is left out rather than risk the message


def telegram_length(html: str) -> int:
    """The length Telegram counts: UTF-16 code units, so an emoji counts as two."""
    return len(html.encode("utf-16-le")) // 2


def render_answer(answer: Answer, *, event: str, asked: str | None = None) -> str:
    """The reply to a question; `asked` repeats the question when the person did not type it."""
    header = f"❓ <b>{_clip(asked, 500)}</b>\n\n" if asked else ""
    if answer.kind in QUOTING and answer.sentences:
        return _quotes_message(answer, answer.sentences, header, framed=True)
    lang = answer.language
    if answer.kind is Kind.TOO_LONG:
        return header + escape(text(lang, "too_long", limit=MAX_QUESTION_CHARS))
    examples = answer.examples
    if answer.kind in QUOTING:  # nothing to quote: say what cannot be done, in one sentence
        lead = without_quotes(answer)
        if lead != text(lang, "decline"):
            examples = ()
    elif answer.kind is Kind.CLARIFY:
        lead = clarify(answer)
    elif answer.kind is Kind.EMPTY:
        lead = text(lang, "empty" if answer.examples else "empty_no_examples")
    elif answer.kind is Kind.GREETING and answer.question_type == "thanks":
        lead = text(lang, "thanks")
    elif answer.kind is Kind.GREETING:
        lead = text(lang, "greeting", event=event)
    else:
        lead = text(lang, "decline")
    if examples and answer.kind not in (Kind.EMPTY, Kind.CLARIFY):
        lead += "\n\n" + text(lang, "examples_heading")
    lines = [header + escape(lead), *(f"• {_clip(example, 500)}" for example in examples)]
    return _first_lines_that_fit(lines)


def render_more(answer: Answer) -> str:
    """The next best evidence ("Lebih lengkap") with the sources it cites."""
    if not answer.more:
        return escape(text(answer.language, "more_none"))
    header = f"<b>{escape(text(answer.language, 'more_heading'))}</b>\n\n"
    return _quotes_message(answer, answer.more, header, framed=False)


def render_sources(sources: tuple[Source, ...], language: str) -> str:
    """Every article the bot has read, numbered, linked where the link is known."""
    heading = f"<b>{escape(text(language, 'sources_intro'))}</b>"
    entries = []
    for number, source in enumerate(sources, start=1):
        entry = _source_line(number, source, language)
        if source.title:
            entry += f"\n<i>{_clip(source.title)}</i>"
        entries.append(entry)
    return _first_lines_that_fit([heading, *entries], separator="\n\n")


def render_start(
    event: str, sources: tuple[Source, ...], language: str, has_examples: bool = True
) -> str:
    """The /start greeting: what the bot knows and how to ask (the examples, when the corpus
    has any, and the summary are buttons under it)."""
    outlets = ", ".join(dict.fromkeys(s.outlet for s in sources))
    lines = [
        text(language, "greeting", event=event),
        text(language, "start_known", count=len(sources), outlets=outlets),
        "",
        text(
            language,
            "start_tap" if has_examples else "start_type",
            summary=f"“{text(language, 'summary_button')}”",
        ),
    ]
    return _first_lines_that_fit([_clip(line, 1500) for line in lines])


def render_help(event: str, bot_username: str, language: str) -> str:
    """How to use the bot, in private chats, groups and inline."""
    help_text = text(language, "help", event=event, bot=bot_username, more=text(language, "more_button"))
    return _first_lines_that_fit(escape(help_text).split("\n"))


def render_plain(message: str) -> str:
    """A short message of the bot's own (a toast-like note) as HTML."""
    return _first_lines_that_fit(escape(message).split("\n"))


# -- pieces ---------------------------------------------------------------------------------


def _clip(value: str, limit: int | None = FIELD_LIMIT) -> str:
    """`value` on one line, shortened to `limit` characters of text when longer, escaped."""
    value = " ".join(value.split())
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)].rstrip() + "…"
    return escape(value)


def _quote_line(answer: Answer, entry: Shown, limit: int | None = None, *, framed: bool = True) -> str:
    """One quote and its marks: with its outlets in a comparison, as a bullet in a digest or
    a timeline."""
    line = f"“{_clip(entry.text, limit)}” {answer.marks(entry.sources)}"
    if not framed:
        return line
    if answer.kind is Kind.COMPARISON:
        return f"<b>{_clip(outlets_of(answer, entry.sources))}</b>: {line}"
    if answer.kind in (Kind.DIGEST, Kind.TIMELINE):
        return f"• {line}"
    return line


def _disagreement_line(answer: Answer, language: str, disagreement: Disagreement) -> str:
    label = what_label(language, disagreement.what)
    parts = "; ".join(f"{_clip(value, 100)} {answer.marks(ids)}" for value, ids in disagreement.values)
    return f"<i>{_clip(text(language, 'disagree', what=label))}</i> {parts}"


def _source_line(number: int, source: Source, language: str) -> str:
    """`[n] Outlet, 25 April 2019 (credit)`, the outlet linked when the article's link is known."""
    outlet = _clip(source.outlet)
    if source.url and len(source.url) <= URL_LIMIT:
        outlet = f'<a href="{escape(source.url)}">{outlet}</a>'
    line = f"[{number}] {outlet}, {escape(format_date(source.published, language))}"
    notes = [_clip(source.credit)] if source.credit else []
    if not source.url:
        notes.append(escape(text(language, "no_link")))
    if notes:
        line += f" ({'; '.join(notes)})"
    return line


def _framing_lines(answer: Answer) -> list[str]:
    """The heading and the lines before the quotes, as HTML."""
    lines = [f"<b>{escape(heading(answer))}</b>"] if heading(answer) else []
    for line in before_quotes(answer):
        if line == lead_line(answer):
            lines.append(f"<b>{escape(line)}</b>")
        elif line == read_as_line(answer):
            lines.append(f"<i>{escape(line)}</i>")
        else:
            lines.append(escape(line))
    return lines


def _quotes_message(answer: Answer, quotes: tuple[Quote, ...], header: str, *, framed: bool) -> str:
    """Quotes (a context sentence joined to the quote it introduces), disagreements, notes and
    the cited sources, dropping whole quotes from the end to fit. `framed`: the reply itself,
    with its kind's heading, lines before the quotes, disagreements and notes (not "more")."""
    lang = answer.language
    shown = shown_quotes(quotes)
    disagreements = answer.disagreements if framed else ()
    top = "\n".join(_framing_lines(answer)) if framed else ""
    notes = "\n".join(escape(line) for line in after_quotes(answer)) if framed else ""
    by_day = framed and answer.kind is Kind.TIMELINE

    def quote_block(kept: list[Shown], limit: int | None) -> str:
        if not by_day:
            return "\n".join(_quote_line(answer, e, limit, framed=framed) for e in kept)
        return "\n\n".join(
            f"<b>{_clip(when or text(lang, 'undated'))}</b>\n"
            + "\n".join(_quote_line(answer, e, limit) for e in entries)
            for when, entries in by_date(kept)
        )

    def build(count: int, show_disagreements: bool, limit: int | None = None) -> str:
        kept = shown[:count]
        cited = [i for e in kept for i in e.sources]
        blocks = [top] if top else []
        blocks.append(quote_block(kept, limit))
        if show_disagreements:
            for d in disagreements:
                blocks.append(_disagreement_line(answer, lang, d))
                cited += [i for _, ids in d.values for i in ids]
        if notes:
            blocks.append(notes)
        sources = "\n".join(_source_line(n, s, lang) for n, s in answer.numbered_sources(cited))
        blocks.append(f"<b>{escape(text(lang, 'sources_heading'))}</b>\n{sources}")
        return header + "\n\n".join(blocks)

    attempts = [(len(shown), True), *((n, False) for n in range(len(shown), 0, -1))]
    for count, show_disagreements in attempts:
        if show_disagreements and not disagreements:
            continue
        html = build(count, show_disagreements)
        if telegram_length(html) <= MAX_LENGTH:
            return html
    # One quote so long it cannot fit: shorten its text, then drop whole lines if still over.
    overhead = telegram_length(build(1, False, limit=1))
    room = max(MAX_LENGTH - overhead, 1)
    limit = room
    html = build(1, False, limit=limit)
    while telegram_length(html) > MAX_LENGTH and limit > 1:
        limit = max(1, limit - (telegram_length(html) - MAX_LENGTH) - 8)
        html = build(1, False, limit=limit)
    return _first_lines_that_fit(html.split("\n"))


def _first_lines_that_fit(lines: list[str], separator: str = "\n") -> str:
    """Join whole lines while they fit; each line is balanced HTML, so none is cut in half."""
    kept: list[str] = []
    length = 0
    for line in lines:
        extra = telegram_length(line) + (telegram_length(separator) if kept else 0)
        if length + extra > MAX_LENGTH:
            break
        kept.append(line)
        length += extra
    return separator.join(kept) or "…"
