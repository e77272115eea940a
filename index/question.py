"""Question understanding, the engine's first stage: a question as people type it becomes its
language, what it asks for (a date, a clock time, a place, a number...), the outlets it names,
and its words in standard Indonesian."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Container, Iterator, Mapping
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from index.closed_class import words_of
from index.forms import COMPARE, FACT, HOW_COME, reply_form
from index.general import RARE_ZIPF, zipf_en, zipf_id
from index.lexicon import Lexicon
from index.stemmer import sastrawi_stem, stopwords
from index.text import cased_words, words

# The question types, each named for what a good answer sentence holds.
PLACE, ORIGIN, DATE, TIME, DURATION, PERSON, NUMBER, MEASURE = (
    "place",
    "origin",
    "date",
    "time",
    "duration",
    "person",
    "number",
    "measure",
)
REASON, MANNER, YESNO, SAID, WHAT, OTHER = "reason", "manner", "yesno", "said", "what", "other"

QUESTION_WORDS = words_of("question_words")
# "kapan itu?", "siapa yang ikut?": words that point back to the chat's previous question.
ANAPHORA = words_of("anaphora")
PRONOUNS = words_of("pronouns")
_ENGLISH_ANAPHORA = words_of("anaphora_english")
_ENGLISH_AUXILIARIES = words_of("english_auxiliaries")
_ENGLISH_QUESTION_WORDS = words_of("english_question_words")
_ENGLISH_GO_ON = frozenset({"keep", "keeps", "kept", "keeping", "continue", "continues", "continued"})
# What opens an English question after which a later "when" joins a clause.
_ENGLISH_OPENERS = (_ENGLISH_QUESTION_WORDS - {"when"}) | _ENGLISH_AUXILIARIES
_WHEN_EMBEDS = words_of("english_when_embeds")
# "Can you tell me when ...?", "Do you know who ...?": a polite question that asks the one after it.
_POLITE_VERBS = words_of("english_polite_verbs")
_GREETINGS = words_of("greetings")
_THANKS = words_of("thanks")
_YESNO_TAGS = words_of("yesno_tags")
_NEGATIONS = words_of("negations")
_YESNO_OPENERS = words_of("yesno_openers")
_DURATION = words_of("duration_words")
# Verbs that say something took time ("memakan waktu", "butuh waktu"): a question of how long.
_TAKES_TIME = words_of("takes_time")
_DISTANCE = words_of("distance_words")
_FINAL_TAGS = words_of("final_tags")
_MEASURE = words_of("measure_words")
_COUNT = words_of("count_words")
_DATE_NOUNS = words_of("date_nouns")
_CLOCK = words_of("clock_nouns")
_REASON_NOUNS = words_of("reason_nouns")
# The words that say what a question asks for, besides its question word: mistyped, they are
# read as meant (`_question_word_typo`), as the articles never print a typo of them.
_FRAME_WORDS = (
    QUESTION_WORDS
    | _DATE_NOUNS
    | _CLOCK
    | _COUNT
    | words_of("compare_words")
    | words_of("reporting_nouns")
    # "Siapa nama kepla SPPG?": the office asked about says whose name is wanted
    | words_of("role_nouns")
    | frozenset({"waktu", "alasan", "penyebab"})
)
_MANNER_VERBS = words_of("manner_verbs")
_SPEECH = words_of("speech_question")
_SPEECH_NOUNS = words_of("speech_nouns")
# A question made of nothing but one of these negates the answer before ("Why not?").
_BARE_NEGATIONS = _NEGATIONS | {"not"}
_SPEECH_ASKERS = frozenset({"apa", "apakah", "bagaimana", "bagaimanakah"})
# English nouns naming somebody's words ("What were the mayor's remarks ...?").
_ENGLISH_SPEECH_NOUNS = frozenset({"remarks", "comments", "statement", "statements", "quote", "quotes"})
_ORIGIN = words_of("origin_nouns")
_TIME_UNITS = words_of("time_units")
_MEASURE_UNITS = words_of("measure_units")
_PREPOSITIONS = frozenset({"di", "ke", "dari"})
_PLACE_NOUNS = words_of("place_nouns")
_PLACE_FRAMES = words_of("place_frames")
_MANNER_FRAMES = words_of("manner_frames")
_MEASURE_ADJECTIVES = words_of("measure_adjectives")
_META = words_of("question_meta")
# "jam berapa", "tanggal berapa", "what time", "which day": the frame of a "when" question.
_WHEN_FRAMES = frozenset({"jam", "pukul", "tanggal", "tgl", "hari", "bulan", "tahun"})
_ENGLISH_WHEN_FRAMES = frozenset({"time", "date", "day", "month", "year", "hour"})
_FRAME = words_of("frame_nouns")
_CLASSIFIERS = words_of("count_classifiers")


# The words after "berapa" that belong to the question, not to its topic.
_ASKED_AFTER_BERAPA = _DURATION | _MEASURE | _COUNT | _DATE_NOUNS | _CLOCK | words_of("time_units")


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
    # Source ids of the outlets the question names ("Menurut Kompas, ..."): not search words.
    outlets: tuple[str, ...] = ()
    # Words the person wrote capitalised mid-sentence: names, whatever their case elsewhere.
    capitalised: frozenset[str] = frozenset()
    # Words the person put in parentheses after others, a gloss of them: "respiratory
    # infections (ARI)", "restitution (uang pengganti)". The articles may use either.
    glossed: frozenset[str] = frozenset()
    # For "di/ke/dari mana": the preposition, so "ke mana" prefers "ke X".
    preposition: str = "di"
    wants_name: bool = False  # "siapa nama ...", "what is the name of ...": a name, not a role
    # The words that name an office with its role noun: "luar negeri Rusia" of "Siapa menteri
    # luar negeri Rusia yang ...". Its holder must be named with them.
    office: frozenset[str] = frozenset()
    # The word whose value a "berapa"/"what" question asks for ("usia" of "berapa usia Putin").
    asked_noun: str = ""
    # "Bangunan apa ...", "partai mana ...": the asked noun names a kind, and the answer is a
    # thing of that kind, by name ("Masjid Nurul Bahari") or not ("kampus universitas").
    category: bool = False
    # The reply form asked for (index/forms.py): "fact", "digest", "timeline" or "compare".
    form: str = FACT
    # Content words that only describe something the question takes as known: "roboh" of
    # "masjid yang roboh itu", "kepala negara" of "kedua kepala negara", "demonstrasi
    # berlangsung" of "... saat demonstrasi berlangsung?". The answer need not repeat them.
    given: frozenset[str] = frozenset()
    # "... akibat gempa Tanah Merapu": a cause given as the scene (see `_scene`).
    scene: frozenset[str] = frozenset()
    # "KTT berikutnya", "the next summit": the question asks about another occasion than the
    # one reported; only a sentence that speaks of a next one can answer.
    next_occasion: bool = False
    # An English pronoun that points back ("How experienced were they?"): its reading drops it.
    points_back: bool = False

    @property
    def bare(self) -> bool:
        """True when the question only makes sense after another: no topic of its own, but a
        question word, a pointing word or an outlet ("kenapa?", "kapan itu?", "menurut
        Kompas?")."""
        return not self.content and (
            bool(self.outlets) or any(w in ANAPHORA or w in QUESTION_WORDS for w in self.words)
        )

    @property
    def anaphoric(self) -> bool:
        """True when the question leans on an earlier one ("kapan itu?", "kalau Solar Nusa?")."""
        return (
            len(self.content) <= 1
            or self.substitutes
            or self.points_back
            or self.speaker_pointed
            or any(w in ANAPHORA for w in self.words)
        )

    @property
    def speaker_pointed(self) -> bool:
        """True for "apa katanya soal gejala?", "tanggapannya gimana?": the words of someone
        the chat named before."""
        return any(
            _without_nya(w) in _SPEECH and {"apa", "bagaimana"} & set(self.words[max(0, i - 1) : i + 2])
            for i, w in enumerate(self.words)
            if w.endswith("nya")
        )

    @property
    def substitutes(self) -> bool:
        """True for "Kalau Solar Nusa?", "What about the CVR?": the earlier question asked
        again of another thing, named in a few words."""
        opener = bool(self.words) and self.words[0] in _SUBSTITUTING
        # "yang kedua?", "yg lainnya gimana?": the next one of what was asked about.
        opener = opener or (
            self.words[:1] == ("yang",) and len(self.words) > 1 and self.words[1] in _ANOTHER_ONE
        )
        # "What about ...", "How about ...", read as "apa tentang", "bagaimana tentang".
        opener = opener or (self.words[1:2] == ("tentang",) and self.words[0] in {"apa", "bagaimana"})
        return opener and 0 < len(self.content) <= 3


def _without_nya(word: str) -> str:
    """The word without a chat "-nya" ("katanya": "kata"); "" when it has none."""
    return word[:-3] if word.endswith("nya") and len(word) > 5 else ""


def detect_language(tokens: list[str], lexicon: Lexicon) -> str:
    """ "en" when English words outnumber Indonesian function and chat words (and words with
    Indonesian's "-nya": "pesawatnya take off"), else "id"."""
    english = sum(1 for t in tokens if t in lexicon.english and t not in lexicon.informal)
    indonesian = sum(
        1
        for t in tokens
        if t in stopwords()
        or t in lexicon.informal
        or t in QUESTION_WORDS
        or (t.endswith("nya") and len(t) > 5 and t not in lexicon.english)
    )
    return "en" if english > indonesian else "id"


# "luka2", "jauh2", "korban2nya": chat writes a doubled word with a 2, a suffix after it; not a
# formula or a unit ("CO2", "km2"): three letters or more, lowercase.
_DOUBLED = re.compile(r"\b([a-z][^\W\d_A-Z]{2,})2(nya|an|kan|lah)?\b")
# English contractions and possessives: "what's", "airline's", "didn't"; "won't", "can't"
# and "shan't" are "will not", "can not", "shall not", not "wo", "ca" and "sha".
_CONTRACTION = re.compile(r"(?i)\b([a-z]+)'(?:s|re|ll|ve|d|m)\b|\b([a-z]+)n't\b")
_IRREGULAR_NOT = {"wo": "will", "ca": "can", "sha": "shall"}


# "restitution (uang pengganti)", "ARI (ISPA)": a word glossed in parentheses.
_GLOSSED_WORD = re.compile(r"\b([^\W\d_][\w-]*)\s*\(([^()]{1,40})\)")


def _glossed(text: str, printed: Container[str]) -> str:
    """The question with a word the articles do not print replaced by the gloss after it in
    parentheses when the articles print every word of the gloss ("How was the restitution
    (uang pengganti) worked out?": "uang pengganti" is what they write)."""

    def swap(m: re.Match[str]) -> str:
        gloss = words(m.group(2).lower())
        if gloss and m.group(1).lower() not in printed and all(w in printed for w in gloss):
            return m.group(2)
        return m.group(0)

    return _GLOSSED_WORD.sub(swap, text) if "(" in text else text


# "minta info korban tewas brp?", "mohon info, ...", "boleh minta tolong, ...": a request
# opening the question asks nothing itself ("minta" is searched elsewhere: "Apa yang diminta
# Pyongyang?").
_REQUEST_OPENER = re.compile(
    r"^\s*(?:(?:boleh|mau|saya|sy|aku)\s+)?(?:minta|mohon)\s+(?:info(?:rmasi)?|tolong|data|penjelasan)\b"
    r"[\s,.:;!-]*",
    re.IGNORECASE,
)


def _prepare(text: str) -> str:
    text = _REQUEST_OPENER.sub("", text)
    text = _DOUBLED.sub(lambda m: f"{m.group(1)}-{m.group(1)}{m.group(2) or ''}", text)
    return _CONTRACTION.sub(
        lambda m: m.group(1) or f"{_IRREGULAR_NOT.get(m.group(2).lower(), m.group(2))} not", text
    )


def _one_edit(token: str) -> Iterator[str]:
    """Every string one typo away from `token`: a letter dropped, swapped, changed or added."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for i in range(len(token) + 1):
        head, tail = token[:i], token[i:]
        if tail:
            yield head + tail[1:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]
        for letter in letters:
            yield head + letter + tail
            if tail:
                yield head + letter + tail[1:]


def _question_word_typo(
    token: str,
    language: str,
    lexicon: Lexicon,
    printed: Container[str] = frozenset(),
    beside: Collection[str] = frozenset(),
) -> str:
    """The question word a mistyped word was meant to be ("Bagaimna" -> "bagaimana", "siapq"
    -> "siapa", "wher" -> "where"), or the word that frames what an Indonesian question asks
    ("tangal", "wkatu", "jumlh": the date, time or count asked; "sepakt", "meda": whether the
    outlets agree): one letter off the only such word that near. An
    everyday word or a chat form stays itself, as does a word shorter than four letters (too
    many are one letter off another). (Other function words are corrected with the articles'
    words, `QueryBuilder.correct`: "lahnnya" is "lahannya" there, not "lainnya".)"""
    if len(token) < 4 or not token.isalpha() or token in lexicon.informal:
        return token
    if language == "en":
        if zipf_en(token) or token in lexicon.english:
            return token
        candidates = _ENGLISH_QUESTION_WORDS
    else:
        if zipf_id(token) >= RARE_ZIPF or token in stopwords():
            return token
        candidates = _FRAME_WORDS
    near = [w for w in candidates if abs(len(w) - len(token)) <= 1 and OSA.distance(w, token) <= 1]
    if len(near) != 1 or (
        # a frame word is taken beside a question word ("tangal berapa"), not where as near a
        # word the articles print ("hujan butan": "buatan", not "bulan")
        near[0] not in QUESTION_WORDS
        and not any(w in QUESTION_WORDS for w in beside)
        and printed
        and any(w in printed for w in _one_edit(token) if w != near[0])
    ):
        # none, two, or as near a word the articles print ("hujan butan": "buatan", not the
        # "bulan" a date question asks): left to the articles' typo reader
        return token
    return near[0]


# Verbs that tell a fact ("mengumumkan siapa ...", "menyebut berapa ..."): a question word
# after one is a question inside a question.
_TELLING = words_of("telling_verbs")
_INNER_QUESTION_WORDS = words_of("inner_question_words")
# Who a telling verb may not be of for the question to ask whether it was told: the reader
# ("kamu tahu ...?") or anyone ("ada yang ...?").
_NO_TELLER = frozenset({"yang", "kamu", "anda", "lu", "lo", "elo", "kalian"})


def _tells_a_question(tokens: list[str], raw_tokens: list[str], tags: Container[str]) -> bool:
    """True when a chat yes/no question ends on its tag and asks whether someone told a fact:
    a question word after a verb of telling that has a teller of its own ("KPK ngumumin siapa
    aja yg ditangkap gak?"), not "Tau gak siapa ...?" or "ada yang tahu kapan ... ya?"."""
    if not raw_tokens or raw_tokens[-1] not in tags:
        return False
    for i in range(2, len(tokens)):
        teller, verb, word, after = tokens[i - 2], tokens[i - 1], tokens[i], tokens[i + 1 : i + 2]
        asked = word in _INNER_QUESTION_WORDS or (word in {"di", "ke", "dari"} and after == ["mana"])
        if asked and verb in _TELLING and teller not in _NO_TELLER and teller not in tags:
            return True
    return False


def _chat_form(token: str, lexicon: Lexicon, printed: Container[str] = frozenset()) -> str:
    """The standard word behind a chat form no table lists, when there is one for certain:
    Jakarta "-in" for "-kan" ("nurunin" -> "menurunkan", "dihentiin" -> "dihentikan"), a
    dropped "h" ("ilang" -> "hilang"), "e" for "a" ("denger" -> "dengar"), "ke-" for "ter-"
    ("kebawa" -> "terbawa"), a chat nasal prefix ("ngurusin" -> "mengurus"). A rare typed word
    may also stand for an affixed form the articles print, however rare that is ("disiagain"
    -> "disiagakan", "keterima" -> "diterima"); an everyday word ("ketua", "nilai") is no chat
    form, nor a letter changed ("beda" is no "bada" the articles print)."""
    if len(token) < 4 or not token.isalpha() or token in stopwords() or token in lexicon.informal:
        return token
    if token in printed:
        return token  # "pleno" as the articles print it, no chat "plano"
    # The standard word must be far more common than the chat form ("hilang" than "ilang").
    floor = max(RARE_ZIPF, zipf_id(token) + 1.5)
    candidates: list[str] = []
    printed_only: list[str] = []  # forms taken only where the articles print them
    if token.startswith("ke") and len(token) > 4:
        candidates.append("ter" + token[2:])  # "kepake" -> "terpake" -> see the "ai" below
        if token.endswith("e"):
            candidates.append("ter" + token[2:-1] + "ai")  # "kepake" -> "terpakai"
        # "keterima" -> "diterima" (not "kelokasi", chat for "ke lokasi")
        printed_only.append("di" + token[2:])
    if token.endswith("e") and len(token) > 3:
        candidates.append(token[:-1] + "ai")  # "sampe" -> "sampai", "rame" -> "ramai"
    if token.endswith("in") and len(token) > 5:
        base = token[:-2]
        if base.endswith("i") and token.endswith("iin"):
            base = base[:-1] + "i"
        candidates += [base + "kan", "me" + base + "kan", base + "i", "me" + base + "i"]
        candidates += [f"{stem}{suffix}" for stem in _a_for_e(base) for suffix in ("i", "kan")]
        if token.startswith(("ng", "ny")):
            # "ngurusin", "ngeracunin", "ngetangkepin": a nasal prefix and "-in" together
            # ("mengurus", "meracuni", "menangkap"), with each suffix "-in" may stand for
            for verb in (v for stem in (base, *_a_for_e(base)) for v in _nasal_verbs(stem)):
                candidates += [verb, verb + "kan", verb + "i"]
        printed_only.append(base)  # "dijualin" -> "dijual"
    if token.startswith(("ny", "ng")) or (token[0] in "nm" and token[1] in "aiueo"):
        # "nyebar", "ngambil", "nolak", "ngeblokir": chat drops the "me" of a nasal verb
        # prefix; "nangkep" also has its "e" for "a".
        for verb in _nasal_verbs(token):
            candidates += [verb, *_a_for_e(verb)]
    affixed = list(candidates)  # (the forms an affix makes; a letter changed may make any word)
    candidates.append("h" + token)
    last_e = token.rfind("e")
    if last_e > 0:
        candidates.append(token[:last_e] + "a" + token[last_e + 1 :])
    for candidate in candidates:
        if zipf_id(candidate) >= floor:
            return candidate
    if zipf_id(token) >= _EVERYDAY_TYPED:
        return token
    return next((c for c in (*affixed, *printed_only) if c in printed), token)


# A typed word this common is a word of its own, whatever affixed form the articles print
# ("ketua" is no "tertua", "nilai" no "menilai").
_EVERYDAY_TYPED = 3.5


def _a_for_e(base: str) -> list[str]:
    """The root with the "e" of its last syllable read as the "a" chat writes so
    ("ditemen" -> "diteman"), if it has one."""
    last_e = base.rfind("e", 2)
    return [base[:last_e] + "a" + base[last_e + 1 :]] if last_e > 0 else []


def _nasal_verbs(token: str) -> list[str]:
    """The standard verbs a chat nasal prefix may stand for: "ngurus" -> "mengurus",
    "nyari" -> "menyari", "mencari"; "nge" before a root -> the root with its own "me-" form
    ("ngeracun" -> "meracun", "ngebuang" -> "membuang", "ngetes" -> "mengetes"), a root
    opening on two consonants keeping its first ("ngeprotes" -> "memprotes", "ngetransfer" ->
    "mentransfer", "ngeklaim" -> "mengklaim")."""
    verbs = ["me" + token]
    if token.startswith("ny"):
        verbs.append("menc" + token[2:])
    if token.startswith("nge") and len(token) > 4:
        root = token[3:]
        first = root[0]
        cluster = len(root) > 1 and root[1] not in "aiueo"
        if first in "bfv" or (first == "p" and cluster):
            verbs.append("mem" + root)
        elif first == "p":
            verbs.append("mem" + root[1:])
        elif first in "dcjz" or (first in "ts" and cluster):
            verbs.append("men" + root)
        elif first == "t":
            verbs.append("men" + root[1:])
        elif first == "s":
            verbs.append("meny" + root[1:])
        elif first == "k" and not cluster:
            verbs.append("meng" + root[1:])
        elif first in "ghk" or first in "aiueo":
            verbs.append("meng" + root)
        else:
            verbs.append("me" + root)  # "ngerusak" -> "merusak", "ngelapor" -> "melapor"
    return verbs


def _english_base(token: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """An inflected English word the lexicon lists in another form: "bags" -> "bag",
    "worries" -> "worry", "recovered" -> "recover", "boosting" -> "boost"; and a singular
    whose plural is the form listed ("wage" -> "wages")."""
    if len(token) < 4 or not token.isalpha():
        return None
    candidates = []
    if token.endswith("ies"):
        candidates.append(token[:-3] + "y")
    if token.endswith("es"):
        candidates.append(token[:-2])
    if token.endswith("s") and not token.endswith("ss"):
        candidates.append(token[:-1])
    if token.endswith("ied"):
        candidates.append(token[:-3] + "y")
    if token.endswith("ed"):
        candidates += [token[:-2], token[:-1]]  # "signed", "issued"
        if len(token) > 4 and token[-3] == token[-4]:
            candidates.append(token[:-3])  # "stopped" ("diverted" is not "diver")
    if token.endswith("ing"):
        candidates += [token[:-3], token[:-3] + "e"]  # "boosting", "taking"
        if len(token) > 5 and token[-4] == token[-5]:
            candidates.append(token[:-4])  # "running" ("Ming" is a name, not a verb)
    if not token.endswith(("s", "ed", "ing")):
        candidates += [token + "s", token + "es"]  # last: "remain" is not "remains"
    for candidate in candidates:
        if candidate in table:
            return table[candidate]
    return None


def _squeeze(token: str) -> str:
    """A stretched chat word back to its form: "parahhh" -> "parah", "bangeeet" -> "banget"."""
    if len(token) < 4 or not token.isalpha() or not re.search(r"(.)\1\1", token):
        return token
    return re.sub(r"(.)\1{2,}", r"\1", token)


# Particles that open adverbial phrases of their own ("on purpose", "in person", "at least",
# "by accident"), to which a verb's phrase ending in them gives way.
_PARTICLES = words_of("english_adverbial_particles")


def _phrases(tokens: list[str], table: Container[str], printed: Container[str] = frozenset()) -> list[str]:
    """English words that mean one thing together joined as the lexicon lists them ("caught
    fire", "death toll", "set off"), longest first; none of whose words the articles print
    (`printed`)."""
    joined: list[str] = []

    def listed(at: int, size: int) -> bool:
        phrase = " ".join(tokens[at : at + size])
        return (
            at + size <= len(tokens)
            and phrase in table
            and not any(w in printed for w in tokens[at : at + size])
        )

    i = 0
    while i < len(tokens):
        for size in (3, 2):
            # "started the fire on purpose": "on purpose" is the phrase, not "fire on" (a verb
            # and its particle give way to an adverbial phrase the particle opens: "on
            # purpose", "in person", "at least", "by accident"; "go up to" keeps "go up")
            last = i + size - 1
            if listed(i, size) and not (tokens[last] in _PARTICLES and (listed(last, 2) or listed(last, 3))):
                joined.append(" ".join(tokens[i : i + size]))
                i += size
                break
        else:
            joined.append(tokens[i])
            i += 1
    return joined


def _mixed_in(token: str, lexicon: Lexicon) -> bool:
    """True when an Indonesian question's word (or phrase) is English mixed in: the English
    list translates it to a word, and each of its words is far more an English word than an
    Indonesian one ("take off", "meeting", "cancel"; not "data", "bank", "hoax", which
    Indonesian writes as its own), or a loan the list gives with its Indonesian words."""
    translation = lexicon.english.get(token)
    if not translation or translation == ("-",):
        return False
    return (
        all(zipf_en(w) >= zipf_id(w) + _MIXED_MARGIN for w in token.split())
        # "refund", "bullying", "fogging": a loan Indonesian writes as it is, which the
        # list gives beside its Indonesian words; reading it so only adds those words
        or (token in translation and len(translation) > 1)
    )


_MIXED_PHRASES: dict[int, frozenset[str]] = {}


def _mixed_phrases(lexicon: Lexicon) -> frozenset[str]:
    """The English list's phrases that read as English mixed into Indonesian (`_mixed_in`),
    worked out once per lexicon."""
    key = id(lexicon.english)
    found = _MIXED_PHRASES.get(key)
    if found is None:
        found = frozenset(p for p in lexicon.english if " " in p and _mixed_in(p, lexicon))
        _MIXED_PHRASES[key] = found
    return found


# How much commoner in English than in Indonesian (Zipf; 1.0 is a factor of ten) a word must
# be to be read as English inside an Indonesian question: "full" (0.77) and "finish" (0.9) in
# "hendra finish full marathon"; "update" (0.0) and "data" stay Indonesian.
_MIXED_MARGIN = 0.7
_STRANDED = {"from": "dari", "to": "ke"}
_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
# "3.5 million", "Rp 50 billion": a figure with an English multiplier after it.
_ENGLISH_MULTIPLIER = re.compile(r"(?i)(?<=\d)(\s*)(thousand|million|billion|trillion)\b")
_ENGLISH_GROUPING = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_MULTIPLIER_WORDS = {"thousand": "ribu", "million": "juta", "billion": "miliar", "trillion": "triliun"}


def _indonesian_multiplier(match: re.Match[str]) -> str:
    return " " + _MULTIPLIER_WORDS[match.group(2).lower()]


# "3 pm", "10.30am", "7:15 a.m.": English writes the clock in twelve hours; Indonesian news
# prints twenty-four ("pukul 15.00 WIB").
_TWELVE_HOUR = re.compile(r"(?i)(?<![\d.,:])\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\b\.?")


def _twenty_four_hour(text: str) -> str:
    """English twelve-hour clock times as Indonesian news prints them ("3 pm": "15.00")."""

    def clock(m: re.Match[str]) -> str:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        return f"{hour:02d}.{m.group(2) or '00'}"

    return _TWELVE_HOUR.sub(clock, text)


def _phrase_slots(alternatives: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The slots of an English entry whose translations hold an Indonesian phrase: the n-th
    slot holds the n-th word of each translation ("gas_air_mata" -> gas, air, mata;
    "konferensi_pers jumpa_pers" -> konferensi or jumpa, then pers)."""
    split = [word.split("_") for word in alternatives]
    size = max(map(len, split))
    return [tuple(dict.fromkeys(p[n] for p in split if n < len(p) and p[n])) for n in range(size)]


def _standardise(
    tokens: list[str],
    language: str,
    lexicon: Lexicon,
    printed: Container[str] = frozenset(),
    capitalised: Container[str] = frozenset(),
    acronyms: Container[str] = frozenset(),
) -> tuple[list[str], list[tuple[str, ...]], list[tuple[str, str]], dict[str, str]]:
    """Standard words, the slots they fill, and (standard word, typed word) aliases.

    A chat word becomes the words of its standard phrase, one slot each ("korut" -> "korea",
    "utara"); an English word becomes one slot of Indonesian alternatives, any of which
    will do ("workers" -> "buruh" or "pekerja").
    """
    table = lexicon.english if language == "en" else lexicon.informal
    if language == "en":
        tokens = _phrases(tokens, table)
    else:
        # "pesawatnya take off jam brp?": chat Indonesian mixes in English words and phrases.
        tokens = _phrases(tokens, _mixed_phrases(lexicon), printed)
    out: list[str] = []
    slots: list[tuple[str, ...]] = []
    aliases: list[tuple[str, str]] = []
    mapped: dict[str, str] = {}  # typed word -> the first standard word it became
    for position, raw in enumerate(tokens):
        token = _squeeze(raw)
        clause_follows = position + 1 < len(tokens) and tokens[position + 1].isalpha()
        if language == "id" and token == "pas" and clause_follows:
            # "pas nyampe", "pas ketemu": chat's "pas" before a clause is "saat" (the lexicon
            # leaves "pas" alone: alone it means "exact").
            token = "saat"
        if (
            language == "en"
            and token == "when"
            and position > 0
            and tokens[0] in _ENGLISH_OPENERS
            and tokens[position - 1] not in _WHEN_EMBEDS
        ):
            # "What happened when the plane tried to land?": "when" joins a clause there, as
            # "saat" does; the question's own question word says what it asks.
            token = "saat"
        if (
            language == "en"
            and token in _ENGLISH_GO_ON
            and position + 1 < len(tokens)
            and tokens[position + 1].endswith("ing")
            and tokens[position + 1] not in {"anything", "everything", "nothing", "something", "thing"}
        ):
            # "keep falling", "continued rising": the verb after it is what happens; "keep"
            # only says it goes on ("terus"), no keeping of anything.
            token = "terus"
        if language == "id" and token not in table:
            token = _chat_form(token, lexicon, printed)
        if token not in table and token not in printed and token not in capitalised:
            # ("Abdul Manan", "di Kapar": a name typed with its capital is no "mana", "kapan")
            beside = {*tokens[max(0, position - 1) : position], *tokens[position + 1 : position + 2]}
            token = _question_word_typo(token, language, lexicon, printed, beside)
        # "Is Car Free Day banned?": an English word typed capitalised that the articles print
        # is part of a name they give, not a word to translate ("car": "mobil").
        as_name = language == "en" and token in capitalised and token in printed
        replacement = None if as_name or (language == "id" and token in acronyms) else table.get(token)
        mixed = (
            language == "id" and replacement is None and token not in printed and _mixed_in(token, lexicon)
        )
        if mixed:
            replacement = lexicon.english[token]
        if replacement is None and language == "en" and not as_name:
            replacement = _english_base(token, table)
        english = (language == "en" or mixed) and replacement is not None
        if english and replacement and not all("_" in word for word in replacement):
            # "summit" -> "ktt pertemuan_puncak": one word of the articles ("KTT") may say it
            # all, so the phrase's words are alternatives of one slot, as the word is.
            replacement = tuple(dict.fromkeys(p for word in replacement for p in word.split("_") if p))
        if replacement is None and language == "en" and not as_name:
            replacement = lexicon.informal.get(token)
        if replacement is None and token.endswith("nya") and len(token) > 5 and token not in stopwords():
            # "gmnnya": the chat "-nya" on a chat word
            base = lexicon.informal.get(token[:-3])
            if base is not None:
                replacement = base
            elif language == "id" and (
                zipf_id(token[:-3]) >= RARE_ZIPF or token[:-3] in lexicon.abbreviations
            ):
                # "bupatinya", "gempanya", "demonya", "korlapnya": chat puts "-nya" on any
                # noun, an abbreviation too; the noun is what is searched for.
                token = token[:-3]
        if replacement is None:
            out.append(token)
            slots.append((token,))
            mapped.setdefault(raw, token)
            continue
        if english and replacement and all("_" in word for word in replacement):
            # "tear gas" -> "gas_air_mata": an Indonesian phrase, each of whose words the
            # articles print; its words fill a slot each, the alternatives aligned word by word
            # ("konferensi_pers jumpa_pers": "konferensi" or "jumpa", then "pers").
            phrase = _phrase_slots(replacement)
            replacement = tuple(dict.fromkeys(word for slot in phrase for word in slot))
            mapped.setdefault(raw, phrase[0][0])
            out.extend(replacement)
            slots.extend(phrase)
            aliases.extend((word, token) for word in replacement if word != token)
            continue
        printed_too = (
            not english
            and len(replacement) == 1
            and token in printed
            # a content word: "dr" is "dari" in chat and a doctor's title in print; "thn" is
            # "tahun", a unit that says what is asked
            and replacement[0] not in stopwords()
            and replacement[0] not in _TIME_UNITS
            and replacement[0] != "-"
        )
        if printed_too:
            # "bos" is chat for "pemimpin" and the word the articles print ("bos judi online"):
            # either will do, as an English word's readings do.
            replacement = (replacement[0], token)
        if replacement:
            mapped.setdefault(raw, replacement[0])
        out.extend(replacement)
        if english or printed_too:
            if replacement:
                slots.append(tuple(replacement))
        else:
            slots.extend((word,) for word in replacement)
        aliases.extend((word, token) for word in replacement if word != token)
    return out, slots, aliases, mapped


def question_type(tokens: list[str], raw_tokens: list[str]) -> str:
    """The type a question asks for, from its (standardised) question words.

    A question may hold several: "Apa kata Kompas soal kapan ...", "What does X say about
    when ...": the most specific one wins (a date over "what").
    """
    if raw_tokens and raw_tokens[0] in _ENGLISH_AUXILIARIES and not _asks_within(raw_tokens):
        return YESNO
    if "how" in raw_tokens and raw_tokens[raw_tokens.index("how") + 1 :][:1] == ["long"]:
        return DURATION  # "how long" asks a time, not a length
    found = OTHER
    start = 0
    while start < len(tokens):
        qtype, position = _first_type(tokens, start)
        if qtype in (OTHER,):
            break
        if (
            qtype == PERSON
            and position > 0
            and tokens[position - 1] in TOPIC_MARKERS
            and (found == SAID or (raw_tokens[:1] == ["what"] and _says_words(raw_tokens)))
        ):
            # "What did the regent say about who has the power to close the mines?": his words
            # on that, not a name from anywhere ("... soal kapan ..." still asks the date)
            return SAID
        if qtype not in (WHAT, SAID):
            return qtype
        if found in (OTHER, WHAT):
            found = qtype
        start = position + 1
    if (
        found == WHAT
        and raw_tokens[:1] == ["what"]
        and raw_tokens[1:2]
        and raw_tokens[1] in _ENGLISH_AUXILIARIES
        and (_says_words(raw_tokens) or not _ENGLISH_SPEECH_NOUNS.isdisjoint(raw_tokens[2:]))
    ):
        return SAID  # "What did the police chief say about suspects?", "What were his remarks?"
    if found != OTHER:
        return found
    if raw_tokens[:1] == ["kok"]:
        return REASON  # chat "kok bisa kapalnya terbakar?", "kok belum dibayar?": why
    if tokens and tokens[-1] in _YESNO_TAGS and len(tokens) > 2:
        return YESNO  # "ada korban gak?", "udah sampai belum?"
    if _tag_inside(tokens):
        return YESNO  # "udah banding belum si bupatinya?"
    return OTHER


def _english_points_back(raw_tokens: list[str], capitalised: frozenset[str]) -> bool:
    """True when an English pronoun has nothing to stand for in its own question ("How
    experienced were they?", "who spotted it first?"): no name and no noun after an article
    comes before it ("What caused the fire and where did it start?", "What did Putin say about
    his talks?" point inside), and it is no "it" of "is it true", "did it take"."""
    for i, t in enumerate(raw_tokens):
        if t in _ENGLISH_ANAPHORA:
            if t == "it" and raw_tokens[i + 1 : i + 2] and raw_tokens[i + 1] in _DUMMY_IT_AFTER:
                continue
            return True
        if t in capitalised or (i > 0 and raw_tokens[i - 1] in _ENGLISH_ARTICLES):
            return False  # a name or a noun the pronoun may stand for
    return False


# Words after the "it" that stands for nothing ("is it true", "did it take long").
_DUMMY_IT_AFTER = frozenset({"true", "possible", "likely", "clear", "known", "take", "takes", "took", "cost"})
_ENGLISH_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _asks_within(raw_tokens: list[str]) -> bool:
    """True for a polite English question that asks the question after it: "Can you tell me
    when ...?", "Do you know who ...?", "May I ask how many ...?" (not "Did you know ...?"
    alone)."""
    rest = [t for t in raw_tokens[1:] if t != "please"]  # "Could you please tell me ..."
    return (
        # "Can you tell me when ...?", "May I ask how many ...?"
        ((rest[:1] == ["you"] and rest[1:2] != [] and rest[1] in _POLITE_VERBS) or rest[:2] == ["i", "ask"])
        and any(t in _ENGLISH_QUESTION_WORDS for t in rest[2:5])
    )


def _says_words(raw_tokens: list[str]) -> bool:
    """True for "What did X say (about ...)?", "What did X tell Y?": X's words are asked. Not
    for "What did police say caused the fire?" or "... say the magnitude was?": a cause or a
    value is."""
    for i, t in enumerate(raw_tokens[2:], start=2):
        rest = raw_tokens[i + 1 :]
        if t in {"say", "says", "said"}:
            return not rest or rest[0] in _ABOUT
        if t in {"tell", "tells", "told"}:
            # (only up to a clause of time: "What did Kim tell Putin once the talks were over?")
            own = list(itertools.takewhile(lambda w: w not in _TIME_CLAUSE_OPENERS, rest))
            return not _NOT_WORDS.intersection(own)
    return False


_ABOUT = frozenset({"about", "on", "regarding", "concerning", "of", "to", "when", "after", "before"})
_NOT_WORDS = frozenset({"cause", "caused", "causes", "triggered", "was", "were", "is", "are", "why"})
_TIME_CLAUSE_OPENERS = frozenset({"once", "after", "when", "before", "while", "during", "as"})


def _tag_inside(tokens: list[str]) -> int:
    """The position of the tag of a chat yes/no question that puts it before its subject,
    right after the opener's predicate ("udah banding belum si bupatinya?", "ada korban gak
    di sana?"), or 0. A negation further on negates something ("ada penumpang yang tidak
    selamat ya?")."""
    if not tokens or tokens[0] not in _YESNO_OPENERS:
        return 0
    # "udah banding belum ...", and after a second opener "sudah ada tersangka belum ..."
    at = 3 if len(tokens) > 1 and tokens[1] in _YESNO_OPENERS else 2
    if at < len(tokens) - 1 and tokens[at] in _YESNO_TAGS and tokens[at - 1] != "yang":
        return at
    return 0


def _first_type(tokens: list[str], start: int) -> tuple[str, int]:
    """The type of the first question word at or after `start`, and its position."""
    for i in range(start, len(tokens)):
        qtype = _type_at(tokens, i)
        if qtype != OTHER:
            return qtype, i
    return OTHER, len(tokens)


def _measured(tokens: list[str], i: int) -> str:
    """The measure or duration the word before "berapa" (at `i`) names, when "berapa" ends the
    question or a unit follows it ("jauhnya brp km?", "lamanya berapa?": "jauh", "lama"), or
    "" ("gempa besar berapa kali", "alat berat berapa unit" count; "dalam berapa hari" is
    "within", no depth)."""
    if i == 0:
        return ""
    word = tokens[i - 1]
    base = word[:-3] if word.endswith("nya") else word
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if after and after not in _MEASURE_UNITS | _TIME_UNITS:
        return ""
    return base if base in (_MEASURE | _DURATION) - {"dalam"} else ""


def _type_at(tokens: list[str], i: int) -> str:
    """The type the word at position i asks for (OTHER when it is no question word)."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    prev = tokens[i - 1] if i > 0 else ""
    if token in {"bagaimana", "bagaimanakah"} and nxt in {"berapa", "banyak"}:
        return NUMBER  # "how many", "how much"
    if token in {"bagaimana", "bagaimanakah"} and nxt in AGE_NOUNS:
        return NUMBER  # "how old": an age
    if token in {"bagaimana", "bagaimanakah"} and nxt in _DURATION:
        return DURATION  # "how long"
    if token in {"bagaimana", "bagaimanakah"} and nxt in _MEASURE:
        return MEASURE  # "how high", "how strong"
    if token in {"kapan", "kapankah"}:
        return DATE
    if token in {"berapa", "berapakah", "apa"} and prev in _CLOCK:
        return TIME  # "jam berapa", "pukul berapa"
    if token in {"berapa", "berapakah", "apa"} and prev in _DATE_NOUNS:
        return DATE  # "tanggal berapa", "tahun berapa"
    if token == "dimana" or (token == "mana" and _PREPOSITIONS.intersection(tokens[max(0, i - 3) : i])):
        return ORIGIN if _ORIGIN.intersection(tokens[i + 1 : i + 3]) else PLACE
    if token == "mana" and i == 0:
        return PLACE  # "mana lokasinya?"
    if token == "mana" and prev in _PLACE_NOUNS:
        return PLACE  # "kota mana", "di pulau mana"
    if token == "mana":
        return WHAT  # "kantor berita mana": which one, not where
    if token in {"siapa", "siapakah"}:
        return PERSON
    if token in {"mengapa", "kenapa"}:
        return REASON
    if token == "apa" and _SPEECH.intersection((prev, nxt, _without_nya(prev), _without_nya(nxt))):
        return SAID  # "apa kata Fredy?", "apa katanya?", "tanggapannya apa?"
    if token in {"bagaimana", "bagaimanakah"} and nxt in _SPEECH_NOUNS:
        return SAID  # "Bagaimana tanggapan jaksa?": the prosecutor's words
    if token in {"bagaimana", "bagaimanakah"}:
        return MANNER
    if token == "apa" and prev in _MANNER_VERBS:
        return MANNER
    if token == "apa" and (prev in _MANNER_FRAMES or (tokens[0] in _MANNER_VERBS and "apa" in tokens)):
        return MANNER  # "moda transportasi apa", "dengan ... apa": the means
    if token == "apa" and (prev in _REASON_NOUNS or nxt in _REASON_NOUNS):
        return REASON
    if token in {"berapa", "berapakah"} and (measured := _measured(tokens, i)):
        # "jauhnya brp?", "lamanya berapa?": chat puts the measure before "berapa"
        return DURATION if measured in _DURATION else MEASURE
    if token in {"berapa", "berapakah"}:
        if nxt in _DURATION or nxt in _TIME_UNITS:
            return DURATION  # "berapa lama", "berapa jam", "berapa tahun": how long
        if nxt in _CLOCK:
            return TIME
        if nxt in _MEASURE:
            return MEASURE
        return DATE if nxt in _DATE_NOUNS - {"hari"} else NUMBER
    if token == "apakah":
        return YESNO
    if token == "apa":
        # "apa tanggal", "what time" ("apa waktu"), "jam apa"
        return DATE if nxt in _DATE_NOUNS else TIME if nxt in _CLOCK | {"waktu"} else WHAT
    if token.startswith("se") and token[2:] in _MEASURE and nxt in {"apa", "berapa"}:
        return MEASURE  # "sepanjang apa", "setinggi berapa"
    if token == "seberapa":
        return DURATION if nxt in _DURATION else MEASURE if nxt in _MEASURE else NUMBER
    if token == "selama" and nxt in {"apa", "berapa"}:
        return DURATION
    return OTHER


def _outlets(text: str, outlet_names: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """The text without the outlet names it mentions, and those outlets' source ids.

    `outlet_names` maps an outlet's name or id written without spaces ("kompascom",
    "dwindonesia", "dw") to its source id. A name is found as one to three words run
    together ("Detak.com", "Kabar Nusa"), with one typo in a long name ("wartaseruny"), or
    as the initials of the words ("Deutsche Welle" for "DW").
    """
    if not outlet_names:
        return text, ()
    tokens = words(text)
    cased = re.findall(r"[^\W_]+", text)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            window = "".join(tokens[i : i + n])
            if i + n > len(tokens) or not window.isalpha():
                continue
            source = outlet_names.get(window) or _near(window, outlet_names)
            if source is not None:
                found.append(source)
                tokens[i : i + n] = [""] * n
                i += n - 1
                break
        i += 1
    runs = _runs(cased)
    for name, source in outlet_names.items():
        # "Deutsche Welle" for "DW": two or three capitalised words in a row spell it.
        if name in runs and source not in found:
            found.append(source)
            spelled = {w.lower() for w in runs[name]}
            tokens = ["" if t in spelled else t for t in tokens]
    if not found:
        return text, ()
    return " ".join(t for t in tokens if t), tuple(dict.fromkeys(found))


def _searched_words(searched: str, outlets: tuple[str, ...]) -> list[str]:
    """The words of the text `_outlets` left to search."""
    tokens = words(searched)
    if outlets:
        # "Menurut Kompas, ...": with the outlet gone, "menurut" says nothing either.
        # "versi kumparan?" is all outlet: nothing of its own is searched (it follows).
        tokens = [t for t in tokens if t not in _OUTLET_FILLERS]
    return tokens


def _runs(cased: list[str]) -> dict[str, list[str]]:
    """Every run of two or three capitalised words, by its initials."""
    runs: dict[str, list[str]] = {}
    for i in range(len(cased)):
        for n in (2, 3):
            part = cased[i : i + n]
            if len(part) == n and all(w[0].isupper() and len(w) > 1 for w in part):
                runs.setdefault("".join(w[0].lower() for w in part), part)
    return runs


def _near(window: str, outlet_names: dict[str, str]) -> str | None:
    """The outlet a long name with one typo means ("wartaseruny" -> "wartaseruni")."""
    if len(window) < 7:
        return None
    for name, source in outlet_names.items():
        if len(name) >= 7 and abs(len(name) - len(window)) <= 1 and OSA.distance(name, window) <= 1:
            return source
    return None


_OUTLET_FILLERS = frozenset(
    "menurut kata versi laporan berita media situs portal according to says report".split()
)


_ENGLISH_STOP_PHRASE = words_of("english_auxiliaries")


def _verb_like(word: str) -> bool:
    """A verb by its form: one Indonesian grammar lists, a verb of saying, or a word whose
    "me-", "ber-", "di-", "ter-" the stemmer takes off ("ditangkap"; not "dinas", "direktur",
    "berita")."""
    if word in _BASE_VERBS or word in _SPEECH:
        return True
    return word.startswith(("me", "ber", "di", "ter")) and len(sastrawi_stem(word)) < len(word) - 1


_BASE_VERBS = words_of("base_verbs")
# "what kind of ties", "the name of the imam": the ties and the imam are asked about.
_ENGLISH_FRAMES = frozenset(
    {"kind", "kinds", "type", "types", "sort", "number", "amount", "share", "part", "name", "names"}
)


_IRREGULAR_PAST = words_of("english_irregular_past")
_ENGLISH_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "near"})


def _past_tense(word: str, english: Container[str]) -> bool:
    """True when an English word is a verb's past tense: "passed", "recorded", "stopped" (the
    verb listed), "fell", "took" (an irregular one); not "speed", "hundred", "bed"."""
    if word in _IRREGULAR_PAST:
        return True  # "fell", "took"
    if not word.endswith("ed") or len(word) < 5:
        return False
    doubled = len(word) > 5 and word[-3] == word[-4]
    return word[:-2] in english or word[:-1] in english or (doubled and word[:-3] in english)


# Words before a noun that make it the place or time of what is counted, not the thing:
# "Di kapal itu ada berapa yang selamat?", "Pasca gempa ada berapa yang mengungsi?".
_BEFORE_A_SETTING = frozenset(
    {"di", "ke", "dari", "pada", "dalam", "pasca", "usai", "setelah", "sesudah", "sebelum", "sejak", "selama"}
)


_COUNT_MODIFIERS = words_of("count_modifiers")  # "calon jemaah": the pilgrims are counted
# Words after a closing "berapa" that tell whom or what a sum is for, not what is counted.
_FOR_WHOM = frozenset({"ke", "kepada", "untuk", "buat", "bagi", "per", "tiap", "setiap", "masing"})
# ... and after "berapa kali", whom or where the thing is done ("lapor brp kali ke polisi?")
_AFTER_HOW_OFTEN = _FOR_WHOM | {"di", "dalam", "dari"}


def _counted_before(tokens: list[str], at: int, content: tuple[str, ...], names: Container[str]) -> str:
    """The noun nearest before the count word at `at` that names what is counted: a content
    word, no verb, no figure, no part of a name; "" when the nearest noun is the setting
    ("di kapal itu ada berapa ..."). "pelampungnya ada brp biji?", "Dari 30 korban, ada
    berapa yang meninggal?"."""
    for j in range(at - 1, -1, -1):
        word = tokens[j]
        if word not in content or word[:1].isdigit() or word in names or _verb_like(word):
            continue
        return "" if j > 0 and tokens[j - 1] in _BEFORE_A_SETTING else word
    return ""


def _asked_noun(
    tokens: list[str],
    raw_tokens: list[str],
    mapped: dict[str, str],
    asked: set[int],
    content: tuple[str, ...],
    qtype: str,
    language: str,
    english: Container[str] = frozenset(),
    names: Container[str] = frozenset(),
) -> str:
    """The word whose value the question asks for: "usia" of "Berapa usia Ushakov?", "partai"
    of "Partai apa ...?", "kecepatan" of "Berapa kecepatan ...?", "party" of "Which party ...".

    When no article uses it, the articles do not give its value; an answer must hold it.
    """
    if language == "en":
        # A phrase the lexicon lists whole ("nuclear weapons" -> "senjata nuklir"): each of
        # its words stands for the phrase's first Indonesian word, its head.
        mapped = {
            **{w: std for phrase, std in mapped.items() if " " in phrase for w in phrase.split()},
            **mapped,
        }
        # "how old is ...", "how deep was ...": the adjective is what is asked.
        for i, raw in enumerate(raw_tokens[:-1]):
            if raw == "how" and raw_tokens[i + 1] not in {
                "many",
                "much",
                "did",
                "does",
                "do",
                "is",
                "was",
                "long",
            }:
                std = mapped.get(raw_tokens[i + 1], "")
                # "how deep" asks a measure (any depth will do); "how old" asks an age.
                return std if std in content and std not in _MEASURE else ""
        # "how many nuclear weapons does ...", "which party does ...": the head of the
        # English phrase after the question word is its last noun before the verb.
        for i, raw in enumerate(raw_tokens):
            # (where the phrase ends at "people": not "how many people's houses", whose houses
            # are counted)
            people = raw_tokens[i + 1 : i + 2] in (["people"], ["persons"])
            nxt = raw_tokens[i + 2] if i + 2 < len(raw_tokens) else ""
            std = mapped.get(nxt, "")
            ends = (
                not nxt
                or nxt in _ENGLISH_STOP_PHRASE
                or nxt in {"of", "in", "for", "to", "at", "on", "from", "with"}
                or (bool(std) and _verb_like(std))
                # ("took part": "ikut", a verb without a prefix)
                or nxt in {"took", "take", "takes", "got", "get", "gets", "had", "have", "has"}
            )
            if raw == "many" and people and ends and "orang" in content:
                return "orang"  # "how many people ...": people counted, whatever they are called
            if raw in {"which", "what", "many", "much"} and i + 1 < len(raw_tokens):
                phrase: list[str] = []
                for nxt in raw_tokens[i + 1 :]:
                    if nxt == "of" and phrase and phrase[-1] in _ENGLISH_FRAMES:
                        phrase.pop()  # "what kind of ties": the ties are asked about
                        continue
                    std = mapped.get(nxt, "")
                    if std in _BASE_VERBS or std.startswith(("me", "ber", "di")):
                        break  # "what share of the subsidy goes to ...": the phrase ends at its verb
                    if phrase and _past_tense(nxt, english):
                        break  # "Which firefighter passed out ...": a past tense after the noun
                    if nxt in _ENGLISH_STOP_PHRASE or nxt in {"of", "in", "for", "to", "the", "a", "an"}:
                        if phrase or nxt not in {"the", "a", "an", "is", "was", "are", "were"}:
                            break
                        continue
                    phrase.append(nxt)
                if phrase and qtype in (TIME, DATE) and phrase[-1] in _ENGLISH_WHEN_FRAMES:
                    return ""  # "What time did the flight leave?": the hour is asked
                if phrase:
                    std = mapped.get(phrase[-1], "")
                    return std if std in content else ""
                break
        return ""
    for i, t in enumerate(tokens):
        if t in {"berapa", "berapakah"}:
            if qtype in (TIME, DATE) and i > 0 and tokens[i - 1] in _WHEN_FRAMES:
                # "Pukul berapa pintu dibuka?", "jam brp kejadiannya?": the hour is asked; the
                # words after it tell of what, they are no value asked.
                return ""
            if qtype == MEASURE and i + 1 < len(tokens) and tokens[i + 1].startswith("ke"):
                return tokens[i + 1]  # "berapa kecepatan", "berapa kedalaman"
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            if (
                i > 0
                and tokens[i - 1] in PAYING_VERBS
                and tokens[i - 1] in content
                and (after not in content or after in _MONEY_WORDS)
                and after not in _CLASSIFIERS | {"kali"}
            ):
                # "dibayar brp tiap kali posting?": the sum paid is asked, not the posts ("menyewa
                # berapa helikopter", "membayar berapa kali cicilan" count)
                return tokens[i - 1]
            if after in {"kali", "kalinya"} and (i + 2 == len(tokens) or tokens[i + 2] in _AFTER_HOW_OFTEN):
                # "wajib lapor brp kali ke polisi?", "gempa terjadi berapa kali?": how often the
                # happening before it is asked (a figure of "kali" answers); the police are whom
                # the reporting is to, nothing counted. (Measured both ways when "gempa" was
                # taken as counted at the end: the tuning and held-out splits both lost.)
                return ""
            following = [w for j, w in enumerate(tokens[i + 1 :], start=i + 1) if j not in asked]
            # the words after it that are searched (no function word, no frame: "jumlah")
            searched = [w for w in following if w not in stopwords() and w not in _FRAME]
            before = tokens[i - 1].removesuffix("nya") if i > 0 else ""
            if (
                (not searched or after in _FOR_WHOM)
                and before in AGE_NOUNS | MONEY_NOUNS
                and before in content
            ):
                # "ustaz itu umurnya brp?", "keluarga korban dapat santunan brp?", "tiketnya
                # harganya brp?": the age or the sum before a closing "berapa" is asked, not the
                # person or the thing the question names first ("bantuan berapa keluarga?"
                # counts households); "santunan brp ke keluarga tiap korban?": the words after
                # the preposition tell who gets the sum
                return before
            if (
                following[:1] == [after]
                and after in PEOPLE_CLASSIFIERS
                and after in content
                and (len(tokens) == i + 2 or tokens[i + 2] in _AFTER_A_COUNT)
                # "penumpangnya ada brp orang?" counts the passengers the question names first
                and not (content[0] != after and content[0] in _PERSON_NOUNS)
            ):
                # "ada brp orang di dlm masjid?", "di pesawat ada brp orang?": people are counted
                # (not the mosque or the plane), whatever the articles call them.
                return after
            # "yg demo ada brp orang?": people are counted, not the demonstration; but
            # "penumpangnya ada brp orang?" counts the passengers.
            framed = (
                bool(following)
                and following[0] in _CLASSIFIERS
                and bool(content)
                and not (content[0] in _PERSON_NOUNS or content[0].startswith("pe"))
            )
            if after == "yang" and i > 0:
                # "anak SMPN 1 ada brp yg ikut dibawa?": what is counted is named before;
                # "yang" opens what is told of it
                before_it = _counted_before(tokens, i, content, names)
                if before_it:
                    return before_it
            if searched and searched[0] in _THING_CLASSIFIERS:
                # "berapa biji pelampung", "pelampungnya ada brp biji?": a classifier counts
                # the thing named with it, after it or before the question word (not a sum:
                # "berapa lembar uang" counts notes)
                j = tokens.index(searched[0], i + 1) + 1
                if j < len(tokens) and tokens[j] in content and not _verb_like(tokens[j]):
                    return "" if tokens[j] in MONEY_NOUNS else tokens[j]
                before_it = _counted_before(tokens, i, content, names)
                return "" if before_it in MONEY_NOUNS else before_it
            if searched and searched[0] in content and not _verb_like(searched[0]):
                return searched[0]
            if not searched and content and not framed and qtype not in (TIME, DATE, DURATION):
                # "harga tiketnya brp?"; not "demo mulai jam brp?", which asks the hour, nor
                # "yg demo ada brp orang?", which counts people: any the articles count
                return content[0]
            return ""
        before = tokens[i - 1] if i > 0 else ""
        if t in {"apa", "mana"} and qtype == WHAT and before in content and not _verb_like(before):
            return before  # "partai apa", "kantor berita mana" (not "membahas apa")
    return ""


# Classifiers of things ("tiga buah kapal", "12 ekor kambing", "30 biji pelampung"): they count
# the noun named with them.
_THING_CLASSIFIERS = words_of("count_classifiers") - {"orang", "jiwa", "warga", "penduduk"}
NEXT_OCCASION = words_of("next_occasion")
AGE_NOUNS = words_of("age_nouns")
MONEY_NOUNS = words_of("money_nouns")
# "berapa orang", "berapa jiwa": people counted, whatever the articles call them.
# ("warga" and "penduduk" count residents: "jumlah penduduk Kabupaten X" is its population,
# which no count of people in the story gives.)
PEOPLE_CLASSIFIERS = frozenset({"orang", "jiwa"})
# What may follow a count's noun when that noun is what is counted: a preposition or a time
# word ("pas", "saat"); not "yang", whose verb tells who is counted ("yang meninggal").
_AFTER_A_COUNT = frozenset(
    {"di", "dlm", "dalam", "dari", "ke", "pada", "pas", "saat", "ketika", "waktu", "sih", "aja", "saja"}
)
PAYING_VERBS = words_of("paying_verbs")
_MONEY_WORDS = MONEY_NOUNS | {"rupiah", "rp", "ribu", "juta", "miliar"}
_GIVEN_ENDS = words_of("demonstratives") - {"ini"}
# The nouns for "the happening" itself.
_HAPPENING_NOUNS = frozenset({"kejadian", "peristiwa", "insiden"})
_GIVEN_STOPS = words_of("phrase_breaks")
_WHEN_CLAUSE = words_of("when_clause")
_LIGHT_VERBS = words_of("light_verbs")
_SUBSTITUTING = words_of("substituting_openers")
_VERSION = words_of("version_words")
ORDINALS = words_of("ordinals")
# "yang kedua?", "yang lainnya?": the next one (not the first or the last, which are asked of
# as such)
_ANOTHER_ONE = (ORDINALS - {"pertama", "kesatu", "terakhir"}) | {"lain", "lainnya"}
_BOTH = words_of("both_determiners")
CAUSE_CLAUSE = words_of("cause_clause")


def _scene(tokens: list[str], qtype: str, content: tuple[str, ...]) -> frozenset[str]:
    """The content words of a cause the question gives for scene ("Berapa jumlah pengungsi
    akibat gempa Tanah Merapu?"): they describe the story itself when most articles tell of
    it (the query decides that, knowing the articles), and then count for less."""
    if qtype == REASON:
        return frozenset()
    for i, t in enumerate(tokens[:-1]):
        if t in CAUSE_CLAUSE and i > 0:
            return frozenset(tokens[i:]) & frozenset(content)
    return frozenset()


def _given(tokens: list[str], qtype: str, content: tuple[str, ...]) -> frozenset[str]:
    """The content words that describe what the question takes as known, not what it asks.

    Indonesian marks a referent as known with a demonstrative after its noun phrase ("masjid
    yang roboh itu"): the relative clause after the head noun describes it, and an article
    naming the thing need not describe it again. "kedua" before a noun
    ("kedua pemimpin", "kedua kepala negara") is "both": the people the story is about (after
    a noun it is "second": "hari kedua"). A clause opened by "saat"/"ketika" in a question
    that does not ask when sets the scene ("Siapa yang memimpin ... saat demonstrasi
    berlangsung?"). A question left with nothing but such words keeps them all.
    """
    words = set(content)
    stops = QUESTION_WORDS | _PREPOSITIONS | _GIVEN_STOPS
    given: set[int] = set()
    for i, t in enumerate(tokens):
        if t in _GIVEN_ENDS and i > 1:
            start = i - 1
            while start > 0 and tokens[start - 1] not in stops and i - start < 6:
                start -= 1
            # "masjid yang roboh itu": the clause after "yang" describes the noun before it.
            clause = [j for j in range(start + 1, i) if tokens[j] == "yang" and tokens[j - 1] in words]
            given.update(range(clause[0] + 1, i) if clause else ())
        elif t in _BOTH and i + 1 < len(tokens) and tokens[i + 1] not in {"kali", "kalinya"}:
            end = i + 1
            while end < len(tokens) and end - i <= 2 and tokens[end] not in stops | _GIVEN_ENDS:
                if _verb_like(tokens[end]):
                    break
                given.add(end)
                end += 1
        elif t in _LIGHT_VERBS and i + 1 < len(tokens) and tokens[i + 1] in words:
            given.add(i)  # "menempuh perjalanan", "melakukan kunjungan": the noun says it
        elif t in _WHEN_CLAUSE and qtype not in (DATE, TIME, DURATION) and 0 < i < len(tokens) - 1:
            given.update(range(i + 1, len(tokens)))

    described = {tokens[i] for i in given} & words
    if qtype in (DATE, TIME, PLACE):
        # "gempanya kejadian jam brp?", "kapan peristiwanya?": the word for the happening asks
        # when or where it happened; it is the question's frame, not a word an answer prints.
        described |= {t.removesuffix("nya") for t in tokens} & _HAPPENING_NOUNS & words
    return frozenset(described) if words - described else frozenset()


def _names_a_kind(tokens: list[str], noun: str) -> bool:
    """True when the question asks "N apa/mana" ("bangunan apa", "partai mana"): which thing
    of the kind N, not N's value."""
    return any(a == noun and b in {"apa", "mana"} for a, b in itertools.pairwise(tokens))


def _office(tokens: list[str], variants: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The words after the question's role noun, up to "yang", a verb or a preposition."""
    for i, token in enumerate(tokens):
        if token in _ROLES:
            phrase = []
            for word in tokens[i + 1 :]:
                if word in _OFFICE_ENDS or _verb_like(word) or word in QUESTION_WORDS:
                    break
                phrase.append(word)
            # ("manager" beside "manajer": the role in another spelling, no word of the office;
            # another role stays one, "wakil ketua DPRD")
            return frozenset(phrase) - {token, *variants.get(token, ())}
    return frozenset()


_ROLES = words_of("role_nouns")
_PERSON_NOUNS = words_of("person_nouns") | _ROLES
# The words that open what a question is about ("apa kata X soal ...").
TOPIC_MARKERS = frozenset({"soal", "tentang", "mengenai", "terkait", "perihal", "terhadap", "atas"})
_OFFICE_ENDS = frozenset(
    {"yang", "di", "ke", "dari", "dalam", "saat", "ketika", "pada", "untuk", "itu", "tersebut", "kepada"}
    | TOPIC_MARKERS
)


def _compared(tokens: list[str], qtype: str, text: str) -> tuple[str, frozenset[str]]:
    """What a comparing question compares, by the noun it names: a figure ("jumlah"), a
    date ("tanggal"), a clock time ("jam") or a measure ("kekuatan"); else by the value it
    gives itself ("Do all outlets say the gate opened at 3 pm?": a clock time; "... pada
    13/3?": a date). With the value, the words that give it: each outlet's own value is
    wanted, not the one the question gives."""
    clocks = (
        frozenset(t for t in tokens if _CLOCK_VALUE.fullmatch(t)) if _CLOCK_TEXT.search(text) else frozenset()
    )
    dated = bool(_DAY_MONTH.search(text)) or any(t in _CALENDAR for t in tokens)
    years = frozenset(t for t in tokens if _YEAR.fullmatch(t))
    # a day beside a month or in "13/3" is a date, and so is a year alone ("dibangun pada 1987?")
    days = frozenset(t for t in tokens if t in _CALENDAR or (dated and t.isdigit() and int(t) <= 31))
    dates = days | years
    # the figures compared, with a year beside them ("UMP 2026 naik 6,5 persen?"): each
    # outlet's figure is wanted, whether or not it repeats the year
    figures = frozenset(t for t in tokens if t[:1].isdigit()) - clocks - days
    for t in tokens:
        if t in _CLOCK or t == "waktu":
            return TIME, clocks
        if t in _DATE_NOUNS or t == "kapan":
            return DATE, dates
    for t in tokens:
        if t in _COUNT or t in _MEASURE or t in AGE_NOUNS or t in {"berapa", "angka", "total"}:
            return NUMBER, figures
    if clocks:
        return TIME, clocks
    if figures - years:
        return NUMBER, figures
    if dates:
        return DATE, dates
    return qtype, frozenset()


# A clock time as a question gives it ("15.00", "9:30"), where the question writes it as one:
# after "pukul", "jam" or "at", or before a time zone, "am" or "pm" (not "2,35 persen").
_CLOCK_VALUE = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_CLOCK_TEXT = re.compile(
    r"(?i)\b(?:pukul|jam|at)\s+\d{1,2}(?:[.:]\d\d)?\b|\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|wib|wita|wit)\b"
)
_CLASSIFIER_WORDS = words_of("count_classifiers")
_CALENDAR = words_of("days") | words_of("months")
# "13/3", "(13/3/2025)": a day and month as news prints them.
_DAY_MONTH = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
_YEAR = re.compile(r"(?:19|20)\d\d")


# A parenthesis after a word: "(ARI)", "(uang pengganti)".
_GLOSS = re.compile(r"(?<=\w)\s*\(([^()]{1,40})\)")


def _asks_a_count(tokens: list[str]) -> bool:
    """True when "apa"/"what" asks for a count: its noun phrase's head is a word of counting
    ("Apa jumlah korban?", "What is the number of passengers?", "What's the death toll?")."""
    for i, t in enumerate(tokens):
        if t in {"apa", "apakah", "what", "whats"}:
            following = [w for w in tokens[i + 1 : i + 6] if w not in _COUNT_SKIPPED]
            # "the death toll", "the toll in ..."; not "toll road", where "toll" qualifies a noun
            tail = any(
                w in _COUNT_TAILS and (k + 1 == len(following) or following[k + 1] in _COUNT_ENDS)
                for k, w in enumerate(following[:3])
            )
            return bool(following) and (following[0] in _COUNT_HEADS or tail)
    return False


_COUNT_HEADS = words_of("count_heads")
_COUNT_TAILS = words_of("count_tails")
_COUNT_SKIPPED = frozenset({"is", "was", "are", "were", "the", "s", "latest", "final", "terbaru", "terakhir"})
_COUNT_ENDS = frozenset(
    {"of", "in", "at", "on", "from", "so", "now", "after", "since", "is", "was", "has", "did"}
)


_HOW_IT_WORKS = frozenset({"work", "works", "worked", "function", "functions"})


def _how_it_works(tokens: list[str]) -> int:
    """Where the verb of "How does X work?" ("How do the ... function, according to ...?")
    stands, ending the question or before "according to"; 0 when the question is no such."""
    if len(tokens) < 4 or tokens[0] != "how" or tokens[1] not in _ENGLISH_AUXILIARIES:
        return 0
    end = tokens.index("according") if "according" in tokens else len(tokens)
    if end <= 3 or tokens[end - 1] not in _HOW_IT_WORKS or tokens[end - 2] in {"to", "at"}:
        return 0  # "How did the workers get to work?" asks how they travelled
    if any(t in {"make", "made", "makes", "let", "force", "forced"} for t in tokens[2 : end - 1]):
        return 0  # "How did the suspects make the victims work?"
    return end - 1


_NAME_BEFORE = frozenset({"the", "a", "his", "her", "their", "its", "full", "first", "last", "whose"})


def _name_noun(tokens: list[str]) -> bool:
    """True when an English question says "name" as a noun ("What is the name of ...", "his
    full name"), not as the verb of "Who did the police name as suspects?"."""
    return any(
        t in {"name", "names"}
        and ((i > 0 and tokens[i - 1] in _NAME_BEFORE) or tokens[i + 1 : i + 2] == ["of"])
        for i, t in enumerate(tokens)
    )


def read_question(
    text: str,
    lexicon: Lexicon,
    outlet_names: dict[str, str] | None = None,
    printed: Container[str] = frozenset(),
) -> Question:
    """The question's language, type, outlets and standard Indonesian words. English mixed
    into an Indonesian question is translated unless the articles print it (`printed`, their
    words: "crisis centre" is their term too)."""
    original = text
    text = _glossed(_prepare(text), printed)
    cased = cased_words(text)
    capitalised = frozenset(w.lower() for i, w in enumerate(cased) if i > 0 and w[0].isupper())
    searched, outlets = _outlets(text, outlet_names or {})
    raw_tokens = _searched_words(searched, outlets)
    language = detect_language(raw_tokens, lexicon)
    if language == "en":
        if _TWELVE_HOUR.search(searched):
            searched = _twenty_four_hour(searched)
            raw_tokens = _searched_words(searched, outlets)
        if _ENGLISH_MULTIPLIER.search(searched):
            # "Rp3.5 million" is the articles' "Rp3,5 juta": one figure, 3500000, as theirs
            # is read (the lexicon's "juta" after the figure would be a word of its own); an
            # English thousands comma goes first ("Rp 1,200 billion" is 1.2 trillion).
            english = _ENGLISH_GROUPING.sub("", searched)
            raw_tokens = _searched_words(_ENGLISH_MULTIPLIER.sub(_indonesian_multiplier, english), outlets)
        # "30,000" is thirty thousand in English (words() read its comma as Indonesian's
        # decimal comma: "30.000").
        raw_tokens = [t.replace(".", "") if _ENGLISH_THOUSANDS.match(t) else t for t in raw_tokens]
    # "ada korban gak?", "udah sampai belum?": a chat tag asks yes or no; it is not a word
    # of the topic ("gak" is not "tidak" here).
    tags = _YESNO_TAGS - _NEGATIONS
    tagged = language == "id" and any(t in tags for t in raw_tokens[1:])
    as_typed = raw_tokens
    if "kilo" in raw_tokens and not _DISTANCE.isdisjoint(raw_tokens):
        # "sejauh berapa kilo?": a distance in kilometres ("kilo" is else a kilogram)
        raw_tokens = ["kilometer" if t == "kilo" else t for t in raw_tokens]
    if tagged:
        raw_tokens = [t for i, t in enumerate(raw_tokens) if i == 0 or t not in tags]
    works = _how_it_works(raw_tokens) if language == "en" else 0
    if works:
        # "How does the 3M Plus method work?" asks the way it works, as "Bagaimana cara
        # kerja ...?" does: a process, and no "bekerja" for an answer to print.
        raw_tokens = ["how", "process", *raw_tokens[1:works], *raw_tokens[works + 1 :]]
    # "anak SD brp yg SMP?": a chat abbreviation typed in capitals that the articles print is
    # their acronym ("SMP"), not the chat word ("smp": "sampai")
    capitals = [w.lower() for w in cased if len(w) > 1 and w.isupper()]
    # (not in a question typed all in capitals: "KORBAN DATANG DR MANA?" is chat's "dari")
    acronyms = (
        frozenset(w for w in capitals if w in lexicon.informal and w in printed)
        if len(capitals) * 2 <= len(cased)
        else frozenset()
    )
    tokens, slots, aliases, mapped = _standardise(
        raw_tokens, language, lexicon, printed, capitalised, acronyms
    )
    stop = stopwords()
    qtype = question_type(tokens, raw_tokens)
    if qtype == SAID and outlets:
        # "What does Harian Fiktif say about ...", "What does DW say Kim hoped for?": the
        # outlet speaks; what it reports is asked, not somebody's words. ("Menurut Kompas,
        # apa kata Putin ...?" loses its "kata" with the outlet.)
        qtype = WHAT
    if qtype in (WHAT, OTHER) and any(t in _REASON_NOUNS - {"untuk", "karena"} for t in tokens):
        qtype = REASON  # "What does X say about the cause of ...": a cause is asked for
    if qtype == WHAT and _asks_a_count(raw_tokens if language == "en" else tokens):
        qtype = NUMBER  # "Apa jumlah korban?", "What's the death toll?": a figure is asked for
    form, form_words = reply_form(as_typed, tokens, len(outlets))
    value: frozenset[str] = frozenset()  # a value a comparing question gives ("212 penumpang?")
    if form == COMPARE and qtype in (YESNO, OTHER, WHAT, MANNER):
        # "Apakah semua media sepakat soal jumlah korban?": what is compared is a figure.
        qtype, value = _compared(tokens, qtype, text)
        form_words |= value
    # "agree" read as "sepakat setuju kesepakatan": each of them only asks for the form.
    form_words |= {std for std, typed in aliases if typed in form_words}
    if tagged and qtype in (OTHER, WHAT):
        qtype = YESNO
    if tagged and _tells_a_question(tokens, as_typed, _FINAL_TAGS):
        # "KPK ngumumin siapa aja yg ditangkap gak?": whether it was told, the question
        # asked inside it ("siapa ...") is what was or was not told, as "Apakah KPK
        # mengumumkan siapa ...?" asks.
        qtype = YESNO
    # "berapa lama", "jam berapa": the measure word belongs to the question, not the topic.
    asked: set[int] = set()
    inner_tag = _tag_inside(tokens)  # "udah banding belum si bupatinya?": that "belum"
    meta: set[int] = set()  # words about the reporting, not searched
    for i, t in enumerate(tokens):
        if t in {"berapa", "berapakah"}:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            # "berapa tinggi" asks a measure; "berapa kedalaman" names what is measured: a
            # noun the answer must hold, so it stays a search word.
            if nxt in _ASKED_AFTER_BERAPA and not (nxt in _MEASURE and nxt.startswith("ke")):
                asked.add(i + 1)
            if i > 0 and (tokens[i - 1] in _CLOCK | _DATE_NOUNS or _measured(tokens, i)):
                asked.add(i - 1)  # "jam berapa", "jauhnya berapa": what is asked, no topic
        if qtype == NUMBER and t in _COUNT_HEADS and i > 0 and tokens[i - 1] in {"apa", "apakah"}:
            asked.add(i)  # "Apa jumlah korban?" asks as "Berapa jumlah korban?" does
        if (
            t == "apa"
            and qtype in (TIME, DATE)
            and i + 1 < len(tokens)
            and tokens[i + 1] in _CLOCK | _DATE_NOUNS
        ):
            asked.add(i + 1)
        if t == "apa" and qtype in (TIME, DATE) and i > 0 and tokens[i - 1] in _CLOCK | _DATE_NOUNS:
            asked.add(i - 1)  # "hari apa", "jam apa"
        if t in {"bagaimana", "seberapa"} and i + 1 < len(tokens) and tokens[i + 1] in _MEASURE | _DURATION:
            asked.add(i + 1)  # "seberapa kuat", "how strong": the measure asked, not a topic word
        if (
            t.startswith("se")
            and t[2:] in _MEASURE
            and i + 1 < len(tokens)
            and tokens[i + 1] in {"apa", "berapa"}
        ):
            asked.add(i)  # "sepanjang apa"
        if t in _META:
            asked.add(i)
            meta.add(i)
        if qtype == SAID and t in _SPEECH and i + 1 < len(tokens) and tokens[i + 1] == "apa":
            asked.add(i)  # "ngomong apa", "bilang apa": the saying is asked, not searched
        if qtype == SAID and t in _SPEECH_NOUNS and i > 0 and tokens[i - 1] in _SPEECH_ASKERS:
            asked.add(i)  # "Apa tanggapan X?": X's words are asked; "tanggapan" names their kind
        if t == "nama" and 0 < i < len(tokens) - 1 and tokens[i - 1] == "yang" and qtype != PERSON:
            asked.add(i)  # "nelayan yang namanya Darmawan": the name is given, not asked
        if qtype == YESNO and t in _YESNO_TAGS and i > 1 and i in (len(tokens) - 1, inner_tag):
            asked.add(i)
        if t in {"cerita", "ceritanya"} and i > 0 and tokens[i - 1] == "bagaimana":
            came = [j for j in range(i + 1, len(tokens)) if tokens[j] in HOW_COME]
            if came:
                # "gimana ceritanya ... bisa ...": how it came about; neither the story nor
                # the "bisa" is searched (not "Bagaimana cerita korban selamat?", her account)
                asked.update((i, came[0]))
        if qtype == DURATION and t in {"waktu", "waktunya"} and i > 0:
            if tokens[i - 1] in _TAKES_TIME:
                asked.update((i - 1, i))  # "makan waktu brp jam?", "butuh waktu berapa lama?"
            elif tokens[i - 1] in _DURATION:
                asked.add(i)  # "berapa lama waktu ...": the time it took is what is asked
        if t in {"kerja", "kerjanya"} and i > 0 and tokens[i - 1] in _MANNER_FRAMES:
            asked.add(i)  # "cara kerja ...": the way it works is asked; "kerja" is no topic
        if (
            t in {"sampai", "hingga", "sejak"}
            and i + 1 < len(tokens)
            and (
                tokens[i + 1] == "kapan"
                or (tokens[i + 1] in _DATE_NOUNS and tokens[i + 2 : i + 3] in (["berapa"], ["apa"]))
            )
        ):
            # "sampai kapan", "sejak kapan", "sampai tanggal berapa": the date's side is asked,
            # not a topic ("sampai" no arriving)
            asked.add(i)
    # A typed word read as several ("long": "panjang", "lama") is asked as a whole.
    if slots and sum(map(len, slots)) == len(tokens):
        position = 0
        for slot in slots:
            span = range(position, position + len(slot))
            # ... unless only a later reading of it is a word about the reporting ("its
            # report": "laporan"; "What does ANTARA report ...?", naming an outlet, reports)
            if any(i in asked and (i not in meta or i == position or outlets) for i in span):
                asked.update(span)
            position += len(slot)
    preposition = "di"
    for before, word in itertools.pairwise(tokens):
        if word == "mana" and before in ("di", "ke", "dari"):
            preposition = before
    if language == "en" and raw_tokens and raw_tokens[-1] in _STRANDED:
        # "Where did the water come from?", "Where was it diverted to?": the preposition
        # English leaves at the end asks where from or where to.
        preposition = _STRANDED[raw_tokens[-1]]
    # The readings of an English noun naming somebody's words ("remarks": "pernyataan ucapan").
    speech_readings = {std for std, typed in aliases if typed in _ENGLISH_SPEECH_NOUNS}
    # "Apa nama masjid itu?", "masjidnya namanya apa?", "What is the name of ...?": the name is
    # what is asked; not "surat atas nama gubernur", "pencatutan nama gubernur".
    names_asked = (
        qtype == WHAT
        and (
            any(
                t == "nama" and ((i > 0 and tokens[i - 1] == "apa") or tokens[i + 1 : i + 2] == ["apa"])
                for i, t in enumerate(tokens)
            )
            # "nama kapal polairud yg bawa logistik apa?": chat asks the name last
            or (tokens[:1] == ["nama"] and tokens[-1:] == ["apa"])
            or any(
                t == "name"
                and raw_tokens[i + 1 : i + 2] == ["of"]
                and raw_tokens[max(0, i - 1)] in _NAME_BEFORE
                for i, t in enumerate(raw_tokens)
            )
        )
    )
    content = tuple(
        t
        for i, t in enumerate(tokens)
        if t not in QUESTION_WORDS
        and t not in stop
        and t not in ANAPHORA
        and i not in asked
        # "siapa nama ...", "apa nama masjid itu?", "di mana lokasi ...": the name or the
        # place is what is asked, not a topic word
        and not (t == "nama" and (qtype == PERSON or names_asked))
        and not (t in _PLACE_FRAMES and qtype in (PLACE, ORIGIN))
        and not (t in _REASON_NOUNS and qtype == REASON)  # "apa alasannya", "apa penyebab ..."
        and not (t in _MANNER_FRAMES and qtype == MANNER)  # "bagaimana cara ...", "moda apa"
        # "hari dan tanggal berapa": a date noun coordinated with the one asked
        and not (
            qtype in (DATE, TIME)
            and t in _DATE_NOUNS | _CLOCK
            and tokens[i + 1 : i + 2] == ["dan"]
            and tokens[i + 2 : i + 3] != []
            and tokens[i + 2] in _DATE_NOUNS | _CLOCK
        )
        and t not in form_words  # "ringkasan", "kronologi", "sepakat ... media"
        and t not in _VERSION  # "angka versi pemerintah kota": whose account, no topic
        and not (qtype == SAID and t in speech_readings)  # "What were X's remarks?": X's words
        # "sepakat soal jumlah korban": "jumlah" says a figure is compared, not a topic
        and not (form == COMPARE and t in _COUNT | _DATE_NOUNS | _CLOCK | {"angka", "total", "waktu"})
    )
    if content and all(t in _BARE_NEGATIONS for t in content):
        # "Why not?", "kenapa gak?": the negation of the answer before, no topic of its own.
        content = ()
    if qtype == MEASURE:
        # "Seberapa dalam ...?": a sentence that names the depth ("kedalaman 10 km") answers.
        measured = [f"ke{t}an" for i, t in enumerate(tokens) if i in asked and t in _MEASURE_ADJECTIVES]
        content = (*content, *measured)
        slots.extend((word,) for word in measured)
    asked_noun = _asked_noun(
        tokens, raw_tokens, mapped, asked, content, qtype, language, lexicon.english, capitalised
    )
    if (
        language == "en"
        and qtype == WHAT
        and any(a in _ENGLISH_PLACE_PREPOSITIONS and b == "which" for a, b in itertools.pairwise(raw_tokens))
        and any(p == asked_noun or p.startswith(f"{asked_noun} ") for p in _PLACE_NOUNS)
    ):
        # "In which city ...?", "To which hospital ...?" ask where, as "Di kota mana ...?" does
        # (the place's own word, "kota", need not be printed)
        qtype, asked_noun = PLACE, ""
    if form == COMPARE and asked_noun not in content:
        asked_noun = ""  # "sepakat soal waktu ...": the time is compared, not the word
    if form == COMPARE and qtype == NUMBER and (not asked_noun or asked_noun in _CLASSIFIER_WORDS):
        # "sepakat soal jumlah penumpang": what is counted follows the count word (or the
        # figure the question gives: "semua media menyebut 212 penumpang?"); after a
        # classifier, it stands before the figure ("penumpangnya 212 orang").
        for i, (before, word) in enumerate(itertools.pairwise(tokens)):
            if before in value and word in _CLASSIFIER_WORDS and i > 0 and tokens[i - 1] in content:
                asked_noun = tokens[i - 1]
                break
            if (before in _COUNT | {"angka"} or before in value) and word in content:
                asked_noun = word
                break
        else:
            # "sama soal umur masinis Hendra?": the age is what is compared
            asked_noun = next((t for t in tokens if t in AGE_NOUNS and t in content), asked_noun)
    if asked_noun in _COUNT_MODIFIERS and asked_noun in tokens:
        # "Berapa calon jemaah ...?": the pilgrims are counted, "calon" only says they are to be
        at = tokens.index(asked_noun) + 1
        asked_noun = tokens[at] if at < len(tokens) and tokens[at] in content else asked_noun
    if qtype == WHAT and asked_noun and form != COMPARE:
        # "Which firefighter passed out ...?", "petugas mana yang pingsan?": which one of a kind
        # of person is someone, asked for by name.
        slot = next((slot for slot in slots if asked_noun in slot), (asked_noun,))
        # ("What are the traders demanding?", "What kind of workers ...?" ask no one)
        which = language == "en" and raw_tokens[:1] == ["which"]
        if _PERSON_NOUNS.intersection(slot) and (
            which or (language == "id" and _names_a_kind(tokens, asked_noun))
        ):
            # (the kind of person is who is meant, not a word the answer must print)
            qtype, asked_noun = PERSON, ""
    greeting = bool(raw_tokens) and (
        all(t in _GREETINGS for t in raw_tokens) or all(t in _GREETINGS for t in tokens)
    )
    return Question(
        text=original,
        language=language,
        qtype=qtype,
        # Each outlet's own value is compared, the one the question gives among them.
        words=tuple(t for t in tokens if t not in value),
        content=content,
        greeting=greeting,
        thanks=greeting and any(t in _THANKS for t in (*raw_tokens, *tokens)),
        aliases=tuple(aliases),
        slots=tuple(slots),
        outlets=outlets,
        capitalised=capitalised,
        # One word ("(ARI)") or lowercase words ("(uang pengganti)"): another name for what
        # the words before it say. Capitalised words ("bupati (Ahmad Yani)") name somebody.
        glossed=frozenset(
            w
            for gloss in _GLOSS.findall(text)
            if len(words(gloss)) == 1 or gloss.islower()
            for w in words(gloss)
        ),
        preposition=preposition,
        asked_noun=asked_noun,
        form=form,
        category=bool(asked_noun) and qtype == WHAT and _names_a_kind(tokens, asked_noun),
        wants_name=((("nama" in tokens and language == "id") or _name_noun(raw_tokens)) and qtype != WHAT)
        or names_asked,
        office=_office(tokens, lexicon.variants) if qtype in (PERSON, SAID) else frozenset(),
        given=_given(tokens, qtype, content),
        scene=_scene(tokens, qtype, content),
        # As typed: the reader makes "berikutnya" "berikut" ("the following").
        next_occasion=bool(NEXT_OCCASION.intersection(raw_tokens) or NEXT_OCCASION.intersection(tokens)),
        points_back=language == "en" and _english_points_back(raw_tokens, capitalised),
    )
