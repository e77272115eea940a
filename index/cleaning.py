"""Separates a news article's own headline and body paragraphs from the page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text import OPENING_QUOTES


@dataclass(frozen=True)
class Paragraph:
    """One kept line of an article: verbatim text of one raw line, minus any dateline."""

    text: str
    is_headline: bool


# A standalone line with one of these titles opens a list of other stories (Kompas'
# "Terkini Lainnya", most sites' "Berita Terkait"); the article never resumes after it,
# so everything from the marker on is dropped once the body has started.
SECTION_END_MARKERS: frozenset[str] = frozenset(
    {
        "terkini lainnya",
        "berita terkait",
        "artikel terkait",
        "topik terkait",
        "video terkait",
        "terpopuler",
        "berita terpopuler",
        "berita populer",
        "populer",
        "baca selengkapnya",
        "berita lainnya",
        "artikel lainnya",
        "artikel menarik lainnya",
        "rekomendasi untuk anda",
        "pilihan untuk anda",
        "terkini",
        "terbaru",
        "berita terbaru",
    }
)

# Labels of buttons and icons that scrapers copy as text (kumparan's "sosmed-whatsapp-white",
# pagination, ad slots). Compared with the whole line, case-insensitively.
NAVIGATION_LINES: frozenset[str] = frozenset(
    {
        "comment",
        "comments",
        "share",
        "bagikan",
        "komentar",
        "more",
        "halaman selanjutnya",
        "halaman sebelumnya",
        "selanjutnya",
        "sebelumnya",
        "advertisement",
        "iklan",
        "sponsored",
        "close ads",
        "close ads x",
        "laporkan komentar",
        "komentar di artikel lainnya",
        "scroll to continue with content",
        "lanjutkan membaca",
        "tutup",
    }
)

# Icon names are hyphenated identifiers with no spaces ("copy-link-circle",
# "zoom-in-whitePerbesar"); no Indonesian sentence is one hyphenated token.
_ICON_NAME = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$")

# Cross-links to other stories are introduced by one of these, followed by a colon.
_CROSS_LINK = re.compile(
    r"^(?:baca|simak|lihat|tonton|cek) (?:juga|pula|selengkapnya|berita)\s*:", re.IGNORECASE
)

# Promotions and comment-section boilerplate: phrases no news paragraph uses, anywhere in a
# line or opening it. (Two patterns: one search with alternatives anchored at the start tried
# them at every position, the costliest test of a line.)
_PROMO_PHRASES = (
    "S&K berlaku",
    "#JernihBerkomentar",
    "menerima laporan Anda",
    "Panduan Komunitas",
    "bertanggung jawab atas isi komentar",
    "berhak menghapus komentar",
)
_PROMO_ANYWHERE = re.compile("|".join(map(re.escape, _PROMO_PHRASES)), re.IGNORECASE)
# In ASCII text a case-insensitive match of these plain phrases is a substring of the
# lowercased line (the regular expression, case-insensitive, tried them at every position).
_PROMO_LOWER = tuple(phrase.lower() for phrase in _PROMO_PHRASES)
_PROMO_OPENING = re.compile(r"Berkomentarlah\b|Laporkan Komentar\b", re.IGNORECASE)

# A page's footer: copyright, reprint and crawling notices, the print edition the story ran
# in, calls to send the newsroom tips or to follow a channel or a programme, the comment
# rules and an empty comment box ("Belum ada komentar."), the pointer to the story on the
# outlet's own site ('Baca artikel X, "..." selengkapnya di ...'). Each opens its line in a way no news
# paragraph does.
_FOOTER = re.compile(
    r"(?:©|copyright\b|all rights reserved|(?:seluruh\s+|semua\s+)?hak cipta(?:\s+\w+)?\s+dilindungi"
    r"|artikel ini (?:telah|sudah) (?:tayang|terbit|dimuat)\b"
    r"|dilarang (?:keras )?(?:mengambil|mengutip|menyalin|menayangkan|memproduksi|memperbanyak)\b"
    r"[^.]*\b(?:artikel|konten|tulisan|berita|materi|situs)\b"
    r"|(?:kirim|kirimkan) (?:informasi|info|berita|foto|video|tulisan)\b"
    r"[^.]*\b(?:redaksi|whatsapp|email|surel)\b"
    r"|kirim ke (?:whatsapp|email|surel) redaksi\b"
    r"|punya (?:foto|video|informasi|info|cerita)\b[^.?]*\?(?:$|\s+(?:kirim|hubungi|laporkan|kabari)\b)"
    r"|belum ada komentar\b|jadilah (?:yang )?pertama (?:berkomentar|memberi komentar|mengomentari)\b"
    r"|pedoman (?:komentar|pemberitaan media siber|media siber)\b"
    r"|saksikan (?:selengkapnya|berita selengkapnya|liputan|program|siaran)\b"
    r"|(?:simak|ikuti)\b.{0,80}?\b(?:kanal|saluran|channel|google news|newsletter|buletin)\b"
    r"|dapatkan (?:update|berita|informasi|info)\b"
    r"|(?:gabung|bergabung)(?:lah)? (?:di|ke|dengan) (?:saluran|kanal|grup|channel)\b"
    r"|komentar (?:di|pada) \S+ dimoderasi|gunakan bahasa yang sopan|kirim komentar anda\b"
    r"|komentar yang (?:melanggar|menyerang|mengandung|memuat|berisi)\b.*\bakan (?:dihapus|diblokir)"
    r"|hak jawab (?:dan|atau) koreksi\b"
    r"|baca artikel\b.{0,300}?\bselengkapnya\b)",
    re.IGNORECASE,
)

# Photo captions name their credit with one of these labels, often glued to the caption
# ("...VladivostokFoto: Getty Images"), so no word boundary in front.
_PHOTO_CREDIT = re.compile(r"(?:Foto|FOTO|Photo|PHOTO|Gambar|Sumber foto)\s*:")

# Agency credits in parentheses: "(AFP/POOL/Alexander Zemlianichenko)",
# "(ANTARA FOTO/Hafidz Mubarak A)". The first part is a name, so "(25/4)" is not one.
_AGENCY_CREDIT = re.compile(r"\(\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*\s*/\s*[^()]*[A-Za-z][^()]*\)")

# Photo captions that carry no credit label: an archive credit "(dok. Kabar Nusa)", a caption
# that says what it shows ("Ilustrasi ...", "Infografis ..."), or a person placed in the
# picture ("Menteri X (tengah) mengumumkan ...", "(kedua dari kiri)"). No news sentence is
# written like these.
_CAPTION_IN_PARENTHESES = re.compile(
    r"\(\s*dok\.?\s[^()]*\)"
    r"|\((?:(?:paling|kedua|ketiga|keempat)\s+(?:dari\s+)?)?(?:tengah|kiri|kanan)\)",
    re.IGNORECASE,
)
_CAPTION_OPENING = re.compile(r"(?:Ilustrasi|Infografis|Infografik|Ilustrasi:)\s", re.IGNORECASE)
# A wire photo's credit closing its caption: "... dini hari. BERITA ANTARPULAU/La Ode Fikri",
# "ANTARA FOTO/Nama/aa.": an agency in capitals, a slash, the photographer.
_CAPTION_CREDIT = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*/\s*[A-Z][\w .'’/-]*\.?$")
# The search box of a page: "Cari...", "Cari berita...".
_SEARCH_BOX = re.compile(r"^cari(?:\s+\w+)?\s*(?:\.{3}|…)?$", re.IGNORECASE)

# A caption widget whose credit sits on the next line (VIVA: caption, "Sumber :",
# "• Istimewa"): the bare label marks both its neighbours as caption.
_BARE_CREDIT_LABEL = re.compile(r"^(?:Sumber|Foto|Photo|Gambar|Kredit)\s*:\s*$", re.IGNORECASE)

# Bylines and wire credits: "Sumber: Reuters | Editor: Tendi Mahadi", "Penulis: ...".
_BYLINE = re.compile(
    r"^(?:Sumber|Editor|Penulis|Reporter|Pewarta|Penyunting|Redaktur|Kontributor|Laporan)"
    r"\s*:",
    re.IGNORECASE,
)
_MAX_BYLINE_WORDS = 20

# DW-style author initials with the agencies: "hp/as (ap, dpa, interfax)", "(ant/hp)".
_INITIALS_CREDIT = re.compile(r"^\(?[a-z]{1,5}(?:/[a-z]{1,5})+\)?(?:\s*\([^()]*\))?$")

_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# "Tag: karhutla | Lubuk Seranti | ...", "TAGS: ...", "Kata kunci: ...": the page's topic list.
_TAG_LIST = re.compile(r"^(?:tags?|topik|kata\s+kunci|label|keywords?)\s*:", re.IGNORECASE)

_MONTHS = (
    "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    "|January|February|March|May|June|July|August|October|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Aug|Sep|Okt|Oct|Nov|Des|Dec"
)
_WEEKDAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu"
# A line that is only a publication date/time: "25 April 2019", "24 April 2019 11:54 WIB",
# "Kamis, 25/04/2019, 12:17 WIB".
_DATE_LINE = re.compile(
    rf"^(?:(?:Diperbarui|Dipublikasikan|Diterbitkan|Updated|Published)\s*:?\s*)?"
    rf"(?:(?:{_WEEKDAYS}),?\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}})"
    r"(?:\s*[,|-]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:WIB|WITA|WIT|GMT|UTC)"
    r"(?:[+-]\d{1,2})?)?)?$",
    re.IGNORECASE,
)

# Function words that tell Indonesian from the German/English of captions copied from wire
# photos (DW's "Russland Wladiwostok Treffen Putin und Kim"). None of the foreign ones is an
# Indonesian word, so a line with more of them than Indonesian ones is not the article's.
INDONESIAN_FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "pada",
        "ini",
        "itu",
        "dalam",
        "tidak",
        "akan",
        "adalah",
        "bahwa",
        "oleh",
        "para",
        "juga",
        "karena",
        "sebagai",
        "atau",
        "kata",
        "telah",
        "sudah",
        "bagi",
        "antara",
        "saat",
        "serta",
        "tersebut",
        "ia",
        "dia",
        "mereka",
        "kami",
        "kita",
        "saya",
        "ada",
        "tak",
        "pun",
        "kepada",
        "seperti",
        "menurut",
    }
)
FOREIGN_FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "und",
        "von",
        "der",
        "die",
        "das",
        "mit",
        "für",
        "im",
        "auf",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "ist",
        "zu",
        "nicht",
        "bei",
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
        "was",
        "are",
    }
)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')

# Lowercase in an Indonesian headline by convention, so they do not count against a line
# looking like a title ("... Putin dan Kim Jong Un").
_HEADLINE_SMALL_WORDS: frozenset[str] = frozenset(
    {
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "dengan",
        "pada",
        "atau",
        "soal",
        "vs",
        "sebagai",
        "oleh",
        "dalam",
        "bagi",
        "usai",
        "hingga",
        "asal",
        "jadi",
        "ini",
        "itu",
        "si",
        "sang",
    }
)
_HEADLINE_CAPITALISED_SHARE = 0.75
_HEADLINE_MIN_WORDS = 3

# Real paragraphs end like a sentence; a line that does not and is this short is a subhead,
# a menu item or a caption. Longer ones are kept in case the scrape lost a final period.
_MAX_UNPUNCTUATED_WORDS = 15
_SENTENCE_END = re.compile(r"(?:[.!?…][\"”’'»)\]]*|[\"”»])$")
_TERMINALS = ".!?…"
_CLOSERS = "\"”’'»)]"

# Datelines: "VLADIVOSTOK, KOMPAS.com - ", "VIVA – ", "Jakarta (ANTARA) - ", and after an
# outlet "KONTAN.CO.ID - VLADIVOSTOK. ". The prefix is a few capitalised words, at least one
# of them an all-caps name or a web domain.
_DASH_DATELINE = re.compile(r"^(?P<prefix>[^\s\-–—][^\-–—]{0,60}?)\s*(?:-{1,2}|–|—)\s+(?=\S)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[A-Za-z]{2,})+$")
_ALL_CAPS_NAME = re.compile(r"^\(?[A-Z][A-Z.'’]{2,}\)?$")
_MAX_DATELINE_WORDS = 5
# "Watunggara (Berita Antarpulau) - ", "TANJUNG SERUNI (WS) – ": a place and the outlet or
# agency in parentheses, then a dash. Distinctive enough to strip wherever it opens a line.
_PAREN_DATELINE = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},?\s*\([A-Z][^()]{0,40}\)\s*(?:-{1,2}|–|—)\s+(?=\S)"
)
_TRAILING_INITIALS = re.compile(r"(?<=[.!?\"”])\s+\([A-Za-z]{1,8}(?:/[A-Za-z]{1,8})*\)$")
_PERIOD_DATELINE = re.compile(r"^[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+)*\.\s+(?=\S)")


def clean_article(raw: str, headline: str = "") -> list[Paragraph]:
    """Return the article's own headline (if found) and its body paragraphs, in order."""
    lines = [line.strip() for line in raw.splitlines()]
    in_widget = _caption_widget_lines(lines)
    wanted_headline = _normalise(headline)
    kept: list[Paragraph] = []
    seen: set[str] = set()
    have_headline = False
    have_body = False

    for i, line in enumerate(lines):
        if not line:
            continue
        if line.casefold() in SECTION_END_MARKERS:
            # The same words head menus above a story; only after the body do they end it.
            if have_body:
                break
            continue
        if wanted_headline and not have_headline and _normalise(line) == wanted_headline:
            # What was kept above the story's own headline is the page's ("Cari di
            # SudutBentala.id...", a tagline): the story begins here, its dateline with it.
            kept.clear()
            seen.clear()  # a teaser of the lead above the headline hides no paragraph of it
            have_body = False
            kept.append(Paragraph(line, True))
            seen.add(_normalise(line))
            have_headline = True
            continue
        if in_widget[i]:
            continue
        # Only the first paragraph of a story carries a dateline; stripping later ones
        # could eat a sentence that happens to start with an acronym and a dash.
        text = line if have_body else _strip_dateline(line)
        paren = _PAREN_DATELINE.match(text)
        if paren:
            text = text[paren.end() :]
        if text.endswith(")"):
            # '... tuturnya. (fr/sw)', '(rzk)', '(ANT/ARA)': the writer's and editor's initials
            # or the agency close the story.
            text = _TRAILING_INITIALS.sub("", text)
        if not text or _is_furniture(text):
            continue
        key = _normalise(text)
        if key in seen:
            continue
        # Without a given headline, a title-like line before the body is taken as the
        # article's own; later ones are teasers for other stories.
        looks_like_headline = _looks_like_headline(text)
        if looks_like_headline and not (wanted_headline or have_headline or have_body):
            kept.append(Paragraph(text, True))
            seen.add(key)
            have_headline = True
            continue
        if looks_like_headline or not _is_body_like(text):
            continue
        kept.append(Paragraph(text, False))
        seen.add(key)
        have_body = True
    return kept


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _strip_dateline(line: str) -> str:
    match = _DASH_DATELINE.match(line)
    if not match or not _is_dateline_prefix(match.group("prefix")):
        return line
    rest = line[match.end() :]
    place = _PERIOD_DATELINE.match(rest)
    return rest[place.end() :] if place else rest


def _is_dateline_prefix(prefix: str) -> bool:
    words = [w for w in re.split(r"[\s,]+", prefix) if w]
    if not words or len(words) > _MAX_DATELINE_WORDS:
        return False
    # "Jakarta - ", "Tanjung Rawa - ": a place of one to three capitalised words.
    if len(words) <= 3 and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return True
    if not all(w[0].isupper() or w[0] == "(" or _DOMAIN.match(w) for w in words):
        return False
    if any(_ALL_CAPS_NAME.match(w) or _DOMAIN.match(w) for w in words):
        return True
    # "Tanjung Rangkai, Bahtera TV - ", "Nadira TV, Senuang Baru - ": the place and the outlet,
    # a comma between them, a word of the outlet's in capitals ("Menteri Kesehatan, Budi
    # Gunadi Sadikin - yang baru dilantik - ..." names a person, no outlet)
    return "," in prefix and any(len(w) >= 2 and w.isupper() for w in words)


def _caption_widget_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a caption whose credit label stands alone on a
    line: the label itself, and the nearest non-empty line before and after it. (Each label
    looked for once, not three times for every line.)"""
    bare = [bool(line) and _BARE_CREDIT_LABEL.match(line) is not None for line in lines]
    found = list(bare)
    if not any(bare):
        return found
    before = False  # whether the last non-empty line was a bare label
    for i, line in enumerate(lines):
        if line:
            found[i] = found[i] or before
            before = bare[i]
    after = False
    for i in range(len(lines) - 1, -1, -1):
        if lines[i]:
            found[i] = found[i] or after
            after = bare[i]
    return found


def _is_furniture(text: str) -> bool:
    """Whether a line is page furniture rather than article text, whatever its punctuation."""
    lowered = text.casefold()
    words = text.split()
    return bool(
        not any(ch.isalnum() for ch in text)
        or text.isdigit()
        or lowered in NAVIGATION_LINES
        or _ICON_NAME.match(text)
        or _CROSS_LINK.match(text)
        or _PROMO_OPENING.match(text)
        or _FOOTER.match(text)
        or _has_promo_phrase(text)
        # Each of these needs a character most lines lack: looked for first.
        or (":" in text and _PHOTO_CREDIT.search(text))
        or ("/" in text and _AGENCY_CREDIT.search(text))
        or _CAPTION_OPENING.match(text)
        or ("(" in text and _CAPTION_IN_PARENTHESES.search(text))
        or ("/" in text and _CAPTION_CREDIT.search(text))
        or _SEARCH_BOX.match(text)
        or (_BYLINE.match(text) and len(words) <= _MAX_BYLINE_WORDS)
        or _INITIALS_CREDIT.match(text)
        or _BARE_URL.match(text)
        or (":" in text and _TAG_LIST.match(text))
        or _DATE_LINE.match(text)
        or _is_foreign(text)
    )


def _has_promo_phrase(text: str) -> bool:
    if text.isascii():
        lowered = text.lower()
        return any(phrase in lowered for phrase in _PROMO_LOWER)
    return _PROMO_ANYWHERE.search(text) is not None


def _is_foreign(text: str) -> bool:
    # A quoted English phrase inside an Indonesian sentence does not make the line foreign.
    unquoted = _QUOTED.sub(" ", text) if '"' in text or "“" in text else text
    if unquoted.isascii():  # casefold is lower there, and letters are a-z
        words = _ASCII_WORD.findall(unquoted.lower())
    else:
        words = [w.casefold() for w in _WORD.findall(unquoted)]
    if FOREIGN_FUNCTION_WORDS.isdisjoint(words):  # as in most lines
        return False
    foreign = sum(map(FOREIGN_FUNCTION_WORDS.__contains__, words))
    native = sum(map(INDONESIAN_FUNCTION_WORDS.__contains__, words))
    return foreign > native


_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")


def _looks_like_headline(text: str) -> bool:
    """Most words capitalised and no final period: a title, not a sentence."""
    if text[0] in OPENING_QUOTES or text.rstrip("\"”’')»]").endswith("."):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if len(words) < _HEADLINE_MIN_WORDS:
        return False
    content = [w for w in words if w.casefold() not in _HEADLINE_SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(w[0].isupper() for w in content)
    return capitalised / len(content) >= _HEADLINE_CAPITALISED_SHARE


def _is_body_like(text: str) -> bool:
    return _ends_like_a_sentence(text) or len(text.split()) > _MAX_UNPUNCTUATED_WORDS


def _ends_like_a_sentence(text: str) -> bool:
    """`_SENTENCE_END.search(text)` for a line (no line break in it), read from its end: a
    closing quote, or a terminal and closing marks only. The search tried every position."""
    if text.endswith(('"', "”", "»")):
        return True
    return text.rstrip(_CLOSERS).endswith(tuple(_TERMINALS))
