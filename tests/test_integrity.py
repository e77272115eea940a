"""Citation integrity over every answer of every evaluation set: a quote cited to several
outlets is stated by each of them, figures and dates included, and a reported disagreement
is about one event (the same happening dated or counted differently)."""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from functools import cache
from pathlib import Path

import pytest
from small_corpus import write_corpus

from index.answerer import Answerer
from index.answers import Answer, Kind
from index.closed_class import words_of
from index.evaluation import load_items, load_suite
from index.evidence import counts, read_facts
from index.model import Sentence
from index.text import words

ROOT = Path(__file__).resolve().parent.parent
SETS = load_suite(ROOT / "tests" / "eval" / "suite.toml")


@cache
def _answerer(corpus: Path) -> Answerer:
    return Answerer.load(corpus)


@cache
def _answers(name: str) -> tuple[Answerer, list[Answer]]:
    evalset = next(s for s in SETS if s.name == name)
    answerer = _answerer(evalset.corpus)
    return answerer, [answerer.answer(item.question) for item in load_items(evalset.questions)]


def _lead(answerer: Answerer, quote: str) -> Sentence:
    """The indexed sentence a quote ends with (its lead sentence)."""
    return max((s for s in answerer.index.sentences if quote.endswith(s.text)), key=lambda s: len(s.text))


def _sentences_of(answerer: Answerer, source_id: str) -> list[str]:
    index = answerer.index
    return [s.text for s in index.sentences if index.corpus.articles[s.article].source.id == source_id]


@pytest.mark.parametrize("name", [s.name for s in SETS])
def test_a_quote_cited_to_several_outlets_is_stated_by_each(name: str) -> None:
    answerer, answers = _answers(name)
    for answer in answers:
        for quote in (*answer.sentences, *answer.more):
            if len(quote.sources) < 2:
                continue
            values = read_facts(quote.text).values
            for source in quote.sources:
                # Some sentence of that outlet carries exactly the quote's figures and dates.
                assert any(read_facts(t).values == values for t in _sentences_of(answerer, source)), (
                    f"{answer.question!r}: {quote.text!r} is cited to {source}, which prints other figures"
                )


_HAPPENING = words_of("happening_verbs")


def _paragraph_terms(answerer: Answerer, sentence: Sentence) -> frozenset[str]:
    passage = answerer.index.passages[sentence.passage]
    return frozenset().union(*(answerer.index.sentences[n].resolved for n in passage.sentences))


def _article_terms(answerer: Answerer, sentence: Sentence) -> frozenset[str]:
    return frozenset().union(*(s.resolved for s in answerer.index.sentences if s.article == sentence.article))


def _named(answerer: Answerer, term) -> bool:
    return term.word[:1].isdigit() or all(p in answerer.index.name_words for p in term.parts)


@pytest.mark.parametrize("name", [s.name for s in SETS])
def test_a_disagreement_is_about_one_event(name: str) -> None:
    answerer, answers = _answers(name)
    for answer in answers:
        for disagreement in answer.disagreements:
            # Each value stands in a quote cited to exactly its outlets (a "Dia ..." quote
            # comes after its context sentence, which is not the one compared).
            (value_a, ids_a), (value_b, ids_b) = disagreement.values
            quotes = [q for q in answer.sentences if not q.context]
            quote_a = next((q for q in quotes if q.sources == ids_a and value_a in q.text), None)
            quote_b = next((q for q in quotes if q.sources == ids_b and value_b in q.text), None)
            assert quote_a and quote_b, f"{answer.question!r}: {disagreement} names a value no quote shows"
            lead_a = _lead(answerer, quote_a.text)
            lead_b = _lead(answerer, quote_b.text)
            verbs_a = answerer.composer.predicates(lead_a)
            # Comparing outlets on a count ("sepakat soal jumlah warga?"): both count it, in
            # digits or in words, by its noun or by the classifier that counts it ("orang").
            counted = {answerer.queries.read(answer.question).asked_noun, *words_of("count_classifiers")}
            both_count = answer.kind is Kind.COMPARISON and all(
                any(thing in counted for thing, *_ in counts(lead.text)) for lead in (lead_a, lead_b)
            )
            # Or both tell every word of the question before the value, with no "tetapi",
            # "namun", "sedangkan" or ";" between ("pesawat lepas landas ... pada pukul 06.12"
            # against "... pukul 06.10"; not "Jadwal semula pukul 06.00, tetapi ... lepas landas").
            query = answerer.queries.build(answerer.queries.read(answer.question), None)
            whole = query.own_stems()
            stem = answerer.index.stemmer.stem
            both_whole = len(whole) >= 2 and all(
                _told_before(lead.text, value, whole, stem)
                for lead, value in ((lead_a, value_a), (lead_b, value_b))
            )
            # Or both tell each word of the question the articles use that is no name, in
            # some wording ("operasi tangkap tangan pada Kamis" and "... pada Jumat" for "when
            # did the sting take place", "mengembuskan napas terakhir" for "meninggal"), the
            # sentence itself or, for a noun, its paragraph ("the girl Nayla Putri": "Nayla
            # Putri, bocah perempuan ..." opens the paragraph whose next sentence dates her death).
            # A verb that only says it took place ("digelar") tells no happening of its own.
            told = [
                t
                for t in query.terms
                if t.known and t.weight == 1.0 and not _named(answerer, t) and t.word not in _HAPPENING
            ]
            # Asked to compare the outlets, a noun the article names elsewhere will do ("Penetapan
            # tersangka diumumkan ... Kamis" of the captain the article is about): the verbs
            # still tell the happening in both.
            around = _article_terms if answer.kind is Kind.COMPARISON else _paragraph_terms
            both_told = bool(told) and all(
                t.found_in(lead.terms) or (not t.verb and t.found_in(around(answerer, lead)))
                for t in told
                for lead in (lead_a, lead_b)
            )
            assert both_count or both_whole or both_told or verbs_a & lead_b.predicates, (
                f"{answer.question!r}: {disagreement} compares two happenings"
            )
            assert value_a != value_b


def test_departure_and_arrival_dates_are_not_a_disagreement(answerer: Answerer) -> None:
    # kumparan dates the departure from Pyongyang (Rabu 23/4), DW the arrival in Khasan
    # (Rabu 24/4): two happenings, not one dated twice.
    answer = answerer.answer("Kapan Kim tiba di Pyongyang?")
    assert not [d for d in answer.disagreements if d.what == "date"]


def test_outlets_printing_different_tolls_are_never_one_quote(tmp_path: Path) -> None:
    # Two outlets share a long attribution clause but report different death tolls.
    said = "kata Kepala BPBD Kabupaten Lembah Hijau, Andi Saputra, di kantornya, Selasa (4/3/2025)."
    toll = "Korban tewas banjir bandang di Desa Sukamaju bertambah menjadi {} orang, " + said
    write_corpus(
        tmp_path,
        "Banjir bandang (contoh)",
        [("a", "Kabar A", "2025-03-04", toll.format(12)), ("b", "Kabar B", "2025-03-04", toll.format(15))],
    )
    answer = Answerer.load(tmp_path).answer("Berapa korban tewas banjir bandang di Sukamaju?")
    assert answer.answered
    assert all(len(q.sources) == 1 for q in answer.sentences)
    shown = " ".join(q.text for q in answer.sentences)
    assert "12 orang" in shown and "15 orang" in shown
    assert answer.disagreements and answer.disagreements[0].what == "number"


def _told_before(text: str, value: str, stems: Set[str], stem: Callable[[str], str]) -> bool:
    """True when every stem comes before `value` in `text`, in its own part of the sentence."""
    at = text.find(value)
    if at < 0:
        return False
    part = re.split(r"\b(?:tetapi|namun|sedangkan)\b|;", text[:at])[-1]
    return stems <= {stem(w) for w in words(part)}


def test_sentences_opening_with_menurut_share_no_happening(tmp_path: Path) -> None:
    # "Menurut X, ..." is "according to X": two outlets' sentences opening so tell of no one
    # happening, and the cooking time of one is no other figure for the serving time of the other.
    cooked = (
        "SUKAMAJU - Menurut dia, proses memasak dimulai pukul 02.00 WITA di dapur umum, Senin (13/10/2025)."
    )
    served = (
        "SUKAMAJU - Menurut Marlina, makanan dari dapur umum dibagikan di sekolah sekitar pukul "
        "11.00 WITA, Senin (13/10/2025)."
    )
    write_corpus(
        tmp_path,
        "Keracunan makanan sekolah (contoh)",
        [
            ("a", "Warta A", "2025-10-13", "Dapur Mulai Memasak Dini Hari\n\n" + cooked),
            ("b", "Kabar B", "2025-10-13", "Makanan Dibagikan Siang\n\n" + served),
        ],
    )
    answer = Answerer.load(tmp_path).answer("Apakah media sepakat soal jam dapur mulai memasak?")
    assert not [d for d in answer.disagreements if d.what == "time"]
