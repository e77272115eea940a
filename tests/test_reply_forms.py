"""The forms of reply besides one fact (issue "the questions people ask first"): the gist, a
timeline, one outlet's account, the outlets compared, yes or no, and follow-ups that behave.
On a small corpus written here (three invented outlets on an invented ferry fire) and on the
shipped corpus, as a reader would see the answers."""

from __future__ import annotations

# ruff: noqa: E501  (the articles are written one paragraph a line, as collected)
import datetime as dt
from pathlib import Path

import pytest
from small_corpus import one_article, write_corpus

from index import yesno
from index.answerer import Answerer
from index.answers import Answer, Kind
from index.composing import _other_age, _other_count
from index.evidence import answered_name, two_things_measured
from index.forms import COMPARE, DIGEST, FACT, TIMELINE, reply_form
from index.lexicon import lexicon
from index.query import with_name
from index.question import read_question
from index.timeline import clock_of, date_of, dated

FERRY_A = """KM Lintas Jaya Terbakar di Perairan Batu Ampar, 212 Penumpang Dievakuasi

BATU AMPAR, KABARSELAT.com - Kapal feri KM Lintas Jaya terbakar di perairan Batu Ampar pada Jumat (9/5/2025) sekitar pukul 21.15 WIB.
Kepala Kantor SAR Batu Ampar, Wahyu Pratama, mengatakan seluruh 212 penumpang berhasil dievakuasi ke kapal lain.
Api diduga berasal dari ruang mesin kapal.
"Semua penumpang selamat, tidak ada korban jiwa," kata Wahyu.
Kapal itu berangkat dari Pelabuhan Sekupang pukul 19.40 WIB menuju Tanjung Balai.
Polisi mulai menyelidiki penyebab kebakaran pada Sabtu (10/5/2025) pagi.
"""

FERRY_B = """Batu Ampar (Warta Bahari) - Sebanyak 212 penumpang kapal feri KM Lintas Jaya yang terbakar pada Jumat malam dievakuasi tim SAR gabungan.
Kebakaran terjadi karena korsleting listrik di ruang mesin, menurut keterangan nakhoda kapal, Samsul Arifin.
Kapal terbakar sekitar pukul 21.15 WIB, dua jam setelah berangkat dari Pelabuhan Sekupang.
Dinas Perhubungan akan memeriksa izin berlayar kapal itu pada Senin (12/5/2025).
"""

FERRY_C = """Jakarta (Kabar Nusa) - Kapal feri KM Lintas Jaya yang membawa 230 penumpang terbakar di perairan Batu Ampar, Jumat (9/5/2025) malam.
Seluruh penumpang dievakuasi dengan dua kapal patroli dan perahu nelayan.
Kementerian Perhubungan meminta operator kapal memeriksa alat pemadam di semua armada.
Penumpang yang dievakuasi dibawa ke Pelabuhan Sekupang pada Sabtu (10/5/2025) dini hari.
"""


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = write_corpus(
        tmp_path_factory.mktemp("feri"),
        "Kapal feri terbakar di Batu Ampar (contoh)",
        [
            ("kabarselat", "Kabar Selat", "2025-05-10", FERRY_A),
            ("wartabahari", "Warta Bahari", "2025-05-10", FERRY_B),
            ("kabarnusa", "Kabar Nusa", "2025-05-10", FERRY_C),
        ],
    )
    return Answerer.load(folder)


@pytest.fixture(scope="module")
def one_outlet(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = write_corpus(
        tmp_path_factory.mktemp("satu"),
        "Satu media saja (contoh)",
        [("kabarselat", "Kabar Selat", "2025-05-10", FERRY_A)],
    )
    return Answerer.load(folder)


@pytest.fixture(scope="module")
def undated(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    text = """Warga Desa Sukamaju Gelar Kerja Bakti Bersihkan Saluran Air

Warga Desa Sukamaju bergotong royong membersihkan saluran air di sepanjang jalan desa.
Kepala desa, Rudi Hartono, mengatakan kerja bakti melibatkan sekitar 80 warga.
Sampah plastik menjadi penyumbat utama saluran air di desa itu.
"""
    folder = write_corpus(
        tmp_path_factory.mktemp("tanpa-tanggal"),
        "Kerja bakti (contoh)",
        [
            ("a", "Kabar Desa", "2025-05-10", text),
            ("b", "Warta Desa", "2025-05-11", text.replace("80", "90")),
        ],
    )
    return Answerer.load(folder)


def _cited(answer) -> set[str]:
    return {i for q in answer.sentences for i in q.sources}


# -- reading the form a question asks for ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "form"),
    [
        ("Ceritakan soal kebakaran kapal itu", DIGEST),
        ("ringkasan dong", DIGEST),
        ("What happened?", DIGEST),
        ("Apa saja yang dibahas?", DIGEST),
        # a kind named before "apa saja" asks which things of that kind: a fact
        ("pasal apa aja sih yg dilanggar bupatinya?", FACT),
        ("Bantuan apa saja yang diberikan pemerintah?", FACT),
        ("kronologinya gimana?", TIMELINE),
        ("urutan kejadiannya?", TIMELINE),
        ("timeline?", TIMELINE),
        ("Apakah semua media sepakat soal jumlah penumpang?", COMPARE),
        ("beda versi gak soal jumlah korban?", COMPARE),
        ("Do the sources agree on the date?", COMPARE),
        ("Apakah jumlah penumpangnya sama di semua media?", COMPARE),
        ("angkanya sama gak tiap media?", COMPARE),
        ("Do the outlets give the same number of passengers?", COMPARE),
        # every outlet asked for ("semua media menyebut ...?"): their accounts side by side
        ("Apakah semua media menyebut kapal terbakar pukul 21.15?", COMPARE),
        ("Do all the outlets say 212 passengers were evacuated?", COMPARE),
        ("Menurut kedua sumber, berapa penumpangnya?", COMPARE),
        ("Apakah laporan media soal jumlah penumpang bertentangan?", COMPARE),
        ("Are there conflicting reports on the number of passengers?", COMPARE),
        ("Bandingkan pemberitaan soal jumlah penumpang", COMPARE),
        ("Apakah semua penumpang selamat?", FACT),
        ("Kapan kapal itu terbakar?", FACT),
        ("kapal itu berangkat sama siapa menurut media?", FACT),
        ("Bupati ngomong apa sama media?", FACT),
        ("What did the same source say about the victims?", FACT),
        ("Apa yang disepakati?", FACT),
        # a filler inside the phrase still asks for the story; a moment after it asks one fact
        ("Apa yang sebenarnya terjadi pada kapal itu?", DIGEST),
        ("apa sih yg terjadi di batu ampar?", DIGEST),
        ("What really happened on the ferry?", DIGEST),
        ("apa aja poin penting soal kebakaran ini?", DIGEST),
        ("fakta-fakta kebakaran kapal itu?", DIGEST),
        ("What do we know about the ferry fire?", DIGEST),
        ("jelasin dong soal kebakaran kapal itu", DIGEST),
        # the story asked for in chat, a two-word noun of the gist, an English contraction
        ("gimana sih ceritanya kebakaran kapal itu?", DIGEST),
        ("Berikan gambaran umum soal kebakaran kapal itu", DIGEST),
        ("Apa garis besar kebakaran kapal itu?", DIGEST),
        ("What's going on with the ferry?", DIGEST),
        ("What's the story behind the ferry fire?", DIGEST),
        # more of the ways people ask for the gist, and look-alikes that ask one fact
        ("Bagaimana duduk perkara kebakaran kapal itu?", DIGEST),
        ("ada apa sih sama kapal itu?", DIGEST),
        ("What's the deal with the ferry fire?", DIGEST),
        ("Can you sum up the ferry fire in a nutshell?", DIGEST),
        ("According to the Kabar Nusa news agency, how many passengers were rescued?", FACT),
        ("nakhodanya cerita apa?", FACT),
        ("Bagaimana cerita nakhoda soal kebakaran itu?", FACT),
        ("Apa yang diketahui polisi soal penyebab kebakaran?", FACT),
        ("When will the ferry service resume?", FACT),
        # a quantifier before a noun of reporting that asks about something else
        ("Apakah seluruh sumber daya dikerahkan untuk memadamkan api?", FACT),
        ("Apakah semua media boleh meliput sidang itu?", FACT),
        ("Do all of the outlets say 212 passengers were evacuated?", COMPARE),
        # alike before what they report: "sama", "sama dalam"
        ("Apakah semua media sama dalam menyebut jumlah penumpang?", COMPARE),
        ("Apakah semua media sama menyebut tanggal kapal itu terbakar?", COMPARE),
        ("Jelaskan penyebab kebakaran kapal itu", FACT),
        ("Apa yang terjadi setelah kapal terbakar?", FACT),
        ("What happened when the ferry caught fire?", FACT),
        # the story of the event, or how one thing came about in it
        ("gimana ceritanya kapal itu terbakar?", DIGEST),
        ("gimana ceritanya nakhoda itu bisa selamat?", FACT),
        # the outlets named before "sama ... soal": compared
        ("Apakah semua media sama soal jumlah penumpang?", COMPARE),
        # ("sama" as "with" or "as" after an outlet noun compares nothing)
        ("Pak nakhoda ngomong apa di media sama warga?", FACT),
        ("Apakah harga tiket di berita sama dengan di loket?", FACT),
    ],
)
def test_the_form_a_question_asks_for(ferry: Answerer, typed: str, form: str) -> None:
    assert ferry.queries.read(typed).form == form


def test_the_words_that_ask_for_a_form_are_not_searched() -> None:
    form, words = reply_form(["kronologinya", "kebakaran", "kapal"], ["kronologi", "kebakaran", "kapal"])
    assert form == TIMELINE and "kronologi" in words and "kapal" not in words
    form, words = reply_form(["apakah", "kompas", "sepakat"], ["apakah", "sepakat"], outlets=1)
    assert form == COMPARE and "sepakat" in words
    assert reply_form(["apakah", "sepakat"], ["apakah", "sepakat"])[0] == FACT


# -- the gist ------------------------------------------------------------------------------


def test_the_gist_quotes_three_outlets_without_repeating_itself(ferry: Answerer) -> None:
    for answer in (ferry.digest(), ferry.answer("Ceritakan soal kapal feri yang terbakar")):
        assert answer.kind is Kind.DIGEST
        assert 3 <= len(answer.sentences) <= 5
        assert _cited(answer) == {"kabarselat", "wartabahari", "kabarnusa"}
        texts = [q.text for q in answer.sentences]
        assert len(set(texts)) == len(texts)
        assert not any(t.startswith(("BATU AMPAR", "Batu Ampar (", "Jakarta (")) for t in texts)


def test_the_gist_of_the_shipped_story_names_the_meeting(answerer: Answerer) -> None:
    answer = answerer.digest()
    assert answer.kind is Kind.DIGEST and len(_cited(answer)) >= 3
    assert any("Vladivostok" in q.text for q in answer.sentences)


def test_a_one_outlet_corpus_says_so(one_outlet: Answerer) -> None:
    digest = one_outlet.digest()
    assert digest.kind is Kind.DIGEST and [n.key for n in digest.notes] == ["one_outlet"]
    compared = one_outlet.answer("Apakah semua media sepakat soal jumlah penumpang?")
    assert compared.kind is Kind.COMPARISON and [n.key for n in compared.notes] == ["one_outlet"]


# -- the timeline ----------------------------------------------------------------------------


def test_dates_are_read_where_news_writing_makes_them_certain() -> None:
    published = dt.date(2025, 5, 10)  # a Saturday
    assert date_of("terbakar pada Jumat (9/5/2025) malam", published) == (dt.date(2025, 5, 9), "Jumat")
    assert date_of("diperiksa pada Senin (12/5)", published) == (dt.date(2025, 5, 12), "Senin")
    assert date_of("berlaku hingga 26 Maret 2025", published)[0] == dt.date(2025, 3, 26)
    assert date_of("Pencarian dilanjutkan hari ini.", published)[0] == published
    assert date_of("Kapal berangkat kemarin.", published)[0] == dt.date(2025, 5, 9)
    # A weekday alone is the one of the week before publication, or after when looking ahead.
    assert date_of("Kapal tiba pada Kamis.", published)[0] == dt.date(2025, 5, 8)
    assert date_of("Izin akan diperiksa pada Senin.", published)[0] == dt.date(2025, 5, 12)
    # "malam Minggu" is Saturday night.
    assert date_of("Biasanya malam Minggu ramai.", published)[0] == dt.date(2025, 5, 10)
    # A running count is dated by the day it runs to, not the day it runs from.
    count = "Dinas Kesehatan mencatat 1.247 kasus ISPA sejak 1 Mei hingga Jumat."
    assert date_of(count, published) == (dt.date(2025, 5, 9), "Jumat")
    assert date_of("Sejak 1 Mei, kapal tidak berlayar.", published)[0] == dt.date(2025, 5, 1)
    # Less certain than that: no date.
    assert date_of("Sehari sebelumnya kapal diperiksa.", published) is None


def test_clock_times_are_compared_in_one_time_zone() -> None:
    assert clock_of("gempa terjadi pukul 19.52 WITA") == clock_of("pada pukul 18.52 WIB")
    assert clock_of("tanpa jam") is None


def test_a_clock_time_alone_keeps_the_day_its_article_last_dated(tmp_path: Path) -> None:
    # The lead dates the news (Tuesday); a paragraph of background dates the meeting before
    # (Monday); the walkout's hour, told next, is Monday's, not the lead's day.
    text = "\n\n".join(
        [
            "Bawaslu Rekomendasikan Pemungutan Suara Ulang",
            "Rekomendasi itu diserahkan kepada KPU Muara Lindap, Selasa (16/9/2025) sore.",
            "Rapat pleno rekapitulasi berakhir Senin (15/9) malam sekitar pukul 23.50 WITA.",
            "Saksi paslon 01 meninggalkan ruang pleno sekitar pukul 17.45 WITA.",
        ]
    )
    index = Answerer.load(one_article(tmp_path, text, "2025-09-17")).index
    walkout = next(i for i, s in enumerate(index.sentences) if "17.45" in s.text)
    assert dated(index, [walkout])[walkout][0] == dt.date(2025, 9, 15)


def test_the_timeline_is_in_date_order_with_each_entry_cited(ferry: Answerer) -> None:
    for answer in (ferry.timeline(), ferry.answer("kronologinya gimana?")):
        assert answer.kind is Kind.TIMELINE
        days = [q.day for q in answer.sentences]
        assert days == sorted(days) and all(days)
        assert days[0] == "2025-05-09" and days[-1] == "2025-05-12"
        assert all(q.when and q.sources for q in answer.sentences)
        assert len(_cited(answer)) == 3


def test_a_corpus_without_dates_gets_a_timeline_that_says_so(undated: Answerer) -> None:
    answer = undated.timeline()
    assert answer.kind is Kind.TIMELINE and not answer.sentences
    assert [n.key for n in answer.notes] == ["no_dates"]


# -- one outlet's account, and the outlets compared -------------------------------------------


def test_a_named_outlets_own_sentence_comes_first(ferry: Answerer) -> None:
    answer = ferry.answer("Menurut Kabar Nusa, berapa penumpang kapal itu?")
    assert answer.kind is Kind.OUTLET and answer.outlet == "kabarnusa"
    assert answer.first is not None and answer.first.sources == ("kabarnusa",)
    assert "230 penumpang" in answer.first.text and not answer.notes


def test_an_outlet_that_does_not_report_it_is_said_so_then_the_others(ferry: Answerer) -> None:
    answer = ferry.answer("Menurut Kabar Nusa, apa penyebab kebakaran?")
    assert answer.kind is Kind.OUTLET
    assert [(n.key, n.outlet) for n in answer.notes] == [("outlet_silent", "Kabar Nusa")]
    assert "kabarnusa" not in answer.first.sources
    assert "korsleting" in answer.first.text or "ruang mesin" in answer.first.text


def test_outlets_that_disagree_are_shown_side_by_side(ferry: Answerer) -> None:
    answer = ferry.answer("Apakah semua media sepakat soal jumlah penumpang kapal?")
    assert answer.kind is Kind.COMPARISON
    values = {v for d in answer.disagreements for v, _ in d.values}
    assert any("212" in v for v in values) and any("230" in v for v in values)
    assert {"kabarnusa"} <= _cited(answer) and len(_cited(answer)) >= 2


def test_all_outlets_asked_about_a_value_compare_that_kind_of_value(ferry: Answerer) -> None:
    # The question gives the value itself: each outlet's count of the passengers, and the
    # verb of reporting is not searched.
    answer = ferry.answer("Apakah semua media menyebut 212 penumpang dievakuasi?")
    assert answer.kind is Kind.COMPARISON and answer.question_type == "number"
    values = {v for d in answer.disagreements for v, _ in d.values}
    assert any("212" in v for v in values) and any("230" in v for v in values)
    query = ferry.queries.build(
        ferry.queries.read("Do all outlets say the ferry caught fire at 21.15?"), None
    )
    assert query.question.qtype == "time" and "say" not in {t.word for t in query.terms}
    # "kompak" between the outlets and their verb: still what they report, not searched.
    agreed = ferry.queries.build(
        ferry.queries.read("Apakah semua media kompak menyebut ada korban jiwa?"), None
    )
    assert agreed.question.form == COMPARE and "menyebut" not in {t.word for t in agreed.terms}


def test_the_value_a_comparison_gives_is_read_as_its_kind() -> None:
    # "13/3" is a date, not two figures; "2,35 persen" a figure, not a clock time; a year
    # beside a figure is compared with it, a year alone is a date.
    cases = {
        "Apakah semua media menyebut gempa terjadi pada 13/3?": "date",
        "Apakah semua media menyebut inflasi 2,35 persen?": "number",
        "Do all outlets say the gate opened at 3 pm?": "time",
        "Do all outlets say the mosque was built in 1987?": "date",
        "Apakah semua media menyebut UMP 2026 naik 6,5 persen?": "number",
    }
    for text, qtype in cases.items():
        q = read_question(text, lexicon())
        assert (q.form, q.qtype) == (COMPARE, qtype), text
        assert not any(w[:1].isdigit() for w in q.content), text


def test_a_count_given_with_its_classifier_compares_the_noun_before_it(ferry: Answerer) -> None:
    answer = ferry.answer("Semua media bilang penumpangnya 212 orang?")
    assert answer.kind is Kind.COMPARISON
    values = {v for d in answer.disagreements for v, _ in d.values}
    assert any("212" in v for v in values) and any("230" in v for v in values)


def test_a_measure_of_another_thing_is_no_disagreement(tmp_path: Path) -> None:
    # Both outlets give a height "mencapai" so many metres, each told by someone: the water in
    # the houses and the waves at the beach are two heights, not two accounts of one.
    folder = write_corpus(
        tmp_path,
        "Banjir (contoh)",
        [
            (
                "a",
                "A",
                "2025-02-04",
                "Banjir Rendam Sukamaju\n\nSUKAMAJU - Banjir merendam Desa Sukamaju, Kabupaten Lereng, "
                "Senin (3/2/2025).\n\nKetinggian air di permukiman mencapai 2 meter, kata Kepala BPBD "
                "Lereng, Rina Marlinda.",
            ),
            (
                "b",
                "B",
                "2025-02-04",
                "Banjir di Sukamaju\n\nSUKAMAJU - Banjir melanda Desa Sukamaju, Kabupaten Lereng, "
                "Senin (3/2/2025).\n\nKetinggian gelombang di pantai mencapai 4 meter, kata prakirawan "
                "BMKG, Andi Saputra.\n\nAir di permukiman mulai surut pada Selasa pagi, kata Rina.",
            ),
        ],
    )
    answerer = Answerer.load(folder)
    for question in (
        "Apakah semua media sepakat soal ketinggian air?",
        "Berapa ketinggian air di permukiman?",
    ):
        answer = answerer.answer(question)
        assert "2 meter" in answer.first.text and not answer.disagreements, question
    # Two counts after one noun: the dead and the injured are two things, two tallies of the
    # dead one thing told differently.
    assert (
        _other_count("Jumlah korban tewas 5 orang.", "Jumlah korban luka 12 orang.", ["jumlah", "korban"])
        is None
    )
    # a clock time after the noun is no count to set against a magnitude
    assert (
        _other_count(
            "Gempa terjadi pukul 19.52 WITA.", "Gempa bermagnitudo 6,1 itu terjadi Kamis.", ["gempa"]
        )
        is None
    )
    assert _other_count(
        "Jumlah peserta mencapai 3.000 orang.",
        "Jumlah peserta aksi sekitar 1.500 orang.",
        ["jumlah", "peserta"],
    ) == ("number", "3.000", "1.500")
    # One thing told in more words, in a synonym or with an adverb is still one thing.
    assert _other_count(
        "Jumlah korban meninggal mencapai 5 orang.", "Jumlah korban tewas mencapai 7 orang.", ["jumlah"]
    ) == ("number", "5", "7")
    same = [
        (
            "Kedalaman gempa mencapai 10 kilometer.",
            "Kedalaman pusat gempa mencapai 25 kilometer.",
            "10",
            "25",
        ),
        ("Ketinggian air sempat 2 meter.", "Ketinggian air diperkirakan 1 meter.", "2 meter", "1 meter"),
    ]
    for a, b, figure_a, figure_b in same:
        assert not two_things_measured(a, b, figure_a, figure_b), (a, b)
    # The measures' things are compared only for a clash of the measures' own figures.
    a = "Ketinggian air mencapai 2 meter dan 5 orang tewas."
    b = "Ketinggian gelombang mencapai 4 meter dan 7 orang tewas."
    assert two_things_measured(a, b, "2 meter", "4 meter") and not two_things_measured(
        a, b, "5 orang", "7 orang"
    )


def test_outlets_that_agree_are_said_to(ferry: Answerer) -> None:
    answer = ferry.answer("Do the sources agree on what time the ferry caught fire?")
    assert answer.kind is Kind.COMPARISON and not answer.disagreements
    assert [n.key for n in answer.notes] == ["sources_agree"]


def test_what_someone_said_is_quoted_with_their_own_words_that_follow(tmp_path: Path) -> None:
    # "X ngomong apa soal ...?": the sentence telling what X said, then X's own words in the
    # same paragraph ('"...," katanya.'), the sentence between them too, so the quote reads on
    # as printed; another's words after it are not taken for X's.
    story = "\n\n".join(
        [
            "Rest Area Tol Penuh",
            "WIRABUMI - Direktur Operasi MSU Teguh Prasetya mengakui kapasitas rest area tertinggal dari "
            "pertumbuhan lalu lintas, Sabtu (5/4/2025). MSU berencana memperluas rest area KM 102A. "
            '"Kami tidak ingin ada pengemudi yang terpaksa tidur di bahu jalan," katanya.',
            "Kepala Dinas Perhubungan, Ani Lestari, menyebut antrean di gerbang tol mencapai 12 kilometer. "
            '"Petugas sudah kami tambah," kata Budi Santoso.',
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2025-04-05"))
    answer = answerer.answer("direktur operasi MSU ngomong apa soal rest area yg penuh?")
    shown = [q.text for q in answer.sentences]
    assert shown[0].startswith("Direktur Operasi MSU") and answer.sentences[0].context
    assert any("Kami tidak ingin" in t for t in shown[:3]) and not answer.sentences[2].context
    other = answerer.answer("Apa kata Ani Lestari soal antrean di gerbang tol?")
    assert not any("Petugas sudah kami tambah" in q.text for q in other.sentences[:2])


# -- yes or no ---------------------------------------------------------------------------------


def test_the_opposite_state_printed_is_a_plain_no(tmp_path: Path) -> None:
    # "Apakah cederanya berat?": "cedera ringan" says the opposite, a plain "tidak"; a
    # sentence printing "berat" itself is no such "no", and "positif ... gak?" is settled by
    # "negatif".
    story = "\n\n".join(
        [
            "Fikri Tetap Main di Final",
            "HALVARA - Hasil MRI menunjukkan cedera ringan pada betis Fikri, Senin (17/11/2025).",
            "Hasil tes urine sopir bus itu negatif narkoba.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2025-11-17"))
    answer = answerer.answer("Apakah cedera betis Fikri tergolong berat?")
    assert answer.lead == "tidak" and "cedera ringan" in answer.first.text
    assert answerer.answer("sopir busnya positif narkoba gak?").lead == "tidak"


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        # the opposite negated in the sentence, or the state negated in the question
        ("Cederanya tidak ringan sehingga harus dioperasi.", "Apakah cedera penumpang Dodi berat?"),
        ("Hasil MRI menunjukkan cedera ringan.", "Apakah cedera masinis tidak parah?"),
        # an either/or asks which, no yes or no
        ("Hasil MRI menunjukkan cedera ringan.", "Apakah cederanya berat atau ringan?"),
        # the opposite said of something else ("hujan turun" is no falling river)
        ("Hujan deras turun sejak pagi sehingga air sungai meluap.", "Apakah air sungai naik?"),
        # a word describing a noun, not the state asked ("kendaraan berat dilarang?")
        (
            "Kendaraan ringan boleh melintas, sedangkan truk dilarang.",
            "Apakah kendaraan berat dilarang melintas?",
        ),
        # a word of the same root is no opposite ("hal yang meringankan")
        ("Hal yang meringankan, terdakwa bersikap sopan.", "Apakah vonisnya berat?"),
    ],
)
def test_an_opposite_word_that_does_not_deny_the_state_asked_is_no_no(sentence: str, question: str) -> None:
    assert not yesno.opposite(sentence, read_question(question, lexicon()).words)


def test_whether_anyone_died_is_settled_by_the_press_words_for_the_dead(tmp_path: Path) -> None:
    # "ada yg meninggal gak?": the press writes "korban jiwa" for the dead; "belum menerima
    # laporan adanya korban jiwa" settles it, with no plain "tidak" to lead with.
    story = "\n\n".join(
        [
            "Banjir Rendam Sukamaju",
            "SUKAMAJU - Banjir merendam ratusan rumah di Kota Sukamaju pada Senin (3/2/2025).",
            "Hingga Selasa pagi, BPBD belum menerima laporan adanya korban jiwa akibat banjir tersebut.",
            "Warga mengungsi ke gedung olahraga dan masjid terdekat.",
            "Dinas Sosial menyalurkan 300 paket makanan ke posko pengungsian.",
            "Sekolah di tiga kecamatan diliburkan selama dua hari.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2025-02-04"))
    for question in ("ada yg meninggal gak gara2 banjir?", "Apakah ada warga yang tewas akibat banjir?"):
        answer = answerer.answer(question)
        assert answer.answered and "korban jiwa" in answer.sentences[0].text, question


def test_yes_only_when_the_sentence_says_so_plainly(ferry: Answerer) -> None:
    answer = ferry.answer("Apakah seluruh penumpang berhasil dievakuasi?")
    assert answer.kind is Kind.ANSWER and answer.lead == "ya"


def test_no_when_the_sentence_negates_what_is_asked(ferry: Answerer) -> None:
    answer = ferry.answer("ada korban jiwa gak?")
    assert answer.lead == "tidak" and "tidak ada korban jiwa" in answer.first.text


def test_no_when_another_place_is_named_instead(ferry: Answerer) -> None:
    answer = ferry.answer("Apakah kapal itu berangkat dari Pelabuhan Tanjung Uban?")
    assert answer.lead == "tidak" and "Sekupang" in answer.first.text


def test_a_plan_is_never_a_plain_yes(ferry: Answerer) -> None:
    answer = ferry.answer("Apakah Dinas Perhubungan memeriksa izin berlayar kapal itu?")
    # The sentence that holds it says "akan memeriksa": a plan, so no "ya" before it.
    assert answer.answered and "akan memeriksa" in answer.first.text and answer.lead == ""


def test_a_word_held_only_inside_a_name_is_no_yes(tmp_path: Path) -> None:
    # "on land" read as "tanah": the sentence holds "Tanah" only in "Kabupaten Tanah Datar".
    text = (
        "Gempa Guncang Tanah Datar\n\nKOTA SARI - Gempa mengguncang Kabupaten Tanah Datar pada Senin "
        "(8/9/2025) dengan pusat gempa di laut, sekitar 30 kilometer dari Kota Sari."
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-09-08"))
    answer = answerer.answer("Was the quake's epicentre on land?")
    assert answer.answered and "pusat gempa di laut" in answer.first.text and answer.lead != "ya"


def test_what_happened_settles_it_before_a_plan(tmp_path: Path) -> None:
    text = "\n\n".join(
        [
            "Program Wolbachia Disiapkan",
            (
                'KOTA SARI - "Rencananya penyebaran nyamuk ber-Wolbachia dimulai Maret 2026. Wolbachia '
                'ini untuk jangka panjang," kata Yusran.'
            ),
            "Nyamuk ber-Wolbachia menghambat virus dengue. Namun, program tersebut belum dimulai.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-11-11"))
    answer = answerer.answer("wolbachia udh mulai blm?")
    assert answer.answered and "belum dimulai" in answer.first.text


def test_another_place_is_no_no_when_nothing_happens_in_the_question(answerer: Answerer) -> None:
    # "Has Putin been to North Korea before?" asks no happening of its own: a sentence on the
    # meeting in Vladivostok says nothing of earlier visits, so no "tidak".
    assert answerer.answer("Has Putin ever been to North Korea before?").lead != "tidak"


def test_a_forecast_is_never_a_yes(tmp_path: Path) -> None:
    text = (
        "Inflasi Diperkirakan Naik\n\nJAKARTA - Ekonom Teddy memperkirakan Bank Sentral berpeluang "
        "menaikkan suku bunga acuan 25 basis poin untuk menahan inflasi."
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-09-15"))
    answer = answerer.answer("jadi bank sentral akhirnya naikin suku bunga gak?")
    assert answer.lead != "ya"
    assert "akhirnya" in read_question("jadi bank sentral akhirnya naikin suku bunga gak?", lexicon()).words


def test_a_hope_does_not_settle_whether_it_happened(tmp_path: Path) -> None:
    text = (
        "Hujan Buatan Dimulai\n\nKOTA SARI - Operasi hujan buatan dimulai Senin (8/9/2025).\n\n"
        '"Sudah seminggu kami hidup dalam asap. Mudah-mudahan hujan buatan ini berhasil," tutur Wati.'
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-09-08"))
    assert not answerer.answer("hujan buatannya udh berhasil blm?").answered


# -- why, and follow-ups -----------------------------------------------------------------------


def test_why_is_answered_with_a_cause(ferry: Answerer) -> None:
    answer = ferry.answer("Kenapa kapal itu terbakar?")
    assert answer.answered and "karena korsleting" in answer.first.text


def test_a_plain_no_settles_a_yes_or_no_question_in_fewer_of_its_words(tmp_path: Path) -> None:
    # "Tidak ada korban jiwa" names neither the boat nor the sea: it says plainly that what is
    # asked did not happen, and settles the question as an outright cause answers "why".
    text = """Perahu Saksi Mati Mesin di Tengah Laut

KOTA SARI - Sebuah perahu motor yang membawa saksi pasangan calon menuju Tanjung Kemiri sempat mati mesin di tengah laut pada Selasa (3/12/2024) pagi.
Perahu itu kemudian ditarik kapal nelayan ke dermaga terdekat. "Tidak ada korban jiwa, semua penumpang selamat," ujar Kepala Pos SAR, Rudi Hartono.

Pemungutan suara ulang di Tanjung Kemiri tetap dimulai pukul 07.00 WITA.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2024-12-03"))
    for question in (
        "perahu saksi paslon yg mogok di tengah laut itu ada korban jiwa gak?",
        "ada korban jiwa gak pas perahu saksi mogok di tengah laut?",
    ):
        answer = answerer.answer(question)
        assert answer.answered and answer.first.text.startswith('"Tidak ada korban jiwa'), question
    # (the "tidak" negates what is asked, not the breakdown that describes the boat)
    assert answer.lead == "tidak"


def test_no_more_of_a_part_of_what_is_asked_is_no_plain_no(tmp_path: Path) -> None:
    # "tidak ada lagi korban yang tertimbun" (no more buried) does not say nobody died
    text = """Gempa Robohkan Masjid

KOTA SARI - Gempa merobohkan sebuah masjid pada Kamis (13/3/2025) malam. Tiga orang meninggal dunia.
Tim SAR memastikan tidak ada lagi korban yang tertimbun di reruntuhan masjid.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-03-14"))
    for question in ("Apakah ada korban jiwa?", "Apakah ada korban jiwa di masjid?"):
        assert answerer.answer(question).lead != "tidak", question


def test_a_follow_up_with_nothing_to_follow_asks_what_is_meant(ferry: Answerer) -> None:
    # "Why not?" negates the answer before: the negation is no topic of its own
    for bare in ("kapan itu?", "kenapa?", "menurut Kabar Nusa?", "Why not?", "kenapa gak?"):
        assert ferry.answer(bare).kind is Kind.CLARIFY, bare
    assert ferry.answer("aaaa").kind is Kind.DECLINE


def test_an_english_pronoun_reads_the_question_it_points_back_to(ferry: Answerer) -> None:
    # "they" are the passengers of the question before; the English reading drops the pronoun.
    previous = "Berapa penumpang yang dievakuasi?"
    answer = ferry.answer("Which port were they brought to after the evacuation?", previous)
    assert answer.read_as == previous
    assert answer.answered and "Pelabuhan Sekupang" in answer.sentences[0].text
    # A question naming its own topic, without a pronoun, stands alone; so does one whose
    # pronoun stands for a noun of its own ("the fire ... it").
    alone = ferry.answer("Which port did the ferry leave from?", previous)
    assert alone.read_as == "" and alone.answered
    assert ferry.answer("What caused the fire and where did it start?", previous).read_as == ""


def test_nya_on_the_thing_just_asked_about_reads_the_question_before(ferry: Answerer) -> None:
    # "penumpangnya": the passengers the previous question asked about.
    previous = "Berapa penumpang yang dievakuasi?"
    answer = ferry.answer("kapan penumpangnya dibawa ke pelabuhan?", previous)
    assert answer.read_as == previous
    assert answer.answered and "Sabtu (10/5/2025)" in answer.sentences[0].text
    # "-nya" on something the previous question did not name points nowhere.
    assert ferry.answer("kapan kapalnya berangkat dari pelabuhan?", previous).read_as == ""


_SUSPECT = """Tersangka Baru Kebakaran Lahan Ditetapkan

KOTA SARI - Polisi menetapkan satu tersangka baru berinisial HT (44) dalam kasus pembakaran lahan di Desa Rengas, Jumat (12/9/2025).
HT diduga merupakan mandor kontraktor yang menyuruh pekerja membakar tumpukan kayu di lahan itu.
HT ditangkap di rumah kerabatnya pada Kamis (11/9/2025) malam.
"Kami masih mendalami peran HT dan perusahaan tempatnya bekerja," kata Kasat Reskrim AKP Rudi Hartono.

Warga Desa Rengas, Suryadi, bekerja sebagai petani sawit sejak 2010 dan lahannya ikut terbakar.
Suryadi juga ditangkap pada Rabu (10/9/2025) karena membakar sampah di kebunnya.
Delapan warga yang sesak napas dirujuk ke RSUD Kota Sari menggunakan dua ambulans pada Jumat malam.
Dinas Kesehatan juga menyiagakan 14 unit mobil di posko kesehatan.
"""


def test_a_follow_up_after_who_asks_of_the_one_the_answer_named(tmp_path: Path) -> None:
    # "dia" is the suspect the answer before named (HT), not anyone else arrested
    answerer = Answerer.load(one_article(tmp_path, _SUSPECT, "2025-09-12"))
    first = answerer.answer("Siapa tersangka baru yang ditetapkan polisi?")
    assert first.answered and "HT (44)" in first.first.text
    arrested = answerer.answer("kapan dia ditangkap?", previous=first.topic)
    assert arrested.question == "kapan dia ditangkap?" and arrested.read_as == first.topic
    assert arrested.answered and arrested.first.text.startswith("HT ditangkap")
    # "apa katanya": the words of the one named, a question of what was said
    said = answerer.answer("Siapa Kasat Reskrim yang menangani kasus itu?")
    assert said.answered and "Rudi Hartono" in said.first.text
    words = answerer.answer("apa katanya soal perusahaan?", previous=said.topic)
    assert words.question_type == "said" and words.read_as == said.topic
    assert words.answered and words.first.text.startswith('"Kami masih mendalami')


def test_the_name_takes_the_place_of_what_points_at_someone() -> None:
    assert with_name("umurnya brp?", "Keysha") == "umur Keysha brp?"
    assert with_name("How experienced were they?", "Arif Wicaksono") == "How experienced were Arif Wicaksono?"
    # an adverb's "-nya" points at no one ("akibatnya", "awalnya"), nor "katanya" where it is
    # "reportedly"; an English possessive asks of another one ("his son"); nothing pointing
    # leaves the question as it is
    for text in ("yang lainnya kapan?", "akibatnya apa?", "awalnya api dari mana?", "What did his son say?"):
        assert with_name(text, "Keysha") == text, text
    assert (
        with_name("katanya pedagang dapat bantuan ya?", "Zulkarnain") == "katanya pedagang dapat bantuan ya?"
    )
    assert (
        with_name("apa katanya soal bantuan?", "Zulkarnain", said=True) == "apa kata Zulkarnain soal bantuan?"
    )
    assert with_name("kapan sidang dimulai?", "Keysha") == "kapan sidang dimulai?"
    # the name a "who" answer gives: introduced by a noun or an age, not who tells it
    names = frozenset({"ht", "rudi", "hartono", "desa", "rengas"})
    assert (
        answered_name("Polisi menetapkan tersangka berinisial HT (44) di Desa Rengas.", set(), names) == "HT"
    )
    assert answered_name('"Kami mendalami," kata Rudi Hartono.', set(), names) == ""


def test_an_english_word_typed_as_part_of_a_name_the_articles_print_stays_a_name() -> None:
    # "Car Free Day" is the event the articles name, not "mobil"; "car" typed in lowercase
    # is a word to translate
    printed = frozenset({"car", "free", "day", "tetap", "jalan"})
    named = read_question("Is Car Free Day also banned?", lexicon(), printed=printed)
    assert "car" in named.words and "mobil" not in named.words
    plain = read_question("Was a car burned?", lexicon(), printed=printed)
    assert "mobil" in plain.words


def test_the_holder_of_an_office_of_another_body_is_no_answer(tmp_path: Path) -> None:
    text = """Helikopter Dikerahkan Padamkan Api

KOTA SARI - Direktur Dukungan Sumber Daya Darurat BNPB, Bambang Sulistyo, mengatakan biaya operasional helikopter tidak kecil, Jumat (12/9/2025).
Areal konsesi perkebunan sawit PT Bumi Sagara Plantation ikut terbakar.
PT Bumi Sagara Plantation membantah pernah memberi perintah pembakaran.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-09-12"))
    assert not answerer.answer("Who is the director of PT Bumi Sagara Plantation?").answered
    asked = answerer.answer("Siapa direktur BNPB yang bicara soal biaya helikopter?")
    assert asked.answered and "Bambang Sulistyo" in asked.first.text


def test_a_follow_up_asks_its_new_question_of_the_sentence_just_quoted(tmp_path: Path) -> None:
    # "naik apa?" after the count of those taken to hospital: the vehicle that sentence says
    # they were taken in, told in another verb than "naik"; a vehicle merely named is none
    answerer = Answerer.load(one_article(tmp_path, _SUSPECT, "2025-09-12"))
    first = answerer.answer("Berapa warga yang dirujuk ke RSUD?")
    assert first.answered and "Delapan warga" in first.first.text
    means = answerer.answer("naik apa?", previous=first.topic)
    assert means.answered and "menggunakan dua ambulans" in means.first.text


def test_the_second_one_asks_the_same_of_another(tmp_path: Path) -> None:
    # "yang kedua?" asks again what was asked, of the next one: a substitution
    q = read_question("yang kedua?", lexicon())
    assert q.substitutes and q.anaphoric
    assert not read_question("yang meninggal siapa?", lexicon()).substitutes
    text = """Kedua Kotak Hitam Ditemukan

KOTA SARI - Kotak hitam pertama, FDR, ditemukan penyelam pada Senin (16/6/2025) pagi.
Kotak hitam kedua, CVR, ditemukan penyelam pada Rabu (18/6/2025) sore.

Dua hari kemudian tim SAR menghentikan pencarian serpihan.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-06-19"))
    first = answerer.answer("Kapan kotak hitam pertama ditemukan?")
    assert first.answered and "Senin (16/6/2025)" in first.first.text
    second = answerer.answer("yang kedua?", previous=first.topic)
    assert second.answered and "Rabu (18/6/2025)" in second.first.text


def test_a_follow_up_says_which_question_it_read(ferry: Answerer) -> None:
    first = ferry.answer("Berapa penumpang kapal feri itu?")
    follow = ferry.answer("menurut Kabar Nusa?", previous=first.topic)
    assert follow.read_as == first.topic
    assert follow.kind is Kind.OUTLET and "230" in follow.first.text


def test_what_somebody_said_leads_with_the_words_quoted_after_the_report_of_them(tmp_path: Path) -> None:
    # The report names the matter ("membantah ... membakar lahan"); the quote after it, past a
    # sentence going on by "dia", is his own words on it, though it names the matter less.
    text = """Konsesi Perusahaan Disegel

KOTA SARI - Polisi menyegel areal konsesi PT Bumi Sagara, Kamis (11/9/2025).
Humas PT Bumi Sagara, Fredy Simanjuntak, membantah perusahaannya membakar lahan. Menurut dia, api masuk dari lahan masyarakat di luar batas konsesi.

"Kami tidak pernah membuka lahan dengan cara membakar. Api datang dari luar," kata Fredy saat dihubungi.
Warga Desa Rengas mengeluhkan asap yang makin pekat sejak pagi.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-09-11"))
    answer = answerer.answer("Apa kata Humas PT Bumi Sagara soal tuduhan pembakaran lahan?")
    assert answer.answered and answer.first.text.startswith('"Kami tidak pernah membuka lahan')
    # (the report stays among the quotes)
    assert any(q.text.startswith("Humas PT Bumi Sagara, Fredy") for q in answer.sentences)


def test_a_partys_version_is_no_comparison_of_outlets(tmp_path: Path) -> None:
    # "angka kerugian versi pemerintah kota": the city's own figure, which the traders' chair
    # answers; no outlets are compared, and "versi" is no word an answer must print. What he
    # said after "Menurut dia," is his too.
    text = """Kerugian Kebakaran Pasar Dinilai Lebih Besar

KOTA SARI - Menurut data final Pemkot Kota Sari, kerugian akibat kebakaran pasar mencapai Rp 67,5 miliar, Selasa (21/10/2025).
Namun Ketua Ikatan Pedagang Pasar, Marzuki Nasir, menilai angka kerugian itu masih terlalu kecil. Menurut dia, kerugian pedagang bisa lebih dari Rp 100 miliar.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-10-21"))
    q = answerer.queries.read(
        "Apa tanggapan Ketua Ikatan Pedagang Pasar soal angka kerugian versi pemerintah kota?"
    )
    assert q.form == FACT and "versi" not in q.content
    assert answerer.queries.read("Beda versi soal jumlah kios yang terbakar?").form == COMPARE
    answer = answerer.answer(
        "Apa tanggapan Ketua Ikatan Pedagang Pasar soal angka kerugian versi pemerintah kota?"
    )
    assert answer.answered and "Marzuki Nasir" in answer.first.text
    said = answerer.answer("Marzuki Nasir bilang apa soal kerugian pedagang?")
    assert said.answered and any("lebih dari Rp 100 miliar" in q.text for q in said.sentences)


def test_what_somebody_said_with_no_matter_named_is_their_own_quoted_words(tmp_path: Path) -> None:
    # "ngomong apa aja?" names no matter: the lawyer's own quoted words answer, not the
    # sentence that tells of them in the reporter's words (which holds more of his name).
    text = """Bupati Divonis Tujuh Tahun Penjara

KOTA LIPAI - Majelis hakim menjatuhkan vonis tujuh tahun penjara kepada Bupati Batang Lipai, Senin (19/5/2025).
Kuasa hukum terdakwa, Fransiskus Lelono, mengatakan vonis itu terlalu berat dan timnya akan berdiskusi dengan keluarga.
"Banyak fakta persidangan yang diabaikan. Besar kemungkinan kami akan mengajukan banding," kata Fransiskus.
"Jalanan macet sekali pagi ini, kami hampir terlambat," kata Fransiskus saat tiba di pengadilan.
Jaksa menyatakan pikir-pikir atas putusan tersebut.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-05-19"))
    answer = answerer.answer("pengacaranya, fransiskus lelono, ngomong apa aja sih?")
    assert answer.answered and answer.first.text.startswith('"Banyak fakta')
    # A matter named without "soal" is still a matter: his words on the verdict, not any quote
    # of his (the traffic on his way in).
    other = text.replace(
        '"Banyak fakta persidangan yang diabaikan. Besar kemungkinan kami akan mengajukan banding," kata Fransiskus.\n',
        "",
    )
    (tmp_path / "lain").mkdir()
    answerer = Answerer.load(one_article(tmp_path / "lain", other, "2025-05-19"))
    on_it = answerer.answer("Apa kata Fransiskus menanggapi vonis?")
    assert on_it.answered and "vonis itu terlalu berat" in on_it.first.text


def test_two_figures_only_said_alike_are_no_disagreement(tmp_path: Path) -> None:
    # A body's temperature and the air's, each told by an official who "said" it: the verb of
    # saying makes no one happening of them.
    first = """Pelari Meninggal Usai Lomba

KOTA SARI - Kepala Dinas Kesehatan Kota Sari, dr. Fitri Lubis, menjelaskan suhu tubuh Rizky saat tiba di IGD mencapai 41,7 derajat Celsius.
"""
    second = """Cuaca Panas Saat Lomba

KOTA SARI - Kepala Stasiun Meteorologi Kota Sari, Agung Nugraha, mengatakan alat mencatat suhu udara 31,8 derajat Celsius pada pagi itu, saat Rizky berlari.
"""
    articles = [("a", "A", "2025-10-20", first), ("b", "B", "2025-10-20", second)]
    answerer = Answerer.load(write_corpus(tmp_path, "Lomba lari (contoh)", articles))
    answer = answerer.answer("Apakah semua media sepakat soal suhu tubuh Rizky saat tiba di IGD?")
    assert answer.kind is Kind.COMPARISON
    assert not answer.disagreements


def test_two_ages_of_one_person_are_a_disagreement(tmp_path: Path) -> None:
    # "Hendra Kurniawan (46)" in one outlet and "(44)" in another: asked whether the media agree
    # on his age, the two are shown apart, never "the sources agree".
    first = """Dua Kereta Bertabrakan di Sekarwangi

SEKARWANGI - Dua kereta bertabrakan di Sekarwangi, Selasa (11/3/2025). Salah satu korban adalah masinis KA Sekar Arum, Hendra Kurniawan (46).
"""
    second = """Keluarga Masinis Berduka

SEKARWANGI - Duka mendalam dirasakan keluarga masinis KA Sekar Arum, Hendra Kurniawan (44), di Kedungsari.
"""
    articles = [("a", "A", "2025-03-11", first), ("b", "B", "2025-03-15", second)]
    answerer = Answerer.load(write_corpus(tmp_path, "Tabrakan kereta (contoh)", articles))
    answer = answerer.answer("Apakah semua media sama soal umur masinis Hendra?")
    assert answer.kind is Kind.COMPARISON
    assert [(d.what, sorted(v for v, _ in d.values)) for d in answer.disagreements] == [("age", ["44", "46"])]
    assert not any(n.key == "sources_agree" for n in answer.notes)
    # asked of one person, only that person's ages are compared: another's printed beside it
    # ("Nayla (7)" against "Nayla Putri (6)") is no disagreement about him
    assert (
        _other_age(
            "Korban antara lain Muhammad Alif (9) dan Nayla (7).",
            "Yakni Muhammad Alif (9) dan Nayla Putri (6).",
            ["muhammad", "alif"],
        )
        is None
    )
    assert _other_age("Korban antara lain Muhammad Alif (9).", "Yakni Muhammad Alif (8).", ["alif"]) == (
        "age",
        "9",
        "8",
    )
    # ... nor another person's age the other sentence gives, nor seats in brackets
    assert _other_age("Hendra (46) dan Nayla (8) tewas.", "Nayla (9) tewas.", ["hendra"]) is None
    assert (
        _other_age(
            "Masinis KRL, Hendra Kurniawan (46), tewas.", "Asisten masinis, Dodi Saputra (30), dirawat."
        )
        is None
    )
    assert _other_age("PDIP (110) dan Golkar (102) kursi.", "PDIP (109) kursi.") is None


def test_each_outlets_count_is_the_one_in_the_clause_of_the_verb_asked(tmp_path: Path) -> None:
    # "jumlah orang yang diamankan polisi": the second outlet's "polisi mengamankan 12 orang",
    # not its "Untuk mengamankan unjuk rasa, polisi mengerahkan 850 personel", which holds as
    # many of the question's words but counts the police sent.
    first = """Demo Tolak Kenaikan BBM Ricuh

TELUKMAS - Polresta Telukmas mengamankan 19 orang setelah unjuk rasa menolak kenaikan harga BBM di depan Gedung DPRD, Senin (15/9/2025).
"""
    second = """Mahasiswa Demo di DPRD Telukmas

TELUKMAS - Untuk mengamankan demo mahasiswa di Telukmas, polisi mengerahkan 850 personel gabungan, Senin (15/9/2025).

Ia menyebut polisi mengamankan 12 orang.
"""
    articles = [("a", "A", "2025-09-15", first), ("b", "B", "2025-09-16", second)]
    answerer = Answerer.load(write_corpus(tmp_path, "Demo (contoh)", articles))
    answer = answerer.answer(
        "Apakah semua media sepakat mengenai jumlah orang yang diamankan polisi dalam demo?"
    )
    assert answer.kind is Kind.COMPARISON
    values = {v for d in answer.disagreements for v, _ in d.values}
    assert {"19 orang", "12 orang"} <= values, answer.disagreements
    assert not any("850" in q.text for q in answer.sentences)


def test_a_count_of_prospective_pilgrims_counts_the_pilgrims(tmp_path: Path) -> None:
    # "300 calon jemaah" against "347 calon jemaah": "calon" (to be) is no thing counted; the
    # two outlets count one thing differently.
    first = """Jemaah Umrah Telantar

BATU KENCANA - Sekitar 300 calon jemaah umrah telantar di Bandara Raja Kencana, Rabu (8/10/2025).
"""
    second = """Izin Travel Dibekukan

BATU KENCANA - Kemenag membekukan izin travel yang gagal memberangkatkan 347 calon jemaah umrah dari Bandara Raja Kencana, Rabu (8/10).
"""
    articles = [("a", "A", "2025-10-08", first), ("b", "B", "2025-10-09", second)]
    answerer = Answerer.load(write_corpus(tmp_path, "Umrah (contoh)", articles))
    assert answerer.queries.read("Berapa calon jemaah yang telantar?").asked_noun == "jemaah"
    answer = answerer.answer("Apakah semua media sepakat soal jumlah calon jemaah umrah?")
    assert answer.kind is Kind.COMPARISON
    values = {v for d in answer.disagreements for v, _ in d.values}
    assert {"300 calon jemaah", "347 calon jemaah"} <= values, answer.disagreements


def test_the_new_fields_reach_the_json(ferry: Answerer) -> None:
    data = ferry.timeline().to_json()
    assert data["kind"] == "timeline" and data["lead"] == "" and data["notes"] == []
    days = [s["day"] for s in data["sentences"]]
    assert days == sorted(days) and days[0] == "2025-05-09"
    assert all(s["when"] and s["context"] is False for s in data["sentences"])
    no = ferry.answer("ada korban jiwa gak?").to_json()
    assert no["kind"] == "answer" and no["lead"] == "tidak"
    silent = ferry.answer("Menurut Kabar Nusa, apa penyebab kebakaran?").to_json()
    assert silent["outlet"] == "kabarnusa" and silent["notes"] == [
        {"key": "outlet_silent", "outlet": "Kabar Nusa"}
    ]


FORMS = ("gist", "timeline", "outlet", "compare", "yesno", "why", "how", "said", "followup")


def test_every_form_has_blind_questions_held_out_too() -> None:
    from index.evaluation import load_items

    items = [
        i
        for path in sorted(Path(__file__).parent.joinpath("eval").glob("*_asks.toml"))
        for i in load_items(path)
    ]
    for form in FORMS:
        asked = [i for i in items if i.form == form]
        # At least 15 per form across the corpora, and part of them held out.
        assert len(asked) >= 15, form
        assert sum(i.split == "heldout" for i in asked) >= 6, form


# -- what a review found: dates, outlets, negations ----------------------------------------------


def test_a_date_without_a_year_is_on_or_before_publication() -> None:
    # Published 3 January: "Sabtu (28/12)" is the Saturday of the December before.
    assert date_of("Kapal tenggelam Sabtu (28/12).", dt.date(2025, 1, 3)) == (dt.date(2024, 12, 28), "Sabtu")


def test_a_week_is_not_a_sunday_and_a_later_plan_does_not_move_a_past_day() -> None:
    published = dt.date(2025, 5, 10)
    assert date_of("Pencarian dilakukan selama dua minggu.", published) is None
    assert date_of("Minggu lalu, hujan turun.", published) is None
    # "akan" after the weekday plans something else: the ship arrived last Thursday.
    assert date_of("Kapal yang tiba pada Kamis akan diperiksa.", published)[0] == dt.date(2025, 5, 8)
    assert date_of("Kamis ini, warga berkumpul.", published)[0] == dt.date(2025, 5, 8)


def test_a_timeline_of_a_long_live_blog_stays_cheap(tmp_path: Path) -> None:
    # 1,800 dated lines: centrality compares a bounded number of them, not all pairs.
    lines = [
        f"Petugas mengevakuasi {n + 5} warga dari kawasan {('Utara', 'Selatan')[n % 2]} pada Senin ({1 + n % 28}/2/2025) pukul {n % 24:02d}.{n % 60:02d} WIB."
        for n in range(600)
    ]
    text = "Banjir Melanda Kota Contoh\n\n" + "\n".join(lines)
    folder = write_corpus(
        tmp_path,
        "Banjir (contoh)",
        [(i, o, "2025-03-01", text) for i, o in (("a", "A"), ("b", "B"), ("c", "C"))],
    )
    answerer = Answerer.load(folder)
    answer = answerer.timeline()
    assert answer.kind is Kind.TIMELINE and 1 <= len(answer.sentences) <= 8
    assert len(answerer.answer("kronologinya?").sentences) <= 8


def test_two_named_outlets_are_compared_with_each_other(answerer: Answerer) -> None:
    answer = answerer.answer("Apakah kumparan dan Kompas sepakat soal tanggal keberangkatan Kim?")
    assert answer.kind is Kind.COMPARISON
    assert {i for q in answer.sentences for i in q.sources} == {"kumparan", "kompas"}
    assert [d.what for d in answer.disagreements] == ["date"]


def test_of_two_named_outlets_the_one_quoted_labels_the_reply(answerer: Answerer) -> None:
    answer = answerer.answer("Menurut Kompas dan DW, kapan Kim tiba di Vladivostok?")
    assert answer.kind is Kind.OUTLET and answer.outlet == "dw"
    assert [(n.key, n.outlet) for n in answer.notes] == [("outlet_silent", "Kompas.com")]


def test_an_outlet_alone_follows_the_last_question(answerer: Answerer) -> None:
    first = answerer.answer("Kapan Kim berangkat ke Rusia?")
    follow = answerer.answer("versi kumparan?", previous=first.topic)
    assert follow.kind is Kind.OUTLET and follow.first is not None and follow.first.sources == ("kumparan",)
    assert answerer.answer("versi kumparan?").kind is Kind.CLARIFY


def test_a_negation_of_something_not_asked_is_no_plain_no(tmp_path: Path) -> None:
    text = """Kapal Terbakar di Pelabuhan

Tidak lama kemudian kapal feri itu terbakar di dermaga pelabuhan pada Jumat (9/5/2025).
Petugas tidak menemukan korban di dalam kapal.
"""
    folder = write_corpus(tmp_path, "Kapal (contoh)", [("a", "Kabar A", "2025-05-10", text)])
    answerer = Answerer.load(folder)
    burned = answerer.answer("Apakah kapal feri itu terbakar di dermaga?")
    assert burned.answered and burned.lead != "tidak"


def test_each_outlet_is_compared_by_its_telling_of_the_same_happening(answerer: Answerer) -> None:
    # Kompas dates the departure and, elsewhere, the meeting: its departure is compared.
    answer = answerer.answer(
        "Apakah semua media sepakat mengenai tanggal keberangkatan Kim Jong Un ke Rusia?"
    )
    assert answer.kind is Kind.COMPARISON
    (differs,) = answer.disagreements
    assert {v for v, _ in differs.values} == {"Rabu (23/4)", "Rabu (24/4/2019)"}


def _three_outlets(folder: Path, day: str, texts: tuple[str, str, str], question: str) -> Answer:
    """The answer to `question` on a corpus of three one-article outlets, A, B and C."""
    articles = [(name, name.upper(), day, text) for name, text in zip("abc", texts, strict=True)]
    return Answerer.load(write_corpus(folder, "Tiga media (contoh)", articles)).answer(question)


def test_a_figure_of_a_named_thing_is_compared_on_that_thing(tmp_path: Path) -> None:
    # "angka ISPU": the outlets' readings of the index, not another figure they print.
    first = "Kabut Asap Pekat\n\nKOTA SARI - ISPU tertinggi di Kota Sari mencapai 348 pada Senin (8/9/2025)."
    second = "Asap Kota Sari\n\nKOTA SARI - Data DLH mencatat ISPU tertinggi di Kota Sari 312 pada Senin (8/9/2025)."
    third = "Hujan Buatan\n\nKOTA SARI - Pesawat terbang pada ketinggian 8.000 kaki di atas Kota Sari pada Senin (8/9/2025)."
    answer = _three_outlets(
        tmp_path,
        "2025-09-08",
        (first, second, third),
        "Apakah media sepakat soal angka ISPU tertinggi di Kota Sari?",
    )
    assert answer.kind is Kind.COMPARISON
    assert answer.sentences and all("ISPU" in q.text for q in answer.sentences)
    assert answer.disagreements


def test_an_appeal_not_to_is_no_no() -> None:
    from index.yesno import NO, lead

    def stem(word: str) -> str:
        return {"menaikkan": "naik", "naik": "naik"}.get(word, word)

    # Somebody asked them not to raise the fares: whether they did, nobody says.
    appeal = "Wali Kota meminta Organda setempat tidak menaikkan tarif angkutan kota."
    assert lead(appeal, {"naik"}, stem, False) == ""
    assert lead("Organda tidak menaikkan tarif angkutan kota.", {"naik"}, stem, False) == NO
    # An appeal's clause ends at "karena": the negation after it is a plain statement.
    told = "Wali Kota meminta warga tenang karena Organda tidak menaikkan tarif."
    assert lead(told, {"naik"}, stem, False) == NO


def test_a_negated_support_verb_negates_its_noun() -> None:
    from index.yesno import NO, lead

    # "Hendra banding gak?": "tidak mengajukan banding" says no; a negation of another
    # thing after the same verb does not.
    assert lead("Hendra tidak mengajukan banding atas vonis itu.", {"hendra", "banding"}, str, False) == NO
    assert lead("Hendra tidak mengajukan keberatan atas vonis itu.", {"hendra", "banding"}, str, False) == ""


def test_a_negation_the_question_shares_is_no_no() -> None:
    from index.yesno import NO, YES, lead, negated

    def stem(word: str) -> str:
        return {
            "memiliki": "milik",
            "ditanggung": "tanggung",
            "mengajukan": "aju",
            "dieksekusi": "eksekusi",
        }.get(word, word)

    # "Are patients WITHOUT insurance covered?": a sentence saying those without insurance are
    # covered says yes; its "tidak" describes who is asked about, as the question's does.
    question = "Apakah biaya pasien yang tidak memiliki BPJS ditanggung pemerintah?"
    shared = negated(read_question(question, lexicon()).words, stem)
    assert shared == {"milik"}
    # chat spelling reads the same; a negation asked about ("hadir atau tidak hadir?") is none
    assert negated(
        read_question("Apakah biaya pasien yg tdk memiliki BPJS ditanggung?", lexicon()).words, stem
    ) == {"milik"}
    assert not negated(read_question("Apakah Bupati hadir atau tidak hadir?", lexicon()).words, stem)
    absent = "Bupati Hendra tidak hadir dalam rapat paripurna."
    assert lead(absent, {"hadir"}, stem, True, frozenset()) == NO
    # past a light verb, its noun: "yang tidak mengajukan banding ... dieksekusi?"
    appealed = negated(
        read_question("Apakah terdakwa yang tidak mengajukan banding dieksekusi?", lexicon()).words, stem
    )
    executed = "Terdakwa yang tidak mengajukan banding dieksekusi ke lapas."
    assert lead(executed, {"aju", "banding", "eksekusi"}, stem, True, appealed) == YES
    told = "Pemkab memastikan biaya pasien yang tidak memiliki BPJS ditanggung pemerintah."
    asked = {"biaya", "pasien", "milik", "bpjs", "tanggung", "pemerintah"}
    assert lead(told, asked, stem, True) == NO  # without the question's own negation: a false "no"
    assert lead(told, asked, stem, True, shared) == YES
    refused = "Biaya pasien yang tidak memiliki BPJS tidak ditanggung pemerintah."
    assert lead(refused, asked, stem, True, shared) == NO


def test_sums_for_different_things_are_no_disagreement(tmp_path: Path) -> None:
    # "Rp 250.000 untuk kelas festival" and "Rp 175.000 untuk presale" price two tickets.
    first = "Tiket Konser\n\nKOTA SARI - Harga tiket konser itu berkisar Rp 250.000 untuk kelas festival hingga Rp 650.000 untuk VIP."
    second = "Konser Kota Sari\n\nKOTA SARI - Harga tiket konser itu berkisar Rp 175.000 untuk presale hingga Rp 650.000 untuk VIP."
    articles = [("a", "A", "2025-09-14", first), ("b", "B", "2025-09-14", second)]
    answer = Answerer.load(write_corpus(tmp_path, "Konser (contoh)", articles)).answer(
        "Apakah media sepakat soal harga tiket VIP?"
    )
    assert answer.kind is Kind.COMPARISON and not answer.disagreements


def _compared(tmp_path: Path, first: str, second: str, question: str) -> Answer:
    """The comparison `question` asks of three outlets: two stating `first` and `second`,
    a third about something else."""
    articles = [
        ("a", "A", "2025-11-07", f"Berita Satu\n\nKOTA SARI - {first}"),
        ("b", "B", "2025-11-07", f"Berita Dua\n\nKOTA SARI - {second}"),
        (
            "c",
            "C",
            "2025-11-07",
            "Berita Tiga\n\nKOTA SARI - Warga Kota Sari bergotong royong membersihkan jalan.",
        ),
    ]
    answer = Answerer.load(write_corpus(tmp_path, "Berita (contoh)", articles)).answer(question)
    assert answer.kind is Kind.COMPARISON
    return answer


@pytest.mark.parametrize(
    ("first", "second", "question", "values"),
    [
        # Each outlet's answer to "how many helicopters", written out.
        (
            "BNPB menurunkan tiga helikopter water bombing untuk memadamkan api di Kota Sari.",
            "Lebih dari 900 personel dikerahkan di Kota Sari, dibantu empat helikopter water bombing.",
            "Apakah media sepakat soal jumlah helikopter water bombing?",
            {"tiga helikopter", "empat helikopter"},
        ),
        # Months of a year.
        (
            "Program nyamuk Wolbachia di Kota Sari dijadwalkan dimulai Januari 2026.",
            '"Rencananya penyebaran telur nyamuk Wolbachia di Kota Sari dimulai Maret 2026," kata Rina.',
            "Media beda versi gak soal kapan program Wolbachia dimulai?",
            {"Januari 2026", "Maret 2026"},
        ),
        # A happening named by its noun, the question's verb only saying it took place.
        (
            "Perkara ini terungkap setelah KPK menggelar operasi tangkap tangan pada Kamis (14/11/2024) malam di Kota Sari.",
            "Perkara ini bermula dari operasi tangkap tangan KPK pada Jumat (15/11/2024) dini hari di Kota Sari.",
            "Apakah media sepakat soal kapan operasi tangkap tangan KPK berlangsung?",
            {"Kamis (14/11/2024)", "Jumat (15/11/2024)"},
        ),
        # A death told in other words ("mengembuskan napas terakhir"), dated after a comma.
        (
            "Korban meninggal adalah Nayla Putri (6) dari Desa Lalang yang meninggal Senin (3/11) dini hari.",
            "Nayla mengembuskan napas terakhir di RSUD Kota Sari, Minggu (2/11/2025) sekitar pukul 23.40 WIB.",
            "Media beda versi gak soal kapan Nayla meninggal?",
            {"Senin (3/11)", "Minggu (2/11/2025)"},
        ),
    ],
)
def test_each_outlets_answer_that_differs_is_a_disagreement(
    tmp_path: Path, first: str, second: str, question: str, values: set[str]
) -> None:
    answer = _compared(tmp_path, first, second, question)
    assert {value for d in answer.disagreements for value, _ in d.values} == values


def test_what_is_to_come_does_not_settle_whether_it_happened(tmp_path: Path) -> None:
    text = (
        "Konser Batal\n\nKOTA SARI - Band Bayang Jingga menyatakan tidak akan tampil di Kota Sari selama sepekan sebagai bentuk duka.\n"
        "Malam itu Bayang Jingga tidak jadi tampil."
    )
    answerer = Answerer.load(one_article(tmp_path, text))
    done = answerer.answer("Apakah Bayang Jingga tampil di Kota Sari?")
    assert done.answered and "tidak jadi tampil" in done.sentences[0].text
    # Asked what is to come, the sentence about what is to come settles it.
    ahead = answerer.answer("Apakah Bayang Jingga akan tampil di Kota Sari selama sepekan?")
    assert ahead.answered and "tidak akan tampil" in ahead.sentences[0].text


FOGGING = """Fogging di Kota Sari

KOTA SARI - Dinas Kesehatan Kota Sari melakukan fogging fokus di 12 desa sejak Senin. Kepala Bidang P2P Dinas Kesehatan Kota Sari, Yusran, menjelaskan fogging tidak bisa dilakukan sembarangan.

Ia menguraikan tahapannya. Pertama, petugas puskesmas memeriksa sekitar 20 rumah di sekitar rumah pasien. Kedua, pengasapan dilakukan dalam radius 200 meter dari rumah pasien.

Pengamat kesehatan menilai langkah itu sudah tepat. Namun, warga diminta tetap menguras bak mandi setiap pekan."""


def test_how_something_was_done_is_told_by_who_did_it_and_what_came_next(tmp_path: Path) -> None:
    # "dilihat oleh nelayan, lalu diangkat oleh awak kapal": the doer and the sequence tell
    # how the debris was found, more than the sentence that only says it was found.
    text = """Serpihan Pesawat Ditemukan

KOTA SARI - Serpihan pertama pesawat ditemukan di perairan utara Pulau Gosong pada Sabtu (14/6/2025) sekitar pukul 15.00 WIB.
Kepala Kantor SAR, Hendro Susatyo, mengatakan serpihan pertama kali ditemukan nelayan setempat dan dilaporkan ke pos SAR, lalu dievakuasi oleh awak kapal SAR.

Pencarian korban dilanjutkan pada Minggu pagi.
"""
    answerer = Answerer.load(one_article(tmp_path, text, "2025-06-14"))
    answer = answerer.answer("Bagaimana serpihan pesawat itu pertama kali ditemukan?")
    assert answer.answered and "ditemukan nelayan setempat" in answer.first.text


def test_the_steps_after_an_announced_process_tell_how(tmp_path: Path) -> None:
    # News names what a process is of, then "Ia menguraikan tahapannya.", then the steps in
    # words of their own: the first step answers "how", quoted after its announcement.
    answerer = Answerer.load(one_article(tmp_path, FOGGING))
    answer = answerer.answer("Bagaimana tahapan fogging yang dilakukan Dinas Kesehatan Kota Sari?")
    assert answer.answered
    quoted = " ".join(q.text for q in answer.sentences)
    assert "Pertama, petugas puskesmas memeriksa" in quoted
    # "menilai langkah itu" announces nothing: the sentence after it is no step.
    # Nor does "menjelaskan proses hukum ... tetap berjalan": no steps follow it.
    legal = "Kasus Rudi\n\nKOTA SARI - Kepala Kejaksaan Negeri Kota Sari, Hendra, menjelaskan proses hukum terhadap Rudi tetap berjalan meski ia mengajukan praperadilan. Kerugian negara ditaksir mencapai Rp 800 juta."
    (tmp_path / "hukum").mkdir()
    process = Answerer.load(one_article(tmp_path / "hukum", legal)).answer(
        "Bagaimana proses hukum terhadap Rudi?"
    )
    assert not any(q.text.startswith("Kerugian negara") for q in process.sentences)
    judged = answerer.answer("Bagaimana penilaian pengamat soal langkah itu?")
    assert judged.answered and judged.sentences[0].text.startswith("Pengamat kesehatan menilai")
    assert not any(q.text.startswith("Namun") for q in judged.sentences)


def test_a_step_opens_with_its_word_and_comma() -> None:
    from index.retrieval import _opens_a_step

    assert _opens_a_step("Pertama, petugas memeriksa rumah pasien.")
    assert _opens_a_step("Setelah itu regu membuat sumur bor.")
    assert _opens_a_step("Kemudian petugas mengasapi rumah.")
    # an ordinal before a noun, "lalu lintas", "terakhir kali": no step
    for text in (
        "Kedua negara sepakat.",
        "Ketiga korban dirawat.",
        "Lalu lintas macet.",
        "Terakhir kali gempa terjadi 2018.",
    ):
        assert not _opens_a_step(text), text


def test_asked_when_something_will_happen_the_plan_answers(tmp_path: Path) -> None:
    text = (
        "Rombongan Tiba\n\nKOTA SARI - Rombongan menteri berangkat dari Kota Sari pada Senin (3/11) pagi.\n"
        "Rombongan menteri dijadwalkan berangkat ke Kota Baru pada Jumat (7/11)."
    )
    answerer = Answerer.load(one_article(tmp_path, text, published="2025-11-04"))
    for question in ("Kapan rombongan menteri akan berangkat?", "When is the minister's party leaving?"):
        answer = answerer.answer(question)
        assert answer.answered and "Jumat (7/11)" in answer.sentences[0].text, question
    # Asked what happened, the happening answers; so it does asked when somebody said what
    # they would do.
    done = answerer.answer("Kapan rombongan menteri berangkat dari Kota Sari?")
    assert done.answered and "Senin (3/11)" in done.sentences[0].text
    said = "Mundur\n\nKOTA SARI - Budi Hartono menyatakan mundur dari jabatan ketua pada Senin (3/11).\nBudi Hartono akan resmi mundur dari jabatan ketua pada Jumat (7/11)."
    (tmp_path / "budi").mkdir()
    budi = Answerer.load(one_article(tmp_path / "budi", said, published="2025-11-04"))
    first = budi.answer("Kapan Budi Hartono menyatakan akan mundur dari jabatan ketua?")
    assert first.answered and "Senin (3/11)" in first.sentences[0].text


def test_a_cause_told_before_sehingga_answers_why(tmp_path: Path) -> None:
    text = (
        "Kabut Asap\n\nKOTA SARI - Seorang anak dibawa ke puskesmas di Kota Sari karena sesak napas.\n"
        "Angin bertiup kencang dari tenggara, sehingga asap terbawa ke Kota Sari."
    )
    answer = Answerer.load(one_article(tmp_path, text)).answer("Kenapa asapnya terbawa ke Kota Sari?")
    assert answer.answered and "sehingga asap terbawa" in answer.sentences[0].text


@pytest.mark.parametrize(
    ("first", "second", "question"),
    [
        # Cattle swept away is no count of the dead.
        (
            "Banjir di Kota Sari menewaskan dua orang warga.",
            "Banjir di Kota Sari menghanyutkan 40 ekor sapi milik warga dan menewaskan dua warga.",
            "Media sepakat gak soal jumlah warga tewas akibat banjir di Kota Sari?",
        ),
        # Seven witnesses questioned are no count of the traders hurt.
        (
            "Kebakaran pasar di Kota Sari melukai dua orang pedagang, kata Kapolres.",
            "Polisi memeriksa tujuh orang saksi terkait kebakaran pasar di Kota Sari yang melukai pedagang.",
            "Media sepakat gak soal jumlah pedagang yang terluka dalam kebakaran pasar Kota Sari?",
        ),
        # A landslide's dead are not the flood's.
        (
            "Banjir bandang di Kota Sari menewaskan tiga orang.",
            "Di tempat lain, longsor di Desa Bayur, Kota Sari, menewaskan lima orang.",
            "Media sepakat gak soal berapa orang tewas akibat banjir di Kota Sari?",
        ),
        # An aftershock is dated on its own day.
        (
            "Gempa bermagnitudo 5,8 mengguncang Kota Sari pada Senin (3/11).",
            "BMKG mencatat gempa susulan mengguncang Kota Sari pada Selasa (4/11).",
            "Media sepakat gak soal kapan gempa mengguncang Kota Sari?",
        ),
        # "Kapan banjir mulai": the day the flood reached 1.300 houses dates something else.
        (
            "Banjir yang merendam Kota Sari sejak Senin (3/2/2025) mulai surut pada Selasa (4/2/2025) sore.",
            "Jumlah rumah yang terendam banjir di Kota Sari bertambah menjadi 1.300 rumah pada Selasa (4/2/2025).",
            "Media sepakat gak soal kapan banjirnya mulai?",
        ),
        # The day a programme was planned for and the day it began date two things.
        (
            "Program nyamuk Wolbachia di Kota Sari dijadwalkan dimulai Januari 2026.",
            "Program nyamuk Wolbachia di Kota Sari dimulai Maret 2026 di Kecamatan Bayur.",
            "Media beda versi gak soal kapan program Wolbachia dimulai?",
        ),
        # An outlet that prints both dates gives the other's too.
        (
            "Banjir melanda Kota Sari pada Senin (3/11).",
            "Banjir kembali melanda Kota Sari pada Kamis (6/11), tiga hari setelah banjir pertama melanda pada Senin (3/11).",
            "Media sepakat gak soal kapan banjir melanda Kota Sari?",
        ),
        # Another person's death, in a paragraph that names the one asked about.
        (
            "Nayla Putri (6) dari Desa Lalang meninggal Senin (3/11) dini hari di RSUD Kota Sari.",
            "Korban DBD di Kota Sari bertambah. Nayla Putri sempat dirawat dua hari. Korban terakhir adalah Dimas Prayoga (11) yang meninggal Sabtu (8/11).",
            "Media beda versi gak soal kapan Nayla meninggal?",
        ),
        # A date after a comma that opens a clause of its own dates that clause.
        (
            "Nayla Putri meninggal, Senin (3/11/2025) ia sempat dirawat di RSUD Kota Sari.",
            "Nayla Putri dari Kota Sari meninggal pada Kamis (6/11/2025) di RSUD Kota Sari.",
            "Media beda versi gak soal kapan Nayla meninggal?",
        ),
    ],
)
def test_answers_about_other_things_or_occurrences_are_no_disagreement(
    tmp_path: Path, first: str, second: str, question: str
) -> None:
    answer = _compared(tmp_path, first, second, question)
    assert not answer.disagreements, answer.disagreements


def test_however_and_a_prospective_candidate_are_no_future() -> None:
    from index.yesno import ahead

    assert ahead("Band itu tidak akan tampil selama sepekan.")
    assert not ahead("Akan tetapi, konser itu tetap digelar di Kota Sari.")
    assert not ahead("Dua bakal calon bupati mendaftar ke KPU.")


def test_two_clock_times_of_what_the_question_says_whole_disagree(tmp_path: Path) -> None:
    # "lepas landas" is no verb the reader knows by its affixes; both statements hold every
    # word of the question, and the time sits in a comma-separated adjunct after the place.
    first = "Pesawat Hilang\n\nKOTA SARI - Pesawat lepas landas dari Bandara Raja Sari, Kota Sari, pada pukul 06.12 WIB."
    second = "Pesawat Hilang Kontak\n\nKOTA SARI - Berdasarkan data awal, pesawat lepas landas dari Bandara Raja Sari pukul 06.10 WIB."
    third = "Cuaca Cerah\n\nKOTA SARI - Jadwal keberangkatan semula pukul 06.00 WIB, tetapi pesawat tertunda karena antrean lepas landas."
    answer = _three_outlets(
        tmp_path,
        "2025-06-14",
        (first, second, third),
        "Jam berapa pesawat lepas landas? Apakah media sepakat?",
    )
    assert answer.kind is Kind.COMPARISON
    values = {v for d in answer.disagreements for v, _ in d.values}
    assert any("06.12" in v for v in values) and any("06.10" in v for v in values)
    # The schedule is another happening: no disagreement with it.
    assert not any("06.00" in v for v in values)
    # Two outlets printing other times are never one quote.
    assert all(len(q.sources) == 1 for q in answer.sentences if "06.1" in q.text)


def test_no_is_another_place_where_the_same_thing_happened(tmp_path: Path) -> None:
    story = "\n\n".join(
        [
            "Ratusan Orang Tua Siswa Unjuk Rasa",
            "LEMBAH KARANG - Sekitar 200 orang tua siswa berunjuk rasa di depan Kantor Bupati, Senin (20/10/2025).",
            "Petugas kemudian menemukan sisa makanan di gudang milik dapur umum Rantau Jaya.",
            "Ketua DPRD Lembah Karang berjanji memanggil pengelola dapur pekan depan.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2025-10-20"))
    # "di gedung DPRD": a place noun typed in lowercase, then its name, is the place asked
    # about; the sentence naming where they did protest says no.
    protest = answerer.answer("ortu demo di gedung dprd ya?")
    assert protest.lead == "tidak" and "Kantor Bupati" in protest.first.text


def test_no_is_never_a_place_where_something_else_happened() -> None:
    # Asked whether the plane left from an airport the articles name as its destination, the
    # sentence naming where the search team found debris is no other place it left from.
    crash = Answerer.load(Path(__file__).parent / "fixtures" / "corpus_pesawat")
    left = crash.answer("Apakah pesawat CW 2718 berangkat dari Bandara Haji Daeng Lolo?")
    assert left.lead != "tidak", left.first


def test_who_said_it_is_read_before_what_it_was_said_about(tmp_path: Path) -> None:
    story = "\n\n".join(
        [
            "Pleno KPU Tetapkan Hasil Pilkada",
            "TANJUNG RANGKAI - KPU menetapkan hasil rekapitulasi dalam rapat pleno, Rabu (4/12/2024).",
            '"Hasil pleno rekapitulasi sudah kami tetapkan secara terbuka," kata Ketua KPU Abdul Gafur.',
            "Pasangan Azhar Mahmud-Desi Ratnasari meraih 20.114 suara.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2024-12-04"))
    # The KPU chair spoke of the count; Azhar is named, never quoted: the sources do not say.
    assert not answerer.answer("apa kata azhar mahmud soal hasil pleno kpu?").answered
    said = answerer.answer("apa kata abdul gafur soal hasil pleno?")
    assert said.answered and "rekapitulasi" in said.first.text


def test_the_speaker_is_read_beside_the_word_of_saying_when_the_topic_comes_first() -> None:
    from index.lexicon import lexicon
    from index.question import read_question
    from index.ranking import _before_topic

    first = read_question("kalau soal hasil pleno kpu, azhar mahmud bilang apa?", lexicon())
    assert {"azhar", "mahmud"} <= _before_topic(first.words) and "kpu" not in _before_topic(first.words)
    last = read_question("apa kata azhar mahmud soal hasil pleno kpu?", lexicon())
    assert "kpu" not in _before_topic(last.words)


def test_the_day_a_comparison_dates_its_figure_by_is_no_name_it_must_hold(answerer: Answerer) -> None:
    # "pada Kamis, 25 April": an outlet may date the figure "Kamis", "(25/4)" or by its own
    # date line; the day is weak evidence, not a name every answer must print
    q = answerer.queries.read(
        "Apakah semua media sepakat soal jumlah buruh Korea Utara pada Kamis, 25 April?"
    )
    terms = {t.word: t for t in answerer.queries.build(q, None).terms}
    assert {"kamis", "25", "april"} <= set(terms)
    assert not any(terms[w].strong or terms[w].specific for w in ("kamis", "25", "april")), terms
