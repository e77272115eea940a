"""Reading questions as people type them: language, question type, chat words, English."""

from __future__ import annotations

import pytest

from index.lexicon import lexicon
from index.question import (
    DATE,
    DURATION,
    MANNER,
    MEASURE,
    NUMBER,
    ORIGIN,
    PERSON,
    PLACE,
    REASON,
    SAID,
    TIME,
    WHAT,
    YESNO,
    read_question,
)


@pytest.mark.parametrize(
    ("text", "qtype"),
    [
        ("Di mana Kim dan Putin bertemu?", PLACE),
        ("dimana kim ketemu putin", PLACE),
        ("Di kota perbatasan mana Kim tiba?", PLACE),
        ("Kapan pertemuan itu?", DATE),
        ("Tanggal berapa Kim tiba?", DATE),
        ("Hari apa mereka bertemu?", DATE),
        ("Siapa yang mendampingi Kim?", PERSON),
        ("brp pekerja korut di rusia?", NUMBER),
        ("Berapa buruh yang bekerja di sana?", NUMBER),
        ("Mengapa buruh harus pulang?", REASON),
        ("knp buruhnya pulang", REASON),
        ("Bagaimana Kim pergi ke Rusia?", MANNER),
        ("naik apa dia ke sana", MANNER),
        ("Apakah ada kesepakatan yang ditandatangani?", YESNO),
        ("Apa yang dibahas?", WHAT),
        ("where did they meet?", PLACE),
        ("When did Kim arrive?", DATE),
        ("Who went with Kim?", PERSON),
        ("How many North Korean workers are in Russia?", NUMBER),
        ("Why did the workers leave?", REASON),
        ("Was an agreement signed?", YESNO),
        # a later "when" joins a clause ("saat"): the question word before it asks
        ("How many people fled when the fire spread?", NUMBER),
        ("Was the school closed when the haze got worse?", YESNO),
        ("Who led the rescue when the ship sank?", PERSON),
        # ... unless it follows a word that embeds a question ("agree on when", "tell me when")
        ("Do the outlets agree on when the fire started?", DATE),
        ("Can you tell me when the fire started?", DATE),
        ("Where and when did they meet?", PLACE),
        # a question word mistyped by a letter is still that question word
        ("Bagaimna Kim pergi ke Rusia?", MANNER),
        ("Mengapaa buruh harus pulang?", REASON),
        ("Dimna Kim dan Putin bertemu?", PLACE),
        ("siapq yang mendampingi Kim?", PERSON),
        ("Wher did they meet?", PLACE),
        # ... and so is a word that frames what is asked: a date, a time, a count compared
        ("Apakah semua media sepakat soal tangal konser digelar?", DATE),
        ("Apakah ada perbedaan berita soal wkatu meninggalnya korban?", TIME),
        ("Media sepakat gak soal jumlh korban?", NUMBER),
        # a cause asked by the noun of its trigger, or by chat "kok" ("motif" is also a pattern)
        ("Apa pemicu kebakaran itu?", REASON),
        ("kok bisa kapalnya terbakar?", REASON),
        ("Apa motif batik yang dikenakan penari?", WHAT),
        # somebody's words asked by an English noun naming them, or by chat "komen"
        ("What were the mayor's remarks on the flood?", SAID),
        ("bupati komen apa soal banjir?", SAID),
        # a noun naming what somebody said asks their words; a reaction need not be words
        ("Apa tanggapan jaksa soal vonis itu?", SAID),
        ("Bagaimana komentar KPK?", SAID),
        ("Bagaimana reaksi warga?", MANNER),
    ],
)
def test_question_type(text: str, qtype: str) -> None:
    assert read_question(text, lexicon()).qtype == qtype


def test_the_noun_naming_somebodys_words_is_not_searched() -> None:
    # The mayor's words are asked: a quote of the mayor need not hold "pernyataan".
    q = read_question("What were the mayor's remarks on the flood?", lexicon())
    assert "banjir" in q.content and not {"pernyataan", "ucapan"} & set(q.content)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Di mana mereka bertemu?", "id"),
        ("dimana kim ketemu putin", "id"),
        ("brp pekerja korut di rusia?", "id"),
        ("where did they meet?", "en"),
        ("How many North Korean workers are in Russia?", "en"),
        ("What is the weather in Jakarta?", "en"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert read_question(text, lexicon()).language == language


def test_chat_words_become_standard_indonesian() -> None:
    q = read_question("dimana kim ketemu putin yg pertama", lexicon())
    assert q.words[:2] == ("di", "mana")
    assert "bertemu" in q.words and "yang" in q.words
    assert "ketemu" not in q.content
    korut = read_question("brp pekerja korut", lexicon())
    assert ("korea", "korut") in korut.aliases


def test_english_words_become_indonesian_search_words_and_names_pass() -> None:
    q = read_question("Where did Kim meet Putin?", lexicon())
    assert "kim" in q.content and "putin" in q.content
    assert "bertemu" in q.content
    assert "where" not in q.words and "did" not in q.words


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("Was the gate scheduled to open at 3 pm?", "15.00"),
        ("Did the fire start before 7:15 a.m.?", "07.15"),
        ("Was the train due at 10.30pm?", "22.30"),
        ("Did the vote close at 12 pm?", "12.00"),
    ],
)
def test_an_english_twelve_hour_time_is_searched_as_news_prints_it(text: str, clock: str) -> None:
    # Indonesian news prints the twenty-four-hour clock ("pukul 15.00 WIB"); "pm" is no prime
    # minister.
    q = read_question(text, lexicon())
    assert clock in q.content
    assert not {"pm", "am", "p", "a", "m"} & set(q.content)


@pytest.mark.parametrize(
    ("text", "qtype"),
    [
        ("What's the latest death toll?", NUMBER),
        ("What was the number of passengers on board?", NUMBER),
        ("What was the death toll in the quake?", NUMBER),
        ("Apa jumlah korban tewas terbaru?", NUMBER),
        ("What toll road did they close?", WHAT),
        ("Apa yang dibahas kedua pemimpin?", WHAT),
    ],
)
def test_what_asking_for_a_count_asks_a_number(text: str, qtype: str) -> None:
    # "What is the death toll?" wants a figure, as "Berapa jumlah korban?" does; a sentence
    # saying only that the toll was updated does not answer it.
    q = read_question(text, lexicon())
    assert q.qtype == qtype
    if qtype == NUMBER:
        assert "jumlah" not in q.content  # the count word asks; it names no topic


def test_an_english_phrase_asked_about_is_asked_by_its_head() -> None:
    # "black box" is one lexicon entry ("kotak hitam"): "which black box" asks for a "kotak".
    assert read_question("Which black box was found first?", lexicon()).asked_noun == "kotak"


def test_an_english_singular_is_read_when_only_its_plural_is_listed() -> None:
    # The lexicon lists "wages"; a person types "wage".
    assert {"gaji", "upah"} & set(read_question("Who gets the wage subsidy?", lexicon()).content)


@pytest.mark.parametrize("text", ["halo", "Hai bot!", "terima kasih", "makasih ya", "thanks"])
def test_greetings(text: str) -> None:
    assert read_question(text, lexicon()).greeting


def test_a_question_is_not_a_greeting() -> None:
    assert not read_question("halo, di mana mereka bertemu?", lexicon()).greeting


def test_follow_up_questions_are_anaphoric() -> None:
    assert read_question("kapan itu?", lexicon()).anaphoric
    assert read_question("siapa yang ikut?", lexicon()).anaphoric
    assert not read_question("Kapan Kim tiba di Khasan?", lexicon()).anaphoric


@pytest.mark.parametrize(
    ("text", "qtype"),
    [
        ("Jam berapa gempa terjadi?", TIME),
        ("pukul berapa pesawat lepas landas?", TIME),
        ("Berapa jam pencarian dihentikan?", DURATION),
        ("Berapa lama sidang berlangsung?", DURATION),
        ("Sudah berapa tahun umur pesawat itu?", DURATION),
        ("Tahun berapa masjid itu dibangun?", DATE),
        ("Berapa kedalaman gempa?", MEASURE),
        ("Seberapa kuat gempanya?", MEASURE),
        ("antreannya sepanjang apa?", MEASURE),
        ("Di mana pusat gempa?", ORIGIN),
        ("Kantor berita mana yang melaporkannya?", WHAT),
        ("Kota mana yang terdampak?", PLACE),
        ("Apa kata bupati soal bantuan?", SAID),
        ("Dengan moda transportasi apa mereka datang?", MANNER),
        ("gubernur ngomong apa soal biayanya?", SAID),
        ("ada korban gak?", YESNO),
        ("udah ketemu belum?", YESNO),
        # The chat tag may come before the subject.
        ("udah banding belum si bupatinya?", YESNO),
        ("Apa yang melatarbelakangi keputusan itu?", REASON),
        # "What did X say" asks X's words, unless a cause or a value follows.
        ("What did Kim tell Putin?", SAID),
        ("What did police say caused the fire?", REASON),
        ("ada korban gak di pasar itu?", YESNO),
        # The most specific of several question words wins.
        ("What does the paper say about when the press conference started?", DATE),
    ],
)
def test_typed_question_kinds(text: str, qtype: str) -> None:
    assert read_question(text, lexicon()).qtype == qtype


def test_a_chat_tag_is_not_a_search_word() -> None:
    q = read_question("ada polisi yg luka gak?", lexicon())
    assert "tidak" not in q.content and "gak" not in q.content
    assert {"polisi", "luka"} <= set(q.content)


def test_a_mistyped_question_word_is_read_as_meant() -> None:
    assert read_question("Kapn gempa terjadi?", lexicon()).content == ("gempa",)
    # an everyday word one letter off a question word stays itself ("dana" is no "dan")
    assert "dana" in read_question("Dari mana dana proyek itu?", lexicon()).content


def test_a_word_glossed_in_the_articles_words_is_searched_by_its_gloss() -> None:
    printed = frozenset({"uang", "pengganti", "ispa", "kasus"})
    q = read_question("How was the restitution (uang pengganti) worked out?", lexicon(), printed=printed)
    assert {"uang", "pengganti"} <= set(q.content) and "restitusi" not in q.content
    ari = read_question("How many ARI (ISPA) cases were there?", lexicon(), printed=printed)
    assert "ispa" in ari.content and "ari" not in ari.content
    # a gloss the articles do not print leaves the question as typed
    assert "ari" in read_question("How many ARI (ISPA) cases?", lexicon(), printed={"ari"}).content


def test_chat_forms_no_table_lists() -> None:
    # Jakarta "-in" for "-kan", a doubled word written with a 2, a dropped h, stretched letters.
    assert "dihentikan" in read_question("knp pencarian dihentiin", lexicon()).content
    # ... with a nasal chat prefix before the root ("ngurus-", "nge-racun"): the "me-" verb
    assert "mengurus" in read_question("siapa yg ngurusin jenazahnya?", lexicon()).content
    assert "meracuni" in read_question("siapa yg ngeracunin ikannya?", lexicon()).content
    # ... the root's last "a" typed "e" before "-in" ("ditemenin" is "ditemani")
    assert "ditemani" in read_question("presidennya ditemenin siapa?", lexicon()).content
    # ... "kilo" for a kilogram, as prices and weights are spoken ("Rp 12 ribu per kilo")
    assert "kilogram" in read_question("harga beras per kilo brp?", lexicon()).content
    # ... and a kilometre beside a word of distance
    assert "kilometer" in read_question("Warga diungsikan sejauh berapa kilo?", lexicon()).content
    # ... "ke-" for "di-" where the articles print it ("keterima" is "diterima"), not "ke" and a
    # noun typed as one word ("kelokasi")
    assert "diterima" in read_question("anaknya keterima gak?", lexicon(), printed={"diterima"}).content
    assert "dilokasi" not in read_question("kelokasi brp lama?", lexicon()).content
    # ... a nasal prefix before a root opening on two consonants keeps its first one
    assert "memprotes" in read_question("siapa yg ngeprotesin?", lexicon()).content
    # ... an everyday word is no chat form of an affixed one the articles print ("ketua" is no
    # "tertua", "nilai" no "menilai")
    assert "ketua" in read_question("Siapa ketua panitia?", lexicon(), printed={"tertua"}).content
    assert "nilai" in read_question("Berapa nilai kerugian?", lexicon(), printed={"menilai"}).content
    # ... an affixed form the articles print, however rare in general ("disiagakan"), but no
    # letter changed into a word they print ("pleno" is not "plano")
    assert (
        "disiagakan" in read_question("brp polisi yg disiagain?", lexicon(), printed={"disiagakan"}).content
    )
    assert "pleno" in read_question("kapan rapat pleno?", lexicon(), printed={"pleno", "plano"}).content
    assert read_question("yg luka2 brp orang", lexicon()).content.count("luka") == 2
    # ... with a suffix after the 2: no figure "2" is asked about
    # ... not a formula or a unit, read as the articles print it
    assert read_question("kadar CO2 berapa?", lexicon()).content == ("co", "2")
    assert read_question("berapa km2 lahan terbakar?", lexicon()).content[:2] == ("km", "2")
    korban = read_question("korban2nya brp?", lexicon())
    assert korban.content == ("korban", "korban") and korban.qtype == NUMBER
    # "gara2" / "gara-gara" is "karena": a cause, no topic word
    assert read_question("gara2 apa banjirnya?", lexicon()).qtype == REASON
    assert "gara" not in read_question("ada yg meninggal gak gara-gara banjir?", lexicon()).content
    assert "hilang" in read_question("pesawatnya ilang di mana", lexicon()).content
    assert "parah" in read_question("parahhh gak sih", lexicon()).content
    # A nasal verb prefix without its "me": "nyebar" is "menyebar".
    assert "menyebar" in read_question("knp apinya cepet nyebar?", lexicon()).content
    # ... and with the Jakarta "-in" for "-i" too: "nanganin" is "menangani".
    assert "menangani" in read_question("udh nanganin brp pasien?", lexicon()).content
    # "-nya" on an abbreviation the press prints: "korlapnya" is the "korlap".
    assert "korlap" in read_question("siapa korlapnya?", lexicon()).content


def test_english_mixed_into_chat_indonesian_is_translated() -> None:
    # "take off", "meeting": English inside an Indonesian question, as chat writes it.
    read = read_question("jam brp pesawatnya take off?", lexicon())
    assert read.language == "id" and {"lepas", "landas"} <= set(read.content)
    assert "pertemuan" in read_question("meeting-nya kapan sih", lexicon()).content
    # ... unless the articles print the English word themselves: then it is their term.
    kept = read_question("crisis centre-nya di mana?", lexicon(), printed=frozenset({"crisis", "centre"}))
    assert {"crisis", "centre"} <= set(kept.content)
    # ... a phrase too ("take off" printed by the articles stays their term).
    printed = read_question("pesawatnya take off jam brp?", lexicon(), printed=frozenset({"take", "off"}))
    assert {"take", "off"} <= set(printed.content)
    # Words Indonesian writes as its own ("data", "hoaks") stay as typed.
    assert "data" in read_question("datanya dari mana?", lexicon()).content


def test_a_loan_indonesian_writes_as_it_is_is_searched_with_its_indonesian_words() -> None:
    # "refund", "fogging": chat writes them as Indonesian does; an article may print
    # "pengembalian" or "pengasapan" instead, and the loan stays searched too.
    for text, words in (
        ("cara klaim refund biaya daftar gmn?", {"pengembalian", "refund"}),
        ("fogging di desa itu kapan?", {"pengasapan", "fogging"}),
    ):
        read = read_question(text, lexicon())
        assert read.language == "id" and any(words <= set(slot) for slot in read.slots), read.slots


def test_an_english_time_zone_is_the_one_the_press_prints() -> None:
    # "in Jakarta time" is "WIB", as Indonesian news prints the clock
    assert "wib" in read_question("What time did the final begin, in Jakarta time?", lexicon()).content


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("What did the lawyer say about the Rp3.5 million payment?", "3500000"),
        ("Was the fine Rp 50 million?", "50000000"),
        ("How was the 1.2 billion rupiah budget spent?", "1200000000"),
        ("Did 2,500 people flee?", "2500"),
        # an English thousands comma before the multiplier: 3,621 trillion, 1,200 billion
        ("Was the state budget Rp 3,621 trillion?", "3621000000000000"),
        ("Was the loss Rp 1,200 billion?", "1200000000000"),
    ],
)
def test_an_english_figure_with_its_multiplier_is_the_articles_figure(text: str, figure: str) -> None:
    # "Rp3.5 million" is printed "Rp3,5 juta", which the articles' words read as one figure:
    # the English decimal point and "million" make the same figure, not "3.5" and "juta".
    read = read_question(text, lexicon())
    assert figure in read.content
    assert not {"juta", "miliar", "million", "billion"} & set(read.content)


def test_date_nouns_joined_by_dan_both_ask_for_the_date() -> None:
    # "hari dan tanggal berapa", "tanggal dan hari apa", "hari dan jam berapa": each noun
    # asks for the date or the time, none is a topic word.
    for text in (
        "Pada hari dan tanggal berapa gempa terjadi?",
        "tanggal dan hari apa sidang digelar?",
        "hari dan jam berapa sidang digelar?",
    ):
        read = read_question(text, lexicon())
        assert read.qtype in ("date", "time") and not {"hari", "tanggal", "jam"} & set(read.content), text


def test_an_english_report_is_searched_unless_an_outlet_reports() -> None:
    # "its preliminary report": a document, searched as "laporan".
    assert "laporan" in read_question("When will the KNKT publish its preliminary report?", lexicon()).content
    # "What does ANTARA report about ...": the outlet's reporting, not searched.
    read = read_question("What does ANTARA report about the ships?", lexicon(), {"antara": "antara"})
    assert read.outlets and "laporan" not in read.content


def test_the_asked_for_value() -> None:
    assert read_question("Berapa usia Yuri Ushakov?", lexicon()).asked_noun == "usia"
    assert read_question("Partai apa yang menang?", lexicon()).asked_noun == "partai"
    assert read_question("harga tiketnya brp sih?", lexicon()).asked_noun == "harga"
    # "jam brp" asks the hour: the demonstration is the topic, not a value the answer names.
    assert read_question("demo di dprd mulai jam brp sih", lexicon()).asked_noun == ""
    # "brp orang" counts people: the demonstration is what they did, not a value asked.
    assert read_question("yg demo ada brp orang tuh", lexicon()).asked_noun == ""
    assert read_question("Berapa kedalaman gempa?", lexicon()).asked_noun == "kedalaman"
    assert read_question("Di mana Kim tiba?", lexicon()).asked_noun == ""


def test_outlet_names_are_not_search_words() -> None:
    names = {"kompascom": "kompas", "kompas": "kompas", "dw": "dw", "dwindonesia": "dw", "kabarnusa": "kn"}
    q = read_question("Menurut Kompas.com, naik apa Kim ke Rusia?", lexicon(), names)
    assert q.outlets == ("kompas",) and "kompas" not in q.content and "menurut" not in q.content
    assert "kereta" not in q.content and "kim" in q.content
    # Initials ("Deutsche Welle" for DW), words run together, one typo in a long name.
    assert read_question("What does Deutsche Welle say about Kim?", lexicon(), names).outlets == ("dw",)
    assert read_question("apa kata kabar nusa soal gempa", lexicon(), names).outlets == ("kn",)
    assert read_question("menurut kabarnusq gempanya jam brp", lexicon(), names).outlets == ("kn",)
    assert read_question("What did Kim say?", lexicon(), names).outlets == ()


def test_a_measure_question_searches_for_the_measure_named() -> None:
    # "Seberapa dalam ...?" is answered by "kedalaman 10 km"; "besar" has no such noun.
    assert "kedalaman" in read_question("Seberapa dalam pusat gempa?", lexicon()).content
    assert "kebesaran" not in read_question("Seberapa besar kerugiannya?", lexicon()).content


def test_inflected_english_words_find_their_lexicon_entry() -> None:
    # A plural, a past tense or an -ing form the lexicon does not list is read as its base.
    for text in ("Did Putin say he boosted ties?", "Is Putin boosting ties?", "Putin boosts ties?"):
        assert "meningkatkan" in read_question(text, lexicon()).content, text


def test_chat_articles_and_english_phrasal_verbs_are_read_whole() -> None:
    # "si" before a name or a noun is the chat article: nothing to search.
    assert "si" not in read_question("udah banding belum si bupatinya?", lexicon()).content
    # "fell ill" is being sick, not falling.
    content = read_question("How many pupils fell ill?", lexicon()).content
    assert "sakit" in content and "jatuh" not in content


def test_a_negation_inside_a_chat_yes_no_question_is_kept() -> None:
    # Only a tag right after the opener's predicate is a tag; "yang tidak selamat" negates.
    assert "tidak" in read_question("ada penumpang yang tidak selamat ya?", lexicon()).content
    assert read_question("What did BMKG say the magnitude was?", lexicon()).qtype != SAID
    # "brp orang" after a noun of people counts those people.
    assert read_question("penumpangnya ada brp orang?", lexicon()).asked_noun == "penumpang"


@pytest.mark.parametrize(
    "text",
    [
        "Pukul berapa pintu masuk konser dibuka?",
        "What time did the flight depart?",
        "Tanggal berapa sidang dimulai?",
    ],
)
def test_a_when_question_asks_the_hour_not_the_noun_after_it(text: str) -> None:
    # "Pukul berapa pintu ...": the hour is asked; "pintu" is what it is the hour of, not a value
    # an answer must hold under that name ("gerbang dibuka pukul 15.00" answers too).
    assert read_question(text, lexicon()).asked_noun == ""
    assert read_question("Berapa tiket yang terjual?", lexicon()).asked_noun == "tiket"


def test_the_name_asked_for_is_no_topic_word() -> None:
    # "Apa nama masjid itu?", "What is the name of the imam?": the name is what is asked; an
    # answer need not print the word "nama".
    for text in ("Apa nama masjid yang roboh?", "What is the name of the imam?", "Siapa nama imam masjid?"):
        q = read_question(text, lexicon())
        assert q.wants_name and "nama" not in q.content, text


def test_a_mistyped_office_is_read_as_the_office() -> None:
    # "kepla" is "kepala": the office says whose name is wanted, and the unit after it whose
    # head ("Kepala Loka POM ..." heads another).
    q = read_question("Siapa nama kepla SPPG Rantau Jaya?", lexicon())
    assert "kepala" in q.words and q.office == {"sppg", "rantau", "jaya"}


def test_a_noun_that_opens_like_a_verb_is_no_verb() -> None:
    # "Kepala Dinas Kesehatan": "dinas" opens with "di" but is no passive verb; the office
    # runs on ("Kepala Dinas Kesehatan soal fogging": the health office's head).
    assert read_question("Apa kata Kepala Dinas Kesehatan soal fogging?", lexicon()).office == {
        "dinas",
        "kesehatan",
    }


def test_an_irregular_english_negation_is_read_as_not() -> None:
    # "won't" is "will not", not a word "wo"; "can't" and "shan't" likewise.
    for text in ("Why won't fogging stop the outbreak?", "Why can't the plane land?"):
        content = read_question(text, lexicon()).content
        assert "tidak" in content and not {"wo", "ca"} & set(content), (text, content)


def test_english_news_words_find_the_words_indonesian_news_prints() -> None:
    # a blood bag is a "kantong", its processing "pengolahan"; a plane's debris "serpihan"
    content = read_question("How much is the blood processing fee per bag?", lexicon()).content
    assert {"pengolahan", "kantong"} <= set(content), content
    assert "serpihan" in read_question("Where was the debris found?", lexicon()).content


@pytest.mark.parametrize(
    ("text", "qtype", "not_searched"),
    [
        ("puskesmas ke rsud jauhnya brp km sih?", MEASURE, "jauh"),
        ("jembatan itu panjangnya berapa?", MEASURE, "panjang"),
        ("sidangnya lamanya berapa?", DURATION, "lama"),
    ],
)
def test_a_measure_typed_before_berapa_is_asked(text: str, qtype: str, not_searched: str) -> None:
    # Chat puts the measure first ("jauhnya brp?"): asked as "berapa jauh" is, no search word.
    q = read_question(text, lexicon())
    assert q.qtype == qtype and not_searched not in q.content, (q.qtype, q.content)
    # ... but "dalam berapa hari" is "within how many days", not "how deep".
    assert read_question("dalam berapa hari tim tiba?", lexicon()).qtype == DURATION


def test_a_chat_word_the_articles_print_is_searched_as_printed_too() -> None:
    # "bos" is chat for "pemimpin", and the articles print it ("bos judi online"): either
    # will do. "dr" is chat for "dari" and a doctor's title in print: a function word stays
    # the chat word's reading only.
    printed = frozenset({"bos", "judi", "online", "dr"})
    q = read_question("Kapan bos judi online ditangkap?", lexicon(), printed=printed)
    assert ("pemimpin", "bos") in q.slots and "bos" in q.content
    assert "dr" not in read_question("makanannya dr dapur mana?", lexicon(), printed=printed).content


def test_english_typed_into_chat_is_read_when_the_articles_do_not_print_it() -> None:
    content = read_question("udah brp kali sih hendra finish full marathon sebelumnya?", lexicon()).content
    assert {"menyelesaikan", "penuh"} <= set(content), content
    # a word Indonesian uses as much as English stays as typed
    assert "update" in read_question("update korban gempa brp?", lexicon()).content


def test_english_news_senses_of_everyday_verbs() -> None:
    # kept in intensive care is "dirawat"; to file a claim "mengajukan"; a police case review
    # is a "gelar perkara"
    assert "dirawat" in read_question("How long was he kept in intensive care?", lexicon()).words
    assert "mengajukan" in read_question("When can runners file a claim?", lexicon()).words
    assert "gelar" in read_question("When is the police case review?", lexicon()).words
    # the operator of a kitchen or a business is its "pengelola"
    assert "pengelola" in read_question("Who is the operator of the kitchen?", lexicon()).words
    # charged by the police is "dijerat"/"didakwa"; taken to hospital "dilarikan"
    assert "dijerat" in read_question("What was he charged with?", lexicon()).words
    assert "dilarikan" in read_question("Which hospital were the victims taken to?", lexicon()).words


def test_a_name_asked_last_in_chat_is_a_name_asked() -> None:
    q = read_question("nama kapal polairud yg bawa logistik ke pulau merbah apa?", lexicon())
    assert q.wants_name and "nama" not in q.content


def test_an_estimate_frames_the_value_asked() -> None:
    # "berapa perkiraan anggaran ...": the budget is asked, the estimate only frames it
    q = read_question("Berapa perkiraan anggaran yang dibutuhkan untuk PSU?", lexicon())
    assert q.asked_noun == "anggaran"


def test_name_the_verb_asks_no_name() -> None:
    # "Who did the police name as suspects?": to name is to designate; the suspects may be
    # given by their initials. "the (full) name of" asks a name.
    assert not read_question("Who did the Pamaluang police name as suspects?", lexicon()).wants_name
    full = read_question("What is the full name of the pilot?", lexicon())
    assert full.wants_name and "penuh" not in full.content


@pytest.mark.parametrize(
    ("text", "qtype", "asked"),
    [
        # a size before "berapa" and a count after it count ("gempa besar", "alat berat")
        ("gempa besar berapa kali terjadi?", NUMBER, "gempa"),
        ("pemprov menyewa berapa helikopter?", NUMBER, "helikopter"),
        ("membayar berapa kali cicilan?", NUMBER, "cicilan"),
        # a sum before "berapa" and whom it is for after it: the sum is asked
        ("jasa raharja ngasih santunan brp ke keluarga tiap korban?", NUMBER, "santunan"),
        # "berapa total ...", as "berapa jumlah ...": the thing after it is counted
        ("Berapa total poin peringkat dunia pasangan itu?", NUMBER, "poin"),
        # how often, at the end or before whom: the happening's "kali" is asked, nothing named
        ("tersangka wajib lapor brp kali ke polisi?", NUMBER, ""),
        ("gempa terjadi berapa kali?", NUMBER, ""),
    ],
)
def test_counts_stay_counts(text: str, qtype: str, asked: str) -> None:
    q = read_question(text, lexicon())
    assert (q.qtype, q.asked_noun) == (qtype, asked)


def test_until_a_date_asks_the_date_and_names_no_arriving() -> None:
    # "Sampai tanggal berapa ... diundur?": "sampai" is "until" there, as in "sampai kapan";
    # no arriving ("sampai" the verb) is searched
    for text in ("Sampai tanggal berapa keberangkatan diundur?", "Hingga hari apa jalan ditutup?"):
        read = read_question(text, lexicon())
        assert read.qtype == DATE and not {"sampai", "hingga"} & set(read.content), text


def test_a_chat_abbreviation_typed_in_capitals_is_the_acronym_the_articles_print() -> None:
    # "SMP" typed in capitals where the articles print SMP is the school, not chat "smp"
    # ("sampai"); in lowercase, or where the articles print no SMP, chat's reading stays.
    printed = frozenset({"smp", "sd", "siswa"})
    school = read_question("berapa siswa SD dan SMP yang terdampak?", lexicon(), printed=printed)
    assert "smp" in school.content and "sampai" not in school.content
    chat = read_question("smp kapan warga bertahan?", lexicon(), printed=printed)
    assert "sampai" in chat.words
    unprinted = read_question("SMP kapan warga bertahan?", lexicon(), printed=frozenset({"warga"}))
    assert "sampai" in unprinted.words
    # a question typed all in capitals is chat typed loud: its "DR" is "dari"
    loud = read_question("KORBAN DATANG DR MANA?", lexicon(), printed=frozenset({"dr", "korban"}))
    assert loud.qtype == PLACE and "dr" not in loud.content


def test_question_word_typos_are_read_whatever_the_articles_print() -> None:
    printed = frozenset({"siap", "kapal", "tangan", "bulan"})
    assert read_question("siapq yang memimpin?", lexicon(), printed=printed).qtype == PERSON
    assert read_question("tangal berapa sidangnya?", lexicon(), printed=printed).qtype == DATE


def test_forms_of_address_are_not_kin() -> None:
    # "ibu Dimas" is Dimas's mother: searched
    assert "ibu" in read_question("berapa usia ibu Dimas?", lexicon()).content
    # "no urut 3" is the number, not English "no"
    assert "nomor" in read_question("pasangan no urut 3 dapat berapa suara?", lexicon()).content
    # getting to work is travelling, not how something works
    assert "bekerja" in read_question("How did the workers get to work?", lexicon()).content


def test_a_particle_gives_way_to_the_phrase_it_opens() -> None:
    # "started the fire on purpose": "on purpose" (sengaja), not "fire on" (menembaki); "fuel
    # price rise" keeps its first phrase, which ends in no particle
    q = read_question("Did the police find that someone started the fire on purpose?", lexicon())
    assert "sengaja" in q.words and "menembaki" not in q.words
    assert "bbm" in read_question("What about inflation after the fuel price rise?", lexicon()).words


def test_which_kind_of_person_asks_who() -> None:
    # "Which officer ...?", "petugas mana ...?": someone, by name; the English noun phrase
    # ends at the verb after it ("passed out"), and the kind of person need not be printed
    for text in ("Which officer passed out after breathing in smoke?", "petugas mana yang pingsan?"):
        q = read_question(text, lexicon())
        assert q.qtype == PERSON and q.asked_noun == "", text
    for text in ("Which party does the regent belong to?", "What are the traders demanding?", "Pemadam apa?"):
        assert read_question(text, lexicon()).qtype != PERSON, text


def test_which_place_after_a_preposition_asks_where() -> None:
    # "In which city ...?", "To which hospital ...?" ask where, as "Di kota mana ...?" does:
    # the place named with its preposition answers, and the word "city" need not be printed
    for text in (
        "In which city did the summit take place?",
        "To which hospital were the victims taken?",
        "Di kota mana KTT digelar?",
    ):
        q = read_question(text, lexicon())
        assert q.qtype == PLACE and q.asked_noun == "", text
    # with no preposition, which one of a kind is asked: its name; and Indonesian "dari apa"
    # asks what something is made of
    assert read_question("Which city hosted the summit?", lexicon()).qtype == WHAT
    assert read_question("Terbuat dari apa jalan darurat itu?", lexicon()).qtype != PLACE


def test_what_is_counted_is_named_nearest_before_the_count_word() -> None:
    # the noun nearest before "ada berapa yang ...", not a setting ("di kapal itu") nor a figure
    for text, counted in (
        ("Dari 30 korban, ada berapa yang meninggal?", "korban"),
        ("Kapal itu membawa pelampung berapa biji?", "pelampung"),
        ("Di kapal itu ada berapa yang selamat?", ""),
        ("Pasca gempa ada berapa yang mengungsi?", ""),
        ("Berapa lembar uang palsu disita?", ""),  # notes counted, no sum asked
    ):
        assert read_question(text, lexicon()).asked_noun == counted, text


def test_another_role_in_the_office_stays_part_of_it() -> None:
    # "wakil ketua DPRD": the deputy of the chair; only the role in another spelling
    # ("manager" beside "manajer") is no word of the office
    assert "ketua" in read_question("Siapa wakil ketua DPRD Tanah Merapu?", lexicon()).office
    assert "manager" not in read_question("Who is the general manager of the airport?", lexicon()).office


def test_a_classifier_counts_the_thing_named_with_it() -> None:
    # "brp biji", "berapa butir": the life jackets, the pills are counted, not "biji"
    assert read_question("pelampungnya ada brp biji sih di kapal itu?", lexicon()).asked_noun == "pelampung"
    assert read_question("Berapa butir ekstasi disita?", lexicon()).asked_noun == "ekstasi"
    assert read_question("Berapa ekor kambing dimangsa?", lexicon()).asked_noun == "kambing"
    # "ada brp yg ...": what is counted is named before; "yang" opens what is told of it
    q = read_question("anak SMPN 1 Batu Lentera ada brp yg ikut dibawa ke puskesmas?", lexicon())
    assert q.asked_noun == "anak"


def test_what_someone_said_about_who_asks_their_words() -> None:
    # "What did the regent say about who may close the mines?": his words on it, not a name
    # from anywhere; "... soal kapan ..." still asks the date, and "Who said ...?" the speaker
    for text in (
        "What did the regent say about who has the power to shut down the mines?",
        "Apa kata polisi soal siapa pelakunya?",
    ):
        assert read_question(text, lexicon()).qtype == SAID, text
    assert read_question("Apa kata kapolres soal kapan tersangka ditangkap?", lexicon()).qtype == DATE
    assert read_question("Who said the fire started at midnight?", lexicon()).qtype == PERSON


def test_a_modal_ends_the_phrase_asked_about() -> None:
    # "Which rivers should residents watch?": the rivers are asked about, not the residents
    q = read_question("Which rivers should residents watch?", lexicon())
    assert q.qtype == WHAT and q.asked_noun == "sungai"
    # and opening a question, it asks yes or no as "do" does; "May" is a month too
    assert read_question("Should residents stay indoors?", lexicon()).qtype == YESNO
    assert read_question("How many May Day protesters were arrested?", lexicon()).asked_noun == "demonstran"


def test_an_irregular_past_tense_ends_the_phrase_asked_about() -> None:
    # "How many pupils fell ill?": pupils are counted, not "ill"
    assert read_question("How many pupils fell ill?", lexicon()).asked_noun == "murid"
    assert read_question("Which team won the match?", lexicon()).asked_noun == "tim"


def test_a_verbs_phrase_keeps_its_particle_before_a_preposition() -> None:
    # "go up to Rp 16,000": "go up" (naik) stays; "up to" opens no adverbial phrase
    assert "naik" in read_question("Did the price of rice go up to Rp 16,000 per kg?", lexicon()).words
    # a noun ending in "ed" is no past tense ending the noun phrase ("top speed")
    assert read_question("What top speed was recorded?", lexicon()).asked_noun == "kecepatan"


def test_a_question_inside_a_chat_yes_no_question_asks_yes_or_no() -> None:
    # "KPK ngumumin siapa aja yg ditangkap gak?" asks whether it was told, as "Apakah KPK
    # mengumumkan siapa ...?" does; "korbannya siapa aja sih?" still asks who
    told = read_question("malam itu KPK ngumumin siapa aja yg ditangkap gak?", lexicon())
    assert told.qtype == YESNO and "mengumumkan" in told.content
    assert read_question("polisi nyebut di mana pelaku ditangkap gak?", lexicon()).qtype == YESNO
    assert read_question("korbannya siapa aja sih?", lexicon()).qtype == PERSON
    # the reader asked whether he knows, or a softening "ya", asks the fact itself
    assert read_question("Tau gak siapa yang ditangkap KPK?", lexicon()).qtype == PERSON
    assert read_question("KPK menyebut berapa kerugian negara ya?", lexicon()).qtype == NUMBER
    assert read_question("Ada yang tahu kapan sidangnya ya?", lexicon()).qtype == DATE


def test_the_time_something_took_is_asked_not_searched() -> None:
    # "makan waktu brp jam?", "berapa lama waktu ...": the articles write "berlangsung delapan
    # jam", with no "makan" nor "waktu"
    took = read_question("geledahnya makan waktu brp jam sih?", lexicon())
    assert took.qtype == DURATION and not {"makan", "waktu"} & set(took.content)
    assert "waktu" not in read_question("Berapa lama waktu pencarian korban?", lexicon()).content
