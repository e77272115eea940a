"""What a reply says around its quotes, for every kind of answer: the terminal (bot.console)
and Telegram (bot.telegram_html) render the same pieces, each in its own markup.

A quote marked `context` (shown only to give the next quote its subject) is joined to the
quote after it: a reader sees one quote, cited once after it. Every line here is plain text;
the renderers escape it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.messages import TEXT, text
from index.answers import Answer, Kind, Quote


@dataclass(frozen=True)
class Shown:
    """One quote as a reader sees it: a sentence, or a context sentence and the one after it."""

    text: str
    sources: tuple[str, ...]  # every source of its sentences, once each, in order
    when: str = ""  # the date a timeline files it under ("" when none)


def shown_quotes(quotes: Sequence[Quote]) -> list[Shown]:
    """`quotes` with each context sentence joined to the quote it introduces."""
    shown: list[Shown] = []
    pending: list[Quote] = []
    for quote in quotes:
        pending.append(quote)
        if not quote.context:
            shown.append(_joined(pending))
            pending = []
    if pending:  # a context sentence with nothing after it still says something: shown alone
        shown.append(_joined(pending))
    return shown


def _joined(quotes: list[Quote]) -> Shown:
    sources = tuple(dict.fromkeys(i for q in quotes for i in q.sources))
    return Shown(" ".join(q.text for q in quotes), sources, quotes[-1].when)


def by_date(shown: Sequence[Shown]) -> list[tuple[str, list[Shown]]]:
    """Timeline entries grouped under their date, the dates in the order they first come."""
    groups: dict[str, list[Shown]] = {}
    for entry in shown:
        groups.setdefault(entry.when, []).append(entry)
    return list(groups.items())


def outlets_of(answer: Answer, source_ids: Sequence[str]) -> str:
    """The outlets of these sources, once each ("Kompas.com, VIVA"): a comparison's labels."""
    by_id = {s.id: s.outlet for s in (*answer.sources, *answer.more_sources)}
    return ", ".join(dict.fromkeys(by_id.get(i, i) for i in source_ids))


def _has(answer: Answer, key: str) -> bool:
    return any(note.key == key for note in answer.notes)


def heading(answer: Answer) -> str:
    """The heading a digest or a timeline opens with; "" for the other kinds."""
    if answer.kind is Kind.DIGEST:
        return text(answer.language, "digest_heading")
    if answer.kind is Kind.TIMELINE:
        return text(answer.language, "timeline_heading")
    return ""


def lead_line(answer: Answer) -> str:
    """ "Menurut sumber: tidak" when the engine found the yes or no stated plainly; else ""."""
    if not answer.lead:
        return ""
    key = f"lead_{answer.lead.lower()}"
    if key in TEXT["id"]:
        return text(answer.language, key)
    return text(answer.language, "lead_other", lead=answer.lead)


def read_as_line(answer: Answer, limit: int = 500) -> str:
    """ "(tentang: ...)" naming the question a follow-up was read as; "" for one that stands alone."""
    if not answer.read_as:
        return ""
    question = " ".join(answer.read_as.split())
    if len(question) > limit:
        question = question[: limit - 1].rstrip() + "…"
    return text(answer.language, "read_as", question=question)


def before_quotes(answer: Answer) -> list[str]:
    """The lines that come before the quotes (the heading apart): the yes/no line, the question a
    follow-up was read as, and that the outlet asked about does not report it."""
    lines = [lead_line(answer), read_as_line(answer)]
    silent = next((n for n in answer.notes if n.key == "outlet_silent"), None)
    if silent is not None:
        lines.append(_outlet_silent(answer, silent.outlet))
    return [line for line in lines if line]


def _outlet_silent(answer: Answer, outlet: str) -> str:
    if not outlet and answer.outlet:
        outlet = next((s.outlet for s in answer.sources if s.id == answer.outlet), answer.outlet)
    if not outlet:
        return text(answer.language, "outlet_silent_unnamed")
    return text(answer.language, "outlet_silent", outlet=" ".join(outlet.split())[:300])


def after_quotes(answer: Answer) -> list[str]:
    """The notes that follow the quotes: outlets dating one event differently, the sources
    agreeing, one outlet only (in the corpus, or of several reporting this)."""
    lang = answer.language
    lines = []
    if _has(answer, "date_differs"):
        lines.append(text(lang, "date_differs"))
    if _has(answer, "sources_agree") and not answer.disagreements:
        lines.append(text(lang, "sources_agree"))
    if _has(answer, "one_outlet"):
        lines.append(text(lang, "one_outlet" if answer.kind is Kind.COMPARISON else "one_outlet_account"))
    single = next((n for n in answer.notes if n.key == "single_report"), None)
    if single is not None and not _has(answer, "one_outlet"):
        lines.append(_single_report(answer, single.outlet))
    return lines


def _single_report(answer: Answer, outlet: str) -> str:
    if not outlet:  # the one outlet its quotes cite
        outlet = outlets_of(answer, [i for q in answer.sentences for i in q.sources])
    return text(answer.language, "single_report", outlet=" ".join(outlet.split())[:300])


def without_quotes(answer: Answer) -> str:
    """What a digest, timeline, outlet or comparison reply with no quotes says instead: one
    plain sentence on what cannot be done, never an empty message."""
    lang = answer.language
    if answer.kind is Kind.TIMELINE:
        return text(lang, "no_dates")
    if answer.kind is Kind.DIGEST:
        return text(lang, "digest_none")
    if _has(answer, "one_outlet"):
        return text(lang, "one_outlet")
    single = next((n for n in answer.notes if n.key == "single_report"), None)
    if single is not None and single.outlet:
        return _single_report(answer, single.outlet)
    if _has(answer, "no_dates"):
        return text(lang, "no_dates")
    return text(lang, "decline")


def clarify(answer: Answer) -> str:
    """The question back when a follow-up has nothing to follow ("Maksudnya tentang apa?")."""
    return text(answer.language, "clarify" if answer.examples else "clarify_no_examples")
