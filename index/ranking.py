"""Ranking, the engine's third stage: each candidate sentence scored for how well it answers,
and the decision whether the sources answer at all."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Set

from rapidfuzz.distance import OSA

from index import yesno
from index.closed_class import pattern, words_of
from index.evidence import (
    CLAUSE_BREAK,
    QUOTE_MARKS,
    SAYING_ROOTS,
    Facts,
    asks_process,
    fits_type,
    holds_office,
    required_fit,
    role_holders,
    speakers,
)
from index.forms import COMPARE
from index.model import Index, Sentence
from index.query import Query, Term
from index.question import (
    AGE_NOUNS,
    DATE,
    DURATION,
    MANNER,
    MEASURE,
    NUMBER,
    PERSON,
    REASON,
    SAID,
    TIME,
    TOPIC_MARKERS,
    WHAT,
    YESNO,
    Question,
)
from index.retrieval import FOLLOWS, Candidate, Coverage
from index.text import OPENING_QUOTES, cased_words, words
from index.weights import Weights


def rank(index: Index, query: Query, candidates: list[Candidate], weights: Weights) -> list[Candidate]:
    """The candidates scored, best first."""
    q = query.question
    asked = set(q.words)
    value_re = VALUES.get(q.qtype)
    own_stems = query.own_stems()
    wanted = own_stems if weights.clause and value_re is not None else frozenset()
    outlets = set(q.outlets)
    wanted_reason = own_stems if q.qtype == REASON else frozenset()
    # (not a verb of a clause telling when: "ada korban jiwa gak waktu pipanya meledak?" asks
    # whether anyone died; "Tidak ada korban jiwa" settles it)
    timed = _in_time_clause(q.words) if q.qtype in (PERSON, YESNO) else frozenset()
    verbs = (
        [t for t in query.terms if t.verb and t.weight == 1.0 and t.known and t.word not in timed]
        if q.qtype == YESNO
        else []
    )
    # "ada korban jiwa di masjid?": what the question asks to be there ("korban jiwa").
    there = _there(q.words, index.stemmer.stem) if q.qtype == YESNO else frozenset()
    # Without a verb asked, what a settling sentence negates: the question's own words.
    own = own_stems if q.qtype == YESNO else frozenset()
    shared = yesno.negated(q.words, index.stemmer.stem) if q.qtype == YESNO else frozenset()
    # The verbs of a "who" question, whose doer is asked; not one of a clause telling when
    # ("Siapa korban terbaru saat status KLB ditetapkan?": who set the status is not asked).
    agents = (
        # (the question's own verbs: "siapa aja?" after "Berapa tersangka yang ditetapkan?"
        # asks who the suspects are, not who named them)
        frozenset(
            p
            for t in query.terms
            if t.verb and t.known and t.weight == 1.0 and t.word not in timed
            for p in (*t.parts, *t.equivalents)
        )
        if q.qtype == PERSON
        else frozenset()
    )
    if q.qtype == SAID:
        # "apa kata Azhar Mahmud soal hasil pleno KPU?": the speaker is named before what he
        # spoke of; a KPU official quoted on it is no answer; nor is the one spoken to ("What
        # did Kim say to Putin?": Putin's words are no answer)
        asked = _before_topic(q.words) - _spoken_to(q.words, index.name_words)
    # The names a "what did X say" question gives ("BMKG", "Hendarto"; not a role noun the
    # articles print capitalised, "Kepala", "Bupati"): who speaks must hold one.
    named = (
        frozenset(w for w in asked if w in index.name_words) - _ROLE_NOUNS if q.qtype == SAID else frozenset()
    )
    # (an office read from English word order may be a role noun alone: "the BMKG earthquake
    # chief"; then the names the question gives stand for the office)
    office = q.office if q.office - _ROLE_NOUNS else named
    holders: set[str] = set()
    designation: frozenset[str] = frozenset()
    if q.qtype == SAID and office and _ROLE_NOUNS & set(q.words):
        # "Apa kata Direktur RSUD Tanah Bayur?": the articles name the holder once ("Direktur
        # RSUD Tanah Bayur, dr. Fadli Arsyad, mengatakan ...") and quote him by name after
        # ("... kata Fadli"): his name is who is asked.
        holders = _holders(index, candidates, set(q.words), office)
    if q.qtype == SAID:
        # News writing names a speaker in full once and after by name alone ('"...," kata
        # Yusuf.') or by "-nya" ('"...," ujarnya.'): his words hold the words the question
        # designates him by, as the sentence introducing him does.
        designation = frozenset(p for t in query.terms if set(t.word.split()) & asked for p in t.parts)
        asked = asked | holders
        named = named | holders
    held_too = Coverage(query.terms, weights, index.bm25.idf) if designation else None
    named_places = _named_places(q.words, index.name_words)
    # "Berapa usia Rusdi Hamzah?": an age is of someone; the sentence giving it must name the
    # one asked (or point back to him), not only stand in a paragraph that does.
    whose = _whose_age(q.words, index.name_words) if q.asked_noun in AGE_NOUNS else frozenset()
    if whose:
        # "Berapa usia Rusdi, Pj Bupati Sukamaju?", "Berapa usia Pj Bupati Sukamaju, Rusdi?":
        # the name and the office are set apart by a comma; the office's place is no part of
        # his name
        whose = _whose_part(whose, q.text)
    aged = [t for t in query.terms if t.strong and set(t.word.split()) & whose]
    # (the person's own name: "Tanah Bayur" of "Rusdi Hamza, Pj Bupati Tanah Bayur" is none)
    whose_stems = frozenset(index.stemmer.stem(w) for w in whose)
    # The names of the body whose office a "who" question asks ("direktur PT Bumi Sagara").
    office_named = (
        [t for t in query.terms if t.strong and t.weight == 1.0 and set(t.word.split()) & q.office]
        if q.qtype == PERSON
        else []
    )
    # The noun whose name a "what" question asks: "universitas apa?", "apa nama percetakan ...?"
    kind_noun = q.asked_noun if q.category else ""
    if q.qtype == WHAT and q.wants_name and not kind_noun and q.language == "id":
        after = list(itertools.dropwhile(lambda w: w != "nama", q.words))[1:2]
        kind_noun = after[0] if after and after[0] in q.content else ""
    kind_noun = _as_searched(kind_noun, query)
    # "Lembaga apa yang mengelola dapur itu?": an outlet naming itself ("Sentana News belum
    # memperoleh tanggapan dari pengelola dapur ...") names no one and nothing asked about
    # (where its whole name stands: "Lombok" of "Tribun Lombok" is still an island).
    outlet_names = index.corpus.outlet_names if q.qtype in (PERSON, WHAT) else ()
    for c in candidates:
        sentence = index.sentences[c.sentence]
        facts = sentence.facts
        if named_places and _another_place(sentence.text, named_places):
            # "Sekolah apa di Kecamatan Sungai Pandan ...?": a sentence of "Kecamatan Batu
            # Lentera" tells of another place, as one lacking a name the question gives does.
            c.strong_missing += 1
        if q.qtype in (PERSON, SAID) or q.category:
            facts = _with_opening_name(facts, sentence.text, index.name_words)
        lower = sentence.text.lower() if outlet_names else ""
        itself = [w for name, name_words in outlet_names if name in lower for w in name_words]
        c.fit = fits_type(
            q.qtype,
            facts,
            asked.union(itself) if itself else asked,
            q.preposition,
            sentence.text,
            q.office,
            q.wants_name,
            q.asked_noun,
            q.category,
            named,
            kind_noun,
        )
        if held_too is not None and c.fit >= 1.0 and holders and _by_name_alone(sentence.text, holders):
            c.coverage = max(c.coverage, held_too(sentence.resolved | designation))
        if aged and whose_stems.isdisjoint(sentence.resolved):
            c.fit = 0.0  # "Nayla Putri, bocah berusia 6 tahun" is no age of Rusdi Hamzah
        if office_named and c.fit >= 1.0 and not any(t.found_in(sentence.resolved) for t in office_named):
            # "Who is the director of PT Bumi Sagara Plantation?": "Direktur ... BNPB, Bambang
            # Sulistyo" holds an office of another body than the one asked
            c.fit = _OTHER_HOLDER
        if verbs:
            # "dilarang terbang gak?": the sentence that settles a yes/no question tells its
            # happening ("Tidak ada larangan terbang"), not only its subject.
            c.fit = (
                1.0 if all(tells(t, sentence, index.stemmer.stem, index.name_words) for t in verbs) else 0.0
            )
            c.denies = (
                c.fit >= 1.0
                and yesno.lead(sentence.text, own, index.stemmer.stem, False, shared) == yesno.NO
                and not _NO_MORE.search(sentence.text)
            )
            if not c.fit and yesno.opposite_done(sentence.text, q.words, index.stemmer.stem):
                # "keluarganya menyetujui autopsi?": "keluarga Rizky menolak autopsi" tells
                # the opposite of the verb asked, of the same thing
                c.fit = 1.0
        elif q.qtype == YESNO:
            # "ada tsunami gak?": with no verb asked, the sentence negating what is asked
            # ("Tidak ada tsunami") settles it.
            c.fit = (
                1.0
                if yesno.lead(sentence.text, own, index.stemmer.stem, False, shared) == yesno.NO
                # "cederanya berat?": "cedera ringan" says the opposite
                or yesno.opposite(sentence.text, q.words)
                else 0.0
            )
            # It settles it in fewer of the question's words only where it denies the whole of
            # what is asked to be there ("Tidak ada korban jiwa" for "ada korban jiwa?"), not
            # "no more" of a part of it ("tidak ada lagi korban yang tertimbun").
            c.denies = c.fit >= 1.0 and there <= sentence.terms and not _NO_MORE.search(sentence.text)
        # "Siapa yang mengetuai TPF?": "TPF diketuai Prof. Ratna" names who does what is asked.
        c.doer = (
            bool(agents & sentence.terms)  # most sentences: no word of the verb's stem at all
            and c.fit >= 0.5
            and _doer_named(sentence.text, agents, index.stemmer.stem, index.name_words)
        )
        if c.announced and q.qtype in (REASON, MANNER):
            # The sentence after "Hendarto menjelaskan alasan X ...": the reason, as an
            # outright cause is; a step after "Ia menguraikan tahapannya.": the manner.
            c.fit = 1.0
        if q.qtype == SAID and c.fit < 1.0 and _said_by_the_one_before(index, c.sentence, asked, named):
            # 'Ia membantah kabar itu. "Tidak benar ...," tegasnya.': the one the sentence
            # before names speaks; that sentence is quoted with it.
            c.fit, c.follows = 1.0, True
            if held_too is not None:
                c.coverage = max(c.coverage, held_too(sentence.resolved | designation))
        c.score = (
            weights.sentence * c.coverage
            + weights.paragraph * c.around
            + weights.bm25 * c.bm25
            + weights.type_fit * c.fit
            - (weights.headline_penalty if sentence.headline else 0.0)
            + weights.lead * max(0.0, 1.0 - sentence.paragraph / weights.lead_depth)
            + (
                weights.clause * value_clause(sentence.text, wanted, value_re, index.stemmer.stem)
                # only where it may tell (a sentence that can answer), as it costs a reading
                if wanted
                and value_re is not None
                and c.fit > 0
                and c.support >= weights.relaxed * weights.min_coverage
                else 0.0
            )
        )
        if q.qtype == REASON and 0 < c.fit < 1.0 and wanted_reason:
            # "Kenapa asap terbawa ke Seranti?": "angin dari tenggara, sehingga asap terbawa ke
            # Seranti" states the cause of what is asked as outright as a "karena" does.
            c.fit = max(c.fit, _effect_told(sentence.text, wanted_reason, index.stemmer.stem))
        # "Apa kata Fredy soal tuduhan itu?": '"Kami tidak pernah ...," kata Fredy' is his own
        # words, in words of his own.
        c.own_words = q.qtype == SAID and c.fit >= 1.0 and bool(QUOTE_MARKS.search(sentence.text))
        c.named_outlet = bool(outlets) and index.corpus.articles[sentence.article].source.id in outlets
    if q.qtype in _VALUE_TYPES:
        _value_told_next(index, candidates, needed_fit(q), weights)
    if q.qtype == SAID:
        _quoted_after_report(index, candidates, weights)
    if outlets and q.form != COMPARE:
        # "Menurut Kompas, ...": Kompas's sentence is its account of the matter when it holds
        # nearly as much of the question as the best account of any outlet; one holding far
        # less is about something else, and Kompas does not report the matter. (Comparing
        # outlets the question names, each one's fullest statement is wanted, however worded.)
        best = max((c.support for c in candidates if eligible(c, query, weights)), default=0.0)
        for c in candidates:
            if c.named_outlet and c.support < weights.named_share * best:
                c.named_outlet = False
    # Sentences that can answer at all come first (they hold the names, figures and asked-for
    # value, and enough of the question); among them, those of an outlet the question names;
    # then body sentences before headlines; then, for "why", "how", "who", "what did X say"
    # and yes/no, those holding a reason, a means, a name, X's words or the happening asked;
    # then the score.
    tiered = q.qtype in _TIERED
    # "pengacaranya ngomong apa aja?": asked of nobody's words on a matter, X's own quoted
    # words are the answer however few of the question's words they hold.
    topicless = q.qtype == SAID and all(
        w in index.name_words or w in _SPEAKER_WORDS or w in q.office for w in q.content
    )
    offices = (
        frozenset(w for w in q.words if w in _ROLE_NOUNS) if q.qtype == PERSON and q.office else frozenset()
    )
    # "udah mulai belum?": what happened settles it, not what is to come; a question about
    # what is to come ("akan ...?") is settled by a plan.
    asks_done = q.qtype == YESNO and not yesno.ahead(q.text)
    # "Kapan KNKT akan merilis laporannya?", "When will ...?", "When is Kim leaving?": the
    # plan or schedule answers, not a past happening of the same words.
    asks_ahead = q.qtype in (DATE, TIME) and _asks_ahead(q.text)
    candidates.sort(
        key=lambda c: (
            -eligible(c, query, weights),
            -c.named_outlet,  # "Menurut Kompas, ...": that outlet's account first
            index.sentences[c.sentence].headline,  # a headline repeats the body in fewer words
            # "Why": a cause stated ("karena") before a purpose ("untuk").
            -(tiered and c.fit >= (1.0 if q.qtype == REASON else 0.5)),
            -c.doer,  # "who did it": a sentence naming the doer of the verb asked
            # "Siapa Ketua Badan Pengawas Pemilihan Umum ...?": the holder of that office before
            # one of another sharing some of its words
            -(bool(offices) and holds_office(index.sentences[c.sentence].text, offices, q.office)),
            # "how": the steps of the process told after the sentence announcing them ("...
            # dilakukan dalam dua tahap. Pertama, ..."), which is quoted before them as context
            -(q.qtype == MANNER and c.announced),
            # "why": a sentence giving the cause of what is asked itself ("lonjakan kasus
            # terjadi karena ...") before one whose "karena" may explain its own clause, taken
            # for the cause for standing after a sentence telling the happening
            -(q.qtype == REASON and c.fit >= 1.0 and (c.announced or not c.follows)),
            # "what did X say": X's own words before a sentence telling of them, where they
            # hold nearly as much of the question as an answer needs
            -(c.own_words and (topicless or c.support >= OWN_WORDS * weights.min_coverage)),
            asks_done and yesno.ahead(index.sentences[c.sentence].text),
            -(asks_ahead and yesno.ahead(index.sentences[c.sentence].text)),
            -c.score,
            c.sentence,
        )
    )
    return candidates


_DATE_VALUE = re.compile(
    r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b|\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|\bpukul\s+\d|\b\d{1,2}\s+"
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b"
)
# A figure, not a date's day or month ("Pada 8 September, 12 warga dirawat": the 12).
_FIGURE_VALUE = re.compile(
    r"(?<![\d/(])\d[\d.,]*(?![\d/])(?!\s+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
    r"September|Oktober|November|Desember)\b)"
)
VALUES = {DATE: _DATE_VALUE, TIME: _DATE_VALUE, NUMBER: _FIGURE_VALUE}


# A quotation closed and said by "-nya" ('..., tegasnya.', '..., ujarnya.').
# "Menurut dia, kerugian pedagang bisa ...": the one the sentence before names, reported.
_ACCORDING_TO_HIM = re.compile(
    r"(?:Namun,?\s+|Sementara itu,?\s+)?Menurut (?:dia|ia|beliau|mereka),", re.IGNORECASE
)
_SAID_BY_PRONOUN = re.compile(rf"[\"”]\s+(?:{'|'.join((*SAYING_ROOTS, 'aku', 'lanjut', 'pungkas'))})nya\b")


_PLACE_KINDS = words_of("place_nouns") - {
    "jalan",
    "kantor",
    "rumah_sakit",
    "wilayah",
    "kawasan",
    "perairan",
    "laut",
}


# Words opening a clause that tells when what is asked happened.
_TIME_CLAUSE = frozenset(
    {"saat", "ketika", "sewaktu", "waktu", "sejak", "setelah", "sesudah", "sebelum", "selama"}
)


def _in_time_clause(words: tuple[str, ...]) -> frozenset[str]:
    """The words of a clause of time that closes the question ("siapa korban terbaru saat
    status KLB ditetapkan?"): after its opening word, where two words or more of the question
    come before it, and no "saat itu", "sejak awal", which tell when the main verb happened."""
    for i, w in enumerate(words):
        if w in _TIME_CLAUSE and i >= 2 and _MAIN_CLAUSE_TIME.isdisjoint(words[i + 1 : i + 2]):
            return frozenset(words[i + 1 :])
    return frozenset()


_MAIN_CLAUSE_TIME = frozenset({"itu", "ini", "awal", "tersebut"})


def _named_places(words: tuple[str, ...], names: frozenset[str]) -> dict[str, str]:
    """The places the question names by their kind: "kecamatan" -> "sungai" of "di Kecamatan
    Sungai Pandan" (the first word of the name, lowercase)."""
    return {
        word: after for word, after in itertools.pairwise(words) if word in _PLACE_KINDS and after in names
    }


def _another_place(text: str, named: dict[str, str]) -> bool:
    """True when the sentence names a place of a kind the question names ("Kecamatan") by
    another name, and nowhere the question's own."""
    cased = cased_words(text)
    tokens = [t.lower() for t in cased]
    found = False
    for i, word in enumerate(tokens[:-1]):
        wanted = named.get(word)
        if wanted is None or not cased[i + 1][0].isupper():
            continue  # "masjid tersebut" names no other mosque
        if tokens[i + 1] == wanted:
            return False
        found = True
    return found and not any(name in tokens for name in named.values())


def _whose_age(words: tuple[str, ...], name_words: frozenset[str]) -> frozenset[str]:
    """The name whose age a question asks: the one right after the word for an age ("usia
    Rusdi Hamzah") or right before it ("rusdi hamzah umurnya brp?"), not a place ("sopir bus
    di Cipularang umurnya brp?", "usia korban gempa Cianjur")."""
    at = next((i for i, w in enumerate(words) if w in AGE_NOUNS), None)
    if at is None:
        return frozenset()
    after = list(itertools.takewhile(lambda w: w in name_words, words[at + 1 :]))
    if after:
        return frozenset(after)
    before = list(itertools.takewhile(lambda w: w in name_words, reversed(words[:at])))
    opener = words[at - len(before) - 1] if at - len(before) - 1 >= 0 else ""
    return frozenset(before) if before and opener not in _PLACE_PREPOSITIONS else frozenset()


_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "menuju", "dekat", "sekitar"})
_APPOSITION = re.compile(r"[,;:()]")


def _whose_part(whose: frozenset[str], text: str) -> frozenset[str]:
    """Of the name words whose age is asked, those of the person, where a comma sets the
    name apart from an office ("usia Rusdi, Pj Bupati Sukamaju", "usia Pj Bupati Sukamaju,
    Rusdi Hamzah"): the part that does not open with a role or a title."""
    parts = [words(part) for part in _APPOSITION.split(text.lower())]
    holding = [part for part in parts if whose.intersection(part)]
    person = [part for part in holding if next(w for w in part if w in whose) not in _OFFICE_OPENERS]
    chosen = person or holding
    return whose.intersection(chosen[0]) if chosen else whose


def _as_searched(word: str, query: Query) -> str:
    """The question's word as the query searches it, a typo corrected ("univeristas":
    "universitas"); "" when no term is that word."""
    if not word:
        return ""
    searched = [t.word for t in query.terms if len(t.parts) == 1]
    if word in searched:
        return word
    near = [w for w in searched if OSA.distance(w, word) <= 2 and w[:1] == word[:1]]
    return near[0] if len(near) == 1 else ""


# The words a paragraph's first sentence opens on, where news writing names its subject
# ("Bupati Kepulauan Rantau Biru Saharuddin Lamakarate berjanji ...").
_SUBJECT_WORDS = 6


def _speaks(told_by: Set[str], asked: Set[str], named: Set[str]) -> bool:
    """True when the words telling who speaks name the one asked: not only by a role noun
    when the question gives a name ("the head of the organisers' association" is no "Kepala
    Dispora")."""
    hit = told_by & asked
    return bool(hit) and not (hit <= _ROLE_NOUNS and named and named.isdisjoint(told_by))


def quote_speaker(index: Index, number: int) -> tuple[int, frozenset[str], bool] | None:
    """For a quotation said by "-nya" ('"...," ujarnya.') or reported speech opened by "Menurut
    dia,": the sentence before it that tells who speaks, the words naming him there, and
    whether those are only the words its paragraph opens on ("Bupati X berjanji ..." with no
    verb of saying); None when there is none.

    The sentence just before it in its paragraph tells (as speaker, or as whom its pronoun
    stands for); where it names nobody and the quote is in quotation marks, the nearest
    sentence up to three back that quotes someone, or else the paragraph's opening: news
    writing goes on quoting one speaker. A quoted paragraph of its own speaks in the words of
    whoever the paragraph before it quotes."""
    sentence = index.sentences[number]
    if number == 0 or not (_SAID_BY_PRONOUN.search(sentence.text) or _ACCORDING_TO_HIM.match(sentence.text)):
        return None
    before = index.sentences[number - 1]
    quoted = bool(QUOTE_MARKS.search(sentence.text))
    if before.passage != sentence.passage:
        if not quoted or before.article != sentence.article:
            return None
        return number - 1, speakers(before.text), False
    told_by = speakers(before.text) | (before.resolved - before.terms)
    if told_by or not quoted:
        return number - 1, told_by, False
    for earlier in range(number - 1, max(-1, number - 4), -1):
        opening = index.sentences[earlier]
        if opening.passage != sentence.passage:
            break
        told_by = speakers(opening.text)
        if told_by:
            return earlier, told_by, False
        if earlier == 0 or index.sentences[earlier - 1].passage != opening.passage:
            return earlier, frozenset(words(opening.text.lower())[:_SUBJECT_WORDS]), True
    return None


def _said_by_the_one_before(
    index: Index, number: int, asked: Set[str], named: Set[str] = frozenset()
) -> bool:
    """True when a sentence is a quotation said by "-nya", or reported speech opened by
    "Menurut dia,", of one of `asked` (see `quote_speaker`). A paragraph's opening words name
    him only by the office asked ("Bupati ..."), not by a place they share with it ("Pedagang
    pasar Desa Suka Maju" is no "Kepala Desa Suka Maju")."""
    found = quote_speaker(index, number)
    if found is None:
        return False
    _, told_by, opening = found
    if opening and not told_by & asked & _ROLE_NOUNS:
        return False
    return _speaks(told_by, asked, named)


def _there(words: tuple[str, ...], stem: Callable[[str], str]) -> frozenset[str]:
    """The stem of what a yes/no question asks to be there: the head noun after its "ada"
    ("ada korban jiwa di masjid?": korban; "ada pemain judi online yang ...?": pemain); none
    without "ada"."""
    if "ada" not in words:
        return frozenset()
    after = words[words.index("ada") + 1 :][:1]
    return frozenset(stem(w) for w in after if w not in _THERE_ENDS)


# What ends the thing a question asks to be there: a preposition, "yang", a question tag.
_THERE_ENDS = frozenset(
    {
        "di",
        "ke",
        "dari",
        "pada",
        "dalam",
        "saat",
        "ketika",
        "yang",
        "gak",
        "nggak",
        "tidak",
        "belum",
        "ga",
        "enggak",
    }
)
# "tidak ada lagi ...", "tak lagi ...": no more of it, which says there was some.
_NO_MORE = re.compile(r"\b(?:tidak|tak|belum)\s+(?:ada\s+)?lagi\b", re.IGNORECASE)


def _quoted_after_report(index: Index, candidates: list[Candidate], weights: Weights) -> None:
    """'Humas PT BSP, Fredy Simanjuntak, membantah ... lahan.' then '"Kami tidak pernah
    ...," kata Fredy.': the words quoted are the asked one's, on the matter the report before
    them names (`_report_before_quote`), when that report answers: they hold its coverage a
    little less, and it is quoted with them."""
    by_sentence = {c.sentence: c for c in candidates}
    for c in candidates:
        told = by_sentence.get(_report_before_quote(index, c.sentence))
        if told is None or told.fit < 1.0 or FOLLOWS * told.coverage <= c.coverage:
            continue
        carried = FOLLOWS * told.coverage
        c.score += weights.sentence * (carried - c.coverage) + weights.type_fit * (1.0 - c.fit)
        c.coverage, c.fit, c.follows, c.own_words = carried, 1.0, True, True


def _report_before_quote(index: Index, number: int) -> int:
    """For a sentence quoting someone's words, the sentence just before it in its article (at
    most `_REPORT_BACK` back, past the sentences in between that go on by "dia", "-nya")
    that reports what the same one said ("Humas PT BSP, Fredy, membantah ... . Menurut dia,
    ... ." then '"Kami tidak ...," kata Fredy.'). -1 when there is none."""
    sentence = index.sentences[number]
    if not sentence.text or sentence.text[0] not in OPENING_QUOTES:
        return -1
    quoted_by = speakers(sentence.text)
    pronoun = bool(_SAID_BY_PRONOUN.search(sentence.text))
    for back in range(number - 1, max(-1, number - 1 - _REPORT_BACK), -1):
        before = index.sentences[back]
        if before.article != sentence.article or before.headline:
            return -1
        told_by = speakers(before.text)
        # (the speaker may stand in apposition: "Humas PT BSP, Fredy Simanjuntak, membantah")
        if told_by and (quoted_by & set(words(before.text.lower())) or pronoun):
            return back
        if not _GOES_ON_BY_PRONOUN.search(before.text):
            return -1
    return -1


# How far back past sentences going on by "dia" the report of a quote may stand.
_REPORT_BACK = 3
_GOING_ON_VERBS = pattern("going_on_verbs")
_GOES_ON_BY_PRONOUN = re.compile(
    rf"\b(?:menurut (?:dia|ia|beliau)|(?:dia|ia|beliau) (?:{_GOING_ON_VERBS}))\b|{_SAID_BY_PRONOUN.pattern}",
    re.IGNORECASE,
)


def _by_name_alone(text: str, holders: Set[str]) -> bool:
    """True when the sentence's speaker is named by words of the holder's name alone ("kata
    Yusuf"), not by an office of his own ("Ketua KPU Pulau Rangkai Abdul Gafur" shares only
    the place with "Pj Bupati Pulau Rangkai")."""
    told = speakers(text)
    return bool(told) and told <= holders


def _holders(index: Index, candidates: list[Candidate], words: set[str], office: frozenset[str]) -> set[str]:
    """The lowercase name words of whoever the candidates name as holding the office the
    question names (its role noun and the unit after it: "direktur" of "RSUD Tanah Bayur")."""
    roles = _ROLE_NOUNS & words
    found: set[str] = set()
    for c in candidates:
        sentence = index.sentences[c.sentence]
        if not sentence.facts.roles:
            continue
        for role, names, _ in role_holders(sentence.text, True):
            if role in roles and office <= names:
                found |= names - office - words
    return found


def value_clause(
    text: str, wanted: Set[str], value: re.Pattern[str], stem: Callable[[str], str], every: bool = False
) -> float:
    """The share of `wanted` stems in the clause that holds the sentence's first value (with
    `every`, the most of any value's clause: "Polisi mengerahkan 850 personel dan mengamankan
    12 orang" holds "amankan" in the clause of its second figure)."""
    if every:
        return max((_clause_share(text, found, wanted, stem) for found in value.finditer(text)), default=0.0)
    found = value.search(text)
    if found is None:
        return 0.0
    return _clause_share(text, found, wanted, stem)


def _clause_share(text: str, found: re.Match[str], wanted: Set[str], stem: Callable[[str], str]) -> float:
    """The share of `wanted` stems in the clause around one value found in the text."""
    breaks = list(CLAUSE_BREAK.finditer(text, 0, found.start()))
    starts = [0] + [m.end() for m in breaks]
    end = CLAUSE_BREAK.search(text, found.end())
    at = len(starts) - 1
    # "... lepas landas dari Bandara Sultan Mahmud Alam, Tanjung Seruni, pada pukul 06.12":
    # a time or place adjunct after a comma, or a name in apposition, belongs to the clause
    # before it.
    while at > 0 and breaks[at - 1].group().startswith(",") and _ATTACHED.match(text, starts[at]):
        at -= 1
    clause = text[starts[at] : end.start() if end else len(text)]
    return len(wanted & {stem(w) for w in words(clause)}) / len(wanted)


# What opens a comma-separated adjunct or appositive: a preposition of time or place, or
# a capitalised name ending at the next comma.
_ATTACHED = re.compile(
    r"\s*(?:(?:pada|sekitar|sejak|hingga|sampai|pukul|di|dari|ke|tadi|kemarin)\b|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,)"
)


# Words after which a sentence tells an effect of what it told before ("A, sehingga X").
_EFFECT_AFTER = re.compile(r"(?i)\b(?:sehingga|akibatnya|menyebabkan|memicu|maka)\b")


def _effect_told(text: str, wanted: Set[str], stem: Callable[[str], str]) -> float:
    """1.0 when most of `wanted` stems come after the sentence's first word that introduces an
    effect ("sehingga", "akibatnya"): its cause is told before it; else 0.0."""
    effect = _EFFECT_AFTER.search(text)
    if effect is None:
        return 0.0
    side = {stem(w) for w in words(text[effect.end() :].lower())}
    return 1.0 if len(wanted & side) >= max(1, 0.5 * len(wanted)) else 0.0


# The share of an answer's coverage X's quoted words need to come before a sentence telling of
# them (chosen on the tuning split; 0.8 let a quote on another matter come first).
OWN_WORDS = 0.9
# A question about what is to come: "When will ...?", "When is Kim leaving?" (not "When is
# the hearing?"); Indonesian "akan"/"bakal", unless it is what somebody said they would do
# ("Kapan Budi menyatakan akan mundur?" asks when he said it) or a "bakal calon".
_SAYING = words_of("speech_verbs") | words_of("speech_question")
# The words of saying and the nouns of what is said ("kata", "bilang", "pernyataan").
_SAYING_OR_SPEECH = _SAYING | words_of("speech_nouns")
_ARTICLES = frozenset({"the", "a", "an"})


def _asks_ahead(text: str) -> bool:
    tokens = words(text.lower())
    for i, t in enumerate(tokens[:-1]):
        if t == "when" and tokens[i + 1] == "will":
            return True
        if t == "when" and tokens[i + 1] in {"is", "are"}:
            # "is ... leaving": a verb in -ing, not a noun after an article ("the hearing")
            rest = tokens[i + 2 :]
            return any(
                w.endswith("ing") and k > 0 and rest[k - 1] not in _ARTICLES for k, w in enumerate(rest)
            )
    # Indonesian: English asks ahead only after "when" ("When did he say he will ...?" does not).
    return any(
        t != "will" and yesno.future_at(tokens, i) and not (i > 0 and tokens[i - 1] in _SAYING)
        for i, t in enumerate(tokens)
    )


_TOKENS = re.compile(r"[\w'’-]+")
_NOT_DOERS = words_of("days") | words_of("months")
# What may stand between a passive and its doer: "oleh", a title ("diketuai oleh Prof. Ratna").
_BEFORE_DOER = words_of("passive_agent") | words_of("name_titles")


def _doer_named(text: str, verbs: Set[str], stem: Callable[[str], str], names: frozenset[str]) -> bool:
    """True when a name stands as the doer of one of the verbs: right after its passive
    ("dipimpin dr. Ratna", "diketuai oleh Prof. Ratna") or right before its active form
    ("Rusdi Hamzah menetapkan"). A name is a word the articles write capitalised mid-sentence
    (`names`), never a day or a month ("ditangkap Minggu" dates the arrest)."""
    tokens = _TOKENS.findall(text)

    def named(word: str) -> bool:
        lower = word.lower()
        return word[:1].isupper() and lower in names and lower not in _NOT_DOERS

    for i, token in enumerate(tokens):
        if not token[:1].islower() or stem(token.lower()) not in verbs:
            continue
        if token.startswith("di"):
            after = [t for t in tokens[i + 1 : i + 4] if t.lower() not in _BEFORE_DOER]
            # not a sum ("ditaksir Rp 5 miliar")
            if after and named(after[0]) and not (len(after) > 1 and after[1][:1].isdigit()):
                return True
        elif token.startswith(("me", "ber")) and i > 0 and named(tokens[i - 1]):
            return True  # an active verb, not a noun of its root ("pembentukan")
    return False


def tells(verb: Term, sentence: Sentence, stem: Callable[[str], str], names: frozenset[str]) -> bool:
    """True when a word of the sentence that is no name has the verb's stem, or an
    equivalent's ("larangan" for "dilarang"; the place "Batu Larang" is no ban). A capital
    opening a sentence, or a headline's, says nothing: the articles' own use of the word does."""
    wanted = set(verb.parts) | verb.equivalents | verb.alternatives
    if wanted.isdisjoint(sentence.terms):
        return False  # most candidates: no word of that stem at all
    for word in cased_words(sentence.text):
        lower = word.lower()
        if (word[:1].islower() or lower not in names) and stem(lower) in wanted:
            return True
    return False


def _with_opening_name(facts: Facts, text: str, name_words: frozenset[str]) -> Facts:
    """The facts with the sentence's first word among its names when the articles write that
    word capitalised mid-sentence too ("Putin pun menjadi ..."): a sentence read alone
    cannot tell a name from a capital that only opens it, the corpus can."""
    opening = cased_words(text)[:1]
    first = opening[0].lower() if opening else ""
    if first in name_words and first not in facts.names:
        return facts._replace(names=(first, *facts.names))
    return facts


# The kinds of value a sentence may give right after the sentence naming what it is of.
_VALUE_TYPES = frozenset({DATE, TIME, NUMBER, MEASURE, DURATION})


def _value_told_next(index: Index, candidates: list[Candidate], needed: float, weights: Weights) -> None:
    """A value told in the sentence after the one that names what it is of ("Perputaran uang
    jaringan judi online ... ternyata lebih besar dari perkiraan awal polisi. Hasil analisis
    PPATK mencatat perputaran dana mencapai Rp 12,4 miliar."): that sentence holds what the
    one before says, a little less, and is quoted after it."""
    by_sentence = {c.sentence: c for c in candidates}
    for c in candidates:
        before = by_sentence.get(c.sentence - 1)
        if before is None or c.follows or not c.holds_asked or c.fit < needed or before.fit >= needed:
            continue
        if index.sentences[before.sentence].passage != index.sentences[c.sentence].passage:
            continue
        carried = FOLLOWS * before.coverage
        if before.coverage >= weights.min_coverage and carried > c.coverage:
            c.score += weights.sentence * (carried - c.coverage)
            c.coverage, c.follows = carried, True


_ROLE_NOUNS = words_of("role_nouns")
# The words an office opens with, typed before or after the name it is set apart from.
_OFFICE_OPENERS = _ROLE_NOUNS | words_of("name_titles") | {"pj", "plt", "penjabat"}
# How fully the holder of a like office of another body answers "who holds this one": as a
# sentence naming someone besides the role asked does (evidence.fits_type).
_OTHER_HOLDER = 0.3
# The words that may name who speaks, or that they speak: a "what did X say" question of
# these alone names no matter.
_SPEAKER_WORDS = (
    _ROLE_NOUNS | words_of("person_nouns") | words_of("speech_question") | words_of("name_titles")
)
# Question types whose answer is a kind of statement more than a kind of value.
_TIERED = frozenset({REASON, MANNER, SAID, PERSON, YESNO})


def _spoken_to(words: tuple[str, ...], name_words: frozenset[str]) -> set[str]:
    """The name a "what did X say" question gives after "ke"/"kepada" ("apa kata Putin kepada
    Kim", "putin ngomong apa aja ke kim?"): whom X spoke to."""
    found: set[str] = set()
    for i, word in enumerate(words):
        if word in {"ke", "kepada"}:
            found.update(itertools.takewhile(lambda w: w in name_words, words[i + 1 :]))
    return found


def _before_topic(words: tuple[str, ...]) -> set[str]:
    """The words of a "what did X say about Y" question that name X: those before what it is
    about ("apa kata Azhar soal hasil pleno?"), or, where the topic comes first ("kalau soal
    hasil pleno KPU, Azhar Mahmud bilang apa?"), the two on either side of the word of saying."""
    for i, word in enumerate(words):
        if word in TOPIC_MARKERS:
            if i > 1 and not _SAYING_OR_SPEECH.isdisjoint(words[:i]):
                return set(words[:i])
            said = next((j for j in range(i + 1, len(words)) if words[j] in _SAYING_OR_SPEECH), None)
            if said is None:
                return set(words)
            return set(words[max(i + 1, said - 2) : said + 3]) - _SAYING_OR_SPEECH
    return set(words)


def eligible(c: Candidate, query: Query, weights: Weights) -> bool:
    """True when a candidate can answer the question on its own (see `answers`).

    Some sentences may answer with less of the question's words (`weights.relaxed` of the
    coverage): the account of an outlet the question names, which may put it in other words;
    for "why", a sentence stating a cause outright ("karena ..."), which seldom repeats the
    whole happening it explains; and for "how", one stating the means or method ("melalui
    sidik jari", "dengan menumpangi kereta"), for the same reason; and for "who", one naming the
    doer of the verb asked ("TPF itu diketuai Prof. Ratna"), which may name the rest briefly.
    """
    q = query.question
    if c.named_outlet or (q.qtype in (REASON, MANNER) and c.fit >= 1.0) or c.doer or c.own_words or c.denies:
        return in_other_words(c, query, weights)
    return _eligible(c, weights.min_coverage, needed_fit(q))


def in_other_words(c: Candidate, query: Query, weights: Weights) -> bool:
    """True when a candidate can answer in other words than the question's: holding
    `weights.relaxed` of the coverage one answer needs, and everything else (the value
    asked, the rare names and figures, the asked kind of fact). Another outlet's account,
    a named outlet's, an outright cause."""
    q = query.question
    return _eligible(c, weights.relaxed * weights.min_coverage, needed_fit(q))


def needed_fit(q: Question) -> float:
    """How fully a sentence must hold the kind of fact this question asks (`required_fit`,
    with what the question's words tell: a name asked, a process asked)."""
    return required_fit(q.qtype, q.wants_name, asks_process(q.words))


def _eligible(c: Candidate, coverage: float, needed: float) -> bool:
    return c.support >= coverage and c.holds_asked and not c.strong_missing and c.fit >= needed


def answers(query: Query, ranked: list[Candidate], weights: Weights) -> bool:
    """True when the best candidate answers the question.

    The articles do not answer when a strong term of the question (a name, a figure, the
    value asked for) is used by none of them, or when no sentence can answer on its own:
    one holding enough of the question, the value asked for and the asked kind of fact (a
    date for "kapan", a name for "siapa nama"), in a paragraph holding the rare names and
    figures the question gives. Ranking put such sentences first, so the first one tells.
    """
    if query.unknown_strong():
        return False
    return bool(ranked) and eligible(ranked[0], query, weights)
