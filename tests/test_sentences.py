"""split_sentences: Indonesian abbreviations, numbers, dates and multi-sentence quotations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.sentences import split_sentences


def test_plain_split() -> None:
    assert split_sentences("Kim tiba. Putin menunggu! Apa hasilnya? Belum jelas.") == [
        "Kim tiba.",
        "Putin menunggu!",
        "Apa hasilnya?",
        "Belum jelas.",
    ]


def test_no_split_before_lowercase() -> None:
    assert split_sentences("Ia tiba pukul 10. lalu pergi.") == ["Ia tiba pukul 10. lalu pergi."]


@pytest.mark.parametrize(
    "text",
    [
        "Berita ini dikutip dari Kompas.com pada hari Kamis.",
        "Tautan pendeknya p.dw.com dicetak di artikel.",
        "Laporan KONTAN.CO.ID menyebut hal itu.",
        "KTT digelar Kamis (25/4) di Vladivostok.",
        "Kim berangkat Rabu (24/4/2019) dengan kereta.",
        "Kompas.com - 25/04/2019, 12:17 WIB adalah waktu terbit.",
        "Sekitar 10.000 buruh bekerja di sana.",
        "Angkanya naik 1.5 persen.",
    ],
)
def test_periods_inside_tokens_do_not_split(text: str) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Ia membawa buku, pena, dll. Semua dibawa.",
        "Ada meja, kursi, dsb. Semua baru.",
        "Studi Santoso dkk. Menunjukkan hal lain.",
        "Rumahnya di No. 5 jalan itu.",
        "Kantornya di Jl. Sudirman.",
        "Ia bertemu Dr. Andi kemarin.",
        "Ia bertemu Prof. Budi kemarin.",
        "Ia bertemu H. Ahmad kemarin.",
        "Gereja St. Maria ramai.",
        "Surat a.n. Budi sudah dikirim.",
        "Surat u.p. Bagian Umum sudah dikirim.",
        "Budi S.H. Menjadi pengacara.",
        "Foto: picture-alliance/dpa/V. Melnikov diambil kemarin.",
        "Foto: Getty Images/AFP/K. Kudryavsev diambil kemarin.",
    ],
)
def test_abbreviations_do_not_split(text: str) -> None:
    assert split_sentences(text) == [text]


def test_abbreviation_list_does_not_swallow_ordinary_words() -> None:
    assert split_sentences("Kita harus melakukan banyak hal. Itu penting.") == [
        "Kita harus melakukan banyak hal.",
        "Itu penting.",
    ]


def test_multi_sentence_quotation_stays_with_attribution() -> None:
    text = (
        '"Saya mengucapkan terima kasih atas waktu yang indah ini. Saya harap negosiasi kami '
        'berlanjut dengan cara yang sama," kata Kim kepada Putin. Putin tersenyum.'
    )
    assert split_sentences(text) == [
        '"Saya mengucapkan terima kasih atas waktu yang indah ini. Saya harap negosiasi kami '
        'berlanjut dengan cara yang sama," kata Kim kepada Putin.',
        "Putin tersenyum.",
    ]


def test_quotation_ending_the_sentence() -> None:
    text = (
        'Pada awal pertemuan, Kim Jong Un mengatakan kepada Putin, bahwa hubungan kedua negara '
        '"punya akar sejarah yang panjang" dan menambahkan: "Saya harap pembicaraan ini akan '
        'menjadi tonggak sejarah penting." Putin setuju.'
    )
    assert split_sentences(text) == [
        text[: text.index(" Putin setuju.")],
        "Putin setuju.",
    ]


def test_curly_quotes() -> None:
    text = "“Kami siap. Kami datang,” ujarnya. “Ya.” Selesai."
    assert split_sentences(text) == ["“Kami siap. Kami datang,” ujarnya.", "“Ya.”", "Selesai."]


def test_split_before_opening_quote_and_digit() -> None:
    text = 'Putin berbicara. "Apa yang bisa kita lakukan," kata Putin. 10 orang hadir.'
    assert split_sentences(text) == [
        "Putin berbicara.",
        '"Apa yang bisa kita lakukan," kata Putin.',
        "10 orang hadir.",
    ]


def test_ellipsis_splits() -> None:
    assert split_sentences("Ia menunggu… Lalu pergi... Kemudian kembali.") == [
        "Ia menunggu…",
        "Lalu pergi...",
        "Kemudian kembali.",
    ]


def test_unbalanced_quote_falls_back_to_ignoring_quotes() -> None:
    text = 'Ia berkata "kami siap. Dia pergi. Mereka pulang.'
    assert split_sentences(text) == ['Ia berkata "kami siap.', "Dia pergi.", "Mereka pulang."]


def test_real_dw_paragraph() -> None:
    text = (
        "Hubungan antara Pyongyang dan Moskow pernah terjalin erat pada awal era Perang Dingin, "
        "ketika Korea Utara sangat bergantung pada dukungan dari Uni Soviet. Kakek Kim Jong Un "
        "yang juga pemimpin pertama Korut, Kim Il Sung, menjadi pemimpin negara itu dengan "
        "dukungan Uni Soviet pada tahun 1948. Saat ini, mitra terdekat Korea Utara adalah Cina."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 3
    assert sentences[2] == "Saat ini, mitra terdekat Korea Utara adalah Cina."


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n ") == []


_PIECES = st.sampled_from(
    [". ", "! ", "? ", "… ", '"', "“", "”", "'", " ", "\n", "Kim", "dll", "Dr", "V", "a.n",
     "10.000", "(25/4)", "kata", "Putin", "ini", ".", ",", "Kompas.com"]
)


@given(st.one_of(st.text(), st.lists(_PIECES).map("".join)))
def test_sentences_are_verbatim_and_lose_nothing(text: str) -> None:
    sentences = split_sentences(text)
    position = 0
    for sentence in sentences:
        assert sentence
        assert sentence == sentence.strip()
        found = text.find(sentence, position)
        assert found >= 0
        assert not text[position:found].strip()
        position = found + len(sentence)
    assert not text[position:].strip()
    assert "".join("".join(s.split()) for s in sentences) == "".join(text.split())


def test_a_numbered_list_item_is_one_sentence() -> None:
    assert split_sentences("1. Barang bukti diuji ulang. 2. Sebagian kecil disisihkan.") == [
        "1. Barang bukti diuji ulang.",
        "2. Sebagian kecil disisihkan.",
    ]
