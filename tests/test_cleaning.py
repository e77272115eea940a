"""clean_article on the five real articles in corpus/ and on small synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import Paragraph, clean_article

CORPUS = Path(__file__).parent.parent / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"

ARTICLES = {
    "dw": ("000_e1a1f6dd65dc8a54.txt", "Kim Jong Un dan Vladimir Putin Bertemu di Vladivostok"),
    "kompas": (
        "001_ed5145d0c32323f7.txt",
        "Dalam Pertemuan Bersejarah, Ini yang Dibicarakan Putin dan Kim Jong Un",
    ),
    "kumparan": (
        "002_493df48a9f6184ad.txt",
        "Kim Jong-un Gunakan Kereta ke Rusia untuk Temui Presiden Putin",
    ),
    "viva": (
        "003_51472091feba746b.txt",
        "Pertemuan Pertama Putin-Kim, Sepakat Tingkatkan Hubungan Bilateral",
    ),
    "kontan": ("004_b724f73c1ca55076.txt", ""),
}

# Body paragraphs per article (headline not counted), checked by reading each file.
BODY_COUNTS = {"dw": 13, "kompas": 12, "kumparan": 11, "viva": 9, "kontan": 10}


def raw(article: str) -> str:
    return (CORPUS / ARTICLES[article][0]).read_text(encoding="utf-8")


def cleaned(article: str) -> list[Paragraph]:
    return clean_article(raw(article), ARTICLES[article][1])


def body(article: str) -> list[str]:
    return [p.text for p in cleaned(article) if not p.is_headline]


def joined(article: str) -> str:
    return "\n".join(p.text for p in cleaned(article))


def assert_dropped(article: str, *fragments: str) -> None:
    text = joined(article)
    for fragment in fragments:
        assert fragment in raw(article), fragment  # guard against typos in the test itself
        assert fragment not in text, fragment


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_every_kept_text_is_verbatim_and_stripped(article: str) -> None:
    source = raw(article)
    lines = source.splitlines()
    for p in cleaned(article):
        assert p.text == p.text.strip() and p.text
        assert p.text in source
        assert any(p.text in line for line in lines)


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_no_paragraph_repeats(article: str) -> None:
    texts = [p.text for p in cleaned(article)]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_body_paragraph_count(article: str) -> None:
    assert len(body(article)) == BODY_COUNTS[article]


@pytest.mark.parametrize("article", ["dw", "kompas", "kumparan", "viva"])
def test_headline_kept_first(article: str) -> None:
    paragraphs = cleaned(article)
    assert paragraphs[0] == Paragraph(ARTICLES[article][1], True)
    assert sum(p.is_headline for p in paragraphs) == 1


@pytest.mark.parametrize("article", ["dw", "kompas", "kumparan", "viva"])
def test_headline_found_without_being_told(article: str) -> None:
    paragraphs = clean_article(raw(article))
    assert paragraphs[0] == Paragraph(ARTICLES[article][1], True)


def test_kontan_has_no_headline_and_starts_with_the_story() -> None:
    paragraphs = cleaned("kontan")
    assert not any(p.is_headline for p in paragraphs)
    assert paragraphs[0].text.startswith("Pemimpin Korea Utara Kim Jong Un bertemu dengan")


def test_datelines_removed() -> None:
    assert body("kompas")[0].startswith("Presiden Rusia Vladimir Putin mendapat kunjungan")
    assert body("viva")[0].startswith("Presiden Rusia Vladimir Putin dan pemimpin Korea Utara")
    assert body("kontan")[0].startswith("Pemimpin Korea Utara Kim Jong Un")
    for article in ARTICLES:
        text = joined(article)
        assert "KOMPAS.com -" not in text
        assert "KONTAN.CO.ID" not in text
        assert "VIVA –" not in text


def test_dw_keeps_body() -> None:
    paragraphs = body("dw")
    assert paragraphs[0].startswith("Pemimpin Korea Utara dan Rusia bertemu di Vladivostok")
    assert any(p.startswith('"Saya mengucapkan terima kasih') for p in paragraphs)
    assert any("sekitar 10.000 buruh Korea Utara" in p for p in paragraphs)
    assert paragraphs[-1].endswith("pada hari Jumat (26/4).")


def test_dw_drops_furniture() -> None:
    assert_dropped(
        "dw",
        "Buka konten",
        "Buka menu utama",
        "Buka situs DW lainnya",
        "25 April 2019\n",
        "https://p.dw.com/p/3HONg",
        "Russland Wladiwostok Treffen Putin und Kim",
        "Russland Nordkorea l Treffen",
        "Foto: picture-alliance/dpa/V. Melnikov",
        "Bendera Rusia dan Korea Utara menghiasi jalan-jalan",
        "Rusia siap membantu",
        "Pertemuan bersejarah\n",
        "hp/as (ap, dpa, interfax)",
    )
    assert "." not in [p.text for p in cleaned("dw")]


def test_kompas_keeps_body() -> None:
    paragraphs = body("kompas")
    assert (
        '"Juga apa yang bisa dilakukan Rusia untuk mendukung proses positif yang sedang terjadi," ujarnya.'
    ) in paragraphs
    assert "Sementara, Kim mengaku berharap pengembangan hubungan tradisional dengan Rusia." in (paragraphs)
    assert paragraphs[-1].startswith("Akibatnya, Korea Utara tidak memiliki jalan")


def test_kompas_drops_furniture_and_everything_after_terkini_lainnya() -> None:
    assert_dropped(
        "kompas",
        "25/04/2019, 12:17 WIB",
        "(AFP/POOL/Alexander Zemlianichenko)",
        "Baca juga:",
        "Kim Jong Un Disebut Eksekusi 4 Pejabat",
        "Dapatkan Smartphone",
        "Berkomentarlah secara bijaksana",
        "Laporkan Komentar",
        "Kami sudah menerima laporan Anda",
        "Terkini Lainnya",
        "Internasional",
        "Menlu Retno Ajak Guatemala Gabung CPOPC",
        "Close Ads",
    )
    source = raw("kompas")
    tail = source[source.index("Terkini Lainnya") :]
    for p in cleaned("kompas"):
        assert p.text not in tail


def test_kumparan_keeps_body() -> None:
    paragraphs = body("kumparan")
    assert paragraphs[0].startswith("Menggunakan kereta Pemimpin Tertinggi Korea Utara")
    assert any("pada Rabu (23/4)." in p for p in paragraphs)
    assert paragraphs[-1].endswith("menginjakkan kaki di Pyongyang.")


def test_kumparan_drops_furniture() -> None:
    assert_dropped(
        "kumparan",
        "24 April 2019 11:54 WIB",
        "comment",
        "sosmed-whatsapp-white",
        "copy-link-circle",
        "more-vertical",
        "zoom-in-whitePerbesar",
        "Foto:",
        "Kolase pemimpin Korea Utara",
        "ADVERTISEMENT",
    )
    assert "1" not in [p.text for p in cleaned("kumparan")]


def test_viva_keeps_body() -> None:
    paragraphs = body("viva")
    assert any(p.startswith('"Karena dunia terfokus pada Semenanjung Korea') for p in paragraphs)
    assert paragraphs[-1].startswith("Tenaga kerja adalah salah satu ekspor utama")


def test_viva_drops_caption_teasers_and_pagination() -> None:
    assert_dropped(
        "viva",
        "Pemimpin Korea Utara, Kim Jong-un.",
        "Sumber :",
        "Istimewa",
        "Delegasi Korea Utara Kunjungi Iran, Isu Kerjasama Semakin Kuat",
        "Deretan Negara Paling Tak Percaya Tuhan di Dunia, Mayoritas di Benua Asia!",
        "Kim Jong Un Dikabarkan Punya Selingkuhan Seorang Penyanyi, Hingga Punya Anak Bersama",
        "Halaman Selanjutnya",
    )


def test_kontan_drops_byline() -> None:
    assert_dropped("kontan", "Sumber: Reuters | Editor: Tendi Mahadi")
    assert body("kontan")[-1].endswith("bantuan yang nyata bagi Pyongyang.")


# Synthetic pages: other outlets' furniture, to show the rules are not about these five.


def test_synthetic_page_from_another_outlet() -> None:
    page = "\n".join(
        [
            "Beranda",
            "Berita Terkait",  # a menu above the story must not end it
            "Banjir Rendam Ribuan Rumah di Kota Medan",
            "Senin, 3 Februari 2020 | 08:15 WIB",
            "Tim Redaksi",
            "Warga mengungsi ke masjid. (ANTARA FOTO/Septianda Perdana)",
            "MEDAN, KOMPAS.TV - Banjir merendam 1.200 rumah di Medan, Senin (3/2/2020).",
            "Lihat juga: Warga Mengungsi ke Masjid",
            "Evakuasi berjalan lancar",
            "Petugas mengevakuasi warga sejak pagi.",
            '"Kami bekerja sepanjang malam," kata Kepala BPBD.',
            "Hujan Deras Diprediksi Masih Terjadi Hingga Pekan Depan",
            "Petugas mengevakuasi warga sejak pagi.",
            "Penulis: Budi | Editor: Sari",
            "www.contoh.co.id/berita/123",
            "Berita Terkait",
            "Air Surut, Warga Kembali ke Rumah.",
        ]
    )
    assert clean_article(page) == [
        Paragraph("Banjir Rendam Ribuan Rumah di Kota Medan", True),
        Paragraph("Banjir merendam 1.200 rumah di Medan, Senin (3/2/2020).", False),
        Paragraph("Petugas mengevakuasi warga sejak pagi.", False),
        Paragraph('"Kami bekerja sepanjang malam," kata Kepala BPBD.', False),
    ]


def test_the_pointer_to_the_outlets_own_page_is_dropped() -> None:
    # 'Baca artikel X, "..." selengkapnya di ...': the line an outlet's page ends its story
    # with, pointing to its own site; no sentence of the story (an invented outlet's page)
    page = (FIXTURES / "corpus_umrah" / "lintasnusa.txt").read_text(encoding="utf-8")
    kept = [p.text for p in clean_article(page)]
    assert kept[-1].startswith('"Kalau uang kembali, saya mau daftar lagi.')
    assert not any(text.startswith("Baca artikel") for text in kept)
    short = "\n\n".join(["Judul Berita", "KOTA - Isi berita pertama.", "Baca artikel selengkapnya di sini."])
    assert not any(p.text.startswith("Baca artikel") for p in clean_article(short))


def test_given_headline_matches_after_whitespace_normalisation() -> None:
    page = "Menu\n  Harga  Beras   Naik \nHarga beras naik 5 persen.\n"
    assert clean_article(page, "Harga Beras Naik") == [
        Paragraph("Harga  Beras   Naik", True),
        Paragraph("Harga beras naik 5 persen.", False),
    ]


def test_other_dateline_styles() -> None:
    for line, rest in [
        ("Jakarta, CNN Indonesia -- Presiden tiba di Bali.", "Presiden tiba di Bali."),
        ("Liputan6.com, Jakarta - Presiden tiba di Bali.", "Presiden tiba di Bali."),
        ("KONTAN.CO.ID - JAKARTA. Harga emas turun.", "Harga emas turun."),
        ("Jakarta (ANTARA) - Harga emas turun.", "Harga emas turun."),
        # the place, a comma, then an outlet with no all-capital word of three letters
        ("Tanjung Rangkai, Bahtera TV - Pemungutan suara ulang digelar.", "Pemungutan suara ulang digelar."),
        ("Nadira TV, Senuang Baru – Polres menetapkan lima tersangka.", "Polres menetapkan lima tersangka."),
    ]:
        assert clean_article(line) == [Paragraph(rest, False)]


def test_dateline_only_stripped_from_the_first_paragraph() -> None:
    page = "Harga emas turun.\nKTT ASEAN - yang digelar di Bali - berakhir hari ini."
    assert [p.text for p in clean_article(page)] == [
        "Harga emas turun.",
        "KTT ASEAN - yang digelar di Bali - berakhir hari ini.",
    ]


def test_short_sentences_and_quotes_are_kept_but_subheads_are_not() -> None:
    page = "Ia menolak.\nLatar belakang\n“Kami siap,” ujarnya.\nSituasi terkini\nSemua selesai!"
    assert [p.text for p in clean_article(page)] == [
        "Ia menolak.",
        "“Kami siap,” ujarnya.",
        "Semua selesai!",
    ]


def test_english_caption_dropped() -> None:
    page = (
        "Para pemimpin bertemu di Hanoi.\n"
        "The leaders meet in the capital of Vietnam\n"
        'Ia menyebutnya "the art of the deal".\n'
    )
    assert [p.text for p in clean_article(page)] == [
        "Para pemimpin bertemu di Hanoi.",
        'Ia menyebutnya "the art of the deal".',
    ]


def test_empty_input() -> None:
    assert clean_article("") == []
    assert clean_article("\n \n", "Judul") == []


def test_a_page_s_topic_list_is_furniture_however_long() -> None:
    raw = "\n".join(
        [
            "Polres Tetapkan Tiga Tersangka",
            "KOTA SARI (Bahana) - Polisi menetapkan tiga tersangka pembakar lahan, Rabu (10/9/2025).",
            "Tag: karhutla | Kota Sari | tersangka pembakaran lahan | PT Contoh | Gakkum | Manggala Rimba",
            "TAGS: karhutla, kabut asap, ISPU, ISPA, sekolah libur, Kota Sari, Dinas Kesehatan",
            "Kata kunci: kebakaran hutan dan lahan, kabut asap, hujan buatan, tersangka, Kota Sari",
        ]
    )
    texts = [p.text for p in clean_article(raw)]
    assert texts == [
        "Polres Tetapkan Tiga Tersangka",
        "Polisi menetapkan tiga tersangka pembakar lahan, Rabu (10/9/2025).",
    ]


def test_a_page_footer_is_furniture() -> None:
    page = "\n".join(
        [
            "Sabu Disita dari Kapal Nelayan",
            "KOTA - Polisi menyita sabu dari kapal nelayan, Senin (3/11/2025).",
            '"Kami masih memburu pemiliknya," tuturnya. (fr/sw)',
            "Artikel ini telah terbit di Harian Contoh edisi cetak Selasa, 4 November 2025.",
            "Kirim informasi, foto atau video kejadian di sekitar Anda ke WhatsApp Redaksi Contoh.id.",
            "Punya foto atau video kejadian di sekitar Anda?",
            "Saksikan selengkapnya dalam program Contoh Petang pukul 17.30 WIB.",
            "Ikuti Contoh.id di Google News dan saluran WhatsApp kami.",
            "Gabung di saluran WhatsApp Contoh.id.",
            "Dapatkan update berita pilihan setiap hari dari Contoh.id.",
            "Komentar di Contoh.id dimoderasi.",
            "Komentar yang mengandung SARA akan dihapus.",
            "Contoh.id tidak bertanggung jawab atas isi komentar.",
            "Dilarang mengambil dan/atau menayangkan ulang artikel ini.",
            "Copyright © 2025 PT Contoh Media. Seluruh hak cipta dilindungi.",
            "All Rights Reserved.",
        ]
    )
    assert clean_article(page, "Sabu Disita dari Kapal Nelayan") == [
        Paragraph("Sabu Disita dari Kapal Nelayan", True),
        Paragraph("Polisi menyita sabu dari kapal nelayan, Senin (3/11/2025).", False),
        Paragraph('"Kami masih memburu pemiliknya," tuturnya.', False),
    ]
    # News sentences that merely start like one are kept; a single initial closes a story too.
    for line in (
        "Simak pernyataan lengkap Kapolres berikut ini.",
        "Komentar yang menyerang pribadi Bupati itu kemudian dilaporkan ke polisi.",
        "Hak cipta lagu tersebut kini dipegang oleh ahli waris almarhum.",
        "Dilarang mengambil gambar selama persidangan berlangsung, kata hakim ketua.",
    ):
        assert clean_article(f"Judul\nKOTA - Ia datang.\n{line}", "Judul")[-1].text == line
    kept = clean_article("Judul\nKOTA - Ia datang.\nIa bicara panjang soal kasus itu. (rzk)", "Judul")
    assert kept[-1].text == "Ia bicara panjang soal kasus itu."


def test_what_stands_above_the_story_s_own_headline_is_the_page_s() -> None:
    # A search box's text ends like a sentence; above the headline, it is no part of the story,
    # and the story's first paragraph, its dateline with it, comes after the headline.
    page = (
        "SudutBentala.id\nCari di SudutBentala.id...\n\nKubu Hendri Gugat Hasil Pilbup ke MK\n\n"
        "SUDUTBENTALA.ID, TANJUNG RANGKAI - Pasangan nomor urut 3 mendaftarkan gugatan ke MK.\n"
    )
    paragraphs = clean_article(page, "Kubu Hendri Gugat Hasil Pilbup ke MK")
    assert [p.text for p in paragraphs] == [
        "Kubu Hendri Gugat Hasil Pilbup ke MK",
        "Pasangan nomor urut 3 mendaftarkan gugatan ke MK.",
    ]


def test_a_teaser_of_the_lead_above_the_headline_hides_no_paragraph() -> None:
    lead = "Pasangan nomor urut 3 mendaftarkan gugatan ke Mahkamah Konstitusi pada Senin pagi."
    page = f"X.id\n{lead}\n\nKubu Hendri Gugat ke MK\n\n{lead}\n\nGugatan itu diterima panitera MK.\n"
    texts = [p.text for p in clean_article(page, "Kubu Hendri Gugat ke MK")]
    assert texts == ["Kubu Hendri Gugat ke MK", lead, "Gugatan itu diterima panitera MK."]


def test_a_person_and_a_dash_is_no_dateline() -> None:
    # The place, a comma, an outlet in capitals is a dateline; a minister's name is not.
    line = "Menteri Kesehatan, Budi Gunadi Sadikin - yang baru dilantik - meninjau lokasi."
    assert [p.text for p in clean_article(line)] == [line]


def test_a_call_to_follow_a_newsletter_is_furniture() -> None:
    page = (
        "Polisi menetapkan lima tersangka.\n"
        "Simak berita ekonomi dan keuangan pilihan Pundiraya.id setiap pagi lewat newsletter dan kanal"
        " WhatsApp kami.\n"
    )
    assert [p.text for p in clean_article(page)] == ["Polisi menetapkan lima tersangka."]


def test_a_tip_line_an_empty_comment_box_and_the_comment_rules_are_furniture() -> None:
    page = (
        "Polisi menetapkan lima tersangka.\n"
        "Punya foto atau video kejadian di sekitar Anda? Kirim ke WhatsApp Redaksi KabarContoh.id.\n"
        "Belum ada komentar. Jadilah yang pertama berkomentar.\n"
        "Pedoman Komentar: Komentar yang memuat promosi judi atau SARA akan dihapus oleh redaksi.\n"
        "Punya informasi baru, warga diminta melapor ke posko terdekat.\n"
    )
    assert [p.text for p in clean_article(page)] == [
        "Polisi menetapkan lima tersangka.",
        "Punya informasi baru, warga diminta melapor ke posko terdekat.",
    ]
