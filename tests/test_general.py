"""Word frequencies are wordfreq's own, read without importing wordfreq at start-up."""

from __future__ import annotations

import pytest
import wordfreq

from index.general import is_common_indonesian, is_international, is_rare, zipf_en, zipf_id

WORDS = ["rumah", "kendaraan", "tewas", "lokasi", "indonesia", "hotel", "kim", "peserta", "vladivostok"]


@pytest.mark.parametrize("word", WORDS)
def test_the_values_are_wordfreqs(word: str) -> None:
    for ours, language in ((zipf_id, "id"), (zipf_en, "en")):
        theirs = wordfreq.zipf_frequency(word, language, wordlist="small")
        assert ours(word) == pytest.approx(theirs, abs=0.011), (word, language)


def test_ordinary_words_names_and_loanwords() -> None:
    assert is_common_indonesian("kendaraan") and not is_rare("kendaraan")
    assert is_rare("vladivostok") and is_rare("qz8501")
    assert is_international("indonesia") and is_international("hotel")
    assert not is_international("kendaraan")
