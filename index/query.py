"""From a read question to search terms: stems, typo corrections, names kept whole, and for
each term how much its absence from the articles says.

A name, a figure, a code, a word rare in Indonesian, or the value asked for that no article
uses is strong evidence that the articles do not report what is asked ("Siapa presiden
Indonesia?" of articles that never name Indonesia); so is the verb of a "when" question
("Kapan X lahir?"). An ordinary word they do not use is weak evidence: the fact may be there
in other words ("tempat" for "lokasi"), so it only counts for less.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.closed_class import words_of
from index.evidence import Facts, answered_name, counts_people
from index.forms import COMPARE
from index.general import (
    common_indonesian_words,
    is_common_english,
    is_common_indonesian,
    is_international,
    is_rare,
    zipf_id,
)
from index.lexicon import Lexicon
from index.loanwords import loan_spellings
from index.model import AGE_MARK, MONEY_MARK, PEOPLE_MARK, TAKEN_MARK, Index
from index.question import (
    AGE_NOUNS,
    CAUSE_CLAUSE,
    DATE,
    MANNER,
    MONEY_NOUNS,
    ORDINALS,
    OTHER,
    PAYING_VERBS,
    PEOPLE_CLASSIFIERS,
    PERSON,
    PRONOUNS,
    SAID,
    TIME,
    WHAT,
    Question,
    read_question,
)
from index.stemmer import sastrawi_stem, stopwords
from index.text import NUMBER_WORDS, words


def with_name(text: str, name: str, said: bool = False) -> str:
    """The question with a name in place of what points at someone: "dia", "mereka", an
    English "he", "they" ("How experienced were they?": "... were Arif Wicaksono?"), or else
    the first chat "-nya" ("umurnya brp?": "umur Keysha Ramadhani brp?"; not "lainnya",
    "sebelumnya"). The text as it is when nothing points."""
    if _POINTER.search(text):
        return _POINTER.sub(name, text)
    for m in re.finditer(r"\b(\w{3,})nya\b", text, re.IGNORECASE):
        # ("katanya" is someone's words where asked what they were, else "reportedly")
        if m.group(0).lower() not in _NYA_ADVERBS and (said or m.group(0).lower() != "katanya"):
            return f"{text[: m.start()]}{m.group(1)} {name}{text[m.end() :]}"
    return text


# (not "his", "her", "their": "What did his son say?" asks of another one than the name)
_ENGLISH_PERSONS = frozenset({"he", "him", "she", "they", "them"})
_POINTER = re.compile(rf"\b(?:{'|'.join(sorted(PRONOUNS | _ENGLISH_PERSONS))})\b", re.IGNORECASE)
_NYA_ADVERBS = words_of("nya_adverbs")
# The verbs of riding a vehicle ("naik apa?"); "pakai apa?" may ask any means.
_RIDING = words_of("riding_verbs")


@dataclass(frozen=True)
class Term:
    """One thing the question asks about: a word, or a name of several words ("Kim Jong Un").

    A sentence that holds part of a name ("Kim") mostly holds the name; a sentence with a
    synonym of a word holds it only in part.
    """

    parts: tuple[str, ...]  # stems
    weight: float
    alternatives: frozenset[str] = frozenset()  # synonyms' stems: partial credit
    equivalents: frozenset[str] = frozenset()  # translations, spellings, abbreviations: full credit
    # Synonyms of several words ("kuasa hukum" for "pengacara"), each as its stems: partial
    # credit where a sentence holds all of them.
    phrases: frozenset[frozenset[str]] = frozenset()
    strong: bool = False  # a name, figure, code or asked value: the articles must have it
    known: bool = True  # some article uses it in some form
    word: str = ""  # the word as the question gives it (standardised), for people and tests
    verb: bool = False  # the question's predicate: its absence weighs more than a noun's
    asked: bool = False  # the thing whose value is asked ("usia" of "berapa usia"): an answer holds it
    # A figure or a rare name that only some articles use ("Lamerando" in one report of many):
    # an answer's paragraph must hold it. The event's own names, in most articles, need not.
    specific: bool = False
    # It only describes something the question takes as known ("roboh" of "masjid yang roboh
    # itu"): an answer need not repeat it, so it counts for less (`Weights.given`).
    given: bool = False

    def found_in(self, present: frozenset[str] | set[str]) -> bool:
        """True when `present` holds the term in some form (part of a name, synonym included;
        a term of several words that is no name, "dilalap api", only whole)."""
        parts = set(self.parts)
        return bool(
            (parts & present if self.strong else parts <= present)
            or self.equivalents & present
            or self.alternatives & present
            or any(p <= present for p in self.phrases)
        )


@dataclass(frozen=True)
class Query:
    """A question's terms, ready for retrieval."""

    question: Question
    terms: tuple[Term, ...]
    followed: bool  # terms were carried over from the chat's previous question
    earlier: Question | None = None  # that question as read, when it was read

    def unknown_strong(self) -> list[Term]:
        """The question's own strong terms that no article uses in any form."""
        return [t for t in self.terms if t.weight == 1.0 and t.strong and not t.known]

    def asked(self) -> Term | None:
        """The term whose value the question asks for, if it names one."""
        return next((t for t in self.terms if t.asked), None)

    def own_stems(self) -> frozenset[str]:
        """The stems of the question's own words, not those carried over from the one before."""
        return frozenset(part for t in self.terms if t.weight == 1.0 for part in t.parts)

    def specific_terms(self) -> list[Term]:
        """The question's own figures and rare names that only some articles use."""
        return [t for t in self.terms if t.weight == 1.0 and t.specific]


class QueryBuilder:
    """Turns questions into queries for one index."""

    def __init__(self, index: Index, lexicon: Lexicon, previous_weight: float, outlet_names: dict[str, str]):
        self.index = index
        self.lexicon = lexicon
        self.previous_weight = previous_weight
        self.outlet_names = outlet_names
        stop = stopwords()
        # Candidates for typo correction, by first letter and length (see _by_length).
        self._vocabulary = _by_length(_correctable(index.vocabulary, stop))
        self._names = _by_length(w for w in index.name_words if len(w) >= 4 and w.isalpha())
        # "terjdi" is "terjadi": an everyday function word, mistyped, asks nothing of the articles.
        self._function = _by_length(
            w
            for w in stop
            # not "lainnya": "lahnnya" is a noun with "-nya" mistyped
            if len(w) >= 4 and w.isalpha() and zipf_id(w) >= _EVERYDAY_ZIPF and not w.endswith("nya")
        )
        self._corrections: dict[str, str] = {}
        self._facts_seen: dict[str | Callable[[Facts], bool], bool] = {}
        self._told_by_most: dict[str, bool] = {}  # stem -> more than half of the articles use it

    def read(self, text: str) -> Question:
        """The question read with this corpus's outlet names."""
        return read_question(text, self.lexicon, self.outlet_names, self.index.vocabulary)

    def build(self, q: Question, previous: str | None) -> Query:
        """The query for a question; `previous` is the chat's last question, for follow-ups."""
        terms = self._terms_of(q, 1.0)
        if q.qtype == MANNER:
            terms = self._means_asked(terms, q)
        corrected = next((t.word for t in terms if t.asked and t.word != q.asked_noun), None)
        if corrected and q.asked_noun and self.correct(q.asked_noun) == corrected:
            # "Berapa jumlah pengungsii?": the noun counted is the word corrected, as searched.
            q = replace(q, asked_noun=corrected)
        followed = False
        # The previous question is read only where this one may lean on it.
        marked = self._marked_with_nya(q) if previous and not q.anaphoric else frozenset()
        earlier = self.read(previous[:4000]) if previous and (q.anaphoric or marked) else None
        if earlier is not None and (q.anaphoric or self._names_again(marked, earlier)):
            known = {part for t in terms for part in t.parts}
            for t in self._terms_of(earlier, self.previous_weight):
                if q.substitutes and t.strong and not t.asked:
                    continue  # "Kalau Solar Nusa?" after "Berapa harga Nusalite?": not Nusalite
                if q.substitutes and t.word in ORDINALS:
                    continue  # "yang kedua?" after "... kotak hitam pertama ...": not the first
                if not known & set(t.parts):
                    terms.append(t)
                    followed = True
            if followed and q.qtype in (OTHER, WHAT) and (not q.content or q.substitutes):
                # "Menurut Kompas?", "Kalau versi lain?": the same thing is asked again.
                q = replace(q, qtype=earlier.qtype, asked_noun=earlier.asked_noun, office=earlier.office)
        return Query(q, tuple(terms), followed, earlier)

    def _means_asked(self, terms: list[Term], q: Question) -> list[Term]:
        """ "naik apa?": the vehicle is asked, in whatever verb of taking it the articles print
        ("menggunakan dua ambulans", "dengan menumpangi kereta"): a sentence telling a vehicle
        taken (the build's TAKEN_MARK) holds the question's verb."""
        framed = {w for w, after in pairwise(q.words) if after == "apa" and w in _RIDING}
        if not framed:
            return terms
        return [
            replace(t, equivalents=t.equivalents | {TAKEN_MARK}) if t.word in framed else t for t in terms
        ]

    def after(self, query: Query, earlier: Question, shown: int, previous: str) -> Query:
        """A follow-up's query, knowing the sentence `shown` that answered the question before
        it (`previous`, read as `earlier`). After "who", a follow-up pointing at someone ("kapan
        dia ditangkap?", "apa katanya soal gejala pasien?", "How experienced were they?") asks
        of the one that sentence named: it is read again with the name in the pointer's place
        ("kapan HT ditangkap?"), and stands on its own."""
        q = query.question
        if earlier.qtype == PERSON and q.qtype != PERSON:
            name = answered_name(self.index.sentences[shown].text, set(earlier.words), self.index.name_words)
            named = with_name(q.text, name, q.qtype == SAID) if name else q.text
            if named != q.text:
                again = self.build(self.read(named), previous)
                if again.question.qtype != PERSON:
                    # The question stands on its own now ("kapan HT ditangkap?"); the words of
                    # the one before only describe whom it asks of, and count as given.
                    known = {part for t in again.terms for part in t.parts}
                    carried = [
                        replace(t, given=True)
                        for t in query.terms
                        if t.weight < 1.0 and not known & set(t.parts)
                    ]
                    return Query(again.question, (*again.terms, *carried), followed=True, earlier=earlier)
        return query

    def _marked_with_nya(self, q: Question) -> frozenset[str]:
        """The stems of the question's words that carry a chat "-nya" ("tuntutannya")."""
        stem = self.index.stemmer.stem
        return frozenset(stem(w[:-3]) for w in words(q.text.lower()) if w.endswith("nya") and len(w) > 6)

    def _names_again(self, marked: frozenset[str], earlier: Question) -> bool:
        """True when the question puts "-nya" on a thing the previous question named ("kapan
        tuntutannya dibacakan?" after "berapa tuntutan jaksa?"; `marked`, from
        `_marked_with_nya`): that one, the one just asked about."""
        stem = self.index.stemmer.stem
        return bool(marked) and not marked.isdisjoint(stem(w) for w in earlier.content)

    # -- words ----------------------------------------------------------------------------

    def correct_short(self, word: str) -> str:
        """A two- or three-letter word after a name, mistyped ("Kim Jong Um" -> "un", "Rengas
        Hlu" -> "hulu")."""
        if word in self.index.vocabulary or not word.isalpha():
            return word
        near = [
            n for n in self.index.name_words if abs(len(n) - len(word)) <= 1 and OSA.distance(n, word) <= 1
        ]
        return min(near) if len(near) == 1 else word

    def correct(self, word: str, function_words: bool = True, beside_name: bool = True) -> str:
        """The corpus word a mistyped word was meant to be ("vladivostk" -> "vladivostok").

        A word that is ordinary Indonesian ("jung") is only taken for a name the articles
        use ("jong"): people mistype names, and an ordinary word outside the articles must
        stay itself so that an off-topic question is declined.
        """
        if len(word) < 4 or not word.isalpha() or word in self.index.vocabulary or word in stopwords():
            return word
        key = f"{word}\0{int(function_words)}{int(beside_name)}"
        cached = self._corrections.get(key)
        if cached is not None:
            return cached
        known_word = is_common_indonesian(word) or word in self.lexicon.informal
        limit = 1 if len(word) < 8 else 2
        lengths = range(len(word) - limit, len(word) + limit + 1)
        first = word[0]
        choices = [w for n in lengths for w in self._names.get((first, n), ())]
        if known_word and not beside_name:
            # an everyday word is taken for a name only beside another ("Kim Jung Un"): "juga
            # ketahuan nimbun" is no "Ketahanan" of "Badan Ketahanan Pangan"
            choices = []
        if not known_word:
            choices += [w for n in lengths for w in self._vocabulary.get((first, n), ())]
            if function_words and _not_taken_apart(word):
                # A word the stemmer takes apart ("mengetuai": ketua) is a word, not a typo of
                # a function word ("mengetahui") or of an everyday word; so is a name typed with
                # its capital ("Cira" is nobody's "cara", "Bernadus" nobody's "bernapas":
                # `function_words` False). An everyday word is taken only where the articles
                # print its stem ("disalurkn": "disalurkan", printed "menyalurkan"; see the
                # filter below); a function word for a word of five letters or more (a shorter
                # one is too near too many).
                choices += [w for n in lengths for w in _general_by_length().get((first, n), ())]
                if len(word) >= 5:
                    choices += [w for n in lengths for w in self._function.get((first, n), ())]
        # OSA distance: a swapped pair of letters ("rusai") is one typo, not two.
        found = [
            f
            for f in process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
            if f[0] in self.index.vocabulary
            or f[0] in self.index.name_words
            or f[0] in stopwords()
            or self.index.bm25.knows(self.index.stemmer.stem(f[0]))
        ]
        if not found and limit == 1 and len(word) >= 5 and not known_word:
            # A name mistyped twice ("Serantii" for "Seranti" is once): one name that near,
            # and nothing else, is what was meant.
            names = [w for n in range(len(word) - 2, len(word) + 3) for w in self._names.get((first, n), ())]
            near = process.extract(word, names, scorer=OSA.distance, score_cutoff=2, limit=None)
            found = near if len(near) == 1 else []
        # The nearest; of two as near, the articles' word ("lahnnya": "lahannya", not "lainnya").
        corrected = (
            min((distance, match not in self.index.vocabulary, match) for match, distance, _ in found)[2]
            if found
            else word
        )
        if (
            corrected == word
            and function_words
            and not known_word
            and len(word) >= 5
            and _not_taken_apart(word)
        ):
            # "angaran" where the articles print no "anggaran": a mistyped everyday word is still
            # that word (an ordinary word the articles lack, weak evidence), not a rare term
            # the answer must hold (only as typed in lowercase, where a name may be meant).
            general = [w for n in lengths for w in _general_by_length().get((first, n), ())]
            near = process.extract(word, general, scorer=OSA.distance, score_cutoff=1, limit=None)
            by_use = sorted((zipf_id(w), w) for w, _, _ in near)[::-1]
            # Of two as near, one far commoner is meant ("pesawt": "pesawat", not "pesat").
            if by_use and (len(by_use) == 1 or by_use[0][0] - by_use[1][0] >= MUCH_COMMONER):
                corrected = by_use[0][1]
        stem = self.index.stemmer.stem
        if corrected != word and stem(corrected) != stem(word) != word and self.index.bm25.knows(stem(word)):
            # The articles print its root in another form ("ditaburkan" where they print
            # "menaburkan"): a word, found by its stem, not a typo of another ("diliburkan").
            corrected = word
        if corrected == word and word.endswith("nya") and len(word) > 6:
            # "lahnnya": chat puts "-nya" on a mistyped noun too; the noun is what was meant.
            noun = self.correct(word[:-3])
            corrected = noun if noun != word[:-3] else word
        if len(self._corrections) < 50_000:
            self._corrections[key] = corrected
        return corrected

    def _printed_with(self, term: str, neighbours: Iterable[str]) -> bool:
        """True when some passage holds the term and one of the neighbouring names' stems."""
        passages = self.index.bm25.passages_of
        return any(np.intersect1d(passages(term), passages(n)).size for n in neighbours)

    def _has(self, fact: str | Callable[[Facts], bool]) -> bool:
        """True when some sentence of the corpus holds this kind of fact ("currency", "age", a
        test of its facts)."""
        found = self._facts_seen.get(fact)
        if found is None:
            found = self.index.holds_any(fact)
            self._facts_seen[fact] = found
        return found

    def _local(self, stems: Iterable[str]) -> bool:
        """True when at most half of the articles use any of these stems."""
        articles: set[int] = set()
        passages = self.index.passages
        for stem in stems:
            articles.update(passages[p].article for p in self.index.bm25.passages_of(stem)[:5000].tolist())
        return len(articles) * 2 <= len(self.index.corpus.articles)

    def _common(self, stem: str) -> bool:
        """`Index.told_by_most`, once per stem (a story's words come back question after
        question)."""
        common = self._told_by_most.get(stem)
        if common is None:
            common = self.index.told_by_most(stem)
            if len(self._told_by_most) < 50_000:
                self._told_by_most[stem] = common
        return common

    def _loan(self, word: str) -> set[str]:
        """The stem of the first Indonesian loan spelling of an English word that the articles
        use ("evacuation" -> "evakuasi"), if any."""
        for loan in loan_spellings(word):
            term = self.index.stemmer.stem(loan)
            if term and self.index.bm25.knows(term):
                return {term}
        return set()

    def _knows(self, stems: Iterable[str]) -> bool:
        return any(map(self.index.bm25.knows, stems))

    def _knows_any(self, stems: Iterable[str], phrases: Iterable[frozenset[str]]) -> bool:
        """True when the articles use one of the stems, or every stem of one of the phrases."""
        knows = self.index.bm25.knows
        return any(map(knows, stems)) or any(all(map(knows, p)) for p in phrases)

    def _strong(self, word: str, q: Question, typed: Iterable[str]) -> bool:
        """True when the articles' silence on this word means they do not report what is asked."""
        typed = list(typed)
        if q.form == COMPARE and _in_calendar_date(word, q.words):
            # "sepakat soal jumlah titik panas pada Senin, 8 September?": the day the figure is
            # of; an article may date it "Senin" or "(8/9)" or by its own date line
            return False
        if word[:1].isdigit():
            return True  # a figure, a year, a code
        if word in q.glossed:
            return False  # "respiratory infections (ARI)": the articles may print either
        if word in self.index.name_words or {word, *typed} & q.capitalised:
            return True  # a name, also one the lexicon spelled the Indonesian way ("France")
        if q.language == "en":
            # An English word the lexicon does not translate is a name or a term of its own,
            # unless it is ordinary English the lexicon lacks ("rumours"): then it is weak.
            return (
                not typed
                and not is_common_indonesian(word)
                and not is_common_english(word)
                # "interpellation": an ordinary Indonesian word in its English spelling
                and not any(map(is_common_indonesian, loan_spellings(word)))
            )
        # "dipulangkannya": a word the frequency list lacks whose prefix the stemmer takes off
        # to leave an everyday root is a word of the language, however rare, not a name (a
        # name may end like a suffix: "Meloni" is no "melon" + "-i").
        if is_rare(word):
            if any(word.startswith(p) and _derived(word[len(p) :]) for p in _PREFIXES):
                # "berkewarganegaraan": a prefix the stemmer leaves on an everyday word (not
                # "Dimas", "Seminyak", "Sebatik": "mas", "minyak", "batik" tell nothing)
                return False
            root = self.index.stemmer.stem(word)
            return word.startswith(root) or not is_common_indonesian(root)
        return is_international(word)

    def _closed_compounds(
        self, slots: tuple[tuple[str, ...], ...], content: set[str]
    ) -> tuple[tuple[str, ...], ...]:
        """Two words the articles write as one ("tanda tangan" where they print
        "ditandatangani", "kereta api" as "keretaapi"), joined: a compound is one thing. The
        joined word is added to `content`."""
        stem = self.index.stemmer.stem
        knows = self.index.bm25.knows

        def compound(a: str, b: str) -> str | None:
            if not (a.isalpha() and b.isalpha()) or {a, b} & self.index.name_words:
                return None
            # Only where the articles write it as one word and not as the two ("orang tua"
            # stays two words where they print it so).
            if (knows(stem(a)) and knows(stem(b))) or not knows(stem(a + b)):
                return None
            return a + b

        joined, _ = _join_pairs(slots, content, compound)
        return joined

    def _synonym_phrases(
        self, slots: tuple[tuple[str, ...], ...], content: set[str], q: Question
    ) -> tuple[tuple[tuple[str, ...], ...], Question]:
        """Two words typed side by side that the synonyms list as one term ("kuasa hukum",
        "dilalap api"), joined into it ("kuasa_hukum") where the articles do not print both:
        one thing, searched by its synonyms ("pengacara", "terbakar"). The joined word is
        added to `content` (and to what the question takes as given, when both words are)."""
        stem = self.index.stemmer.stem
        knows = self.index.bm25.knows
        synonyms = self.lexicon.synonyms

        def phrase(a: str, b: str) -> str | None:
            pair = f"{a}_{b}"
            if (
                pair not in synonyms
                # "meninggal dunia" says no more than "meninggal", which stays a word
                or {a, b} & set(synonyms[pair])
                # "Korea Selatan" is a name, whatever the synonyms say: each word stays strong
                or not {a, b}.isdisjoint(q.capitalised)
                or not {a, b}.isdisjoint(self.index.name_words)  # (no union: the names are many)
                or q.asked_noun in (a, b)
                or (knows(stem(a)) and knows(stem(b)))
            ):
                return None
            return pair

        joined, pairs = _join_pairs(slots, content, phrase)
        given = q.given | {pair for a, b, pair in pairs if a in q.given and b in q.given}
        return joined, replace(q, given=frozenset(given))

    def _phrase_term(self, phrase: str, weight: float, q: Question) -> Term | None:
        """The term for a synonym list's term of several words the question typed."""
        stem = self.index.stemmer.stem
        stop = stopwords()
        parts = tuple(dict.fromkeys(stem(w) for w in phrase.split("_") if w not in stop))
        if not parts:
            return None
        alternatives, phrases = self._synonyms_of([phrase], set(parts))
        return Term(
            parts,
            weight,
            frozenset(alternatives),
            phrases=frozenset(phrases),
            known=self._knows_any((*parts, *alternatives), phrases),
            word=phrase.replace("_", " "),
            verb=any(map(_is_verb, phrase.split("_"))),
            given=phrase in q.given,
        )

    def _synonyms_of(self, choices: Iterable[str], own: set[str]) -> tuple[set[str], set[frozenset[str]]]:
        """The stems of the words' synonyms (not `own`), and their synonyms of several words,
        each as its stems ("kuasa hukum": {"kuasa", "hukum"})."""
        stem = self.index.stemmer.stem
        stop = stopwords()
        synonyms = [s for c in choices for s in self.lexicon.synonyms.get(c, ())]
        alternatives = {stem(s) for s in synonyms if "_" not in s}
        phrases = {frozenset(stem(w) for w in s.split("_") if w not in stop) for s in synonyms if "_" in s}
        # A term that loses words to stopwords ("pemain belakang") is no synonym of what is left.
        return alternatives - own, {p for p in phrases if len(p) > 1}

    def _terms_of(self, q: Question, weight: float) -> list[Term]:
        """Content words as terms: stemmed, corrected, adjacent name words joined into one."""
        stem = self.index.stemmer.stem
        names = self.index.name_words
        stop = stopwords()
        lex = self.lexicon
        terms: list[Term] = []
        seen: set[str] = set()
        group: list[str] = []
        group_words: list[str] = []
        typed_as: dict[str, list[str]] = {}
        for std, original in q.aliases:
            typed_as.setdefault(std, []).append(original)

        # A typed word the lexicon replaced still counts when the articles use it too.
        typed = {
            std: stem(original)
            for std, original in q.aliases
            if original in self.index.vocabulary and original not in stop
        }

        def flush() -> None:
            if group:
                parts = tuple(dict.fromkeys(group))
                if not seen & set(parts):
                    known = self._knows(parts)
                    name = " ".join(group_words)
                    specific = known and all(is_rare(w) for w in group_words) and self._local(parts)
                    given = all(w in q.given for w in group_words)
                    # a weekday or a month a comparison dates its figure by: see `_strong`
                    dated = q.form == COMPARE and all(_in_calendar_date(w, q.words) for w in group_words)
                    terms.append(
                        Term(
                            parts,
                            weight,
                            strong=not dated,
                            known=known,
                            word=name,
                            specific=specific,
                            given=given,
                            # "sepakat soal angka ISPU": a figure of the thing named is compared
                            asked=q.form == COMPARE and bool(q.asked_noun) and q.asked_noun in group_words,
                        )
                    )
                    seen.update(parts)
                group.clear()
                group_words.clear()

        content = set(q.content)
        # A scene every article tells of ("akibat gempa Tanah Merapu") is as good as given.
        scene_stems = {stem(w) for w in q.scene}
        if q.scene and all(self._common(s) for s in scene_stems - {stem(w) for w in CAUSE_CLAUSE}):
            q = replace(q, given=q.given | q.scene)
        slots = self._closed_compounds(q.slots or tuple((w,) for w in q.words), content)
        slots, q = self._synonym_phrases(slots, content, q)
        for position, slot in enumerate(slots):
            if (
                len(slot) == 1
                and slot[0] in _HONORIFICS
                and position + 1 < len(slots)
                and (
                    slots[position + 1][0] in self.index.name_words
                    or (slot[0] in _ADDRESS_TITLES and slots[position + 1][0] in content)
                )
            ):
                # "bu Sari", "pak Hendri", "bu guru": the form of address before a name, or a
                # title of address before a noun, is no search word (the articles name her
                # "Sari Rahmawati (34)", "guru"); "tante korban" is the victim's aunt
                continue
            choices = [w for w in slot if w in content]
            if not choices:
                flush()  # "Kim Jong Un dan Putin" is two names, not one
                continue
            if "_" in choices[0]:
                flush()
                phrase = self._phrase_term(choices[0], weight, q)
                if phrase is not None and seen.isdisjoint(phrase.parts):
                    seen.update(phrase.parts)
                    terms.append(phrase)
                continue
            spelled = lex.abbreviations.get(choices[0], ())
            knows = self.index.bm25.knows
            if spelled and not all(knows(stem(w)) for w in spelled if w not in stop):
                # "police chief": of "kapolri kapolda kapolres", the one the articles print
                # ("Kapolres") is searched, not another spelled out in words they lack.
                printed = next((c for c in choices[1:] if knows(stem(c))), None)
                if printed is not None:
                    choices = [printed, *(c for c in choices if c != printed)]
            if any(o != choices[0] for o in typed_as.get(choices[0], ())):
                # A word the lexicon gave ("react": "reaksi tanggapan menanggapi") is spelled
                # right: corrected as a typo, it would become another word the articles print
                # ("reaksi" -> "redaksi"). Its other readings are searched as equivalents.
                word = choices[0]
            else:
                after = slots[position + 1][0] if position + 1 < len(slots) else ""
                neighbours = [*group[-1:], *([stem(after)] if after in names else [])]
                word = self.correct(choices[0], choices[0] not in q.capitalised, bool(neighbours))
                if (
                    word != choices[0]
                    and word in names
                    and neighbours
                    and is_common_indonesian(choices[0])
                    and not self._printed_with(stem(word), neighbours)
                ):
                    # "reaksi Zulkarnain" is no "Redaksi" (of the page's "Catatan Redaksi"): a
                    # word beside a name is a mistyped part of it ("Kim Jung Un") only where
                    # the articles print the two together.
                    word = choices[0]
            if group and len(word) < 4:
                word = self.correct_short(word)
            term = stem(word)
            if not term or term in stop:
                flush()
                continue
            if word in names and len(choices) == 1:
                group.append(term)
                group_words.append(word)
                if word in typed:
                    group.append(typed[word])
                continue
            flush()
            if term in seen:
                continue
            expansion = lex.abbreviations.get(word, ())
            if expansion and not self.index.bm25.knows(term):
                # "menlu" where the articles write "Menteri Luar Negeri": the words, all of them.
                parts = tuple(dict.fromkeys(stem(w) for w in expansion if w not in stop))
                if parts:
                    seen.update(parts)
                    terms.append(
                        Term(
                            parts,
                            weight,
                            equivalents=frozenset({term}),
                            strong=True,
                            known=self._knows(parts),
                            word=word,
                        )
                    )
                    continue
            seen.add(term)
            equivalents = {stem(w) for w in choices[1:]} | {
                stem(v) for c in choices for v in lex.variants.get(c, ())
            }
            if word in AGE_NOUNS:
                equivalents |= {stem(w) for w in AGE_NOUNS}  # "umur" and "usia" are one thing
            # "1 pintu" where the articles write "satu pintu", and the other way round.
            equivalents |= {_SPELLED_DIGITS.get(word, "")} - {""}
            if word == "1" and position > 0 and set(slots[position - 1]) & _NUMBERED:
                equivalents.add("pertama")  # "tahap 1" where they print "tahap pertama"
            if q.language == "en" and word not in typed_as and not self.index.bm25.knows(term):
                # "geophysics" the lexicon lacks, where the articles print "geofisika".
                equivalents |= self._loan(word)
            equivalents -= {term}
            alternatives, phrases = self._synonyms_of(choices, {term, *equivalents})
            seen.update(equivalents)
            known = self._knows_any((term, *equivalents, *alternatives), phrases)
            # (the word typed, or the first reading of an English one; "held" may be "digelar"
            # or "ditahan")
            took_place = q.qtype in _HAPPENING_TYPES and word in _TOOK_PLACE
            if not known and took_place:
                # "Jam berapa pengasapan dilaksanakan?": a verb that only says the thing named
                # took place, in a form the articles never print ("dilakukan" is theirs), is
                # no word of what is asked.
                continue
            # "Bangunan apa ...?" is answered by "Masjid ..." as well as by "bangunan ...":
            # a kind asked for is a search word, not a word the answer must hold.
            asked = bool(q.asked_noun) and q.asked_noun in choices and not q.category
            if asked and word in MONEY_NOUNS | AGE_NOUNS | PAYING_VERBS:
                # "Berapa anggarannya?", "how much money", "berapa usianya": any sum of money
                # (any age) answers it, in whatever words the article gives it.
                mark = AGE_MARK if word in AGE_NOUNS else MONEY_MARK
                equivalents.add(mark)
                known = (
                    known
                    or self.index.bm25.knows(mark)
                    or self._has("currency" if mark == MONEY_MARK else "age")
                )
            elif asked and word in PEOPLE_CLASSIFIERS:
                # "ada berapa orang di masjid?": any count of people answers ("150 jemaah").
                equivalents.add(PEOPLE_MARK)
                known = known or self._has(counts_people)
            # A word that only describes a referent ("yang hangus dilalap api itu") says
            # nothing by its absence, unless it is a name or a figure.
            given = bool(set(choices) & q.given)
            terms.append(
                Term(
                    (term,),
                    weight,
                    frozenset(alternatives),
                    frozenset(equivalents),
                    frozenset(phrases),
                    strong=asked
                    or (given and (word[:1].isdigit() or word in self.index.name_words))
                    or (not given and self._strong(word, q, typed_as.get(word, ())))
                    # "Kapan X lahir?": when the question asks when something happened, the
                    # happening itself must be reported.
                    # (not a verb that only says it took place, "dilaksanakan", "berlangsung":
                    # the happening is then the noun the question names, "fogging")
                    or (not given and q.qtype in _HAPPENING_TYPES and _is_verb(word) and not took_place),
                    known=known,
                    word=word,
                    verb=any(map(_is_verb, choices)),  # "banned": "larangan melarang dilarang"
                    asked=asked,
                    # the word itself (or a figure) printed by few articles: a synonym or a
                    # translation the articles print makes no word specific
                    # (not a verb: "ditaburkan" is told in other words too, "dibagikan")
                    specific=self.index.bm25.knows(term)
                    and (word[:1].isdigit() or (is_rare(word) and not _is_verb(word)))
                    and not (q.form == COMPARE and _in_calendar_date(word, q.words))
                    and self._local((term,)),
                    given=given,
                )
            )
        flush()
        return terms


def _not_taken_apart(word: str) -> bool:
    """True when the stemmer leaves the word whole, or takes off affixes only to leave no
    everyday root ("dikelaurkan": "kelaur", a mistyped "dikeluarkan"); a word it takes apart
    to an everyday root ("mengetuai": ketua) is a word, not a typo."""
    root = sastrawi_stem(word)
    return root == word or not is_common_indonesian(root)


# Prefixes of Indonesian verbs and nouns, on a word that is an everyday word without them.
_PREFIXES = ("ber", "ter", "me", "di", "se")


def _derived(rest: str) -> bool:
    """An everyday noun made with affixes of its own ("kewarganegaraan", "perdagangan"): what
    a prefix on it leaves is a word of the language, not a name that looks like one."""
    affixed = rest.startswith(("ke", "pe")) and rest.endswith("an") and len(rest) >= 7
    return affixed and is_common_indonesian(rest)


def _join_pairs(
    slots: tuple[tuple[str, ...], ...], content: set[str], join: Callable[[str, str], str | None]
) -> tuple[tuple[tuple[str, ...], ...], list[tuple[str, str, str]]]:
    """The slots with each two adjacent one-word content slots that `join` joins made one
    (the joined word added to `content`), and the (first, second, joined) pairs."""
    joined: list[tuple[str, ...]] = []
    pairs: list[tuple[str, str, str]] = []
    i = 0
    while i < len(slots):
        here = slots[i]
        nxt = slots[i + 1] if i + 1 < len(slots) else ()
        if len(here) == 1 and len(nxt) == 1 and here[0] in content and nxt[0] in content:
            word = join(here[0], nxt[0])
            if word is not None:
                content.add(word)
                joined.append((word,))
                pairs.append((here[0], nxt[0], word))
                i += 2
                continue
        joined.append(here)
        i += 1
    return tuple(joined), pairs


# "When did it happen?": an article that never reports the happening (its verb) does not
# answer it. (Measured on the tuning split: extending this to where/why/how declined more
# answerable questions than it caught.)
_HAPPENING_TYPES = frozenset({DATE, TIME})
_TOOK_PLACE = words_of("happening_verbs") | words_of("light_verbs")
_MONTHS = words_of("months")
_DAYS = words_of("days")


def _in_calendar_date(word: str, words: tuple[str, ...]) -> bool:
    """True when the word is a weekday, a month, or a day's number before a month ("Senin, 8
    September")."""
    if word in _MONTHS or word in _DAYS:
        return True
    return word.isdigit() and len(word) <= 2 and any(a == word and b in _MONTHS for a, b in pairwise(words))


_HONORIFICS = words_of("honorifics")
_ADDRESS_TITLES = words_of("address_titles")
# Nouns a step or a round is numbered after ("tahap 1", "babak 2"): there a "1" is the first
# the articles write out ("tahap pertama"; "kedua" is "dua" by its stem).
_NUMBERED = words_of("numbered_nouns")


# A small figure and its word, each for the other (a lone "dua" is no figure to words()).
_SMALL = {w: str(n) for w, n in NUMBER_WORDS.items() if n <= 10}
_SPELLED_DIGITS = _SMALL | {n: w for w, n in _SMALL.items()}


def _is_verb(word: str) -> bool:
    """An affixed Indonesian verb ("meninjau", "dilantik", "berangkat") or a bare one Indonesian
    grammar lists ("tiba", "lahir")."""
    if word in words_of("base_verbs"):
        return True
    return word.startswith(("me", "ber", "di", "ter")) and len(word) > 5 and sastrawi_stem(word) != word


_EVERYDAY_ZIPF = 4.5  # about once in 30,000 words of Indonesian: the everyday function words


def _correctable(vocabulary: Iterable[str], stop: frozenset[str]) -> Iterator[str]:
    """The words a typo may be read as: of five letters and more, letters only, no stopword."""
    return (w for w in vocabulary if len(w) >= 5 and w.isalpha() and w not in stop)


# Zipf points (a factor of ten in use) by which one of two words a typo is as near to must be
# the commoner for it to be the one meant.
MUCH_COMMONER = 1.0


@cache
def _general_by_length() -> dict[tuple[str, int], list[str]]:
    """The everyday Indonesian words a typo may be read as, as `_by_length` keeps them."""
    return _by_length(_correctable(common_indonesian_words(), stopwords()))


def _by_length(vocabulary: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """Words by first letter and length. People seldom mistype a word's first letter, and an
    edit distance of at most 2 needs a length within 2: a mistyped word is compared with a
    few small buckets, not the whole vocabulary (at a thousand times the corpus, 75,000 words)."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for word in sorted(vocabulary):
        buckets.setdefault((word[0], len(word)), []).append(word)
    return buckets
