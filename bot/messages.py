"""The bot's own words (everything but the quotes), in Indonesian and English."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "id": {
        "sources_heading": "Sumber",
        "decline": "Maaf, artikel-artikel yang saya punya tidak menjawab pertanyaan itu.",
        "examples_heading": "Contoh pertanyaan yang bisa saya jawab:",
        "greeting": "Halo! Saya menjawab pertanyaan tentang {event} dengan kutipan dari berita.",
        "thanks": "Sama-sama!",
        "empty": "Silakan ketik pertanyaan dalam kata-kata, misalnya:",
        "too_long": "Pertanyaannya terlalu panjang (paling banyak {limit} karakter). "
        "Coba tanyakan satu hal dengan singkat.",
        "disagree": "Sumber berbeda soal {what}:",
        "what_date": "tanggal",
        "what_number": "angka",
        "no_link": "tautan tidak diketahui",
        "more_none": "Tidak ada kutipan lain yang relevan.",
        "more_heading": "Kutipan lain:",
    },
    "en": {
        "sources_heading": "Sources",
        "decline": "Sorry, the articles I have do not answer that question.",
        "examples_heading": "Questions I can answer, for example:",
        "greeting": "Hello! I answer questions about {event} with quotes from the news.",
        "thanks": "You're welcome!",
        "empty": "Please type a question in words, for example:",
        "too_long": "That question is too long (at most {limit} characters). "
        "Try asking one thing, briefly.",
        "disagree": "The sources differ on the {what}:",
        "what_date": "date",
        "what_number": "number",
        "no_link": "link unknown",
        "more_none": "No other relevant quotes.",
        "more_heading": "More quotes:",
    },
}


def text(language: str, key: str, **values: object) -> str:
    """The message `key` in `language` (falling back to Indonesian), with values filled in."""
    table = TEXT.get(language, TEXT["id"])
    template = table.get(key, TEXT["id"][key])
    return template.format(**values) if values else template
