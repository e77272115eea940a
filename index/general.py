"""The one owner of wordfreq: how common a word is in Indonesian and in English at large.

It tells an event's own words from ordinary language without any list written for an event:
"kendaraan" is everyday Indonesian, "Vladivostok" and "QZ8501" are not, and "Indonesia",
"Trump" or "hotel" are as common in English as in Indonesian, as names and loanwords are.
Frequencies are Zipf values (log10 of uses per billion words; 3.0 is about once a million).
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# Below this a word is rare in Indonesian: a name, a code, a term of the event.
RARE_ZIPF = 3.0
# A word this common in both languages is a name or a loanword ("indonesia", "hotel").
INTERNATIONAL_ZIPF = 3.0


@lru_cache(maxsize=200_000)
def zipf_id(word: str) -> float:
    """The word's Zipf frequency in Indonesian (0.0 when unknown)."""
    return zipf_frequency(word, "id")


@lru_cache(maxsize=200_000)
def zipf_en(word: str) -> float:
    """The word's Zipf frequency in English (0.0 when unknown)."""
    return zipf_frequency(word, "en")


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
