"""The answer an interface receives: what to quote, from whom, and why (or why not)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What sort of reply the question called for."""

    ANSWER = "answer"  # quoted sentences with sources
    DIGEST = "digest"  # the gist: a few quotes covering who, what, where, when, the outcome
    TIMELINE = "timeline"  # dated statements in date order
    OUTLET = "outlet"  # what one named outlet reports (or that it does not, then the others)
    COMPARISON = "comparison"  # each outlet's statement side by side, with where they differ
    DECLINE = "decline"  # the sources do not say
    CLARIFY = "clarify"  # a follow-up ("kapan itu?") with nothing to follow: what is "itu"?
    GREETING = "greeting"  # "halo", "terima kasih"
    EMPTY = "empty"  # nothing but spaces, punctuation or emoji
    TOO_LONG = "too_long"  # over the question length limit


# The kinds whose reply quotes the articles.
QUOTING = frozenset({Kind.ANSWER, Kind.DIGEST, Kind.TIMELINE, Kind.OUTLET, Kind.COMPARISON})


@dataclass(frozen=True)
class Source:
    """One article of the corpus, as cited under an answer."""

    id: str
    outlet: str
    title: str  # may be "" when the headline is unknown
    published: str  # ISO date, e.g. "2019-04-25"
    url: str | None  # None when the article's link is unknown: never invent one
    language: str = "id"
    credit: str = ""  # e.g. "terjemahan dari Reuters"


@dataclass(frozen=True)
class Quote:
    """One sentence quoted verbatim, and the ids of every source that carries it.

    A `context` quote is shown only to give the next quote its subject ("Dia ..." needs the
    sentence before it): interfaces show the two as one quote, cited once after the second.
    `when` is the date a timeline entry is filed under, as a reader would say it
    ("Rabu, 24 April 2019"), and `day` the same as an ISO date when it is known.
    """

    text: str
    sources: tuple[str, ...]
    score: float
    context: bool = False
    when: str = ""
    day: str = ""


@dataclass(frozen=True)
class Disagreement:
    """Two quoted sentences that give different values (dates or numbers) for the same fact."""

    what: str  # "date" or "number"
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value as printed, source ids)


@dataclass(frozen=True)
class Note:
    """Something the reply must say besides its quotes, by message key: interfaces word it in
    the reader's language. Keys: "outlet_silent" (the named outlet does not report this; the
    quotes are other outlets'), "sources_agree", "one_outlet" (one outlet only: nothing to
    compare, or a digest from one account), "single_report" (of several outlets only
    `outlet` reports it: nothing to compare), "no_dates" (no dated statements for a
    timeline), "date_differs" (outlets date one happening differently).
    `outlet` is an outlet's name when the note speaks of one."""

    key: str
    outlet: str = ""


@dataclass(frozen=True)
class Answer:
    """A question's answer: 1-3 quotes cited to `sources`, or a reason for giving none."""

    question: str
    kind: Kind
    language: str  # "id" or "en": the language of the framing text
    sentences: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()  # the cited sources; citation mark [n] is sources[n-1]
    more: tuple[Quote, ...] = ()  # the next best evidence, for "more"
    more_sources: tuple[Source, ...] = ()  # sources cited by `more` and not by `sentences`
    disagreements: tuple[Disagreement, ...] = ()
    examples: tuple[str, ...] = ()  # questions the corpus can answer, for declines and greetings
    question_type: str = "other"
    # The question as understood: a follow-up ("kapan itu?") joined to the question it
    # follows. An interface keeps this, not the typed text, as the next `previous`.
    topic: str = ""
    # The question a follow-up was read as, shown as "(tentang: ...)"; "" for a question
    # that stands alone.
    read_as: str = ""
    lead: str = ""  # "ya" / "tidak" when the first quote states it plainly; else ""
    outlet: str = ""  # the source id of the outlet a question named (kind OUTLET)
    notes: tuple[Note, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def answered(self) -> bool:
        """True when the answer quotes the sources."""
        return self.kind in QUOTING and bool(self.sentences)

    @property
    def first(self) -> Quote | None:
        """The first quote that answers (not a sentence shown only as context), if any."""
        return next((q for q in self.sentences if not q.context), None)

    def citation_number(self, source_id: str) -> int:
        """The [n] mark of a source id, numbering `sources` then `more_sources` from 1."""
        ids = [s.id for s in self.sources] + [s.id for s in self.more_sources]
        return ids.index(source_id) + 1

    def marks(self, source_ids: Iterable[str]) -> str:
        """The citation marks of these sources, e.g. "[1][3]"."""
        return "".join(f"[{self.citation_number(i)}]" for i in source_ids)

    def numbered_sources(self, source_ids: Iterable[str]) -> list[tuple[int, Source]]:
        """These sources once each, with their citation numbers, in number order: the source
        list under a reply that cites exactly them."""
        numbered = list(enumerate((*self.sources, *self.more_sources), start=1))
        wanted = set(source_ids)
        return [(n, s) for n, s in numbered if s.id in wanted]

    def to_json(self) -> dict[str, object]:
        """The stable JSON shape of `bot ask --json` (add fields freely, never rename)."""
        return {
            "question": self.question,
            "answered": self.answered,
            "kind": self.kind.value,
            "language": self.language,
            "question_type": self.question_type,
            "lead": self.lead,
            "read_as": self.read_as,
            "outlet": self.outlet,
            "notes": [{"key": n.key, "outlet": n.outlet} for n in self.notes],
            "sentences": [
                {
                    "text": q.text,
                    "sources": list(q.sources),
                    "score": round(q.score, 4),
                    "context": q.context,
                    "when": q.when,
                    "day": q.day,
                }
                for q in self.sentences
            ],
            "sources": [
                {
                    "id": s.id,
                    "outlet": s.outlet,
                    "title": s.title,
                    "published": s.published,
                    "url": s.url,
                    "credit": s.credit,
                }
                for s in self.sources
            ],
            "disagreements": [
                {
                    "what": d.what,
                    "values": [{"value": v, "sources": list(ids)} for v, ids in d.values],
                }
                for d in self.disagreements
            ],
        }
