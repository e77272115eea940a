"""Retrieval, the engine's second stage: BM25 finds the passages that hold the question's
terms, and every sentence of them becomes a candidate with what ranking needs to know."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from index.closed_class import pattern, words_of
from index.model import PEOPLE_MARK, Index, Passage
from index.query import Query, Term
from index.question import DATE, MANNER, NEXT_OCCASION, REASON, SAID, TIME
from index.stemmer import stopwords
from index.text import OPENING_QUOTES, words
from index.weights import Weights


@dataclass
class Candidate:
    """One sentence that may answer, with the evidence for it."""

    sentence: int
    coverage: float  # the IDF-weighted share of the question's terms the sentence holds
    around: float  # the same for its whole paragraph
    bm25: float  # its paragraph's BM25 score, relative to the best paragraph's
    holds_asked: bool = True  # the sentence holds the thing whose value is asked
    strong_missing: int = 0  # the question's specific names and figures its paragraph lacks
    score: float = 0.0  # set by ranking
    named_outlet: bool = False  # set by ranking: printed by an outlet the question names
    fit: float = 0.0  # set by ranking: how fully it holds the asked-for kind of fact
    doer: bool = False  # set by ranking for "who": it names the doer of the verb asked
    own_words: bool = False  # set by ranking for "what did X say": X's words, quoted
    # "Why": it gives the reason for what the sentence before it tells ("... diralat. Menurut
    # Yudhistira, perbedaan itu terjadi karena ..."), and is quoted after that sentence.
    follows: bool = False
    # the sentence before it announces a reason ("menjelaskan alasan ...") or all but restates
    # the "why" question (it is followed by its explanation)
    announced: bool = False
    # the question asks of the next occasion ("KTT berikutnya") and the sentence does not speak of it
    other_occasion: bool = False
    # set by ranking for yes/no: it says plainly that what is asked did not happen ("Tidak ada
    # korban jiwa", "belum ada tersangka")
    denies: bool = False

    @property
    def support(self) -> float:
        """Coverage counting the sentence's own paragraph a little."""
        return 0.75 * self.coverage + 0.25 * self.around


class Coverage:
    """The IDF-weighted share of the question's terms found in a set of stems.

    A term no article uses counts only for `weights.unknown_weak` (a verb for
    `weights.unknown_verb`): the fact may be there in other words. A name found in part
    ("Kim" of "Kim Jong Un") counts mostly, a synonym partly. Each term's weight is worked
    out once per question, not once per sentence.
    """

    def __init__(self, terms: tuple[Term, ...], weights: Weights, idf: Callable[[str], float]) -> None:
        self.weights = weights
        self.terms: list[tuple[float, Term, frozenset[str]]] = []
        self.total = 0.0
        for t in terms:
            mass = t.weight * max(idf(part) for part in t.parts)
            if not t.known:
                mass *= weights.unknown_verb if t.verb else weights.unknown_weak
            if t.given:
                mass *= weights.given
            self.total += mass
            self.terms.append((mass, t, frozenset(t.parts)))

    def __call__(self, present: frozenset[str] | set[str]) -> float:
        if not self.total:
            return 0.0
        w = self.weights
        found = 0.0
        for mass, t, parts in self.terms:
            hits = len(parts & present)
            if hits == len(parts) or (t.equivalents & present) - _PEOPLE:
                found += mass
            elif hits and t.strong:
                found += w.name_part * mass  # "Kim" of "Kim Jong Un"; "api" is no "dilalap api"
            elif t.alternatives & present or any(p <= present for p in t.phrases) or t.equivalents & present:
                # (a count of people by another noun, "150 jemaah" for "berapa orang", holds
                # what is asked, but "12 orang" says it in the question's own word)
                found += w.synonym * mass
        return found / self.total


def holds(asked: Term, terms: frozenset[str]) -> bool:
    """True when a sentence holds the thing whose value is asked: the word itself or another
    spelling of it, not a synonym ("warga" for "penduduk"). A money or age word holds in any
    sentence giving a sum or an age: the query gives it that mark as an equivalent, and the
    build marks such sentences (model.MONEY_MARK, AGE_MARK)."""
    return bool(set(asked.parts) & terms or asked.equivalents & terms)


_PEOPLE = frozenset({PEOPLE_MARK})
# A sentence's share of the question when the sentence before it tells what it explains.
FOLLOWS = 0.9
# The share of a "why" question a sentence holds that all but restates it (chosen on the tuning
# split: 0.7 and 0.8 scored alike, 0.6 worse).
RESTATED = 0.8
RESTATING_TERMS = 3
# A sentence opening on another matter ("Di sektor lain, ...", "Sementara itu, ...", "Selain
# itu, ..."): it does not go on to explain the one before it.
_ELSEWHERE = re.compile(
    r"(?i)^\W?(?:di \w+ lain|sementara itu|selain itu|adapun|di sisi lain|pada saat yang sama)\b"
)
# "menjelaskan alasan ...", "penyebabnya ...": the sentence after it gives the reason.
_ANNOUNCES = words_of("reason_nouns_named")
_PROCESS_NOUNS = words_of("process_nouns")
_STEP_OPENERS = tuple(o.replace("_", " ") for o in words_of("step_openers"))
# Openers that begin a step without their comma ("Kemudian petugas ...").
_STEP_WORDS = frozenset({"kemudian", "selanjutnya", "setelah itu", "sesudah itu"})
_EXPLAINING = words_of("explaining_verbs")
# Steps of one process looked back over, to the sentence that announces them.
_MOST_STEPS = 8


def _opens_a_step(text: str) -> bool:
    """True when a sentence opens a step of a process: "Pertama, ...", "Lalu, ...", or
    "Kemudian ...", "Setelah itu ..." with or without the comma (not "Kedua negara ...",
    "Ketiga korban ...", "Lalu lintas ...": an ordinal or "lalu" opens a step only with its
    comma)."""
    lower = text[:24].lower()
    for opener in _STEP_OPENERS:
        if lower.startswith(opener):
            rest = lower[len(opener) :]
            if rest.startswith(","):
                return True
            if opener in _STEP_WORDS and rest[:1] == " ":
                return True
    return False


def _steps_after(
    index: Index, passages: list[tuple[int, float]], process: set[str]
) -> list[tuple[int, float]]:
    """The paragraphs right after the found ones that announce or tell the steps of a process
    ("Ia menguraikan tahapannya. Pertama, ..."): they seldom repeat what the process is of,
    which the paragraph before them names."""
    found = {number for number, _ in passages}
    after = []
    for number, score in passages:
        following = number + 1
        if following in found or following >= len(index.passages):
            continue
        if index.passages[following].article != index.passages[number].article:
            continue
        opening = [index.sentences[s] for s in index.passages[following].sentences[:2]]
        if any(process & s.terms or _opens_a_step(s.text) for s in opening):
            found.add(following)
            after.append((following, score))
    return after


def _announces(text: str, following: str, process: set[str], stem: Callable[[str], str]) -> bool:
    """True when a sentence announces the steps told after it: somebody explains a process
    ("Ia menguraikan tahapannya.", "... memaparkan cara kerja jaringan tersebut.") and either
    the process noun ends it (within its last words, or before a colon) or the sentence after
    it opens a step ("Pertama, ..."). "menjelaskan proses hukum terhadap Rudi tetap berjalan"
    announces no steps."""
    tokens = words(text.lower())
    if _EXPLAINING.isdisjoint(tokens):
        return False
    if _opens_a_step(following):
        return True
    return any(stem(t) in process for t in tokens[-4:]) or (
        ":" in text and any(stem(t) in process for t in tokens)
    )


def _announced_process(
    index: Index, number: int, process: set[str], coverage: Coverage, min_coverage: float
) -> float:
    """For a step of a process ("Pertama, petugas ...", or any sentence right after "Ia
    menguraikan tahapannya."), how much of the question the announcing sentence holds, or
    with the two sentences before it where it leans on them: a process told in steps names
    its subject once, before the steps. The announcing sentence explains ("menjelaskan",
    "menguraikan") a process noun ("tahapan", "cara", "langkah"). 0.0 when the sentence is
    no such step."""
    sentences = index.sentences
    article = sentences[number].article
    at = number
    for _ in range(_MOST_STEPS):
        before = at - 1
        if before < 0 or sentences[before].article != article or sentences[before].headline:
            return 0.0
        if process & sentences[before].terms and _announces(
            sentences[before].text, sentences[at].text, process, index.stemmer.stem
        ):
            own = coverage(sentences[before].resolved)
            if own >= min_coverage:
                # "Bantuan itu dibayarkan dalam dua tahap, melalui ...": it tells the process
                # itself, and its steps come after it.
                return own
            # Else it leans on the sentences before it, which name what the process is of
            # ("Yusran menjelaskan fogging tidak bisa dilakukan sembarangan. ... Ia
            # menguraikan tahapannya.").
            context = set(sentences[before].resolved)
            for earlier in range(before - 1, max(-1, before - 3), -1):
                if sentences[earlier].article != article or sentences[earlier].headline:
                    break
                context |= sentences[earlier].resolved
            return coverage(context)
        if not _opens_a_step(sentences[before].text) or not _opens_a_step(sentences[at].text):
            return 0.0
        at = before
    return 0.0


def _opens_with_quote(index: Index, passage: Passage) -> bool:
    """True when the paragraph opens with a quotation mark."""
    return bool(passage.sentences) and index.sentences[passage.sentences[0]].text[:1] in OPENING_QUOTES


def speaks_of_next(text: str) -> bool:
    """True when a sentence speaks of a next occasion ("pertemuan berikutnya", "sidang
    lanjutan", "dilanjutkan pekan depan"), as a question about one needs."""
    tokens = words(text.lower())
    return not _NEXT_TOLD.isdisjoint(tokens) or any(
        a in _AHEAD_UNITS and b in {"depan", "datang"} for a, b in itertools.pairwise(tokens)
    )


# "pertemuan berikutnya", "sidang lanjutan"; "pekan depan", "bulan yang akan datang".
_NEXT_TOLD = NEXT_OCCASION | words_of("next_occasion_told")
_AHEAD_UNITS = frozenset({"pekan", "minggu", "bulan", "tahun", "akan"})


# "hari pertama", "korban ketujuh", "tahap ke-2": a noun and its ordinal (the hyphen makes
# "ke-2" one; "ke 2 rumah sakit" is a preposition and a count).
_ORDINAL = re.compile(rf"(?i)\b([a-z]+)\s+({pattern('ordinals')}|ke-\s?\d{{1,2}})\b")


def ordinals_of(text: str) -> dict[str, frozenset[str]]:
    """Each noun given an ordinal, with the ordinals given it: "hari pertama ... hari kedua"
    -> {"hari": {"pertama", "2"}} ("kedua" and "ke-2" are one; not after a function word:
    "yang pertama", "untuk pertama kalinya")."""
    found: dict[str, set[str]] = {}
    for m in _ORDINAL.finditer(text):
        noun, ordinal = m.group(1).lower(), m.group(2).lower()
        value = _ORDINAL_VALUE.get(ordinal, re.sub(r"\D", "", ordinal) or ordinal)
        if noun not in stopwords():
            found.setdefault(noun, set()).add(value)
    return {noun: frozenset(values) for noun, values in found.items()}


_ORDINAL_VALUE = {
    "pertama": "1", "kesatu": "1", "kedua": "2", "ketiga": "3", "keempat": "4", "kelima": "5",
    "keenam": "6", "ketujuh": "7", "kedelapan": "8", "kesembilan": "9", "kesepuluh": "10",
}  # fmt: skip


def _another_ordinal(asked: dict[str, frozenset[str]], text: str) -> bool:
    """True when the sentence gives a noun the question gives an ordinal other ordinals only
    ("hari kedua" for "hari pertama"; not "hari pertama ..., hari kedua ...")."""
    told = ordinals_of(text)
    return any(noun in told and not told[noun] & values for noun, values in asked.items())


def retrieve(index: Index, query: Query, weights: Weights) -> list[Candidate]:
    """Candidate sentences from the best BM25 passages, in passage order."""
    bm25: dict[str | tuple[str, ...], float] = {}
    for t in query.terms:
        # A name of three words is one thing asked about, not three.
        key = t.parts[0] if len(t.parts) == 1 else t.parts
        bm25[key] = max(bm25.get(key, 0.0), t.weight)
        for alt in t.equivalents:
            bm25[alt] = max(bm25.get(alt, 0.0), t.weight)
        for alt in t.alternatives:
            bm25[alt] = max(bm25.get(alt, 0.0), t.weight * weights.synonym)
    passages = index.bm25.top(bm25, weights.passages)
    if not passages:
        return []
    best = passages[0][1]
    coverage = Coverage(query.terms, weights, index.bm25.idf)
    asked = query.asked()
    strong = query.specific_terms()
    next_occasion = query.question.next_occasion
    ordinals = ordinals_of(" ".join(query.question.words))
    asks_when = query.question.qtype in (DATE, TIME)
    reason = query.question.qtype == REASON
    said = query.question.qtype == SAID
    # A question of a few words is restated by any sentence of the story ("penyebab kebakaran
    # pasar itu?": "Kebakaran melanda pasar ..."): only one saying more can be.
    restating = reason and sum(1 for t in query.terms if t.weight == 1.0) >= RESTATING_TERMS
    announcing = {index.stemmer.stem(w) for w in _ANNOUNCES} if reason else set()
    # "Bagaimana ...?": the steps after "Ia menguraikan tahapannya." tell how, in words of
    # their own.
    process = {index.stemmer.stem(w) for w in _PROCESS_NOUNS} if query.question.qtype == MANNER else set()
    if process:
        passages = [*passages, *_steps_after(index, passages, process)]
    candidates: list[Candidate] = []
    for number, passage_score in passages:
        passage = index.passages[number]
        passage_terms: set[str] = set()
        for s in passage.sentences:
            passage_terms |= index.sentences[s].resolved
        named_terms = passage_terms
        if said and number > 0 and _opens_with_quote(index, passage):
            # '"Tugas kami ...," jelas Ratna.' after "TPF diketuai Prof. Ratna Kumalasari":
            # a quoted paragraph speaks of what the paragraph before it names.
            earlier = index.passages[number - 1]
            if earlier.article == passage.article:
                named_terms = passage_terms.union(*(index.sentences[s].resolved for s in earlier.sentences))
        around = coverage(passage_terms)
        # The previous sentence's coverage, and whether it announces a reason.
        before: tuple[float, bool] | None = None
        for s in passage.sentences:
            sentence = index.sentences[s]
            terms = sentence.resolved
            own = coverage(terms)
            told = own
            follows = announced = False
            if reason and before is not None:
                # The reason after the sentence that tells what it explains, or that announces
                # it ("Hendarto menjelaskan alasan magnitudo diperbarui ..."): that sentence's
                # words count for it, a little less.
                covered, announces = before
                if announces or (sentence.facts.reason >= 0.5 and FOLLOWS * covered > own):
                    own, follows, announced = max(own, FOLLOWS * covered), True, announces
                elif (
                    restating
                    and covered >= RESTATED
                    and FOLLOWS * covered > own
                    and not _ELSEWHERE.match(sentence.text)
                ):
                    # "Menurut dia, fogging bukan solusi utama ...": after a sentence that all
                    # but restates the question, the next tells why, "karena" or not
                    # ("Pengasapan hanya membunuh nyamuk dewasa ...").
                    own, follows, announced = FOLLOWS * covered, True, True
            if process:
                covered = _announced_process(index, s, process, coverage, weights.min_coverage)
                if covered >= weights.min_coverage and FOLLOWS * covered > own:
                    own, follows, announced = FOLLOWS * covered, True, True
            # "Kapan rapat berikutnya ...?": a sentence not speaking of the next one tells of
            # the one reported (asked when, the gate may not answer with it).
            off_occasion = next_occasion and not speaks_of_next(sentence.text)
            # "Siapa korban yang ditemukan pada hari pertama?": a sentence of "hari kedua"
            # tells of another day
            other_one = bool(ordinals) and _another_ordinal(ordinals, sentence.text)
            # It announces the reason for what the question asks only when it tells that.
            before = (told, told >= weights.min_coverage and bool(announcing & sentence.terms))
            candidates.append(
                Candidate(
                    s,
                    own,
                    around,
                    passage_score / best,
                    holds_asked=(asked is None or holds(asked, terms)) and not off_occasion and not other_one,
                    other_occasion=off_occasion and asks_when,
                    strong_missing=sum(1 for t in strong if not t.found_in(named_terms)) + other_one,
                    follows=follows,
                    announced=announced,
                )
            )
    return candidates
