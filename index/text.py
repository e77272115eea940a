"""Words from text: Unicode clean-up, tokens and numbers."""

from __future__ import annotations

import contextlib
import re
import unicodedata

# Zero-width and direction marks carry no meaning for search and would split words.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e")
)
# A number with Indonesian thousands dots ("10.000") or a decimal comma, or a word.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?")
_MULTIPLIERS = {"ribu": 1_000, "juta": 1_000_000, "miliar": 1_000_000_000, "triliun": 10**12}


def normalize(text: str) -> str:
    """Text in Unicode NFKC with invisible marks removed (what every tokenizer sees)."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE)


def _number(token: str) -> str:
    # Indonesian writes 10.000 for ten thousand and 1,5 for one and a half.
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return token.replace(".", "")
    return token.replace(",", ".")


def words(text: str) -> list[str]:
    """Lowercase word and number tokens in order: "10.000" -> "10000", "10 ribu" -> "10000"."""
    tokens = [t.lower() for t in _TOKEN.findall(normalize(text))]
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = _number(token)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in _MULTIPLIERS:
                with contextlib.suppress(ValueError):
                    value = str(round(float(value) * _MULTIPLIERS[nxt]))
            out.append(value)
        else:
            out.append(token)
    return out


def cased_words(text: str) -> list[str]:
    """Word tokens with their original case (numbers left out), for telling names apart."""
    return [t for t in _TOKEN.findall(normalize(text)) if not t[0].isdigit()]
