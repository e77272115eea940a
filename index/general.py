"""How common a word is in Indonesian and in English at large, from wordfreq's word lists.

It tells an event's own words from ordinary language without any list written for an event:
"kendaraan" is everyday Indonesian, "Vladivostok" and "QZ8501" are not, and "Indonesia",
"Trump" or "hotel" are as common in English as in Indonesian, as names and loanwords are.
Frequencies are Zipf values (log10 of uses per billion words; 3.0 is about once a million).

wordfreq is the source. Its lists are read here straight from the package's data files
(its documented "cBpack" format: gzipped msgpack, a header, then one bucket of words per
centibel of frequency), because importing wordfreq itself pulls in ftfy, regex and
langcodes and costs half a second of every start-up; tests/test_general.py checks that the
values are wordfreq's own. The "small" lists hold every word from Zipf 3.0 up, which is
all these questions need.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import cache
from pathlib import Path

import msgpack

# Below this a word is rare in Indonesian: a name, a code, a term of the event.
RARE_ZIPF = 3.0
# A word this common in both languages is a name or a loanword ("indonesia", "hotel").
INTERNATIONAL_ZIPF = 3.0


def _data_file(name: str) -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed (pip install -r requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


@cache
def _zipf_table(language: str) -> dict[str, float]:
    with gzip.open(_data_file(f"small_{language}.msgpack.gz"), "rb") as handle:
        header, *buckets = msgpack.load(handle, raw=False, strict_map_key=False)
    if header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"wordfreq's small_{language} list is in an unknown format: {header}")
    # Bucket i holds the words of frequency 10 ** (-i / 100); Zipf is log10(frequency) + 9.
    return {word: round(9 - index / 100, 2) for index, bucket in enumerate(buckets) for word in bucket}


def zipf_id(word: str) -> float:
    """The word's Zipf frequency in Indonesian (0.0 when under 3.0 or unknown)."""
    return _zipf_table("id").get(word, 0.0)


def zipf_en(word: str) -> float:
    """The word's Zipf frequency in English (0.0 when under 3.0 or unknown)."""
    return _zipf_table("en").get(word, 0.0)


def is_rare(word: str) -> bool:
    """True for a word ordinary Indonesian seldom uses."""
    return zipf_id(word) < RARE_ZIPF


def is_common_indonesian(word: str) -> bool:
    """True for an everyday Indonesian word."""
    return zipf_id(word) >= RARE_ZIPF


def is_international(word: str) -> bool:
    """True for a word common in both Indonesian and English: most often a name."""
    return zipf_id(word) >= INTERNATIONAL_ZIPF and zipf_en(word) >= INTERNATIONAL_ZIPF


def is_common_english(word: str) -> bool:
    """True for an everyday English word."""
    return zipf_en(word) >= RARE_ZIPF


@cache
def common_indonesian_words() -> frozenset[str]:
    """Every everyday Indonesian word (Zipf 3.0 and up), for reading a mistyped word as the
    word of the language it was meant to be."""
    return frozenset(_zipf_table("id"))
