"""Splits an Indonesian news paragraph into sentences that can be quoted verbatim."""

from __future__ import annotations

import re

from index.text import OPENING_QUOTES

# Abbreviations that end in a period but not a sentence (compared lowercased, without the
# final period). Indonesian titles and list endings, address parts, academic degrees, and
# a few English ones that wire copy keeps.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "dll",
        "dsb",
        "dst",
        "dkk",
        "yth",
        "hlm",
        "no",
        "nomor",
        "jl",
        "jln",
        "kec",
        "kab",
        "kel",
        "prov",
        "rt",
        "rw",
        "telp",
        "tel",
        "dr",
        "drs",
        "dra",
        "prof",
        "ir",
        "h",
        "hj",
        "st",
        "sdr",
        "sdri",
        "bpk",
        "tn",
        "ny",
        "kol",
        "jend",
        "brigjen",
        "mayjen",
        "letjen",
        "kapt",
        "rp",
        "a.n",
        "u.p",
        "s.h",
        "s.e",
        "s.t",
        "s.pd",
        "s.kom",
        "s.sos",
        "s.ip",
        "m.si",
        "m.m",
        "m.a",
        "m.h",
        "ph.d",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "vs",
        "etc",
        "cf",
        "approx",
    }
)

_TERMINALS = ".!?…"
# Closing marks that belong to the sentence they follow: `penting."` ends after the quote.
_CLOSERS = "\"”’')]»"
# What may begin the next sentence besides an uppercase letter or a digit.
_OPENERS = OPENING_QUOTES + "("
_MARKS = re.compile(f"[{re.escape(_TERMINALS)}]")
_MARKS_AND_QUOTES = re.compile(f'[{re.escape(_TERMINALS)}"“”]')
# Leading marks to ignore when reading the word before a period ("(Dr." is "Dr").
_WORD_PREFIX = _OPENERS + "["


def split_sentences(text: str) -> list[str]:
    """Return the sentences of `text`, each a stripped verbatim substring, in order."""
    track_quotes = _quotes_balanced(text)
    sentences: list[str] = []
    start = 0
    in_quote = False
    i = 0
    n = len(text)
    # Only terminals (and quote marks, when tracked) matter: jump from one to the next.
    marks = _MARKS_AND_QUOTES if track_quotes else _MARKS
    while i < n:
        found = marks.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if track_quotes and ch in '"“”':
            in_quote = _after_quote_mark(ch, in_quote)
            i += 1
            continue
        end = i
        while end < n and text[end] in _TERMINALS:
            end += 1
        single_period = end - i == 1 and ch == "."
        while end < n and text[end] in _CLOSERS:
            if track_quotes and text[end] in '"“”':
                in_quote = _after_quote_mark(text[end], in_quote)
            end += 1
        if (
            not in_quote
            and _next_starts_sentence(text, end)
            and not (single_period and _is_abbreviation(text, i))
            # "1. Barang bukti diuji ulang ...": a list item's number opens its sentence.
            and not (single_period and _LIST_MARKER.fullmatch(text[start:i].strip()))
        ):
            sentence = text[start:end].strip()
            if sentence:
                sentences.append(sentence)
            start = end
        i = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


_LIST_MARKER = re.compile(r"\d{1,2}|[a-z]")


def _quotes_balanced(text: str) -> bool:
    # With an unmatched quote mark there is no telling where a quotation ends; honouring it
    # would glue the rest of the paragraph into one "sentence".
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _after_quote_mark(mark: str, in_quote: bool) -> bool:
    if mark == "“":
        return True
    if mark == "”":
        return False
    return not in_quote


def _next_starts_sentence(text: str, end: int) -> bool:
    # A boundary needs whitespace after the mark, which is what keeps "Kompas.com",
    # "KONTAN.CO.ID" and "10.000" whole.
    if end >= len(text) or not text[end].isspace():
        return False
    j = end
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text):
        return False
    nxt = text[j]
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS


def _is_abbreviation(text: str, period: int) -> bool:
    word_start = period
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    # Photo credits glue initials to agency names ("picture-alliance/dpa/V. Melnikov").
    word = text[word_start:period].rsplit("/", 1)[-1].lstrip(_WORD_PREFIX)
    if not word:
        return False
    # Single-letter initials ("V. Melnikov") and dotted ones ("a.n.", "S.H.", "U.S.").
    if len(word) == 1 and word.isalpha():
        return True
    parts = word.split(".")
    if len(parts) > 1 and all(len(p) == 1 and p.isalpha() for p in parts):
        return True
    return word.casefold() in ABBREVIATIONS
