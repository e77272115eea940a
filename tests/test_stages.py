"""The engine's stages one by one on a small corpus written here: search terms and how much
their absence says (query), candidates and the decision to answer (retrieval, ranking),
quotes and citations (composing)."""

from __future__ import annotations

# ruff: noqa: E501  (the articles are written one paragraph a line, as collected)
from pathlib import Path

import pytest

from index.answerer import Answerer
from index.ranking import answers, rank
from index.retrieval import retrieve
from index.weights import Weights

ARTICLE_A = """Kapal Tenggelam di Selat Karimun, 12 Penumpang Hilang

KARIMUN, KABARLAUT.com - Kapal motor KM Sinar Bahari tenggelam di Selat Karimun pada Senin (7/4/2025) sekitar pukul 14.30 WIB.
Kepala Kantor SAR Karimun, Budi Santoso, mengatakan kapal itu membawa 48 penumpang.
Sebanyak 36 penumpang selamat, sementara 12 penumpang masih dicari.
Menurut Budi, kapal tenggelam karena dihantam gelombang setinggi tiga meter.
Pencarian dihentikan pukul 18.00 WIB karena gelap dan akan dilanjutkan Selasa pagi.
"""

ARTICLE_B = """Karimun (Warta Pesisir) - Tim SAR gabungan menemukan dua jenazah penumpang KM Sinar Bahari pada Selasa (8/4/2025).
Dengan temuan itu, jumlah korban meninggal menjadi dua orang dan sepuluh penumpang masih hilang.
Kapal berangkat dari Pelabuhan Tanjung Balai menuju Pulau Sentigi pada Senin siang.
Bupati Karimun, Sari Wulandari, meminta warga tidak berlayar selama cuaca buruk.
"""

SOURCES = """[event]
title = "Kapal tenggelam di Selat Karimun (contoh)"

[[article]]
id = "kabarlaut"
file = "a.txt"
outlet = "Kabar Laut"
title = "Kapal Tenggelam di Selat Karimun, 12 Penumpang Hilang"
published = 2025-04-07

[[article]]
id = "pesisir"
file = "b.txt"
outlet = "Warta Pesisir"
title = ""
published = 2025-04-08
"""


@pytest.fixture(scope="module")
def ship(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("kapal")
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "sources.toml").write_text(SOURCES, encoding="utf-8")
    return Answerer.load(folder)


def _terms(answerer: Answerer, text: str) -> dict[str, object]:
    query = answerer.queries.build(answerer.queries.read(text), None)
    return {t.word: t for t in query.terms}


def test_names_and_figures_are_strong_ordinary_words_weak(ship: Answerer) -> None:
    terms = _terms(ship, "Berapa penumpang kapal di Selat Karimun yang selamat?")
    assert terms["selat karimun"].strong  # type: ignore[attr-defined]
    assert not terms["kapal"].strong  # type: ignore[attr-defined]
    # An ordinary word the articles never use is weak: it does not decline the question alone.
    weak = _terms(ship, "Berapa penumpang kendaraan laut yang selamat?")
    assert not weak["kendaraan"].known and not weak["kendaraan"].strong  # type: ignore[attr-defined]
    # So is a derived word the frequency list lacks: its affixes make it a word of the language.
    derived = _terms(ship, "Kenapa kapal itu dikandaskan?")
    assert not derived["dikandaskan"].known and not derived["dikandaskan"].strong  # type: ignore[attr-defined]
    # A name the articles lack stays strong, whatever it ends with ("-i").
    assert not ship.answer("apa kata meloni soal kapal tenggelam?").answered


def test_an_unknown_name_declines_an_unknown_word_does_not(ship: Answerer) -> None:
    assert not ship.answer("Berapa penumpang kapal yang selamat di Selat Malaka?").answered
    answer = ship.answer("Berapa penumpang wahana itu yang selamat?")
    assert answer.answered and "36 penumpang selamat" in answer.sentences[0].text


def test_the_asked_for_value_must_be_reported(ship: Answerer) -> None:
    # The articles name Budi Santoso but never his age.
    assert not ship.answer("Berapa usia Budi Santoso?").answered
    assert not ship.answer("How old is Budi Santoso?").answered


def test_a_rare_name_of_one_article_must_be_in_the_answers_paragraph(ship: Answerer) -> None:
    assert not ship.answer("Berapa penumpang selamat di Sentigi?").answered


def test_a_typed_question_needs_a_sentence_of_that_type(ship: Answerer) -> None:
    answer = ship.answer("Jam berapa kapal tenggelam?")
    assert answer.answered and "pukul 14.30 WIB" in answer.sentences[0].text
    reason = ship.answer("Kenapa kapalnya tenggelam?")
    assert "karena dihantam gelombang" in reason.sentences[0].text


def test_a_role_question_is_answered_with_that_roles_holder(ship: Answerer) -> None:
    answer = ship.answer("Siapa bupati Karimun?")
    assert "Sari Wulandari" in answer.sentences[0].text


def test_an_outlet_named_in_the_question_is_preferred_not_searched(ship: Answerer) -> None:
    answer = ship.answer("Menurut Warta Pesisir, berapa penumpang yang masih hilang?")
    assert answer.answered
    assert answer.sentences[0].sources == ("pesisir",)


def test_datelines_with_the_outlet_in_parentheses_are_not_quoted(ship: Answerer) -> None:
    answer = ship.answer("Kapan dua jenazah penumpang ditemukan?")
    assert answer.sentences[0].text.startswith("Tim SAR gabungan menemukan")


def test_weights_are_one_frozen_object_passed_in(ship: Answerer) -> None:
    strict = Answerer(ship.index, weights=Weights(min_coverage=0.99))
    query = strict.queries.build(strict.queries.read("Berapa penumpang wahana itu yang selamat?"), None)
    ranked = rank(strict.index, query, retrieve(strict.index, query, strict.weights), strict.weights)
    assert ranked and not answers(query, ranked, strict.weights)
    with pytest.raises(AttributeError):
        strict.weights.min_coverage = 0.1  # type: ignore[misc]


def test_a_pronoun_sentence_is_quoted_with_the_one_before(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Presiden Andi Wirawan tiba di Kota Lembah pada Kamis (3/4/2025). "
        "Ia kemudian meresmikan jembatan gantung sepanjang 120 meter.\n",
        encoding="utf-8",
    )
    (tmp_path / "sources.toml").write_text(
        '[event]\ntitle = "Peresmian jembatan (contoh)"\n\n[[article]]\nid = "a"\nfile = "a.txt"\n'
        'outlet = "Kabar A"\ntitle = ""\npublished = 2025-04-03\n',
        encoding="utf-8",
    )
    answer = Answerer.load(tmp_path).answer("Berapa panjang jembatan gantung yang diresmikan?")
    assert answer.sentences[0].text.startswith("Presiden Andi Wirawan tiba")


def test_a_word_of_an_outlet_name_the_articles_use_otherwise_names_no_outlet(tmp_path: Path) -> None:
    # "Suara Sentigi" is an outlet; "Sentigi" in a question is the island the ship sailed to.
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    sources = SOURCES.replace('outlet = "Warta Pesisir"', 'outlet = "Suara Sentigi"')
    (tmp_path / "sources.toml").write_text(sources, encoding="utf-8")
    answerer = Answerer.load(tmp_path)
    assert answerer.queries.read("Dari mana kapal menuju Pulau Sentigi berangkat?").outlets == ()
    assert answerer.queries.read("Menurut Suara Sentigi, berapa penumpang hilang?").outlets == ("pesisir",)
    answer = answerer.answer("Dari mana kapal menuju Pulau Sentigi berangkat?")
    assert "Pelabuhan Tanjung Balai" in answer.sentences[0].text


def test_a_gloss_in_parentheses_may_be_missing(ship: Answerer) -> None:
    # The articles say "penumpang"; the person glossed it with a word they never print.
    assert ship.answer("Berapa penumpang (PAX) yang selamat?").answered
    assert not ship.answer("Berapa penumpang PAX yang selamat?").answered
    # Capitalised words in parentheses name somebody: not a gloss.
    assert not ship.answer("Apa kata bupati (Ahmad Yani) soal cuaca buruk?").answered


def test_the_clause_of_a_value_is_read_in_one_pass() -> None:
    from index.question import NUMBER
    from index.ranking import VALUES, value_clause

    # A run of capitalised words with no comma after it once made the clause reader try
    # every way of splitting the run (twice the work for each word more).
    shouting = " ".join(["DINAS", "KESEHATAN", "KABUPATEN", "SARI"] * 6)
    text = f"Berdasarkan data sementara, {shouting} mencatat 120 kasus keracunan."
    assert value_clause(text, {"kasus"}, VALUES[NUMBER], str) == 1.0
    # A place or a time after a comma belongs to the clause before it.
    text = "Kapal itu berangkat dari Pelabuhan Sekupang, Batam, pada pukul 19.40 WIB."
    assert value_clause(text, {"kapal", "berangkat"}, VALUES[NUMBER], str) == 1.0


def test_an_acronym_an_article_defines_stands_for_its_words(tmp_path: Path) -> None:
    story = (
        "Tim Pencari Fakta Dibentuk\n\n"
        "KOTA SARI - Wali Kota Sari membentuk Tim Pencari Fakta (TPF) kebakaran pasar, Senin (7/4/2025).\n"
        "TPF diketuai Guru Besar Teknik Sipil, Prof. Ratna Kumalasari.\n"
        "Tim pencari fakta itu bekerja selama 30 hari.\n"
    )
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[event]\ntitle = "Pasar"\n\n[[article]]\nid = "a"\nfile = "a.txt"\noutlet = "A"\n'
        'title = "Tim Pencari Fakta Dibentuk"\npublished = 2025-04-07\n',
        encoding="utf-8",
    )
    answerer = Answerer.load(tmp_path)
    by_text = {s.text: s.terms for s in answerer.index.sentences}
    assert {"tim", "fakta"} <= by_text["TPF diketuai Guru Besar Teknik Sipil, Prof. Ratna Kumalasari."]
    assert "tpf" in by_text["Tim pencari fakta itu bekerja selama 30 hari."]
