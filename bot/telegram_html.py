"""Answers, source lists and greetings as Telegram HTML: every piece of text escaped, ≤ 4,096 long.

Only <b>, <i> and <a href> are used. When a reply would be too long, whole pieces of
evidence are dropped (the disagreements, then the last quotes with the sources only they
cite); a single quote too long for any message is shortened with "…". A tag is never cut.
"""

from __future__ import annotations

from html import escape

from bot.messages import format_date, text
from index.answerer import MAX_QUESTION_CHARS
from index.answers import Answer, Disagreement, Kind, Quote, Source

MAX_LENGTH = 4096  # Telegram's limit for a message, and for an inline result's message
FIELD_LIMIT = 300  # an outlet, headline or credit longer than this is shortened
URL_LIMIT = 2000  # a link longer than this is left out rather than risk the message


def telegram_length(html: str) -> int:
    """The length Telegram counts: UTF-16 code units, so an emoji counts as two."""
    return len(html.encode("utf-16-le")) // 2


def render_answer(answer: Answer, *, event: str, asked: str | None = None) -> str:
    """The reply to a question; `asked` repeats the question when the person did not type it."""
    header = f"❓ <b>{_clip(asked, 500)}</b>\n\n" if asked else ""
    if answer.kind is Kind.ANSWER:
        return _quotes_message(answer, answer.sentences, header, with_disagreements=True)
    lang = answer.language
    if answer.kind is Kind.TOO_LONG:
        return header + escape(text(lang, "too_long", limit=MAX_QUESTION_CHARS))
    if answer.kind is Kind.EMPTY:
        lead = text(lang, "empty" if answer.examples else "empty_no_examples")
    elif answer.kind is Kind.GREETING and answer.question_type == "thanks":
        lead = text(lang, "thanks")
    elif answer.kind is Kind.GREETING:
        lead = text(lang, "greeting", event=event)
    else:
        lead = text(lang, "decline")
    if answer.examples and answer.kind is not Kind.EMPTY:
        lead += "\n\n" + text(lang, "examples_heading")
    lines = [header + escape(lead), *(f"• {_clip(example, 500)}" for example in answer.examples)]
    return _first_lines_that_fit(lines)


def render_more(answer: Answer) -> str:
    """The next best evidence ("Lebih lengkap") with the sources it cites."""
    if not answer.more:
        return escape(text(answer.language, "more_none"))
    header = f"<b>{escape(text(answer.language, 'more_heading'))}</b>\n\n"
    return _quotes_message(answer, answer.more, header, with_disagreements=False)


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
    has any, are buttons under it)."""
    outlets = ", ".join(dict.fromkeys(s.outlet for s in sources))
    lines = [
        text(language, "greeting", event=event),
        text(language, "start_known", count=len(sources), outlets=outlets),
        "",
        text(language, "start_tap" if has_examples else "start_type"),
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


def _quote_line(answer: Answer, quote: Quote, limit: int | None = None) -> str:
    return f"“{_clip(quote.text, limit)}” {answer.marks(quote.sources)}"


def _disagreement_line(answer: Answer, language: str, disagreement: Disagreement) -> str:
    labels = {"date": text(language, "what_date"), "number": text(language, "what_number")}
    label = labels.get(disagreement.what, disagreement.what)
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


def _quotes_message(
    answer: Answer, quotes: tuple[Quote, ...], header: str, *, with_disagreements: bool
) -> str:
    """Quotes, disagreements and the cited sources, dropping evidence from the end to fit."""
    lang = answer.language
    disagreements = answer.disagreements if with_disagreements else ()

    def build(count: int, show_disagreements: bool, limit: int | None = None) -> str:
        shown = quotes[:count]
        cited = [i for q in shown for i in q.sources]
        blocks = ["\n".join(_quote_line(answer, q, limit) for q in shown)]
        if show_disagreements:
            for d in disagreements:
                blocks.append(_disagreement_line(answer, lang, d))
                cited += [i for _, ids in d.values for i in ids]
        sources = "\n".join(_source_line(n, s, lang) for n, s in answer.numbered_sources(cited))
        blocks.append(f"<b>{escape(text(lang, 'sources_heading'))}</b>\n{sources}")
        return header + "\n\n".join(blocks)

    attempts = [(len(quotes), True), *((n, False) for n in range(len(quotes), 0, -1))]
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
