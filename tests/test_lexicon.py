"""The shipped word lists: their format, their size, and that they do what they are for."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from index.lexicon import LexiconError, lexicon, read_table
from index.question import read_question
from index.stemmer import sastrawi_stem


def test_lists_are_large_enough() -> None:
    lex = lexicon()
    assert len(lex.informal) >= 300
    assert len(lex.english) >= 300
    assert lex.synonyms


def test_required_chat_words_are_there() -> None:
    informal = lexicon().informal
    for (
        word
    ) in "dimana ketemu brp byk yg gak nggak ngga udh dgn tdk sdh utk krn gmn knp korut korsel".split():
        assert word in informal, word


def test_colloquial_verbs_reach_the_standard_stem() -> None:
    informal = lexicon().informal
    ketemu = informal["ketemu"]
    assert {sastrawi_stem(w) for w in ketemu} & {sastrawi_stem("bertemu"), sastrawi_stem("pertemuan")}


def test_english_question_words_and_news_words() -> None:
    english = lexicon().english
    assert english["where"] == ("di", "mana")
    assert english["when"] == ("kapan",)
    assert english["who"] == ("siapa",)
    assert english["did"] == ()  # dropped
    for word in "meet talks train workers sanctions signed leave arrive border island".split():
        assert english[word], word


@pytest.mark.parametrize("name", ["informal.tsv", "english.tsv", "synonyms.tsv"])
def test_every_line_is_key_tab_words(name: str) -> None:
    text = resources.files("index").joinpath(f"data/{name}").read_text(encoding="utf-8")
    keys = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, value = line.split("\t")
        # English keys may be phrases of two or three words read as one ("caught fire");
        # every other key is one word.
        most = 3 if name == "english.tsv" else 1
        assert key == key.strip().lower() and len(key.split(" ")) <= most and "  " not in key, line
        assert value.strip(), line
        keys.append(key)
    assert len(keys) == len(set(keys))


def test_an_english_entry_of_phrases_lines_its_words_up() -> None:
    # The n-th word of each phrase fills the n-th slot ("konferensi_pers jumpa_pers"):
    # phrases of different lengths would put one phrase's words in another's slots
    # ("menembakkan_gas_air_mata gas_air_mata" would search "menembakkan or gas", then
    # "gas or air"...).
    for key, alternatives in lexicon().english.items():
        phrases = [a for a in alternatives if "_" in a]
        if phrases and len(phrases) == len(alternatives):
            assert len({len(p.split("_")) for p in phrases}) == 1, key


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("# comment\nbaris tanpa tab\n", "broken.tsv:2: expected"),
        ("a\tb\na\tc\n", "broken.tsv:2: 'a' listed twice"),
    ],
)
def test_a_malformed_line_is_reported_with_its_place(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(message)):
        read_table(path, "broken.tsv")


def test_chat_question_and_formal_question_search_the_same_words() -> None:
    chat = read_question("dimana kim ketemu putin", lexicon())
    formal = read_question("di mana kim bertemu putin", lexicon())
    assert chat.content == formal.content
