"""Tokens, stems and the names the stemmer must leave alone."""

from __future__ import annotations

import pytest

from index.answerer import Answerer
from index.lexicon import lexicon
from index.question import read_question
from index.stemmer import Stemmer, find_names, name_words, sastrawi_stem, stopwords
from index.text import words


def test_numbers_are_read_the_indonesian_way() -> None:
    assert words("sekitar 10.000 buruh") == ["sekitar", "10000", "buruh"]
    assert words("10 ribu buruh") == ["10000", "buruh"]  # as "10.000 buruh" is
    assert words("Kamis (25/4/2019)") == ["kamis", "25", "4", "2019"]
    assert words("Kim Jong-un") == ["kim", "jong", "un"]


def test_a_written_out_figure_in_a_question_is_the_printed_one() -> None:
    # "dua puluh lima ribu" is 25.000 as an article prints it, not a stretched chat word.
    q = read_question("Apakah benar dua puluh lima ribu masker dibagikan?", lexicon())
    assert "25000" in q.content and "ribu" not in q.content


def test_sastrawi_stems_and_the_project_overrides() -> None:
    assert sastrawi_stem("pertemuan") == sastrawi_stem("bertemu") == "temu"
    assert sastrawi_stem("ketemu") == "temu"  # colloquial, unknown to Sastrawi
    assert sastrawi_stem("ditandatangani") == sastrawi_stem("penandatangan") == "tandatangan"
    assert sastrawi_stem("menemani") == "teman"  # Sastrawi alone says "tani"


def test_question_words_and_negations_are_not_stopwords() -> None:
    stop = stopwords()
    for word in ["apa", "siapa", "kapan", "mana", "berapa", "mengapa", "bagaimana", "tidak", "bukan"]:
        assert word not in stop
    assert "yang" in stop and "dan" in stop
    # Ordinals tell which one: "kotak hitam kedua" is not the first box.
    assert "pertama" not in stop and "kedua" not in stop


def test_names_written_capitalised_mid_sentence_are_protected() -> None:
    sentences = [
        "Kim tiba di kota perbatasan Rusia, Khasan, dengan kereta.",
        "Banjir juga melanda Bekasi pada Senin.",
        "Pertemuan itu berlangsung singkat.",
        "Mereka membahas pertemuan berikutnya.",
    ]
    names = find_names(sentences)
    assert {"khasan", "bekasi"} <= names
    assert "pertemuan" not in names  # written in lowercase too: an ordinary word
    stemmer = Stemmer(names)
    assert sastrawi_stem("khasan") == "khas" and stemmer.stem("khasan") == "khasan"
    assert sastrawi_stem("bekasi") == "bekas" and stemmer.stem("bekasi") == "bekasi"
    assert stemmer.stem("pertemuan") == "temu"


def test_hyphenated_name_tails_count_as_capitalised() -> None:
    assert {"jong", "un"} <= name_words(["Pemimpin Korea Utara Kim Jong-un tiba.", "Lalu Kim Jong Un pergi."])


def test_real_corpus_protects_khasan(answerer: Answerer) -> None:
    index = answerer.index
    assert "khasan" in index.stemmer.protected
    khasan = [s for s in index.sentences if "Khasan" in s.text]
    assert khasan and all("khasan" in s.terms for s in khasan)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("sepuluh ribu buruh", ["10000", "buruh"]),
        ("10 ribu buruh", ["10000", "buruh"]),
        ("10.000 buruh", ["10000", "buruh"]),
        ("dua ratus lima puluh rumah", ["250", "rumah"]),
        ("dua belas orang", ["12", "orang"]),
        ("satu juta", ["1000000"]),
        ("salah satu warga", ["salah", "satu", "warga"]),  # a lone "satu", "dua" stays a word
        ("ribuan warga", ["ribuan", "warga"]),
        # number words with no size among them stay words, however many ("dua dua dua ...")
        ("satu dua tiga orang", ["satu", "dua", "tiga", "orang"]),
        ("dua " * 3000 + "orang", ["dua"] * 3000 + ["orang"]),
    ],
)
def test_numbers_written_out_are_numbers(text: str, tokens: list[str]) -> None:
    assert words(text) == tokens


def test_words_whose_sense_parted_from_their_root_keep_it() -> None:
    # To chair is "ketua", not "tuai" (to harvest).
    assert sastrawi_stem("mengetuai") == sastrawi_stem("ketua")
    # "tidak sebanding" (out of proportion) says nothing of an appeal ("banding").
    assert sastrawi_stem("sebanding") != sastrawi_stem("banding")
    # Jostling ("berdesakan", "desak-desakan": "desakan") is pushing ("desak"), not a village.
    assert sastrawi_stem("berdesakan") == sastrawi_stem("desakan") == sastrawi_stem("mendesak")
    assert sastrawi_stem("desakan") != sastrawi_stem("desa")
    # "sebelumnya" (previously) is no "belum" (not yet); "setidaknya" (at least) no "tidak" (not)
    assert sastrawi_stem("sebelumnya") != sastrawi_stem("belum")
    assert sastrawi_stem("setidaknya") != sastrawi_stem("tidak")
