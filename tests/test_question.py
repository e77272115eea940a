"""Reading questions as people type them: language, question type, chat words, English."""

from __future__ import annotations

import pytest

from index.lexicon import lexicon
from index.question import DATE, MANNER, NUMBER, PERSON, PLACE, REASON, WHAT, YESNO, read_question


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
    ],
)
def test_question_type(text: str, qtype: str) -> None:
    assert read_question(text, lexicon()).qtype == qtype


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


@pytest.mark.parametrize("text", ["halo", "Hai bot!", "terima kasih", "makasih ya", "thanks"])
def test_greetings(text: str) -> None:
    assert read_question(text, lexicon()).greeting


def test_a_question_is_not_a_greeting() -> None:
    assert not read_question("halo, di mana mereka bertemu?", lexicon()).greeting


def test_follow_up_questions_are_anaphoric() -> None:
    assert read_question("kapan itu?", lexicon()).anaphoric
    assert read_question("siapa yang ikut?", lexicon()).anaphoric
    assert not read_question("Kapan Kim tiba di Khasan?", lexicon()).anaphoric
