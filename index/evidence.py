"""What a sentence holds, in general Indonesian news writing: a date, a clock time, a duration,
a measure, a place, a number, a person, a reason, a speaker.

Each sentence is read once, when the index is built (`read_facts`), so answering only compares
what was found with what the question asks for. These rules are about the language of news
reports, never about one event: a "kapan" question prefers a sentence with a day or date, a
"di mana" question one that names a place, "jam berapa" one with a clock time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Set
from functools import lru_cache
from typing import NamedTuple

from index.closed_class import in_order, pattern, words_of
from index.lexicon import lexicon
from index.question import (
    AGE_NOUNS,
    DATE,
    DURATION,
    MANNER,
    MEASURE,
    NUMBER,
    ORIGIN,
    OTHER,
    PEOPLE_CLASSIFIERS,
    PERSON,
    PLACE,
    REASON,
    SAID,
    TIME,
    WHAT,
    YESNO,
)
from index.text import NUMBER_WORDS, normalize, words

# Share of the shorter sentence's IDF mass two sentences must share to state one fact.
SAME_FACT_OVERLAP = 0.55


_DAYS = pattern("days")
_MONTHS = pattern("months")
# A day name with its "(23/4)" or "(24/4/2019)", as Indonesian papers print dates.
DAY_DATE_RE = re.compile(
    rf"(?:\b(?:{_DAYS})\s*,?\s*)?\((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\)", re.IGNORECASE
)
# "pukul 14.30 WIB", "jam 10.00", "14:30 WITA", "sekitar pukul tiga sore".
CLOCK_RE = re.compile(
    r"\b(?:pukul|jam)\s+(?:\d{1,2}(?:[.:]\d{2})?|[a-z]+\s+(?:pagi|siang|sore|malam))"
    r"|\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT|GMT|UTC|waktu)\b"
    r"|\b(?:dini hari|tengah malam|tengah hari)\b",
    re.IGNORECASE,
)
# "berjarak 10 km dari", "barat daya X": where a centre or an origin is given.
_ORIGIN_RE = re.compile(
    r"\b(?:pusat|titik|asal|sumber|episentrum)\b|\b(?:barat|timur|utara|selatan|tenggara|barat daya|"
    r"barat laut|timur laut)\s+(?:daya\s+|laut\s+)?[A-Z]|\b\d[\d.,]*\s*(?:km|kilometer)\s+(?:arah\s+)?"
    r"(?:barat|timur|utara|selatan|tenggara|dari)",
    re.IGNORECASE,
)
_SPEECH = words_of("speech_verbs")
_ROLES = words_of("role_nouns")
QUOTE_MARKS = re.compile(r"[\"“”]")  # a quotation: somebody's own words
# Word and number tokens with their case (the tokenizer of index/text.py, before lowercasing).
_TOKEN_CASED = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?")


class Facts(NamedTuple):
    """What one sentence holds, found once at build time.

    A named tuple, not a dataclass: the index cache holds one per sentence (78,000 at a
    thousand times the shipped corpus), and tuples load from it several times faster."""

    full_date: bool = False  # a calendar date: "25 April", "(25/4)", "2019"
    weekday: bool = False  # a day name or a month
    relative_date: bool = False  # "hari ini", "kemarin", "pekan depan", "30 hari setelah ..."
    day_dates: tuple[tuple[int, int, str, str], ...] = ()  # (day, month, weekday, as printed)
    clock: bool = False
    duration: bool = False
    measure: bool = False
    number: bool = False  # a figure that is not part of a date
    numbers: tuple[tuple[str, str, str], ...] = ()  # (counted thing, value, as printed)
    values: tuple[str, ...] = ()  # every figure and date, normalised, sorted
    reason: float = 0.0  # 1.0 a cause ("karena"), 0.5 a purpose or effect
    vehicle: bool = False
    manner: bool = False
    yesno: bool = False
    origin: bool = False
    places: tuple[tuple[str, str], ...] = ()  # (preposition or place noun, lowercase name)
    place_nouns: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # lowercase words of capitalised names
    person_noun: bool = False
    roles: tuple[str, ...] = ()
    currency: bool = False  # an amount of money: "Rp 1,25 miliar", "US$ 104"
    age: bool = False  # an age: "berusia 54 tahun", "(54)"
    speech: bool = False


class _Words:
    """One closed class split for fast lookup: single words as a set, phrases as " a b "."""

    def __init__(self, name: str) -> None:
        members = [m.replace("-", " ") for m in words_of(name)]
        self.single = frozenset(m for m in members if " " not in m)
        self.phrases = tuple(f" {m} " for m in members if " " in m)


_DAY_WORDS, _MONTH_WORDS = words_of("days"), words_of("months")
_W = {
    name: _Words(name)
    for name in (
        "relative_dates",
        "reason_markers",
        "reason_nouns_named",
        "purpose_markers",
        "vehicles",
        "manner_words",
        "yesno_markers",
        "place_nouns",
        "person_nouns",
        "role_nouns",
        "number_words",
    )
}
_TIME_UNITS = words_of("time_units")
_PERSON_WORDS = _W["person_nouns"].single
_PLACE_NOUNS = _W["place_nouns"].single
_QUANTITY_WORDS = _W["number_words"].single | {"beberapa", "setengah"}
_MEASURE_UNITS = words_of("measure_units")
_MEASURE_NOUNS = frozenset({"magnitudo", "kedalaman", "ketinggian", "kecepatan", "kekuatan", "skala"})
# After a count of days or weeks, the words that make it a time told from another moment.
_COUNTED_FROM = frozenset(
    {"setelah", "sesudah", "sebelum", "sebelumnya", "lagi", "mendatang", "kemudian", "berikutnya"}
)
# "sampai kapan": the end of a time, by a date or by a happening ("hingga Korut menghentikan ...").
_UNTIL = frozenset({"sampai", "hingga"})
_UNTIL_CLAUSE = re.compile(
    r"\b(?:sampai|hingga)\s+(?!(?:dengan|di|ke|dari|pada|mencapai|kini|sekarang|saat|ini|itu|sekitar|lebih|"
    r"puluhan|ratusan|ribuan|jutaan)\b)[A-Za-z]\w*",
    re.IGNORECASE,
)
_ONE_WORD_DURATIONS = frozenset({"sehari", "sepekan", "sebulan", "setahun", "semalam", "semalaman"})
_AMOUNT_WORDS = _QUANTITY_WORDS | _MEASURE_NOUNS | _ONE_WORD_DURATIONS | {"selama", "sepanjang", "m"}
_ORIGIN_HINTS = frozenset(
    "pusat titik asal sumber episentrum barat timur utara selatan tenggara km kilometer".split()
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SLASH_DATE = re.compile(r"\(?\d{1,2}/\d{1,2}(?:/\d{2,4})?\)?")
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b", re.IGNORECASE)
_PLACE_AFTER_ANY = re.compile(r"\b(di|ke|dari|menuju)\s+(?:[a-z]+\s+){0,3}?([A-Z][\w-]+)")
_AGE_HINTS = frozenset({"berusia", "berumur", "usia", "umur"})
# A clock time ("pukul 14.30 WIB", "dini hari") needs one of these words, or a digit and a colon.
_CLOCK_HINTS = frozenset({"pukul", "jam", "wib", "wita", "wit", "malam", "hari"})
_MONEY_HINTS = frozenset({"rp", "us", "usd", "rupiah", "dolar", "dollar", "euro"})


# Every closed class's single words at once, and the phrases by their first word (a phrase
# can be in a sentence only if its first word is one of its tokens): one set intersection per
# sentence finds the few classes a sentence uses.
_CLASSES_OF: dict[str, tuple[str, ...]] = {}
_PHRASES_BY_FIRST: dict[str, list[tuple[str, str]]] = {}
for _name, _words in _W.items():
    for _word in _words.single:
        _CLASSES_OF[_word] = (*_CLASSES_OF.get(_word, ()), _name)
    for _phrase in _words.phrases:
        _PHRASES_BY_FIRST.setdefault(_phrase.split()[0], []).append((_name, _phrase))
_CLASS_WORDS = frozenset(_CLASSES_OF)
_PHRASE_FIRSTS = frozenset(_PHRASES_BY_FIRST)
_NONE: frozenset[str] = frozenset()


def _closed_class_words(tokens: set[str], lower: list[str]) -> dict[str, set[str]]:
    """The words (and phrases) of each closed class a sentence uses, by class; a class it
    does not use is missing from the dictionary."""
    found: dict[str, set[str]] = {}
    for word in _CLASS_WORDS & tokens:
        for name in _CLASSES_OF[word]:
            found.setdefault(name, set()).add(word)
    firsts = _PHRASE_FIRSTS & tokens
    if firsts:
        joined = " " + " ".join(lower) + " "
        for first in firsts:
            for name, phrase in _PHRASES_BY_FIRST[first]:
                if phrase in joined:
                    found.setdefault(name, set()).add(phrase.strip())
    return found


_ASCII_DIGIT = re.compile("[0-9]")


# Figures that label rather than count: a figure after a noun that it numbers ("kelas 6", "SD
# Negeri 5", "TPS 02", "Pasal 2 ayat (1)", "No.5", "kelas 5 dan 6", a code "RN 271"), and an age after a
# person's name or initials ("Fikri (12)", "Keysha Ramadhani (4)", "HS (33)"; not a count after
# a place, "Kecamatan Sukamaju (45)", or of three figures, "PDIP (110)"). "Berapa siswa ...?" is
# not answered by a sentence whose only figures are these.
_LABEL_NOUNS = words_of("label_nouns")
_LABEL_FIGURE = r"\(?\d+[A-Za-z]?\)?"
# A code of capitals before a figure names a thing, it counts nothing: a flight ("RN 271",
# "QZ-8501"), a number plate ("SR 7412 UB"); not a currency ("USD50 juta"), nor an acronym
# before a count of people or things ("PHK 300 karyawan", "TNI 300 personel").
_CODE = re.compile(
    r"\b(?!(?:USD|IDR|SGD|EUR)(?=[\s-]?\d))[A-Z]{2,3}[\s-]?\d+[A-Za-z]?(?![\w.,]*\d)"
    rf"(?!\s+(?i:{pattern('count_classifiers')}|{pattern('person_nouns')})\b)"
)
_LABELLED = re.compile(
    rf"\b(?i:{pattern('label_nouns')})(?:\s+Negeri)?\.?\s*{_LABEL_FIGURE}"
    rf"(?:\s*(?:,|dan|-)\s*{_LABEL_FIGURE})*(?![\w.,]*\d)"
)
_AGED = re.compile(r"\b([A-Z][\w'’-]*)\s\(\d{1,2}\)")
_PLACE_BEFORE = frozenset({"di", "dari", "ke"})
_PLACE_OR_BODY = words_of("place_nouns") | words_of("institution_nouns")


def _without_dates(
    text: str, slash: bool = True, clock: bool = True, year: bool = True, months: bool = True
) -> str:
    """The text without its dates ("Rabu (24/4)"), clock times, years and days of a month, each
    looked for only where the caller has not already seen there is none."""
    if slash:
        text = _SLASH_DATE.sub(" ", DAY_DATE_RE.sub(" ", text))
    if clock:
        text = CLOCK_RE.sub(" ", text)
    if year:
        text = _YEAR.sub(" ", text)
    if months:
        text = _DAY_MONTH.sub(" ", text)
    return text


def _undated(text: str) -> str:
    """The text without its dates, years, clock times and labelling figures: the figures left
    are counts, sums and measures."""
    return _unlabelled(_without_dates(text))


def _unlabelled(text: str) -> str:
    """The text without its labelling figures (`_LABELLED`) and ages after names (`_AGED`)."""
    text = _CODE.sub(" ", _LABELLED.sub(" ", text))
    if "(" not in text:
        return text
    out, at = [], 0
    for m in _AGED.finditer(text):
        before = [w.lower().strip(",") for w in text[: m.start()].split()[-4:]]
        if (before[-1:] and before[-1] in _PLACE_BEFORE) or _PLACE_OR_BODY.intersection(before):
            continue  # "dari Sukamaju (45)", "Kecamatan Sukamaju (45) dan Cibadak (32)": counts
        out.append(text[at : m.start(1) + len(m.group(1))])
        at = m.end()
    out.append(text[at:])
    return " ".join(out)


def _has_digit(text: str) -> bool:
    """Whether a character of the text is a digit (in ASCII text, one of 0-9: one search in C)."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


def sentence_tokens(text: str) -> list[str]:
    """The word and number tokens of a sentence with their case, after the Unicode clean-up:
    what `read_facts` reads, which a caller holding them already may pass it."""
    return _TOKEN_CASED.findall(text if text.isascii() else normalize(text))


_new_facts = tuple.__new__
_FIELDS = (
    "full_date weekday relative_date day_dates clock duration measure number numbers values reason "
    "vehicle manner yesno origin places place_nouns names person_noun roles currency age speech"
).split()
if tuple(_FIELDS) != Facts._fields:
    raise ImportError("read_facts makes Facts from its fields in another order than Facts has them")


_REASON_MARKERS = _W["reason_markers"].single


def _causeless(tokens: set[str], lower: list[str]) -> bool:
    """True when the sentence's only word of cause is "sebab" after "tanpa": "demam tanpa sebab
    jelas" says there is no known cause ("bukan tanpa sebab" says there is one, and "akibat
    dari", "dampak dari" give one)."""
    if (tokens & _REASON_MARKERS) != {"sebab"}:
        return False
    if any(a in {"akibat", "dampak"} and b == "dari" for a, b in itertools.pairwise(lower)):
        return False
    return all(
        i > 0 and lower[i - 1] == "tanpa" and not (i > 1 and lower[i - 2] == "bukan")
        for i, t in enumerate(lower)
        if t == "sebab"
    )


def read_facts(text: str, cased: list[str] | None = None, lower: list[str] | None = None) -> Facts:
    """Everything typed in one sentence that a question may ask for (`cased` its
    `sentence_tokens`, `lower` those in lowercase, when the caller has them).

    Read from the sentence's words with set lookups; a regular expression runs only where a
    cheap look says it can match (a slash for "(24/4)", a digit for a figure): this runs for
    every sentence of the corpus when the index is built.
    """
    text = text if text.isascii() else normalize(text)  # Unicode clean-up leaves ASCII as it is
    if cased is None:
        cased = _TOKEN_CASED.findall(text)
    if lower is None:
        lower = [t.lower() for t in cased]
    tokens = set(lower)
    has_digit = _has_digit(text)
    found = _closed_class_words(tokens, lower)

    day_dates: tuple[tuple[int, int, str, str], ...] = ()
    slash = "/" in text and has_digit
    if slash:
        day_dates = tuple(
            (int(m.group(1)), int(m.group(2)), _weekday(m.group(0)), m.group(0).strip())
            for m in DAY_DATE_RE.finditer(text)
        )
    months = not _MONTH_WORDS.isdisjoint(tokens)
    year = has_digit and bool(_YEAR.search(text))
    full_date = months or year or (slash and bool(_SLASH_DATE.search(text)))
    clock = (not _CLOCK_HINTS.isdisjoint(tokens) or (has_digit and ":" in text)) and bool(
        CLOCK_RE.search(text)
    )
    undated = _without_dates(text, slash, clock, year, months) if has_digit else text
    counted = _unlabelled(undated) if has_digit else undated
    figures = has_digit and _has_digit(counted)

    duration = measure = counted_from = False
    if has_digit or not _AMOUNT_WORDS.isdisjoint(tokens):
        numeric = [t[:1].isdigit() for t in lower]
        for i, token in enumerate(lower):
            if not numeric[i] and token not in _AMOUNT_WORDS and _unprefixed(token) not in _MEASURE_NOUNS:
                continue
            nxt = lower[i + 1] if i + 1 < len(lower) else ""
            quantity = numeric[i] or token in _QUANTITY_WORDS
            if quantity and nxt in _TIME_UNITS and not (numeric[i] and clock and nxt == "jam"):
                # "30 hari setelah kecelakaan", "dua pekan lagi": a time told from another, not
                # how long something lasted
                if i + 2 < len(lower) and lower[i + 2] in _COUNTED_FROM:
                    counted_from = True
                else:
                    duration = True
            if token in _ONE_WORD_DURATIONS and nxt in _COUNTED_FROM:
                counted_from = True  # "sehari sebelumnya": the day before, no day long
            elif (token in {"selama", "sepanjang"} and nxt) or token in _ONE_WORD_DURATIONS:
                duration = True
            if numeric[i] and nxt in _MEASURE_UNITS:
                measure = True
            # "magnitudo 6,4", and "bermagnitudo 6,4" as the press writes it
            if _unprefixed(token) in _MEASURE_NOUNS and any(numeric[i + 1 : i + 3]):
                measure = True
            if token == "m" and i + 1 < len(lower) and numeric[i + 1]:
                measure = True  # "M 6,1": a magnitude

    # Capitalised words that do not open the sentence: names ("Jong-un" counts as "jong", "un").
    capitalised = [low for t, low in zip(cased[1:], lower[1:], strict=True) if t[0].isupper()]
    places: list[tuple[str, str]] = []
    if capitalised:
        # "menuju Batu Larang" is where something goes, as "ke" says
        places.extend(
            ("ke" if m.group(1) == "menuju" else m.group(1), m.group(2).lower())
            for m in _PLACE_AFTER_ANY.finditer(text)
        )
        if not _PLACE_NOUNS.isdisjoint(tokens):
            for word, nxt_cased in zip(lower, cased[1:], strict=False):
                if word in _PLACE_NOUNS and nxt_cased[:1].isupper():
                    places.append(("noun", nxt_cased.lower()))
    names = tuple(dict.fromkeys(capitalised))
    speech = not _SPEECH.isdisjoint(tokens) or bool(QUOTE_MARKS.search(text))
    roles = found.get("role_nouns", _NONE)
    # Made from its fields in order (a call by keyword took about a tenth of the time of reading a
    # sentence's facts); `_FIELDS` checks the order at import.
    return _new_facts(
        Facts,
        (
            full_date,
            full_date or not _DAY_WORDS.isdisjoint(tokens),
            "relative_dates" in found or counted_from,
            day_dates,
            clock,
            duration,
            measure,
            figures or "number_words" in found,
            _numbers(counted) if figures else (),
            _values(undated, day_dates, text if months else "", text if clock else "") if has_digit else (),
            1.0
            if "reason_markers" in found and not _causeless(tokens, lower)
            else 0.5
            if "purpose_markers" in found or "reason_nouns_named" in found
            else 0.0,
            "vehicles" in found,
            "manner_words" in found,
            "yesno_markers" in found,
            not _ORIGIN_HINTS.isdisjoint(tokens) and bool(_ORIGIN_RE.search(text)),
            tuple(dict.fromkeys(places)),
            tuple(sorted(found.get("place_nouns", _NONE))),
            names,
            "person_nouns" in found,
            tuple(sorted(roles)),
            bool((not _MONEY_HINTS.isdisjoint(tokens) or "$" in text) and _CURRENCY.search(text)),
            bool((not _AGE_HINTS.isdisjoint(tokens) or "(" in text) and _AGE.search(text)),
            speech,
        ),
    )


def read_all_facts(texts: list[str]) -> list[Facts]:
    """The facts of many sentences (a chunk of work for a worker process)."""
    return [read_facts(text) for text in texts]


# What a sum of money or a share never counts: people, households, things counted by a
# classifier ("berapa warga", "berapa keluarga", "berapa unit"). "Berapa kenaikan ...?",
# "berapa persen", "how much is the BLT?" may be answered by one.
_COUNTED_NOT_SUMMED = (
    _PERSON_WORDS | words_of("count_classifiers") | {"keluarga", "rumah", "rumah_tangga", "kk"}
)
# A sum of money or a share, with its figure: "Rp 150.000", "Rp 12,4 triliun", "US$ 5", "71,2
# persen", "4,6%".
_SUMS_AND_SHARES = re.compile(
    r"(?:\b(?:Rp|US\$|USD)|\$)\s?\d[\d.,]*(?:\s*(?:ribu|juta|miliar|triliun))?"
    r"|\b\d[\d.,]*\s*(?:%|persen\b|(?:ribu\s+|juta\s+|miliar\s+)?(?:rupiah|dolar|dollar|euro)\b)",
    re.IGNORECASE,
)
# "dua kapal", "tiga orang": a count written out, and what it counts.
_SPELLED_COUNT = re.compile(rf"\b({pattern('number_words')})\s+([^\W\d_]+)", re.IGNORECASE)


# "Bagaimana X pergi/tiba ...": the question asks how someone travelled.
_MOTION = words_of("motion_verbs")


def takes_vehicle(text: str) -> bool:
    """True when a sentence tells a vehicle taken ("dengan menumpangi kereta", "menggunakan
    dua ambulans"), not one merely named ("14 unit mobil pemadam")."""
    return bool(_TAKEN.search(text))


# A means verb or preposition, then (a word or two later) a vehicle: "dengan menumpangi
# kereta lapis baja", "naik bus", "menggunakan kereta api".
_TAKEN = re.compile(
    rf"\b(?:{pattern('manner_verbs')})\s+(?:\w+\s+){{0,2}}?(?:{pattern('vehicles')})\b", re.IGNORECASE
)

# "Bagaimana cara/proses ...": the question asks for a method.
_PROCESS = frozenset({"cara", "proses", "prosedur", "mekanisme", "metode", "langkah", "tahap", "tahapan"})
# A process told as steps: "prosesnya berlangsung dalam beberapa tahap: pertama, ...; kemudian ...".
_STEPS = re.compile(rf"(?i)(\w+\s+)?\b(?:{pattern('process_steps')})\b")
_PAST = words_of("time_units") | words_of("days") | words_of("months") | {"minggu", "malam", "dulu", "yang"}


def _steps(text: str) -> bool:
    """True when the sentence tells a process in steps ("tahap", "kemudian", "lalu"; not the
    "lalu" of "pekan lalu")."""
    return any(
        not (
            m.group(0).lower().endswith("lalu")
            and (
                (m.group(1) and (m.group(1).strip().lower() in _PAST or m.group(1).strip().isdigit()))
                or text[m.end() : m.end() + 7].lower() == " lintas"  # "lalu lintas": traffic
            )
        )
        for m in _STEPS.finditer(text)
    )


def fits_type(
    qtype: str,
    facts: Facts,
    asked: Iterable[str],
    preposition: str = "di",
    text: str = "",
    office: frozenset[str] = frozenset(),
    name_of: bool = False,
    counted_noun: str = "",
    category: bool = False,
    speaker_names: frozenset[str] = frozenset(),
    kind_noun: str = "",
) -> float:
    """How fully a sentence holds what the question type asks for, from 0.0 to 1.0.

    `asked` are the question's own words (lowercase): a place or name the question itself
    gives is not an answer to it. `text` is the sentence, for the facts read only when a
    question asks for them (who speaks, who holds an office). `speaker_names` are the names a
    "what did X say" question gives: a speaker sharing only a role noun with it holds none.
    `kind_noun` is the noun whose name a "what"-question asks ("universitas" of "universitas
    apa?", "percetakan" of "apa nama percetakan ...?").
    """
    asked_set = set(asked)
    if qtype == DATE:
        # A calendar date says when; a weekday alone less; "hari ini" needs the paper's date.
        if facts.full_date:
            return 1.0
        if facts.weekday:
            return 0.7
        if _UNTIL & asked_set and _UNTIL_CLAUSE.search(text):
            # "Sampai kapan sanksi ditegakkan?": "sampai Korut menghentikan program nuklirnya"
            # sets its end by a happening, as a date would.
            return 0.5
        return 0.4 if facts.relative_date else 0.2 if facts.clock else 0.0
    if qtype == TIME:
        if facts.clock:
            return 1.0
        if facts.full_date or facts.weekday:
            # "Senin (8/9/2025) sore" tells the hour more nearly than "Senin" alone.
            return 0.5 if _DAY_PART.search(text) else 0.3
        return 0.0
    if qtype == DURATION:
        if facts.duration:
            return 1.0
        if facts.relative_date and _COUNTED_FROM & asked_set:
            return 1.0  # "Berapa bulan setelah KTT Hanoi ...?": "dua bulan setelah ..." answers
        return 0.3 if facts.clock else 0.0
    if qtype == MEASURE:
        if facts.measure:
            return 1.0
        if facts.currency and _SIZE & asked_set:
            # "Berapa besar bantuannya?": the size of a sum is its amount; a magnitude or a
            # length, where a sentence gives one, is the likelier size asked.
            return 0.8
        return 0.4 if facts.number else 0.0
    if qtype in (PLACE, ORIGIN):
        named = {name for prep, name in facts.places if prep in (preposition, "noun")} - asked_set
        nouns = set(facts.place_nouns) - asked_set
        # A named place says more than a place noun.
        score = min(1.0, (2 * len(named) + len(nouns)) / 4)
        if qtype == ORIGIN:
            # "di mana pusat gempa": a centre is given by a bearing or a distance, not a dateline.
            return min(1.0, 0.6 * facts.origin + 0.5 * score)
        return score
    if qtype == NUMBER:
        if (
            facts.age
            and counted_noun in AGE_NOUNS
            and any(
                asked_set.intersection(f"{m.group(1)}{m.group(2)}".lower().split())
                for m in _AGED_NAME.finditer(text)
            )
        ):
            return 1.0  # "Berapa umur Budi Santoso?": "Budi Santoso (44)", the age of the one named
        if not facts.number:
            # "Tersangka dijerat pasal berapa?", "lantai berapa?": a label may be what is asked.
            return 1.0 if _LABEL_NOUNS & asked_set and _LABELLED.search(text) else 0.0
        if (
            facts.values
            and all(value in asked_set for value in facts.values)
            # "inspeksi terhadap sembilan pesawat Boeing 737-800" for "Berapa pesawat Boeing
            # 737-800 ...?": a count of the thing counted written out, not the question's own,
            # is a figure of its own
            and not any(
                m.group(2).lower() == counted_noun and m.group(1).lower() not in asked_set
                for m in _SPELLED_COUNT.finditer(text)
            )
        ):
            # "How many of the 38 members ...?": a sentence whose only figure is the
            # question's own tells nothing the question does not.
            return 0.0
        if (
            counted_noun in _COUNTED_NOT_SUMMED
            and (facts.currency or "%" in text)
            # "Berapa keluarga yang menerima BLT?": "BLT sebesar Rp 150.000 mulai Rabu (17/9)"
            # is a sum, and "naik 12%" a share: neither counts households.
            and not _has_digit(_SUMS_AND_SHARES.sub(" ", _undated(text)))
            and not _SPELLED_COUNT.search(text)
        ):
            return 0.5
        # "Berapa penumpang kapal itu?": "dua kapal" counts another thing the question names.
        counted = {thing for thing, _, _ in facts.numbers}
        counted.update(m.group(2).lower() for m in _SPELLED_COUNT.finditer(text))
        if counted_noun in PEOPLE_CLASSIFIERS and counted & _PERSON_WORDS:
            return 1.0  # "ada berapa orang di masjid?": "150 jemaah" counts people
        if counted & set(lexicon().synonyms.get(counted_noun, ())):
            return 1.0  # "Berapa jumlah pegawai ...?": "46 karyawan" counts them in another word
        if counted_noun and counted - _CLASSIFIERS and counted_noun not in counted:
            # "Berapa sekolah ...?": "dua hari" counts another thing than the one asked; a
            # thing the question names itself ("dua kapal" for "penumpang kapal") more nearly.
            return 0.7 if counted & asked_set else 0.5
        return 1.0
    if qtype == REASON:
        return facts.reason
    if qtype == MANNER:
        if _PROCESS & asked_set:
            # "Bagaimana proses identifikasi ...": a means or method, not a vehicle.
            return 1.0 if facts.manner or _steps(text) else 0.0
        if _MOTION & asked_set:
            # "How did Kim travel to Russia?": a vehicle taken ("dengan menumpangi kereta",
            # "naik bus") is the answer; a vehicle merely named ("14 unit mobil pemadam") is not.
            if facts.vehicle and takes_vehicle(text):
                return 1.0
            return 0.5 if facts.vehicle or facts.manner else 0.0
        # "disambut gimana?": a vehicle taken or a "dengan" is only a hint of the manner asked
        # (a vehicle merely named is none: "serpihan pesawat" tells no way it was found).
        # A step told after another ("..., lalu diangkat awak kapal") is one too.
        return 0.5 if facts.manner or (facts.vehicle and takes_vehicle(text)) or _steps(text) else 0.0
    if qtype == WHAT and (category or name_of):
        # "Bangunan apa yang roboh?", "Apa nama masjid itu?": a thing named ("Masjid Nurul
        # Bahari") says which; the name of someone speaking ("kata Rina") does not.
        if kind_noun and unnamed(text, kind_noun):
            return 0.0
        told_by = speakers(text)
        return 1.0 if any(name not in asked_set and name not in told_by for name in facts.names) else 0.0
    if qtype == WHAT and "saja" in asked_set:
        # "Barang apa saja yang disita?", "menunya apa aja?": a list asked, told as one
        # ("berupa nasi putih, ayam suwir ... dan buah jeruk", "yaitu ...")
        return 1.0 if _ENUMERATES.search(text) else 0.0
    if qtype == YESNO:
        return 0.0  # any statement may settle it: a "tidak" in a sentence is no sign it does
    if qtype == PERSON:
        # "Siapa nama nelayan itu?": a person asked for by a noun wants the name that noun
        # introduces, as an office does.
        roles = (_ROLES | (_PERSON_WORDS if name_of else frozenset())) & asked_set
        # "head of ..." read as "kepala": an article's "Ketua ..." holds the same office.
        roles |= {other for role in roles for other in lexicon().synonyms.get(role, ()) if other in _ROLES}
        # "manajer" asked, "General Manager ..." printed: one office in another spelling.
        roles |= {other for role in roles for other in lexicon().variants.get(role, ()) if other in _ROLES}
        if roles:
            # "Siapa ketua majelis hakim?": a name after that role, not any name. The names
            # the question ties to the office ("menteri luar negeri Rusia") stand with it:
            # "Menlu Ri Yong-ho" does not answer for Russia when Rusia is named elsewhere.
            holders = role_holders(text, name_of) if facts.roles or name_of else ()
            tied = office & set(facts.names)
            held = [
                names
                for role, names, first in holders
                if role in roles
                and names - asked_set
                # "Kepala Pusat Gempa ... BMKG" heads a part of what "kepala BMKG" asks
                and (first not in _UNITS or first in asked_set)
            ]
            if any(tied <= names for names in held):
                return 1.0
            others = any(name not in asked_set for name in facts.names)
            # "Putin menjadi pemimpin Rusia pertama ...": the holder named before the role.
            if others and not held and roles & set(facts.roles):
                return 0.6
            return 0.3 if others else 0.0
        # "Menurut Bima, kotak hitam itu ditemukan ...": who tells it is not who found it.
        cited = (
            attributed(text)
            if "menurut" in text.lower() or "kata" in text.lower() or "ujar" in text.lower()
            else ()
        )
        if any(name not in asked_set and name not in cited for name in facts.names):
            return 1.0
        return 0.6 if facts.person_noun or facts.roles else 0.0
    if qtype == SAID:
        told_by = speakers(text) if facts.speech else frozenset()
        hit = told_by & asked_set
        # "What did the BMKG earthquake chief say ...?": "kata Kepala Pelaksana BPBD ..." shares
        # only the word for a head with it; the speaker must hold a name the question gives.
        if hit and not (hit <= _ROLES and speaker_names and not speaker_names & told_by):
            return 1.0
        return 0.3 if facts.speech else 0.0
    return 0.0


# A list told in a sentence: a word opening one ("berupa X dan Y", "yaitu A, B"), or three
# short items or more ("A, B, dan C").
_ENUMERATES = re.compile(
    r"(?i)\b(?:berupa|berisi|yaitu|yakni|antara lain|di antaranya|meliputi|terdiri atas|terdiri dari)\s"
    r"[^.]*?(?:,|\bdan\b|\bserta\b)"
    # three short items or more: "nasi putih, ayam suwir, tempe goreng dan buah jeruk" (not
    # an apposition, "Kepala Dinsos, Ani Lestari, mengatakan ... dan ...")
    r"|(?:^|[,:]\s*|\s)(?:\w+\s){0,2}\w+,\s(?:\w+\s){0,2}\w+,?\s(?:dan|serta)\s\w+"
)


def unnamed(text: str, noun: str) -> bool:
    """True when the sentence speaks of the noun only without naming it: "dosen sebuah
    universitas swasta", "dicetak di sebuah percetakan di Kota ...", "kapal motor milik
    Polairud" (not "Universitas Negeri Telukmas", "masjid Nurul Bahari")."""
    found = list(re.finditer(rf"\b{re.escape(noun)}\b", text, re.IGNORECASE))
    return bool(found) and all(
        m.group(0).islower() and not re.match(r"\s+(?:[A-Z]|\d)", text[m.end() :]) for m in found
    )


def holds_office(text: str, role_words: frozenset[str], office: frozenset[str]) -> bool:
    """True when the sentence names a holder of one of these roles whose office words hold
    nearly all of the office a question names, abbreviations read both ways ("Ketua Bawaslu
    Pulau Rangkai" holds "Ketua Badan Pengawas Pemilihan Umum Kabupaten Pulau Rangkai";
    "Ketua Panitia Pengawas Pemilihan Kecamatan Pulau Merbah" does not)."""
    wanted = _expanded(office) - _REGION_LEVELS
    if not wanted:
        return False
    for role, names, _ in role_holders(text):
        if role in role_words and len(wanted & _expanded(names)) >= _OFFICE_HELD * len(wanted):
            return True
    return False


def _expanded(words: Iterable[str]) -> set[str]:
    """The words, with the words each abbreviation among them stands for ("bawaslu": "badan
    pengawas pemilihan umum")."""
    abbreviations = lexicon().abbreviations
    found = set(words)
    for word in list(found):
        found.update(abbreviations.get(word, ()))
    return found


# The share of the office a question names that a holder's office words must hold: the KPU's
# chair holds "pemilihan umum" and "Pulau Rangkai" of Bawaslu's, not "badan pengawas".
_OFFICE_HELD = 0.8
# The level of a region before its name, often left out in print ("Bawaslu Pulau Rangkai").
_REGION_LEVELS = frozenset({"kabupaten", "kota", "provinsi", "kecamatan", "kelurahan", "desa"})
_CLASSIFIERS = words_of("count_classifiers")


def counts_people(facts: Facts) -> bool:
    """True when the sentence counts people by a noun for them ("150 jemaah", "620 personel",
    "tiga warga"): an answer to "berapa orang", whatever it calls them."""
    return any(thing in _PERSON_WORDS for thing, _, _ in facts.numbers)


_DAY_PART = re.compile(r"\b(?:dini hari|pagi|siang|sore|petang|malam|subuh|tengah malam)\b", re.I)
# "berapa besar": a size, which for a sum of money is its amount.
_SIZE = frozenset({"besar", "besarnya", "nilai", "nominal"})


@lru_cache(maxsize=4096)
def asks_process(words: tuple[str, ...]) -> bool:
    """True when a "how" question asks for a process: its first word, or the one after
    "bagaimana", names one ("Bagaimana cara ...", "cara daftarnya gimana?"); not "Bagaimana
    penilaian pengamat soal langkah itu?", which asks about a step taken."""
    return any(
        (w in _PROCESS or (w.endswith("nya") and w[:-3] in _PROCESS))  # "caranya"
        and (i == 0 or words[i - 1] in {"bagaimana", "bagaimanakah"})
        for i, w in enumerate(words)
    )


def required_fit(qtype: str, wants_name: bool = False, process: bool = False) -> float:
    """How fully a sentence must hold the asked-for kind of fact to answer at all: "kapan"
    needs a time, "berapa" a figure, "siapa" a person ("siapa nama ..." a name). 0.0 for
    questions any relevant sentence may answer."""
    if qtype == PERSON:
        return 1.0 if wants_name else 0.5
    if qtype == WHAT and wants_name:
        return 0.5  # "Apa nama operasi itu?": a sentence naming nothing new does not say
    if qtype == REASON:
        return 0.5  # a cause or a purpose: "the sources do not say why" rather than any sentence
    if qtype == SAID:
        return 0.3  # somebody's words: a sentence narrating what they did holds none
    if qtype == MANNER and process:
        return 0.5  # "Bagaimana cara mendaftar?": a means, a method or steps, not any sentence
    return 0.1 if qtype in {DATE, TIME, DURATION, MEASURE, NUMBER, PLACE, ORIGIN} else 0.0


_CURRENCY = re.compile(r"\b(?:Rp|US\$|USD|\$)\s?\d|\b\d[\d.,]*\s*(?:rupiah|dolar|dollar|euro)\b", re.I)
# An age in brackets after a name, as the news writes it: "Keysha Ramadhani (4)", "Budi
# Santoso (44)" (the name's words before it; not a label's number, "Pasal 81 Ayat (1)").
_NO_AGE_BEFORE = r"(?!(?:Ayat|Pasal|Huruf|Angka|Butir|Leg|Tahap|Babak|Bab|Jilid|Nomor|No)\s)"
_AGED_NAME = re.compile(rf"\b((?:[A-Z][\w'’-]*\s){{0,3}}){_NO_AGE_BEFORE}([A-Z][\w'’-]*)\s\((\d{{1,3}})\)")


def ages(text: str) -> dict[str, str]:
    """The age printed in brackets after each name, by each lowercase word of the name
    ("Hendra Kurniawan (46)": hendra and kurniawan, 46)."""
    found: dict[str, str] = {}
    for m in _AGED_NAME.finditer(text):
        if len(m.group(3)) > 2:
            continue  # "PDIP (110)": seats, no age
        for word in f"{m.group(1)}{m.group(2)}".lower().split():
            found.setdefault(word, m.group(3))
    return found


_AGE = re.compile(rf"\b(?:berusia|berumur|usia|umur)\s+\d|\b{_NO_AGE_BEFORE}[A-Z][a-z]+\s\(\d{{1,3}}\)")
# A holder: capitalised words, commas and short parentheses; "dan" between two capitalised words
# (no comma before it) belongs to an institution's name ("Kantor Pencarian dan Pertolongan
# Tanjung Seruni"), unless an office or a title follows it: ", dan Bupati ...", "dan Perdana
# Menteri Anwar Ibrahim", "dan AKBP ..." begin another person.
# (a title written in lowercase before a name is part of it: "Direktur RSUD ..., dr. Fadli")
_HOLDER_WORD = r"\s*,?\s*(?:[A-Z][\w.'’-]*|\([^()]{1,30}\)|(?:dr|drg|drh|ir|hj?)\.(?=\s+[A-Z]))"
_NOT_AFTER_DAN = rf"(?!(?i:{pattern('role_nouns')}|{pattern('name_titles')}|wakil|perdana)\b)"
_HOLDER = rf"((?:{_HOLDER_WORD})(?:{_HOLDER_WORD}|\s+dan\s+{_NOT_AFTER_DAN}[A-Z][\w.'’-]*){{0,9}})"
_NOT_QUALIFIERS = "|".join(
    sorted(words_of("phrase_breaks") | {"yang", "serta", "atau", "juga", "akan", "sudah"})
)
# "Komandan regu Manggala Rimba ...", "Kepala bidang Humas ...": a lowercase word or two may
# qualify the role before its unit's name (not a verb: "Kepala dinas mengatakan ...").
_ROLE_NAME = re.compile(
    rf"\b((?i:{pattern('role_nouns')}))\b"
    rf"(?:\s+(?!(?:me|di|ber|ter|se)[a-z]|(?:{_NOT_QUALIFIERS})\b)[a-z]{{3,}}){{0,2}}" + _HOLDER
)
# "nelayan bernama Budi", "seorang pilot, Arif Wicaksono": a person named after the noun.
_PERSON_NAME = re.compile(rf"\b((?i:{pattern('person_nouns')}))\b(?:\s+(?:bernama|berinisial))?" + _HOLDER)


def role_names(text: str, people: bool = False) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each role noun with the capitalised words that follow it: the office and its holder
    ("Kepala BPBD Tanah Merapu, Yusran Mattola" gives ("kepala", {"bpbd", "tanah",
    "merapu", "yusran", "mattola"})). Read when a question asks who holds an office."""
    return tuple((role, names) for role, names, _ in role_holders(text, people))


@lru_cache(maxsize=50_000)
def role_holders(text: str, people: bool = False) -> tuple[tuple[str, frozenset[str], str], ...]:
    """`role_names`, each with the first word after the role, lowercase, whatever its case
    ("bpbd"; "pusat" of "Kepala pusat data BNPB"): a unit noun there ("Kepala Pusat Gempa
    Bumi dan Tsunami BMKG") makes the holder head of a part."""
    found = []
    abbreviations = lexicon().abbreviations
    matches = list(_ROLE_NAME.finditer(text))
    if people:
        matches += _PERSON_NAME.finditer(text)
    for m in matches:
        before = text[max(0, m.start() - 20) : m.start()].split()
        if before and before[-1][:1].isupper() and before[-1].lower() in _BUILDINGS:
            # "di Kantor Bupati Tanah Merapu": a building's name, nobody holding the office
            # ("rumah Bupati Ahmad Yani", in lowercase, is the house of the one who does)
            continue
        held = re.findall(r"[A-Z][\w'’-]*", m.group(2))
        names = frozenset(w.lower() for w in held)
        if names:
            role = m.group(1).lower()
            after = text[m.end(1) :].split()
            first = after[0].strip(",.").lower() if after else held[0].lower()
            found.append((role, names, first))
            # "Menlu Ri Yong-ho" holds the office "menteri" too.
            found.extend((word, names, first) for word in abbreviations.get(role, ())[:1])
    return tuple(found)


# Nouns of an organisation's parts: "Kepala Bidang Humas Polda ..." heads a part of the police.
_UNITS = words_of("unit_nouns")


# Buildings named after an office ("Kantor Bupati", "Rumah Dinas Wali Kota", "Pendopo Bupati").
_BUILDINGS = _PLACE_NOUNS | {"dinas", "pendopo", "rumah", "aula", "rujab"}


# The roots that attribute words to a speaker after them ("kata Rina") or by "-nya" ("tegasnya").
SAYING_ROOTS = tuple("kata ujar ungkap jelas tutur sebut tegas imbuh tambah papar terang".split())
_ATTRIBUTION = re.compile(
    rf"\b(?i:{'|'.join(SAYING_ROOTS)}|menurut)(?:nya)?\s+"
    r"((?:[A-Za-z.]+\s+){0,6}?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)"
)


# The speech verbs that follow their speaker ("Rina mengatakan", "Budi membantah"): those of
# `speech_verbs` with a verb's prefix ("menurut" comes before its speaker), and two more.
_SPEECH_AFTER = [*sorted(w for w in _SPEECH if w.startswith("me") and w != "menurut"), "berkata", "bilang"]
_SPEAKER_BEFORE = re.compile(
    r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s*,?\s+(?:[^,.]{0,60},\s+)?(?:" + "|".join(_SPEECH_AFTER) + ")"
)


@lru_cache(maxsize=50_000)
def attributed(text: str) -> frozenset[str]:
    """Lowercase name words of whom a sentence cites ("kata Rina", "menurut Bima"): who
    told it, not who did what it tells."""
    found: set[str] = set()
    for m in _ATTRIBUTION.finditer(text):
        found.update(w.lower() for w in re.findall(r"[A-Z][\w-]*", m.group(1)))
    return frozenset(found)


@lru_cache(maxsize=50_000)
def speakers(text: str) -> frozenset[str]:
    """Lowercase name words standing where Indonesian puts the speaker: after "kata", "ujar", "menurut"
    ("kata Rina", "ujar Kepala BPBD Rina Marlinda"), or before "mengatakan", "menjelaskan"."""
    found: set[str] = set(attributed(text))
    for m in _SPEAKER_BEFORE.finditer(text):
        found.update(w.lower() for w in re.split(r"[\s-]+", m.group(1)) if w)
    return frozenset(found)


def answered_name(text: str, asked: Set[str], name_words: Set[str]) -> str:
    """The person a sentence names in answer to "who": the first run of name words the
    question did not give that an age follows ("Korban terbaru adalah Keysha Ramadhani (4)")
    or that a person noun, a role or a title introduces ("tersangka baru berinisial HT",
    "kopilot Rendy Saputra"); not one who tells it ("kata Yusran"), not a place or an event.
    "" when it names none."""
    told_by = speakers(text)
    introduced = {w for _, names, _ in role_holders(text, True) for w in names}
    for m in _NAME_RUN.finditer(text):
        run = [w for w in m.group(0).split() if w.lower() in name_words]
        lower = {w.lower() for w in run}
        if not run or lower <= asked or lower & told_by:
            continue
        if _AGED_AFTER.match(text, m.end()) or lower <= introduced:
            return " ".join(run)
        if run[0].lower().rstrip(".") in _TITLES and len(run) > 1:
            return " ".join(run[1:])  # "Kapten Arif Wicaksono"
    return ""


# A run of capitalised words, initials included ("HT", "Keysha Ramadhani").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_TITLES = words_of("name_titles")
_AGED_AFTER = re.compile(r"\s*\(\d{1,3}\)")


# The words after a figure that name nothing counted: a preposition or a conjunction.
_NOT_COUNTED = words_of("phrase_breaks") | {"hingga", "sampai", "per", "atau", "dari", "ke", "di", "yang"}
# (a modifier before a noun is passed over: "300 calon jemaah" counts "jemaah"; but "3 calon
# dan 5 partai", "2 calon yang lolos" count the candidates)
_AFTER_A_MODIFIER_NO_NOUN = "|".join(sorted(_NOT_COUNTED | {"itu", "ini", "tersebut", "dengan", "untuk"}))
_MODIFIER = rf"(?:(?:{pattern('count_modifiers')})\s+(?!(?:{_AFTER_A_MODIFIER_NO_NOUN})\b)(?=[^\W\d_]))?"
_COUNTED = re.compile(
    rf"(?<![\d/])(\d[\d.,]*)(\s+(?:ribu|juta|miliar|triliun))?\s+{_MODIFIER}([^\W\d_]+)", re.IGNORECASE
)


def _numbers(text: str) -> tuple[tuple[str, str, str], ...]:
    """Counted things, each with its value and the words as printed: "10.000 buruh" gives
    ("buruh", "10000", "10.000 buruh"); "10 ribu buruh" the same value."""
    found: dict[str, tuple[str, str, str]] = {}
    for match in _COUNTED.finditer(text):
        number, multiplier, thing = match.group(1).rstrip(".,"), match.group(2) or "", match.group(3)
        value = words(number + multiplier)
        if thing.lower() in _NOT_COUNTED:
            continue  # "Rp 250.000 untuk kelas festival": a sum for something, no count of "untuk"
        if value and value[0][0].isdigit():
            found.setdefault(thing.lower(), (thing.lower(), value[0], match.group(0).strip()))
    return tuple(found.values())


_SPELLED_FIGURE = "|".join(NUMBER_WORDS)
_SPELLED_RUN = rf"(?:{_SPELLED_FIGURE})(?:\s+(?:{_SPELLED_FIGURE}|belas|puluh|ratus|ribu))*"
_MEASURES = sorted(words_of("measure_words"), key=len, reverse=True)
_ADJECTIVES = "|".join(w for w in _MEASURES if not re.fullmatch(r"ke\w+an", w))
# The words that may stand between a measure and its figure ("setinggi mencapai 2").
_CONNECTING_WORDS = (
    "sebesar",
    "mencapai",
    "sekitar",
    "hingga",
    "sampai",
    "sedalam",
    "setinggi",
    "bisa",
    "hanya",
)
_CONNECTING = rf"(?:\s+(?:{'|'.join(_CONNECTING_WORDS)})){{0,2}}"
_MEASURE_NOUN = re.compile(
    # "kedalaman 10", "kedalaman gambut di Kuala Seranti empat": a measure noun, its figure a
    # few words on
    r"(?i:\b(" + "|".join(w for w in _MEASURES if re.fullmatch(r"ke\w+an", w)) + r")(?:nya)?"
    r"(?:\s+[a-z]+){0,4}?\s+(\d+(?:[.,]\d+)?|" + _SPELLED_RUN + r")\b)"
    # "bermagnitudo 6,1", "setinggi 1,5": an adjective and its figure in digits, a connecting
    # word or two between ("dalam dua jam" is no depth)
    r"|(?i:\b(?:ber|se)?(" + _ADJECTIVES + r")" + _CONNECTING + r"\s+(\d+(?:[.,]\d+)?)\b)"
    # "dalamnya bisa sampai lima": the adjective made a noun, a figure written out too
    r"|(?i:\b(" + _ADJECTIVES + r")nya" + _CONNECTING + r"\s+(\d+(?:[.,]\d+)?|" + _SPELLED_RUN + r")\b)"
    r"|\b(M)\s?(\d+[.,]\d)\b"  # a capital M only: "m 2,3" is metres
)
# "kedalaman" measures what "dalam" does: one measure, however it is named.
_MEASURE_BASE = re.compile(r"^ke(\w+)an$")


def _unprefixed(token: str) -> str:
    """A measure word without the "ber-" or "se-" the press puts on it ("bermagnitudo")."""
    return token[3:] if token.startswith("ber") else token[2:] if token.startswith("se") else token


def measures(text: str) -> tuple[tuple[str, str, str], ...]:
    """Measures named before their figure: "magnitudo 6,4", "bermagnitudo 6,1", "M 6,1" (the
    press's shorthand for a magnitude), "kedalaman 10", "dalamnya bisa sampai lima meter"
    (a figure written out, a few words after its measure): (measure, value, as printed)."""
    found: dict[str, tuple[str, str, str]] = {}
    for m in _MEASURE_NOUN.finditer(text):
        noun = (m.group(1) or m.group(3) or m.group(5) or "magnitudo").lower()
        base = _MEASURE_BASE.match(noun)
        noun = base.group(1) if base else noun
        figure = (m.group(2) or m.group(4) or m.group(6) or m.group(8)).lower()
        spelled = words(figure)
        value = str(NUMBER_WORDS[figure]) if figure in NUMBER_WORDS else spelled[0] if spelled else figure
        found.setdefault(noun, (noun, value, m.group(0).strip()))
    return tuple(found.values())


# Words after a measure's noun that do not say what it measures: the figure announced
# ("mencapai", "sekitar"), a place or a time told ("di", "pada"), a link ("yang", "itu").
_NOT_MEASURED = frozenset(_CONNECTING_WORDS) | frozenset(
    {"sebanyak", "sedikitnya", "lebih", "kurang", "dari", "yang", "itu", "ini", "tercatat"}
    | {"ada", "sudah", "kini", "menjadi", "adalah", "akan", "masih", "tetap", "rata"}
    | {"di", "ke", "pada", "dalam", "selama", "saat", "ketika", "sejak", "per", "untuk", "dan"}
    | {"sempat", "pun", "juga", "bahkan", "hampir", "nyaris", "kira"}
)
# A verb after the measured thing ends it: "ketinggian air diperkirakan 1 meter".
_VERB_LIKE = re.compile(r"^(?:me|di|ber|ter)[a-z]{3,}")


def measured_words(after: list[str]) -> tuple[str, ...]:
    """The words saying what a measure or a count measures, of the words between its noun
    and its figure, up to a place, a time, a verb or the figure's announcement ("air" of
    "ketinggian air di permukiman mencapai"; "korban tewas" of "jumlah korban tewas"; "air"
    of "ketinggian air diperkirakan"; none of "magnitudo", "kedalaman di titik itu"),
    without "-nya"."""
    found = []
    for word in after:
        word = word.lower()
        if word[:1].isdigit() or word in _NOT_MEASURED or _VERB_LIKE.match(word):
            break
        found.append(word.removesuffix("nya"))
    return tuple(found)


def two_things(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when the words saying what two figures measure name two things: word for word
    they differ ("air" and "gelombang"; "korban tewas" and "korban luka"), and neither says
    less than the other ("gempa" and "pusat gempa", "peserta" and "peserta aksi" are one),
    a synonym counting as the word ("korban meninggal" and "korban tewas" are one)."""
    if not a or not b:
        return False
    synonyms = lexicon().synonyms

    def same(x: str, y: str) -> bool:
        return x == y or y in synonyms.get(x, ())

    def within(small: tuple[str, ...], large: tuple[str, ...]) -> bool:
        return all(any(same(x, y) for y in large) for x in small)

    return not (within(a, b) or within(b, a))


def two_things_measured(a: str, b: str, figure_a: str, figure_b: str) -> bool:
    """True when two sentences' figures (as a clash gives them) are measures of one kind of
    two things: "ketinggian air di permukiman mencapai 2 meter" and "ketinggian gelombang
    mencapai 4 meter" are no disagreement over a height, whoever said each."""
    first_a, first_b = (words(f)[:1] for f in (figure_a, figure_b))
    of_b = {noun: (value, measured_words(words(printed)[1:])) for noun, value, printed in measures(b)}
    for noun, value, printed in measures(a):
        if noun in of_b and [value] == first_a and [of_b[noun][0]] == first_b:
            return two_things(measured_words(words(printed)[1:]), of_b[noun][1])
    return False


def _values(
    undated: str, day_dates: tuple[tuple[int, int, str, str], ...], dated: str, clocked: str
) -> tuple[str, ...]:
    """Every figure of the sentence as a number token ("10.000" and "10 ribu" both "10000"),
    every day/month date as "d/m" or "d month", and every clock time as "h:mm": what two
    outlets must share to be quoted as one."""
    found = {t for t in words(undated) if t[0].isdigit()}
    found.update(f"{day}/{month}" for day, month, _, _ in day_dates)
    if dated:
        found.update(m.group(0).lower() for m in _DAY_MONTH.finditer(dated))
    for m in CLOCK_RE.finditer(clocked):
        hour, _, minute = re.sub(r"\D", " ", m.group(0)).strip().partition(" ")
        if hour:
            found.add(f"{int(hour)}:{minute.strip() or '00'}")
    return tuple(sorted(found))


def _dates(facts: Facts) -> list[tuple[tuple[int, int], str, str]]:
    """((day, month), weekday, as printed) of every date a sentence prints: "Rabu (23/4)" and
    the written "27 Maret" (its weekday not read: "")."""
    found = [((day, month), weekday, printed) for day, month, weekday, printed in facts.day_dates]
    for value in facts.values:
        day, _, month = value.partition(" ")
        if day.isdigit() and month in _MONTH_NUMBER:
            found.append(((int(day), _MONTH_NUMBER[month]), "", f"{day} {month.capitalize()}"))
    return found


def _ordinal(day_month: tuple[int, int]) -> int:
    return day_month[1] * 31 + day_month[0]


_MONTH_NUMBER = {month: number for number, month in enumerate(in_order("months"), start=1)}


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
    mass: Callable[[frozenset[str]], float] | None = None,
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
    def total(terms: frozenset[str]) -> float:
        return mass(terms) if mass is not None else sum(map(idf, terms))

    both = (total(a_terms) * total(b_terms)) ** 0.5
    return both > 0 and sum(map(idf, shared)) / both >= SAME_FACT_OVERLAP


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
    dates_a, dates_b = _dates(a_facts), _dates(b_facts)
    # Of the dates each prints ("(23/4)", "27 Maret"), the nearest two: "hingga 27 Maret"
    # against "hingga 26 Maret" is a disagreement; a date both print makes them agree.
    if (
        dates_a
        and dates_b
        and qtype in {DATE, OTHER, WHAT, YESNO}
        and not {d for d, _, _ in dates_a} & {d for d, _, _ in dates_b}
    ):
        (_, weekday_a, printed_a), (_, weekday_b, printed_b) = min(
            itertools.product(dates_a, dates_b),
            key=lambda pair: abs(_ordinal(pair[0][0]) - _ordinal(pair[1][0])),
        )
        # "Rabu (23/4)" against "Rabu (24/4/2019)": one day, two dates, a disagreement.
        # "Rabu (23/4)" against "Jumat (26/4)", or two dates without a weekday, are most
        # often two events, unless the sentences are otherwise one fact.
        if (weekday_a and weekday_a == weekday_b) or len(shared) >= 6:
            return ("date", printed_a, printed_b)
    if qtype in {NUMBER, OTHER, WHAT, MEASURE}:
        others = {thing: (value, printed) for thing, value, printed in b_facts.numbers}
        for thing, value, printed in a_facts.numbers:
            other = others.get(thing)
            if other is not None and other[0] != value:
                return ("number", printed, other[1])
    return None


# -- the value a clause gives, for comparing outlets ------------------------------------------

# A clause ends at a comma before a space ("5,2" is a figure), a semicolon, or a word that
# opens another clause.
CLAUSE_BREAK = re.compile(r"[,;](?=\s)|\s(?:yang|dan|sedangkan|tetapi|namun|setelah|sebelum)\s")
# A figure in digits or in words, and the word after it: "1.247 kasus", "tiga helikopter".
_COUNT = re.compile(
    rf"(?i)(?<![\d/.,])\b(\d[\d.,]*(?:\s+(?:ribu|juta|miliar|triliun))?|{_SPELLED_RUN})\s+{_MODIFIER}([^\W\d_]+)\b(?!-)"
)
# "(5/11)", "5 November", and a month of a year ("Maret 2026").
_CALENDAR = re.compile(
    rf"(?:\b(?:{_DAYS})\s+)?\((\d{{1,2}})/(\d{{1,2}})(?:/\d{{2,4}})?\)"
    rf"|\b(\d{{1,2}})\s+({_MONTHS})\b|\b({_MONTHS})\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def clauses(text: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses."""
    bounds = [0]
    for m in CLAUSE_BREAK.finditer(text):
        bounds += [m.start(), m.end()]
    bounds.append(len(text))
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def counts(text: str) -> list[tuple[str, str, str, int]]:
    """Things counted, in digits or in words: (thing, value, as printed, where). "tiga
    helikopter" gives ("helikopter", "3", "tiga helikopter", 0)."""
    found = []
    for m in _COUNT.finditer(text):
        figure, thing = m.group(1), m.group(2).lower()
        if thing in _NOT_COUNTED or thing in _MONTH_NUMBER:
            continue
        value = NUMBER_WORDS.get(figure.lower())
        tokens = words(figure.rstrip(".,"))
        printed = str(value) if value is not None else tokens[0] if tokens else ""
        if printed[:1].isdigit():
            found.append((thing, printed, m.group(0), m.start()))
    return found


def calendar_dates(text: str) -> list[tuple[str, str, int]]:
    """Dates a sentence prints, each as a key of its precision and as printed: "(5/11)" and
    "5 November" both ("5/11", ...); "Maret 2026" ("3/2026", ...); with where it stands."""
    found = []
    for m in _CALENDAR.finditer(text):
        if m.group(1):
            key = f"{int(m.group(1))}/{int(m.group(2))}"
        elif m.group(3):
            key = f"{int(m.group(3))}/{_MONTH_NUMBER[m.group(4).lower()]}"
        else:
            key = f"{_MONTH_NUMBER[m.group(5).lower()]}/{m.group(6)}"
        found.append((key, m.group(0), m.start()))
    return found
