"""Yes/no questions: the sentence that settles them, and the short "ya"/"tidak" line shown
only when that sentence states it plainly.

Plainly means one of three things, and nothing inferred:
- the sentence holds everything the question asks, with no negation and no hedge ("akan",
  "dijadwalkan", "diduga"): "ya";
- the sentence negates what the question asks ("Tidak ada larangan terbang" for "dilarang
  terbang gak?"): the negation stands right before one of the question's own words: "tidak";
- the question names a place or a means ("bertemu di Jakarta?", "naik pesawat?") and the
  sentence that answers "where"/"how" names another one instead: "tidak".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, replace

from index.closed_class import words_of
from index.model import Index, Sentence
from index.question import MANNER, PLACE, Question
from index.text import words

YES, NO = "ya", "tidak"

_NEGATIONS = words_of("negations") - {"jangan"}
_FILLERS = words_of("negation_fillers")
_LIGHT_VERBS = words_of("light_verbs") | words_of("support_verbs")
_HEDGES = words_of("hedges")
_PLANS = words_of("plans")
_VEHICLES = words_of("vehicles")
_MEANS = words_of("manner_verbs") | {"memakai"}
_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari"})
_PLACE_NOUNS = words_of("place_nouns")
# Each word of a pair of opposites with the other ("berat": {"ringan"}).
_OPPOSITES: dict[str, set[str]] = {}
for _pair in words_of("opposites"):
    _a, _b = _pair.split()
    _OPPOSITES.setdefault(_a, set()).add(_b)
    _OPPOSITES.setdefault(_b, set()).add(_a)


@dataclass(frozen=True)
class Slot:
    """The place or the means a yes/no question names: what another answer may replace."""

    qtype: str  # PLACE or MANNER
    preposition: str
    words: tuple[str, ...]  # the question's words for it


def slot(q: Question, index: Index) -> Slot | None:
    """The place ("di Jakarta") or means ("dengan kereta") the question names, if any. Of
    several, the last that is not the story's own: a question puts what it asks about at its
    end ("Apakah Kim pergi ke Rusia dengan kereta?" asks about the train), but a place every
    article tells of is the scene ("Apakah Kim naik pesawat ke Rusia?" asks about the plane)."""
    tokens = list(q.words)
    found: list[Slot] = []
    for i, t in enumerate(tokens[:-1]):
        if t in _PLACE_PREPOSITIONS:
            run = []
            for w in tokens[i + 1 :]:
                if w in q.content and (w in index.name_words or w in q.capitalised):
                    run.append(w)
                elif w in q.content and w in _PLACE_NOUNS and not run:
                    run.append(w)  # "di kantor PMI", "di gedung DPRD": a place noun, then its name
                else:
                    break
            if run and not (run[0] in _PLACE_NOUNS and len(run) == 1):
                found.append(Slot(PLACE, t, tuple(run)))
        if t in _MEANS and tokens[i + 1] in _VEHICLES:
            found.append(Slot(MANNER, t, (tokens[i + 1],)))
    asked = [s for s in found if not all(index.told_by_most(index.stemmer.stem(w)) for w in s.words)]
    chosen = asked or found
    return chosen[-1] if chosen else None


def without(q: Question, s: Slot) -> Question:
    """The question asked openly: "Did they meet in Moscow?" as "Where did they meet?"."""
    content = tuple(w for w in q.content if w not in s.words)
    return replace(q, qtype=s.qtype, content=content, preposition=s.preposition)


def instead(sentence: Sentence, s: Slot, index: Index) -> bool:
    """True when the sentence names another place (after the slot's preposition, or as a
    place noun's name: "di lepas pantai Vladivostok") or another means, and not the
    question's own."""
    tokens = [w.lower() for w in words(sentence.text)]
    if f" {' '.join(s.words)} " in f" {' '.join(tokens)} ":
        return False  # it names the question's own place or means
    if s.qtype == PLACE:
        own = set(s.words)
        places = sentence.facts.places
        return any(prep in (s.preposition, "noun") and name not in own for prep, name in places)
    # "dengan menggunakan 20 perahu karet": a means word, then a vehicle a word or two later.
    return any(
        t in _MEANS and any(w in _VEHICLES for w in tokens[i + 1 : i + 4]) for i, t in enumerate(tokens)
    )


def planned(text: str) -> bool:
    """True when a sentence states a plan or a forecast ("dijadwalkan", "berpeluang"), not
    that something happened."""
    return any(w.lower() in _PLANS for w in words(text))


def ahead(text: str) -> bool:
    """True when a sentence tells what is planned or to come ("akan", "bakal", a plan's
    word): "tidak akan tampil selama sepekan" does not say whether the band played. ("Akan
    tetapi" is "however", a "bakal calon" a prospective candidate.)"""
    tokens = [w.lower() for w in words(text)]
    return any(t in _PLANS or future_at(tokens, i) for i, t in enumerate(tokens))


def future_at(tokens: list[str], i: int) -> bool:
    """True when `tokens[i]` (lowercase) marks what is to come: "akan", "bakal", "will", not
    "akan tetapi" ("however") or "bakal calon" ("prospective candidate")."""
    return tokens[i] in _FUTURE and tokens[i + 1 : i + 2] not in (["tetapi"], ["calon"])


# ("will" for a question asked in English: "Will the band play?")
_FUTURE = frozenset({"akan", "bakal", "will"})


# Words that make the negation after them an appeal or a wish ("meminta ... tidak menaikkan",
# "agar tidak ...", "mengimbau warga tidak ..."): nobody said it did not happen.
_APPEALS = words_of("appeal_words")


def _appealed(tokens: list[str], i: int) -> bool:
    """True when the negation at `i` stands in an appeal's clause, a few words after its
    verb ("meminta Organda tidak ..."); a "karena" or "tetapi" between ends that clause."""
    for word in reversed(tokens[max(0, i - 4) : i]):
        if word in _APPEALS:
            return True
        if word in _CLAUSE_OPENERS:
            return False
    return False


_CLAUSE_OPENERS = words_of("clause_openers")


def _negated_at(tokens: list[str], i: int, asked: Set[str], stem: Callable[[str], str]) -> int:
    """Where the word a negation at `i` negates stands: past fillers ("tidak pernah"), and
    past a light verb whose noun is asked ("tidak mengajukan banding": the appeal)."""
    j = i + 1
    while j < len(tokens) and tokens[j] in _FILLERS:
        j += 1
    if j + 1 < len(tokens) and tokens[j] in _LIGHT_VERBS and stem(tokens[j]) not in asked:
        j += 1
    return j


def negated(question_words: Sequence[str], stem: Callable[[str], str]) -> frozenset[str]:
    """The stems a question negates in describing what it asks about: after "yang" ("pasien
    yang tidak memiliki BPJS": "milik"), or "tanpa" ("pasien tanpa BPJS": "bpjs"); a word and,
    past a light verb, its noun ("yang tidak mengajukan banding": "aju", "banding"). Not a
    negation the question asks about ("hadir atau tidak hadir?"). `question_words` are its
    words as read (standard Indonesian: "yg tdk" is "yang tidak")."""
    tokens = list(question_words)
    found: set[str] = set()
    for i, t in enumerate(tokens):
        described = t in _NEGATIONS and i > 0 and tokens[i - 1] == "yang"
        if not described and t != "tanpa":
            continue
        # the word negated, and past a light verb its noun too
        j = _negated_at(tokens, i, frozenset(), stem)
        found.update(stem(w) for w in tokens[i + 1 : j + 1] if w not in _FILLERS)
    return frozenset(found)


def lead(
    text: str, asked: Set[str], stem: Callable[[str], str], whole: bool, shared: Set[str] = frozenset()
) -> str:
    """ "tidak" when the sentence negates one of the question's words (stems in `asked`);
    "ya" when it holds the whole question (`whole`) with no negation and no hedge; else "".
    A negation of what the question negates itself (`shared`, stems: "pasien yang tidak
    memiliki BPJS ... ditanggung?") describes what is asked about and settles nothing."""
    tokens = [w.lower() for w in words(text)]
    negation = False
    for i, t in enumerate(tokens):
        if t not in _NEGATIONS:
            continue
        j = _negated_at(tokens, i, asked, stem)
        # the word negated, or past a light verb its noun ("yang tidak mengajukan banding")
        if shared and any(stem(w) in shared for w in tokens[i + 1 : j + 1]):
            continue
        negation = True
        if j < len(tokens) and stem(tokens[j]) in asked:
            if _appealed(tokens, i):
                # "meminta Organda tidak menaikkan tarif": an appeal, not what happened.
                return ""
            return NO
    if whole and not negation and not any(t in _HEDGES for t in tokens):
        return YES
    return ""


# Words that are no thing a verb is done to or said of: "jumlah korban naik?" is of the
# victims, not of the count ("Jumlah pengungsi turun" is another count).
_NOT_THINGS = words_of("count_heads") | words_of("yesno_tags") | {"apakah", "apa", "benarkah", "sudah"}


def opposite(text: str, question_words: Sequence[str]) -> bool:
    """True when the sentence says the opposite of the state a yes/no question asks about,
    of the same thing, and not that state itself: "cedera ringan" for "cederanya tergolong
    berat?", "negatif narkoba" for "positif narkoba gak?" (a plain "no").

    The state asked is the question's predicate: not a word describing a noun before its verb
    ("kendaraan berat dilarang?"), not an either/or ("berat atau ringan?"), nor a negated one
    ("tidak parah?"). In the sentence the opposite must be said of one of the question's own
    words (within three words before it or just after) and not be negated ("tidak ringan")."""
    asked = list(question_words)
    typed = set(asked)
    if typed & _NEGATIONS or "atau" in typed:
        return False
    states = [
        w
        for i, w in enumerate(asked)
        if w in _OPPOSITES
        and not _OPPOSITES[w] & typed
        and not any(map(_is_verb_form, asked[i + 1 :]))  # "kendaraan berat dilarang?"
    ]
    if not states:
        return False
    tokens = [w.lower() for w in words(text)]
    for state in states:
        if state in tokens:
            continue
        about = typed - {state} - _NOT_THINGS  # (not "jumlah": "Jumlah pengungsi turun" is another count)
        for j in _said_opposite(tokens, state):
            near = set(tokens[max(0, j - 3) : j]) | set(tokens[j + 1 : j + 2])
            if near & about:
                return True
    return False


def _said_opposite(tokens: list[str], state: str) -> Iterator[int]:
    """The positions of the sentence's words saying the opposite of `state`, not negated
    ("tidak ringan", "tidak terlalu ringan" say no opposite of "berat")."""
    for j, token in enumerate(tokens):
        if token in _OPPOSITES[state] and not (
            j > 0 and (tokens[j - 1] in _NEGATIONS or (j > 1 and tokens[j - 2] in _NEGATIONS))
        ):
            yield j


def opposite_done(text: str, question_words: Sequence[str], stem: Callable[[str], str]) -> bool:
    """True when the sentence tells the opposite of the verb a yes/no question asks, done to
    or said of the same thing: "keluarga Rizky menolak autopsi" for "keluarganya menyetujui
    autopsi?"; not "DPRD menolak usulan relokasi" for "DPRD menyetujui anggaran tanggul?", nor
    "Jumlah pengungsi turun" for "Apakah jumlah korban naik?". The thing is the word after the
    verb asked, or where none follows it the one before it; it must stand within three words
    of the opposite, which is not negated."""
    asked = [w for w in question_words if w not in _NOT_THINGS]
    typed = set(question_words)
    if typed & _NEGATIONS or "atau" in typed:
        return False
    tokens = [w.lower() for w in words(text)]
    for i, state in enumerate(asked):
        if state not in _OPPOSITES or _OPPOSITES[state] & typed:
            continue
        thing = asked[i + 1] if i + 1 < len(asked) else (asked[i - 1] if i > 0 else "")
        if not thing:
            continue
        wanted = stem(thing)
        for j in _said_opposite(tokens, state):
            if any(stem(near) == wanted for near in (*tokens[max(0, j - 3) : j], *tokens[j + 1 : j + 4])):
                return True
    return False


def _is_verb_form(word: str) -> bool:
    """A word that reads as a verb ("dilarang", "melintas", "terjadi"), not a noun."""
    return word.startswith(("me", "di", "ber", "ter")) and len(word) > 4
