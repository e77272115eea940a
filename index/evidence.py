"""What a sentence holds, in general Indonesian: a date, a place, a number, a person, a reason.

These rules are about the language of news reports, never about one event: a "kapan" question
prefers a sentence with a day or date, a "di mana" question one that names a place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from index.build import Sentence
from index.question import DATE, MANNER, NUMBER, OTHER, PERSON, PLACE, REASON, WHAT, YESNO
from index.text import normalize, words

# Share of the shorter sentence's IDF mass two sentences must share to state one fact.
SAME_FACT_OVERLAP = 0.55

_DAYS = "senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
_MONTHS = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
DATE_RE = re.compile(
    rf"\b(?:{_DAYS})\b|\b(?:{_MONTHS})\b|\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
FULL_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS})\b|\(?\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)?|\b(?:19|20)\d\d\b", re.IGNORECASE
)
# "hari ini", "kemarin": a time, but one the reader cannot place without the article's date.
RELATIVE_DATE_RE = re.compile(
    r"\b(?:hari ini|kemarin|besok|lusa|sehari sebelumnya|pekan lalu|tahun lalu|bulan lalu)\b",
    re.IGNORECASE,
)
# A day name with its "(23/4)" or "(24/4/2019)", as Indonesian papers print dates.
DAY_DATE_RE = re.compile(
    rf"\b(?:(?:{_DAYS})\s*,?\s*)?\((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\)", re.IGNORECASE
)
_PLACE_NOUNS = re.compile(
    r"\b(?:kota|pulau|kampus|universitas|desa|kabupaten|provinsi|gedung|bandara|stasiun|"
    r"pelabuhan|wilayah|kawasan|jalan|perbatasan|ibu kota|kecamatan|kelurahan|sungai|gunung|"
    r"masjid|sekolah|rumah sakit|stadion|hotel|istana)\b",
    re.IGNORECASE,
)
# A place noun followed by a name: "Kota Sungailebar", "pulau Russky".
_NAMED_PLACE = re.compile(_PLACE_NOUNS.pattern + r"\s+([A-Z][\w-]+)", re.IGNORECASE)
# "di X" answers "di mana", "ke X" "ke mana", "dari X" "dari mana": X a capitalised name,
# up to three lowercase words after the preposition ("di pulau Russky").
_PLACE_AFTER = {
    prep: re.compile(rf"\b{prep}\s+(?:[a-z]+\s+){{0,3}}?[A-Z][\w-]+") for prep in ("di", "ke", "dari")
}
_NUMBER_RE = re.compile(
    r"\d|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluhan|"
    r"ratusan|ribuan|jutaan|puluh|ratus|ribu|juta|miliar)\b",
    re.IGNORECASE,
)
# "karena", "disebabkan" give a cause; "agar", "untuk" a purpose, "akibat" often an effect.
_REASON_RE = re.compile(
    r"\b(?:karena|sebab|disebabkan|penyebab|lantaran|gara-gara|alasan|dipicu|akibat dari)\b",
    re.IGNORECASE,
)
_PURPOSE_RE = re.compile(r"\b(?:akibat|akibatnya|agar|supaya|sehingga|demi|tujuan|untuk)\b", re.IGNORECASE)
# "Bagaimana", "naik apa": a means of transport or an instrument answers best; "dengan",
# "melalui" only say that a manner follows.
_VEHICLE_RE = re.compile(
    r"\b(?:kereta|pesawat|mobil|kapal|bus|kendaraan|helikopter|motor|sepeda|kapal laut|jet)\b",
    re.IGNORECASE,
)
_MANNER_RE = re.compile(r"\b(?:dengan|menggunakan|melalui|lewat|cara|secara)\b", re.IGNORECASE)
_YESNO_RE = re.compile(r"\b(?:tidak|tak|bukan|belum|tanpa|sudah|telah|pernah)\b", re.IGNORECASE)
# A capitalised word, or a run of them, that does not open the sentence: a name.
_NAME_RE = re.compile(r"(?<!^)(?<![.!?\"“]\s)(?<![\"“])\b[A-Z][\w]+(?:[ -][A-Z][\w-]+)*")
# Nouns for people, for "siapa" questions answered by who, not by a name ("sekelompok wanita").
_PERSON_NOUNS = re.compile(
    r"\b(?:wanita|perempuan|pria|laki-laki|warga|penduduk|anak|orang|tentara|polisi|pejabat|"
    r"delegasi|rombongan|pengamat|analis|wartawan|pengunjung|petugas|relawan|korban|pekerja|buruh|"
    r"mahasiswa|siswa|guru|dokter|menteri|presiden|pemimpin|penasihat|juru bicara|kakek|nenek|"
    r"ayah|ibu|istri|suami)\b",
    re.IGNORECASE,
)
_ROLE_RE = re.compile(
    r"\b(?:presiden|menteri|menlu|pemimpin|penasihat|juru bicara|direktur|kepala|ketua|"
    r"gubernur|wali kota|bupati|duta besar|kanselir|perdana menteri|raja|ratu)\b",
    re.IGNORECASE,
)


def fits_type(qtype: str, text: str, question_words: Iterable[str]) -> float:
    """How fully the sentence holds what the question type asks for, from 0.0 to 1.0."""
    text = normalize(text)
    if qtype == DATE:
        # A calendar date says when; a weekday alone less; "hari ini" needs the paper's date.
        if FULL_DATE_RE.search(text):
            return 1.0
        return 0.7 if DATE_RE.search(text) else 0.4 if RELATIVE_DATE_RE.search(text) else 0.0
    if qtype == PLACE:
        # The more places a sentence names (a campus, an island, a city), the more it
        # answers "di mana"; a place the question itself names does not count.
        asked_words = [w.lower() for w in question_words]
        asked = set(asked_words)
        preposition = "di"
        for before, word in itertools.pairwise(asked_words):
            if word == "mana" and before in _PLACE_AFTER:
                preposition = before
        named = {m.group(0).split()[-1].lower() for m in _PLACE_AFTER[preposition].finditer(text)}
        named |= {m.group(1).lower() for m in _NAMED_PLACE.finditer(text) if m.group(1)[0].isupper()}
        nouns = {m.group(0).lower() for m in _PLACE_NOUNS.finditer(text)}
        # A named place says more than a place noun.
        return min(1.0, (2 * len(named - asked) + len(nouns - asked)) / 4)
    if qtype == NUMBER:
        return 1.0 if _NUMBER_RE.search(_without_dates(text)) else 0.0
    if qtype == REASON:
        return 1.0 if _REASON_RE.search(text) else 0.5 if _PURPOSE_RE.search(text) else 0.0
    if qtype == MANNER:
        return 1.0 if _VEHICLE_RE.search(text) else 0.5 if _MANNER_RE.search(text) else 0.0
    if qtype == YESNO:
        return 1.0 if _YESNO_RE.search(text) else 0.0
    if qtype == PERSON:
        asked = {w.lower() for w in question_words}
        for name in _NAME_RE.findall(text):
            if not {w.lower() for w in re.split(r"[ -]", name)} <= asked:
                return 1.0
        return 0.6 if _PERSON_NOUNS.search(text) or _ROLE_RE.search(text) else 0.0
    return 0.0


def _without_dates(text: str) -> str:
    return RELATIVE_DATE_RE.sub(" ", DATE_RE.sub(" ", DAY_DATE_RE.sub(" ", text)))


def same_fact(a: Sentence, b: Sentence, idf: Callable[[str], float]) -> bool:
    """True when two sentences say the same thing, in the same or in other words.

    Overlap is weighed by IDF so that sharing the names everyone mentions ("Kim", "Putin")
    does not make two different facts one.
    """
    shared = a.terms & b.terms
    if len(shared) < 4:
        return a.terms == b.terms and normalize(a.text).casefold() == normalize(b.text).casefold()
    # Cosine-like: a short sentence wholly inside a long one is not the same fact.
    mass = (sum(map(idf, a.terms)) * sum(map(idf, b.terms))) ** 0.5
    return mass > 0 and sum(map(idf, shared)) / mass >= SAME_FACT_OVERLAP


_COUNTED = re.compile(r"(?<![\d/])(\d[\d.,]*)(\s+(?:ribu|juta|miliar|triliun))?\s+([^\W\d_]+)", re.IGNORECASE)


def _numbers(text: str) -> dict[str, tuple[str, str]]:
    """Counted things, each with its value and the words as printed: "10.000 buruh" gives
    {"buruh": ("10000", "10.000 buruh")}; "10 ribu buruh" the same value."""
    found: dict[str, tuple[str, str]] = {}
    for match in _COUNTED.finditer(_without_dates(normalize(text))):
        number, multiplier, thing = match.group(1).rstrip(".,"), match.group(2) or "", match.group(3)
        value = words(number + multiplier)
        if value and value[0][0].isdigit():
            found.setdefault(thing.lower(), (value[0], match.group(0).strip()))
    return found


def _weekday(date: str) -> str:
    match = re.match(rf"(?i)\s*({_DAYS})", date)
    return match.group(1).lower() if match else ""


def conflict(a: Sentence, b: Sentence, qtype: str) -> tuple[str, str, str] | None:
    """("date"|"number", value in a, value in b) when two sentences about one fact disagree."""
    shared = a.terms & b.terms
    if len(shared) < 3:
        return None
    date_a, date_b = DAY_DATE_RE.search(a.text), DAY_DATE_RE.search(b.text)
    if date_a and date_b and qtype in {DATE, OTHER, WHAT, YESNO}:
        day_a = (int(date_a.group(1)), int(date_a.group(2)))
        day_b = (int(date_b.group(1)), int(date_b.group(2)))
        weekday_a, weekday_b = _weekday(date_a.group(0)), _weekday(date_b.group(0))
        # "Rabu (23/4)" against "Rabu (24/4/2019)": one day, two dates, a disagreement.
        # "Rabu (23/4)" against "Jumat (26/4)" is most often two events, unless the
        # sentences are otherwise one fact.
        if day_a != day_b and (weekday_a == weekday_b or len(shared) >= 6):
            return ("date", date_a.group(0).strip(), date_b.group(0).strip())
    if qtype in {NUMBER, OTHER, WHAT}:
        numbers_a, numbers_b = _numbers(a.text), _numbers(b.text)
        for thing, (value, printed) in numbers_a.items():
            other = numbers_b.get(thing)
            if other is not None and other[0] != value:
                return ("number", printed, other[1])
    return None
