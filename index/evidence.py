"""What a sentence holds, in general Indonesian news writing: a date, a clock time, a duration,
a measure, a place, a number, a person, a reason, a speaker.

Each sentence is read once, when the index is built (`read_facts`), so answering only compares
what was found with what the question asks for. These rules are about the language of news
reports, never about one event: a "kapan" question prefers a sentence with a day or date, a
"di mana" question one that names a place, "jam berapa" one with a clock time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.closed_class import pattern, words_of
from index.lexicon import lexicon
from index.question import (
    DATE,
    DURATION,
    MANNER,
    MEASURE,
    NUMBER,
    ORIGIN,
    OTHER,
    PERSON,
    PLACE,
    REASON,
    SAID,
    TIME,
    WHAT,
    YESNO,
)
from index.text import normalize, words

# Share of the shorter sentence's IDF mass two sentences must share to state one fact.
SAME_FACT_OVERLAP = 0.55


def _words_re(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern(name)})\b", flags)


_DAYS = pattern("days")
_MONTHS = pattern("months")
DATE_RE = re.compile(
    rf"\b(?:{_DAYS})\b|\b(?:{_MONTHS})\b|\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
FULL_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS})\b|\(?\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)?|\b(?:19|20)\d\d\b", re.IGNORECASE
)
# "hari ini", "kemarin": a time, but one the reader cannot place without the article's date.
RELATIVE_DATE_RE = _words_re("relative_dates")
# A day name with its "(23/4)" or "(24/4/2019)", as Indonesian papers print dates.
DAY_DATE_RE = re.compile(
    rf"\b(?:(?:{_DAYS})\s*,?\s*)?\((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\)", re.IGNORECASE
)
# "pukul 14.30 WIB", "jam 10.00", "14:30 WITA", "sekitar pukul tiga sore".
CLOCK_RE = re.compile(
    r"\b(?:pukul|jam)\s+(?:\d{1,2}(?:[.:]\d{2})?|[a-z]+\s+(?:pagi|siang|sore|malam))"
    r"|\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT|GMT|UTC|waktu)\b"
    r"|\b(?:dini hari|tengah malam|tengah hari)\b",
    re.IGNORECASE,
)
_NUMBER_WORD = pattern("number_words")
_QUANTITY = rf"(?:\d[\d.,]*|{_NUMBER_WORD}|beberapa|setengah|sekitar)"
# "tiga jam", "selama dua hari", "12 jam", "sepekan".
DURATION_RE = re.compile(
    rf"\b(?:{_QUANTITY}\s+)+(?:{pattern('time_units')})\b|\b(?:selama|sepanjang)\s+\w+|\b(?:sehari|sepekan|sebulan|setahun|semalam)\b",
    re.IGNORECASE,
)
# "2 meter", "6,2 SR", "magnitudo 6,2", "kedalaman 10 km", "45 persen".
MEASURE_RE = re.compile(
    rf"\b\d[\d.,]*\s*(?:{pattern('measure_units')})\b|\b(?:magnitudo|kedalaman|ketinggian|kecepatan|"
    rf"kekuatan|skala)\s+(?:\w+\s+)?\d",
    re.IGNORECASE,
)
_PLACE_NOUNS = _words_re("place_nouns")
# A place noun followed by a name: "Kota Sungailebar", "pulau Russky".
_NAMED_PLACE = re.compile(rf"\b(?:{pattern('place_nouns')})\s+([A-Z][\w-]+)", re.IGNORECASE)
# "di X" answers "di mana", "ke X" "ke mana", "dari X" "dari mana": X a capitalised name,
# up to three lowercase words after the preposition ("di pulau Russky").
_PLACE_AFTER = {
    prep: re.compile(rf"\b{prep}\s+(?:[a-z]+\s+){{0,3}}?([A-Z][\w-]+)") for prep in ("di", "ke", "dari")
}
# "berjarak 10 km dari", "barat daya X": where a centre or an origin is given.
_ORIGIN_RE = re.compile(
    r"\b(?:pusat|titik|asal|sumber|episentrum)\b|\b(?:barat|timur|utara|selatan|tenggara|barat daya|"
    r"barat laut|timur laut)\s+(?:daya\s+|laut\s+)?[A-Z]|\b\d[\d.,]*\s*(?:km|kilometer)\s+(?:arah\s+)?"
    r"(?:barat|timur|utara|selatan|tenggara|dari)",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(rf"\d|\b(?:{_NUMBER_WORD})\b", re.IGNORECASE)
_REASON_RE = _words_re("reason_markers")
_PURPOSE_RE = _words_re("purpose_markers")
_VEHICLE_RE = _words_re("vehicles")
_MANNER_RE = _words_re("manner_words")
_YESNO_RE = _words_re("yesno_markers")
# A capitalised word, or a run of them, that does not open the sentence: a name.
_NAME_RE = re.compile(r"(?<!^)(?<![.!?\"“]\s)(?<![\"“])\b[A-Z][\w]+(?:[ -][A-Z][\w-]+)*")
_PERSON_NOUNS = _words_re("person_nouns")
_ROLE_RE = _words_re("role_nouns")
_SPEECH = words_of("speech_verbs")
_ROLES = words_of("role_nouns")
_QUOTE_MARKS = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Facts:
    """What one sentence holds, found once at build time."""

    full_date: bool = False  # a calendar date: "25 April", "(25/4)", "2019"
    weekday: bool = False  # a day name or a month
    relative_date: bool = False  # "hari ini", "kemarin"
    day_dates: tuple[tuple[int, int, str, str], ...] = ()  # (day, month, weekday, as printed)
    clock: bool = False
    duration: bool = False
    measure: bool = False
    number: bool = False  # a figure that is not part of a date
    numbers: tuple[tuple[str, str, str], ...] = ()  # (counted thing, value, as printed)
    values: frozenset[str] = frozenset()  # every figure and date, normalised
    reason: float = 0.0  # 1.0 a cause ("karena"), 0.5 a purpose or effect
    vehicle: bool = False
    manner: bool = False
    yesno: bool = False
    origin: bool = False
    places: tuple[tuple[str, str], ...] = ()  # (preposition or place noun, lowercase name)
    place_nouns: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()  # lowercase words of capitalised names
    person_noun: bool = False
    roles: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()  # lowercase name words in a speaker's position
    # (role noun, lowercase name words) for each role a name follows: "Kepala BPBD Tanah
    # Merapu, Yusran Mattola" gives ("kepala", {"bpbd", "tanah", "merapu", "yusran", "mattola"}).
    role_names: tuple[tuple[str, frozenset[str]], ...] = ()
    currency: bool = False  # an amount of money: "Rp 1,25 miliar", "US$ 104"
    age: bool = False  # an age: "berusia 54 tahun", "(54)"
    speech: bool = False


def read_facts(text: str) -> Facts:
    """Everything typed in one sentence that a question may ask for."""
    text = normalize(text)
    undated = _without_dates(text)
    day_dates = tuple(
        (int(m.group(1)), int(m.group(2)), _weekday(m.group(0)), m.group(0).strip())
        for m in DAY_DATE_RE.finditer(text)
    )
    places: list[tuple[str, str]] = []
    for prep, regex in _PLACE_AFTER.items():
        places.extend((prep, m.group(1).lower()) for m in regex.finditer(text))
    places.extend(("noun", m.group(1).lower()) for m in _NAMED_PLACE.finditer(text) if m.group(1)[0].isupper())
    names = tuple(
        part.lower() for name in _NAME_RE.findall(text) for part in re.split(r"[ -]", name) if part
    )
    tokens = words(text)
    speech = bool(_SPEECH.intersection(tokens)) or bool(_QUOTE_MARKS.search(text))
    return Facts(
        full_date=bool(FULL_DATE_RE.search(text)),
        weekday=bool(DATE_RE.search(text)),
        relative_date=bool(RELATIVE_DATE_RE.search(text)),
        day_dates=day_dates,
        clock=bool(CLOCK_RE.search(text)),
        duration=bool(DURATION_RE.search(undated)),
        measure=bool(MEASURE_RE.search(undated)),
        number=bool(_NUMBER_RE.search(undated)),
        numbers=_numbers(undated),
        values=_values(text),
        reason=1.0 if _REASON_RE.search(text) else 0.5 if _PURPOSE_RE.search(text) else 0.0,
        vehicle=bool(_VEHICLE_RE.search(text)),
        manner=bool(_MANNER_RE.search(text)),
        yesno=bool(_YESNO_RE.search(text)),
        origin=bool(_ORIGIN_RE.search(text)),
        places=tuple(dict.fromkeys(places)),
        place_nouns=frozenset(m.group(0).lower() for m in _PLACE_NOUNS.finditer(text)),
        names=names,
        person_noun=bool(_PERSON_NOUNS.search(text)),
        roles=frozenset(m.group(0).lower() for m in _ROLE_RE.finditer(text)),
        speakers=_speakers(text) if speech else frozenset(),
        role_names=_role_names(text),
        currency=bool(_CURRENCY.search(text)),
        age=bool(_AGE.search(text)),
        speech=speech,
    )


def fits_type(qtype: str, facts: Facts, asked: Iterable[str], preposition: str = "di") -> float:
    """How fully a sentence holds what the question type asks for, from 0.0 to 1.0.

    `asked` are the question's own words (lowercase): a place or name the question itself
    gives is not an answer to it.
    """
    asked_set = set(asked)
    if qtype == DATE:
        # A calendar date says when; a weekday alone less; "hari ini" needs the paper's date.
        if facts.full_date:
            return 1.0
        return 0.7 if facts.weekday else 0.4 if facts.relative_date else 0.2 if facts.clock else 0.0
    if qtype == TIME:
        return 1.0 if facts.clock else 0.3 if facts.full_date or facts.weekday else 0.0
    if qtype == DURATION:
        return 1.0 if facts.duration else 0.3 if facts.clock else 0.0
    if qtype == MEASURE:
        return 1.0 if facts.measure else 0.4 if facts.number else 0.0
    if qtype in (PLACE, ORIGIN):
        named = {name for prep, name in facts.places if prep in (preposition, "noun")} - asked_set
        nouns = facts.place_nouns - asked_set
        # A named place says more than a place noun.
        score = min(1.0, (2 * len(named) + len(nouns)) / 4)
        if qtype == ORIGIN:
            # "di mana pusat gempa": a centre is given by a bearing or a distance, not a dateline.
            return min(1.0, 0.6 * facts.origin + 0.5 * score)
        return score
    if qtype == NUMBER:
        return 1.0 if facts.number else 0.0
    if qtype == REASON:
        return facts.reason
    if qtype == MANNER:
        return 1.0 if facts.vehicle else 0.5 if facts.manner else 0.0
    if qtype == YESNO:
        return 1.0 if facts.yesno else 0.0
    if qtype == PERSON:
        roles = _ROLES & asked_set
        if roles:
            # "Siapa ketua majelis hakim?": a name after that role, not any name.
            for role, names in facts.role_names:
                if role in roles and names - asked_set:
                    return 1.0
            others = any(name not in asked_set for name in facts.names)
            # "Putin menjadi pemimpin Rusia pertama ...": the holder named before the role.
            if others and roles & (facts.roles | {r for r, _ in facts.role_names}):
                return 0.6
            return 0.3 if others else 0.0
        if any(name not in asked_set for name in facts.names):
            return 1.0
        return 0.6 if facts.person_noun or facts.roles else 0.0
    if qtype == SAID:
        if facts.speakers & asked_set:
            return 1.0
        return 0.3 if facts.speech else 0.0
    return 0.0


def required_fit(qtype: str, wants_name: bool = False) -> float:
    """How fully a sentence must hold the asked-for kind of fact to answer at all: "kapan"
    needs a time, "berapa" a figure, "siapa" a person ("siapa nama ..." a name). 0.0 for
    questions any relevant sentence may answer."""
    if qtype == PERSON:
        return 1.0 if wants_name else 0.5
    return 0.1 if qtype in {DATE, TIME, DURATION, MEASURE, NUMBER, PLACE, ORIGIN} else 0.0


def _without_dates(text: str) -> str:
    text = CLOCK_RE.sub(" ", text)
    return RELATIVE_DATE_RE.sub(" ", DATE_RE.sub(" ", DAY_DATE_RE.sub(" ", text)))


_CURRENCY = re.compile(r"\b(?:Rp|US\$|USD|\$)\s?\d|\b\d[\d.,]*\s*(?:rupiah|dolar|dollar|euro)\b", re.I)
_AGE = re.compile(r"\b(?:berusia|berumur|usia|umur)\s+\d|\b[A-Z][a-z]+\s\(\d{2}\)")
_ROLE_NAME = re.compile(
    rf"\b((?i:{pattern('role_nouns')}))\b((?:\s*,?\s*(?:[A-Z][\w.'’-]*|\([^()]{{1,30}}\)))"
    rf"{{1,10}})"
)


def _role_names(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each role noun with the capitalised words that follow it: the office and its holder."""
    found = []
    abbreviations = lexicon().abbreviations
    for m in _ROLE_NAME.finditer(text):
        names = frozenset(w.lower() for w in re.findall(r"[A-Z][\w'’-]*", m.group(2)))
        if names:
            role = m.group(1).lower()
            found.append((role, names))
            # "Menlu Ri Yong-ho" holds the office "menteri" too.
            found.extend((word, names) for word in abbreviations.get(role, ())[:1])
    return tuple(found)


def _speakers(text: str) -> frozenset[str]:
    """Name words standing where Indonesian puts the speaker: after "kata", "ujar", "menurut"
    ("kata Rina", "ujar Kepala BPBD Rina Marlinda"), or before "mengatakan", "menjelaskan"."""
    found: set[str] = set()
    after = re.compile(
        r"\b(?:kata|ujar|ungkap|jelas|tutur|sebut|tegas|imbuh|tambah|menurut|papar|terang)(?:nya)?\s+"
        r"((?:[A-Za-z.]+\s+){0,6}?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)"
    )
    for m in after.finditer(text):
        found.update(w.lower() for w in re.findall(r"[A-Z][\w-]*", m.group(1)))
    before = re.compile(
        r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s*,?\s+(?:[^,.]{0,60},\s+)?(?:mengatakan|menyatakan|"
        r"menjelaskan|mengungkapkan|menegaskan|menambahkan|menyebut|menuturkan|berkata|bilang)"
    )
    for m in before.finditer(text):
        found.update(w.lower() for w in re.split(r"[\s-]+", m.group(1)) if w)
    return frozenset(found)


_COUNTED = re.compile(
    r"(?<![\d/])(\d[\d.,]*)(\s+(?:ribu|juta|miliar|triliun))?\s+([^\W\d_]+)", re.IGNORECASE
)


def _numbers(text: str) -> tuple[tuple[str, str, str], ...]:
    """Counted things, each with its value and the words as printed: "10.000 buruh" gives
    ("buruh", "10000", "10.000 buruh"); "10 ribu buruh" the same value."""
    found: dict[str, tuple[str, str, str]] = {}
    for match in _COUNTED.finditer(text):
        number, multiplier, thing = match.group(1).rstrip(".,"), match.group(2) or "", match.group(3)
        value = words(number + multiplier)
        if value and value[0][0].isdigit():
            found.setdefault(thing.lower(), (thing.lower(), value[0], match.group(0).strip()))
    return tuple(found.values())


def _values(text: str) -> frozenset[str]:
    """Every figure of the sentence as a number token ("10.000" and "10 ribu" both "10000"),
    and every day/month date as "d/m": what two outlets must share to be quoted as one."""
    found = {t for t in words(_without_dates(text)) if t[0].isdigit()}
    found.update(f"{int(m.group(1))}/{int(m.group(2))}" for m in DAY_DATE_RE.finditer(text))
    found.update(m.group(0).lower() for m in re.finditer(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b", text, re.I))
    return frozenset(found)


def _weekday(date: str) -> str:
    match = re.match(rf"(?i)\s*({_DAYS})", date)
    return match.group(1).lower() if match else ""


def same_fact(
    a_terms: frozenset[str],
    b_terms: frozenset[str],
    a_facts: Facts,
    b_facts: Facts,
    a_text: str,
    b_text: str,
    idf: Callable[[str], float],
) -> bool:
    """True when two sentences say the same thing, in the same or in other words, with the
    same figures and dates: a quote cited to several outlets must be stated by each of them.

    Overlap is weighed by IDF so that sharing the names everyone mentions ("Kim", "Putin")
    does not make two different facts one.
    """
    if a_facts.values != b_facts.values:
        return False
    shared = a_terms & b_terms
    if len(shared) < 4:
        return a_terms == b_terms and normalize(a_text).casefold() == normalize(b_text).casefold()
    # Cosine-like: a short sentence wholly inside a long one is not the same fact.
    mass = (sum(map(idf, a_terms)) * sum(map(idf, b_terms))) ** 0.5
    return mass > 0 and sum(map(idf, shared)) / mass >= SAME_FACT_OVERLAP


def conflict(
    a_terms: frozenset[str],
    b_terms: frozenset[str],
    a_facts: Facts,
    b_facts: Facts,
    a_predicates: frozenset[str],
    b_predicates: frozenset[str],
    qtype: str,
) -> tuple[str, str, str] | None:
    """("date"|"number", value in a, value in b) when two sentences about one event disagree.

    One event: the sentences share their predicate (the same verb, or verbs the caller
    counts as one: "berangkat"/"meninggalkan") and enough other words. "Kim tiba ... Rabu
    (24/4)" and "Kim berangkat ... Rabu (23/4)" date two events, not one.
    """
    shared = a_terms & b_terms
    if len(shared) < 3 or not (a_predicates & b_predicates):
        return None
    if a_facts.day_dates and b_facts.day_dates and qtype in {DATE, OTHER, WHAT, YESNO}:
        day_a, month_a, weekday_a, printed_a = a_facts.day_dates[0]
        day_b, month_b, weekday_b, printed_b = b_facts.day_dates[0]
        # "Rabu (23/4)" against "Rabu (24/4/2019)": one day, two dates, a disagreement.
        # "Rabu (23/4)" against "Jumat (26/4)" is most often two events, unless the
        # sentences are otherwise one fact.
        if (day_a, month_a) != (day_b, month_b) and (weekday_a == weekday_b or len(shared) >= 6):
            return ("date", printed_a, printed_b)
    if qtype in {NUMBER, OTHER, WHAT, MEASURE}:
        others = {thing: (value, printed) for thing, value, printed in b_facts.numbers}
        for thing, value, printed in a_facts.numbers:
            other = others.get(thing)
            if other is not None and other[0] != value:
                return ("number", printed, other[1])
    return None
