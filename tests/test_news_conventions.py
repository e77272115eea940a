"""Conventions of news writing and of English questions about Indonesian news, each checked on
a small invented corpus: the lead paragraph states the main facts, English learned words are
Indonesian loanwords in another spelling, and an English compound may be an Indonesian phrase."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from small_corpus import one_article, write_corpus

from index.answerer import Answerer
from index.lexicon import lexicon
from index.loanwords import loan_spellings
from index.question import read_question

# An invented story: one quake, one aftershock, reported by one outlet in one article.
QUAKE = "\n\n".join(
    [
        "Gempa Guncang Kota Lembah Hijau",
        (
            "LEMBAH HIJAU - Gempa bermagnitudo 5,2 mengguncang Kota Lembah Hijau pada Senin "
            "(3/2/2025) pukul 10.15 WIB. Tim geofisika menyebut pusatnya di darat."
        ),
        "Warga berhamburan keluar rumah dan sebagian mengungsi ke lapangan kota pada Senin.",
        "Warga Desa Batu Ulu mengungsi ke lapangan kota pada Senin malam.",
        "Kepala BPBD Lembah Hijau, Sari Wulandari, mengatakan tiga rumah rusak ringan.",
        "Gedung sekolah di pusat kota yang direnovasi pada 2019 tidak mengalami kerusakan.",
        "Petugas masih mendata kerusakan di desa-desa sekitar. Di Desa Batu Ulu, 12 rumah rusak berat.",
        "Gempa kembali mengguncang Kota Lembah Hijau pada Senin pukul 13.40 WIB dengan kekuatan lebih kecil.",
        "Bantuan untuk keluarga korban sudah diterima 120 keluarga, kata Sari.",
        "Setiap keluarga menerima bantuan sebesar Rp 500.000 untuk memperbaiki rumah.",
        '"Sekolah anak saya diliburkan dua hari karena gempa," kata Wati, warga Lembah Hijau.',
        "Dinas Pendidikan mencatat 14 sekolah diliburkan sejak Senin.",
    ]
)


@pytest.fixture(scope="module")
def quake(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = write_corpus(
        tmp_path_factory.mktemp("quake"),
        "Gempa Lembah Hijau",
        [("warta", "Warta Contoh", "2025-02-03", QUAKE)],
    )
    return Answerer.load(Path(folder))


@pytest.mark.parametrize(
    "question", ["gempanya jam berapa?", "Pukul berapa gempa mengguncang Kota Lembah Hijau?"]
)
def test_the_lead_states_the_main_happening(quake: Answerer, question: str) -> None:
    # Two sentences hold the question as fully; the one the article leads with is the event
    # asked about, the later one its aftershock.
    answer = quake.answer(question)
    assert answer.answered
    assert "pukul 10.15 WIB" in answer.sentences[0].text


def test_english_learned_words_are_found_in_their_indonesian_spelling(quake: Answerer) -> None:
    assert loan_spellings("evacuation")[0] == "evakuasi"
    assert loan_spellings("geophysics")[0] == "geofisika"
    assert loan_spellings("renovated")[0] == "renovasi"
    assert loan_spellings("it") == []
    # Neither word is in the English lexicon: the articles print "direnovasi", "geofisika".
    assert "renovated" not in lexicon().english and "geophysics" not in lexicon().english
    renovated = quake.answer("When was the school building renovated?")
    assert renovated.answered and "direnovasi pada 2019" in renovated.sentences[0].text
    assert quake.answer("What did the geophysics team say about the centre?").answered
    # A learned word no article prints in any spelling still means the articles do not say.
    assert not quake.answer("When was the interpellation motion signed?").answered


def test_an_english_compound_may_be_an_indonesian_phrase() -> None:
    # "tear gas" is "gas air mata": three words, each one a slot of the question, not three
    # alternatives of which any would do.
    words = replace(lexicon(), english={**lexicon().english, "tear gas": ("gas_air_mata",)})
    q = read_question("Did police fire tear gas?", words)
    assert ("gas",) in q.slots and ("air",) in q.slots and ("mata",) in q.slots
    aligned = replace(
        lexicon(), english={**lexicon().english, "press conference": ("konferensi_pers", "jumpa_pers")}
    )
    q = read_question("When was the press conference?", aligned)
    assert ("konferensi", "jumpa") in q.slots and ("pers",) in q.slots
    # Where one word of the articles may say it all ("KTT"), the phrase's words are
    # alternatives of one slot, like the word's.
    summit = replace(lexicon(), english={**lexicon().english, "summit": ("ktt", "pertemuan_puncak")})
    q = read_question("Where was the summit?", summit)
    assert ("ktt", "pertemuan", "puncak") in q.slots


def test_the_size_of_a_sum_is_its_amount(quake: Answerer) -> None:
    # "Berapa besar": a size; of a sum of money, the amount, not the count of its receivers.
    answer = quake.answer("Berapa besar bantuan yang diterima tiap keluarga?")
    assert answer.answered and "Rp 500.000" in answer.sentences[0].text


def test_a_short_name_part_typed_a_letter_short_is_the_name(quake: Answerer) -> None:
    # "Batu Ul" for "Batu Ulu": a dropped letter in a short word after a name.
    answer = quake.answer("Berapa rumah rusak berat di Desa Batu Ul?")
    assert answer.answered and "Desa Batu Ulu" in answer.sentences[0].text


def test_a_part_of_the_day_tells_the_hour_more_nearly_than_the_day(quake: Answerer) -> None:
    answer = quake.answer("Jam berapa warga mengungsi ke lapangan kota?")
    assert answer.answered and "Senin malam" in answer.sentences[0].text


def test_english_keeps_its_preposition_at_the_end() -> None:
    # "Where ... from?" asks where from; "diverted" is "divert" + "ed", not "diver".
    assert read_question("Where do the helicopters get their water from?", lexicon()).preposition == "dari"
    assert read_question("Where was the plane diverted to?", lexicon()).preposition == "ke"
    assert "penyelam" not in read_question("Where was the plane diverted to?", lexicon()).words
    assert "berhenti" in read_question("Where was it stopped?", lexicon()).words


def test_a_mistyped_noun_with_nya_is_the_noun(quake: Answerer) -> None:
    # "kerusakn" + "-nya": the typo is in the noun, not in the chat suffix ("kerusakan", or the
    # everyday "kerusakannya": the same stem is searched).
    stem = quake.index.stemmer.stem
    assert stem(quake.queries.correct("kerusaknnya")) == stem("kerusakan") == "rusak"


def test_a_name_mistyped_twice_is_the_one_name_that_near(quake: Answerer) -> None:
    # "Wulandri" is one typo from "Wulandari"; "Wlandri" two: still the only name that near.
    assert quake.queries.correct("wlandri") == "wulandari"
    # An ordinary word two typos from a name stays itself.
    assert quake.queries.correct("lembur") == "lembur"


def test_a_count_of_another_thing_is_no_count_of_the_thing_asked(quake: Answerer) -> None:
    # "dua hari" counts days; the question counts schools.
    answer = quake.answer("Berapa banyak sekolah yang diliburkan karena gempa?")
    assert answer.answered and "14 sekolah" in answer.sentences[0].text


def test_the_date_asked_is_the_one_in_the_clause_that_tells_it(tmp_path: Path) -> None:
    # "..., yang lebih dulu diangkat pada Senin" dates the lifting of the first box, not the
    # finding of the second.
    text = "\n\n".join(
        [
            "Kotak Hitam Kedua Ditemukan",
            "JAKARTA - Penyelam terus mencari kotak hitam kedua pesawat itu.",
            (
                "CVR ditemukan sekitar 80 meter dari lokasi penemuan FDR, yang lebih dulu diangkat "
                "pada Senin (16/6/2025) sekitar pukul 11.00 WIB."
            ),
            "Kotak hitam kedua, yakni CVR, ditemukan penyelam pada Rabu (18/6/2025) pukul 15.40 WIB.",
        ]
    )
    folder = write_corpus(tmp_path, "Kotak hitam (contoh)", [("a", "A", "2025-06-18", text)])
    answer = Answerer.load(folder).answer("cvr nya ketemu kapan?")
    assert answer.answered and "Rabu (18/6/2025)" in answer.sentences[0].text


def test_figures_as_english_and_chat_write_them(quake: Answerer) -> None:
    # English groups thousands with a comma; Indonesian uses it for decimals.
    assert "30000" in read_question("Who sold the 30,000 tickets?", lexicon()).content
    assert "1500000" in read_question("Berapa warga dapat 1,5 juta?", lexicon()).words
    # "1 pintu" where an article writes "satu pintu", and the other way round.
    query = quake.queries.build(quake.queries.read("knp cuma 1 pintu yg dibuka?"), None)
    assert any("satu" in t.equivalents for t in query.terms if t.word == "1")


def test_a_short_english_name_ending_in_ing_is_read(quake: Answerer) -> None:
    # "Ming" is no "-ing" form: reading it must not fail.
    assert read_question("Where is Ming from?", lexicon()).qtype == "place"
    assert not quake.answer("Is Ming safe?").answered


def test_rules_found_on_new_corpora_keep_what_worked(tmp_path: Path) -> None:
    text = "\n\n".join(
        [
            "Kapal Tenggelam, Jembatan Dibuka",
            "KOTA SARI - Sebanyak 20 dari 38 penumpang kapal berhasil diselamatkan tim SAR.",
            (
                "Jembatan Kota Sari sudah dibuka kembali pada Senin (3/2/2025), dan pengendara "
                "diharapkan tetap berhati-hati."
            ),
            "Gempa bermagnitudo 5,2 mengguncang Kota Sari pada Senin (3/2/2025).",
            "Pemerintah menyalurkan bantuan Rp 500 juta untuk korban gempa di Kota Sari.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-02-03"))
    # "20 dari 38": a figure besides the question's own 38.
    survivors = answerer.answer("Berapa dari 38 penumpang yang selamat?")
    assert survivors.answered and "20 dari 38" in survivors.first.text
    # "diharapkan" urges; the sentence still reports that the bridge reopened.
    assert answerer.answer("Apakah jembatan sudah dibuka kembali?").answered
    # The size of a quake is its magnitude, not a sum of aid given for it.
    size = answerer.answer("Seberapa besar gempanya?")
    assert size.answered and "bermagnitudo 5,2" in size.first.text


def test_a_role_noun_opening_a_sentence_names_again_the_one_just_named(tmp_path: Path) -> None:
    # "Korban dimakamkan di ...": the victim is the trader the sentence before names, not the
    # traders buried elsewhere in the words of the question.
    text = "\n\n".join(
        [
            "Pedagang Tewas dalam Kebakaran Pasar",
            "KOTA SARI - Seorang pedagang sembako, Sutarno (64), meninggal dunia dalam kebakaran "
            "pasar, Selasa (14/10/2025) malam. Korban dimakamkan di Tempat Pemakaman Umum Tanjung "
            "Jati pada Rabu sore.",
            "Wali kota meminta pengelola pasar memperbaiki hidran. Dua pedagang yang tewas dalam "
            "kebakaran pasar lama pada 2019 dikuburkan di TPU Bukit Sari.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-10-15"))
    answer = answerer.answer("Di mana Sutarno dikuburkan?")
    assert answer.answered and "Tempat Pemakaman Umum Tanjung" in answer.first.text


def test_another_one_of_a_role_is_not_the_one_just_named(tmp_path: Path) -> None:
    # "Tersangka lain, seorang pekerja berusia 25 tahun, ...": another suspect, whose age is
    # not Hartono's; "Korban luka ..." is a kind, not the one named before.
    text = "\n\n".join(
        [
            "Polisi Tangkap Pemodal Tambang",
            "KOTA SARI - Polisi menangkap Hartono, pemodal tambang emas ilegal, Minggu (19/10/2025). "
            "Tersangka lain, seorang pekerja berusia 25 tahun, masih diburu polisi.",
            "Warga berharap tambang ilegal segera ditutup.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, text, "2025-10-19"))
    for question in ("Berapa usia Hartono?", "Hartono umurnya berapa?"):
        assert not answerer.answer(question).answered, question


def test_a_ship_named_with_its_prefix_is_a_ship(tmp_path: Path) -> None:
    # "KM Sinar Bahari" is a kapal motor: "kapal" in the question finds it, and the "KM"
    # before a name is no kilometre
    story = "\n\n".join(
        [
            "Kapal Penumpang Tenggelam di Selat Batu",
            "BATU - Sebuah kapal penumpang tenggelam di Selat Batu pada Sabtu (15/2/2025).",
            "Menurut syahbandar, KM Sinar Bahari bertolak dari Pelabuhan Tanjung Batu pukul 13.30 WITA.",
            "Tim SAR menyisir perairan sejauh 12 KM dari pelabuhan.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2025-02-15"))
    answer = answerer.answer("Jam berapa kapal itu berangkat dari Pelabuhan Tanjung Batu?")
    assert answer.answered
    assert "pukul 13.30 WITA" in answer.sentences[0].text
    ship, distance = (s for s in answerer.index.sentences if "KM" in s.text)
    assert "kapal" in ship.terms and "kilometer" not in ship.terms
    assert "kilometer" in distance.terms


def test_a_ship_prefix_is_read_only_before_a_ships_name(tmp_path: Path) -> None:
    # "Jalan MT Haryono" is a street, "TB Paru" a disease; "KRI Nanggala" keeps its words
    story = "\n\n".join(
        [
            "Kabar Kota Hari Ini",
            "KOTA - Macet panjang terjadi di Jalan MT Haryono.",
            "Pasien TB Paru dirawat di RSUD.",
            "KRI Nanggala berlayar di perairan utara Bali.",
        ]
    )
    answerer = Answerer.load(one_article(tmp_path, story, "2025-02-15"))
    street, disease, warship = answerer.index.sentences[1:4]
    assert "kapal" not in street.terms and "kapal" not in disease.terms
    assert "kapal" in warship.terms and "republik" in warship.terms
