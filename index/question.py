"""Reads a question as people type it: its language, its type, and its words in standard Indonesian."""

from __future__ import annotations

from dataclasses import dataclass

from index.lexicon import Lexicon
from index.stemmer import stopwords
from index.text import words

# The question types, each named for what a good answer sentence holds.
PLACE, DATE, PERSON, NUMBER, REASON, MANNER, YESNO, WHAT, OTHER = (
    "place",
    "date",
    "person",
    "number",
    "reason",
    "manner",
    "yesno",
    "what",
    "other",
)

QUESTION_WORDS = frozenset(
    """
    apa apakah siapa siapakah kapan kapankah mana dimana mengapa kenapa bagaimana bagaimanakah
    berapa berapakah
    """.split()
)
# "kapan itu?", "siapa yang ikut?": words that point back to the chat's previous question.
ANAPHORA = frozenset(["itu", "tersebut", "mereka", "dia", "ia", "beliau", "sana", "situ", "keduanya"])
_ENGLISH_AUXILIARIES = frozenset(
    ["did", "do", "does", "was", "were", "is", "are", "has", "have", "had", "will", "can", "could"]
)
_GREETINGS = frozenset(
    """halo hallo helo hai hi hey hello pagi siang sore malam selamat assalamualaikum salam
    permisi min bot kak bang gan terima kasih makasih trims thanks thank you ok oke sip ya yah
    dong nih deh banyak semua good morning""".split()
)
_THANKS = frozenset(["terima", "kasih", "makasih", "trims", "thanks", "thank"])
# Question words that, followed by one of these, ask for a date or a manner instead.
_MEASURES = frozenset("lama banyak jauh besar sering kali jumlah luas tinggi".split())
_DATE_NOUNS = frozenset(["tanggal", "hari", "jam", "pukul", "tahun", "bulan"])


@dataclass(frozen=True)
class Question:
    """A question ready for search."""

    text: str
    language: str  # "id" or "en"
    qtype: str
    words: tuple[str, ...]  # standard Indonesian words, lowercase, question words included
    content: tuple[str, ...]  # the words worth searching for
    greeting: bool = False
    thanks: bool = False
    # (standard word, the word the person typed) for each chat word or English word replaced:
    # "korut" becomes "korea utara", yet an article may print "Korut" too.
    aliases: tuple[tuple[str, str], ...] = ()
    # The words in order, each slot holding the alternatives for one thing the person typed.
    slots: tuple[tuple[str, ...], ...] = ()

    @property
    def anaphoric(self) -> bool:
        """True when the question leans on an earlier one ("kapan itu?")."""
        return len(self.content) <= 1 or any(w in ANAPHORA for w in self.words)


def detect_language(tokens: list[str], lexicon: Lexicon) -> str:
    """ "en" when English words outnumber Indonesian function and chat words, else "id"."""
    english = sum(1 for t in tokens if t in lexicon.english and t not in lexicon.informal)
    indonesian = sum(1 for t in tokens if t in stopwords() or t in lexicon.informal or t in QUESTION_WORDS)
    return "en" if english > indonesian else "id"


def _standardise(
    tokens: list[str], language: str, lexicon: Lexicon
) -> tuple[list[str], list[tuple[str, ...]], list[tuple[str, str]]]:
    """Standard words, the slots they fill, and (standard word, typed word) aliases.

    A chat word becomes the words of its standard phrase, one slot each ("korut" -> "korea",
    "utara"); an English word becomes one slot of Indonesian alternatives, any of which
    will do ("workers" -> "buruh" or "pekerja").
    """
    table = lexicon.english if language == "en" else lexicon.informal
    out: list[str] = []
    slots: list[tuple[str, ...]] = []
    aliases: list[tuple[str, str]] = []
    for token in tokens:
        replacement = table.get(token)
        english = language == "en" and replacement is not None
        if replacement is None and language == "en":
            replacement = lexicon.informal.get(token)
        if replacement is None:
            out.append(token)
            slots.append((token,))
            continue
        out.extend(replacement)
        if english:
            if replacement:
                slots.append(tuple(replacement))
        else:
            slots.extend((word,) for word in replacement)
        aliases.extend((word, token) for word in replacement if word != token)
    return out, slots, aliases


def question_type(tokens: list[str], raw_tokens: list[str]) -> str:
    """The type a question asks for, from its (standardised) question words."""
    if raw_tokens and raw_tokens[0] in _ENGLISH_AUXILIARIES:
        return YESNO
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        prev = tokens[i - 1] if i > 0 else ""
        if token in {"bagaimana", "bagaimanakah"} and nxt in {"berapa", "banyak"}:
            return NUMBER  # "how many", "how much"
        if token in {"kapan", "kapankah"}:
            return DATE
        if token in {"berapa", "berapakah", "apa"} and prev in _DATE_NOUNS:
            return DATE
        if token in {"mana", "dimana"}:
            return PLACE
        if token in {"siapa", "siapakah"}:
            return PERSON
        if token in {"mengapa", "kenapa"}:
            return REASON
        if token in {"bagaimana", "bagaimanakah"}:
            return MANNER
        if token == "apa" and prev in {"naik", "dengan", "pakai", "menggunakan", "menaiki"}:
            return MANNER
        if token == "apa" and prev in {"untuk", "alasan"}:
            return REASON
        if token in {"berapa", "berapakah"}:
            return DATE if nxt in _DATE_NOUNS - {"hari"} else NUMBER
        if token == "apakah":
            return YESNO
        if token == "apa":
            return DATE if nxt in _DATE_NOUNS else WHAT
    return OTHER


def read_question(text: str, lexicon: Lexicon) -> Question:
    """The question's language, type and standard Indonesian words."""
    raw_tokens = words(text)
    language = detect_language(raw_tokens, lexicon)
    tokens, slots, aliases = _standardise(raw_tokens, language, lexicon)
    stop = stopwords()
    # "berapa lama", "berapa banyak": the measure word belongs to the question, not the topic.
    asked = {
        i + 1
        for i, t in enumerate(tokens[:-1])
        if t in {"berapa", "berapakah"} and tokens[i + 1] in _MEASURES
    }
    content = tuple(
        t
        for i, t in enumerate(tokens)
        if t not in QUESTION_WORDS and t not in stop and t not in ANAPHORA and i not in asked
    )
    greeting = bool(raw_tokens) and (
        all(t in _GREETINGS for t in raw_tokens) or all(t in _GREETINGS for t in tokens)
    )
    return Question(
        text=text,
        language=language,
        qtype=question_type(tokens, raw_tokens),
        words=tuple(tokens),
        content=content,
        greeting=greeting,
        thanks=greeting and any(t in _THANKS for t in (*raw_tokens, *tokens)),
        aliases=tuple(aliases),
        slots=tuple(slots),
    )
