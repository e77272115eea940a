"""A story's timeline, for `/kronologi` and "urutan kejadiannya?": the dated statements of
the articles in date order, each cited, with the outlets that date one happening differently
shown side by side.

A sentence's date is read from the sentence itself: "Kamis (13/3)", "(24/4/2019)",
"26 Maret 2025", or a relative date resolved against its article's publication date where
news writing makes it certain: "hari ini" and "kemarin"; a weekday alone ("pada Jumat") is the
one of the week before publication, or of the week after when the sentence looks ahead
("akan", "dijadwalkan"). Anything less certain ("sehari sebelumnya") is left undated.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index import evidence
from index.closed_class import words_of
from index.digest import Pick, Story, quotable
from index.model import Index

MAX_ENTRIES = 8

_DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_DAY_NUMBER = {name: n for n, name in enumerate(_DAYS)} | {"jum'at": 4, "ahad": 6}
_MONTHS = {
    name: n
    for n, name in enumerate(
        "januari februari maret april mei juni juli agustus september oktober november desember".split(),
        start=1,
    )
} | {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "sep": 9,
    "okt": 10,
    "nov": 11,
    "des": 12,
}
_WRITTEN = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?(?:\s+(\d{4}))?", re.I
)
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(_DAY_NUMBER, key=len, reverse=True)) + r")\b", re.I)
_WEEKDAY_CAPITALISED = re.compile(
    r"\b(" + "|".join(sorted((d.capitalize() for d in _DAY_NUMBER), key=len, reverse=True)) + r")\b"
)
# "dua minggu", "seminggu", "beberapa minggu": a week counted, not a day.
_COUNTING = words_of("number_words") | {"se", "beberapa", "tiap", "setiap", "per"}
_WEEK_AFTER = frozenset({"lalu", "ini", "depan", "terakhir", "kemarin", "sebelumnya", "berikutnya"})
_TODAY = re.compile(r"\b(hari ini|pagi ini|siang ini|sore ini|malam ini)\b", re.I)
_YESTERDAY = re.compile(r"\bkemarin\b", re.I)
_AHEAD = re.compile(r"\b(akan|dijadwalkan|direncanakan|rencananya|besok|mendatang)\b", re.I)

_NAMES = {
    "id": (
        ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split(),
    ),
    "en": (
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "January February March April May June July August September October November December".split(),
    ),
}


def _published(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _year(value: str) -> int:
    year = int(value)
    return year + 2000 if year < 100 else year


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A report may look ahead this far: "... akan diperiksa pada Senin (12/5)".
AHEAD_DAYS = 14


def _calendar(day: int, month: int, year: str | None, published: dt.date, weekday: str) -> dt.date | None:
    """The date a day and month without a year ("Sabtu (28/12)") stand for: the year that
    puts it on or shortly before publication (a report of early January speaks of late
    December), and of two that fit, the one whose weekday the outlet printed."""
    if year:
        return _safe(_year(year), month, day)
    fitting = [
        d
        for d in (_safe(published.year + k, month, day) for k in (0, -1, 1))
        if d is not None and -366 < (d - published).days <= AHEAD_DAYS
    ]
    if weekday:
        printed = [d for d in fitting if d.weekday() == _DAY_NUMBER[weekday.lower()]]
        fitting = printed or fitting
    return min(fitting, key=lambda d: abs((d - published).days), default=None)


_UNTIL = re.compile(r"\b(?:hingga|sampai)\b", re.I)


def _clause_before(text: str, start: int) -> str:
    """The words of text[:start]'s last clause (after the last comma, semicolon or quote)."""
    left = max(text.rfind(mark, 0, start) for mark in ',;"“”')
    return text[left + 1 : start]


def _weekday_alone(text: str) -> re.Match[str] | None:
    """A weekday named without a date: written capitalised (lowercase "minggu" is a week),
    not counted ("dua Minggu"), and "Minggu" not in a week phrase ("Minggu lalu")."""
    for m in _WEEKDAY_CAPITALISED.finditer(text):
        before = text[max(0, m.start() - 10) : m.start()].lower().split()
        after = re.findall(r"\w+", text[m.end() : m.end() + 12].lower())
        if before and (before[-1] in _COUNTING or before[-1][:1].isdigit()):
            continue
        if m.group(1) == "Minggu" and after and after[0] in _WEEK_AFTER:
            continue  # "Minggu lalu" is last week; "Kamis ini" is this Thursday
        return m
    return None


def date_of(text: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """The day a sentence dates what it says, and the weekday it prints ("" if none)."""
    if published is None:
        return None
    found = evidence.DAY_DATE_RE.search(text)
    written = None if found else _WRITTEN.search(text)
    first = found or written
    if first and text[: first.start()].lower().rstrip().endswith(("sejak", "sejak tanggal")):
        # "1.247 kasus sejak 1 September hingga Senin": a count as of its end, not its start.
        until = _UNTIL.search(text, first.end())
        if until:
            end = date_of(text[until.end() :], published)
            if end is not None:
                return end
    if found:
        # The weekday the match starts with ("Senin (16/6)"), or one printed just before it.
        before = _WEEKDAY.search(text[max(0, found.start() - 12) : found.end()])
        printed_day = before.group(1) if before else ""
        day = _calendar(int(found.group(1)), int(found.group(2)), found.group(3), published, printed_day)
        return (day, printed_day) if day is not None else None
    if written and written.group(2).lower() in _MONTHS:
        before = _WEEKDAY.search(text[max(0, written.start() - 12) : written.start()])
        printed_day = before.group(1) if before else ""
        month = _MONTHS[written.group(2).lower()]
        day = _calendar(int(written.group(1)), month, written.group(3), published, printed_day)
        return (day, printed_day) if day is not None else None
    if _TODAY.search(text):
        return published, ""
    if _YESTERDAY.search(text):
        return published - dt.timedelta(days=1), ""
    weekday = _weekday_alone(text)
    if weekday is None:
        return None
    wanted = _DAY_NUMBER[weekday.group(1).lower()]
    if text[max(0, weekday.start() - 6) : weekday.start()].lower().strip() == "malam":
        # "malam Minggu" is the evening before Sunday: Saturday night.
        wanted = (wanted - 1) % 7
    # Looking ahead ("akan diperiksa pada Senin") is read in the weekday's own clause, before
    # it: "kapal yang tiba pada Kamis akan diperiksa" arrived last Thursday.
    if _AHEAD.search(_clause_before(text, weekday.start())):
        return published + dt.timedelta(days=(wanted - published.weekday()) % 7), weekday.group(1)
    return published - dt.timedelta(days=(published.weekday() - wanted) % 7), weekday.group(1)


def said(day: dt.date, language: str) -> str:
    """ "Kamis, 13 Maret 2025": the calendar's weekday of the date (an outlet may print
    another with it; the quote below shows what it printed)."""
    days, months = _NAMES.get(language, _NAMES["id"])
    return f"{days[day.weekday()]}, {day.day} {months[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Entry:
    """One timeline entry: a pick with its date."""

    pick: Pick
    day: dt.date
    weekday: str


_CLOCK = re.compile(r"\b(?:pukul|jam)\s+(\d{1,2})[.:](\d{2})(?:\s*(WIB|WITA|WIT))?", re.I)
_ZONE_HOURS = {"wib": 7, "wita": 8, "wit": 9}


def clock_of(text: str) -> int | None:
    """The minutes after midnight, Western Indonesian time, of the first clock time
    ("pukul 19.53 WITA" is 18.53 WIB), or None."""
    found = _CLOCK.search(text)
    if not found:
        return None
    hours, minutes = int(found.group(1)), int(found.group(2))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        return None
    zone = (found.group(3) or "wib").lower()
    # Western Indonesian time, within the day: "00.30 WIT" is 22.30 WIB the day before.
    return ((hours - (_ZONE_HOURS[zone] - 7)) * 60 + minutes) % (24 * 60)


def _hour(text: str) -> int:
    clock = clock_of(text)
    return -1 if clock is None else clock // 60


def clock_text(text: str) -> str:
    """The first clock time as printed ("pukul 19.53 WITA"), or ""."""
    found = _CLOCK.search(text)
    return found.group(0) if found else ""


def _printed_date(text: str) -> bool:
    """True when the sentence prints a calendar date ("(15/9/2025)", "26 Maret 2025")."""
    return bool(evidence.DAY_DATE_RE.search(text) or _WRITTEN.search(text))


def dated(index: Index, candidates: Iterable[int]) -> dict[int, tuple[dt.date, str]]:
    """The candidates that carry a date, with it. A sentence giving only a clock time
    ("Aksi dimulai sekitar pukul 10.00 WIB") tells the hours of a day news dated before it:
    the last date its article printed before it (a paragraph of background that dates the
    meeting of the day before goes on telling that day)."""
    articles = index.corpus.articles
    sentences = index.sentences
    found = {}
    last: dict[int, dt.date] = {}  # article -> the last calendar date it printed so far
    wanted = set(candidates)
    # Each wanted sentence's article is read from its start, so dates said before count.
    for number in sorted(
        {n for a in {sentences[w].article for w in wanted} for n in index.article_sentences(a)}
    ):
        s = sentences[number]
        when = date_of(s.text, _published(articles[s.article].source.published))
        if when is not None and _printed_date(s.text):
            last[s.article] = when[0]
        elif when is None and clock_of(s.text) is not None and s.article in last:
            when = (last[s.article], "")
        if when is not None and number in wanted:
            found[number] = when
    return found


# A sentence after one about the asked topic goes on telling it ("Aksi dimulai pukul 10.00
# WIB." after "Unjuk rasa mahasiswa ... berakhir ricuh."): it keeps this share of its
# relevance, sentence after sentence.
CARRIED = 0.8


def _carried(index: Index, candidates: Sequence[int], relevance: dict[int, float]) -> dict[int, float]:
    """Relevance carried along each article: news tells one part of a story in a run of
    sentences that need not repeat its words."""
    carried: dict[int, float] = {}
    before: dict[int, float] = {}  # article -> the last sentence's carried relevance
    for n in sorted(candidates):
        article = index.sentences[n].article
        value = max(relevance.get(n, 0.0), CARRIED * before.get(article, 0.0))
        carried[n] = before[article] = value
    return carried


def choose(
    index: Index, candidates: Sequence[int], relevance: dict[int, float] | None = None
) -> tuple[list[Entry], bool]:
    """The timeline among `candidates`, in date order, and whether outlets date one
    happening differently (both are kept)."""
    sentences = index.sentences
    if relevance:
        relevance = _carried(index, candidates, relevance)
    pool = [n for n in candidates if quotable(sentences[n])]
    when = dated(index, pool)
    story = Story(index, [n for n in pool if n in when], lambda a, b: when[a][0] == when[b][0], relevance)
    if not story.candidates:
        return [], False
    # A question's topic ("kronologi demo") narrows the timeline to the sentences about it:
    # relevance weighs in squared, so the story's other dated leads give way.
    if relevance:
        # What the question is about comes first; how widely it is reported only orders it.
        most = max(story.central.values()) or 1.0
        score = {
            n: relevance.get(n, 0.0) ** 2 * (0.5 + 0.5 * story.central[n] / most) for n in story.candidates
        }
    else:
        score = {n: (story.central[n] + 0.1) / (1.0 + 0.1 * story.position[n]) for n in story.candidates}
    hour_of = {n: (when[n][0], _hour(sentences[n].text)) for n in story.candidates}

    def new_moment(n: int, chosen: set[int]) -> float:
        """Another day, or another hour of a day already shown, adds to the timeline."""
        return 1.0 if any(hour_of[c] == hour_of[n] for c in chosen) else 1.5

    picked = story.select(score, MAX_ENTRIES, 3, 0.15, new_moment)
    differs = False
    for a, b in itertools.combinations(picked, 2):
        sa, sb = sentences[a.sentence], sentences[b.sentence]
        if (
            story.outlet[a.sentence] != story.outlet[b.sentence]
            and when[a.sentence][0] != when[b.sentence][0]
            and evidence.conflict(
                sa.terms, sb.terms, sa.facts, sb.facts, sa.predicates, sb.predicates, "date"
            )
        ):
            differs = True
    entries = [Entry(p, *when[p.sentence]) for p in picked]

    def moment(e: Entry) -> tuple[dt.date, int, int]:
        clock = clock_of(sentences[e.pick.sentence].text)
        return (e.day, clock if clock is not None else -1, story.position[e.pick.sentence])

    return sorted(entries, key=moment), differs
