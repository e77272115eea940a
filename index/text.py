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


_UNITS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}  # fmt: skip
_SPELLED = frozenset(
    {*_UNITS, "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", *_MULTIPLIERS, "seribu", "sejuta"}
)
# A number word standing for a figure on its own, with its value: "satu" to "sebelas" (a lone
# one is left a word by `words`: "dua" may be no figure), "seratus", "seribu".
NUMBER_WORDS = _UNITS | {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
# A run of number words is a number only with one of these: "dua" alone stays a word, and
# the "ribu" of "10 ribu" is left to the digits before it.
_SPELLED_SIZE = _SPELLED - set(_UNITS) - set(_MULTIPLIERS)


def _spelled_value(run: list[str]) -> int:
    """ "sepuluh ribu" -> 10000, "dua ratus lima puluh" -> 250, "dua belas" -> 12."""
    total = group = unit = 0
    for word in run:
        if word in _UNITS:
            unit += _UNITS[word]
        elif word == "sepuluh":
            unit += 10
        elif word == "sebelas":
            unit += 11
        elif word == "belas":
            unit += 10
        elif word == "puluh":
            group, unit = group + unit * 10, 0
        elif word == "seratus":
            group += 100
        elif word == "ratus":
            group, unit = group + unit * 100, 0
        else:  # ribu, juta, miliar, triliun, seribu, sejuta
            size = {"seribu": 1_000, "sejuta": 1_000_000}.get(word) or _MULTIPLIERS[word]
            total, group, unit = total + ((group + unit) or 1) * size, 0, 0
    return total + group + unit


def _spell_numbers(tokens: list[str]) -> list[str]:
    """Number words written out become digits: "sepuluh ribu buruh" -> "10", "ribu",
    "buruh", which then reads as "10 ribu buruh" does."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j] in _SPELLED:
            j += 1
        run = tokens[i:j]
        sized = _SPELLED_SIZE.intersection(run) or (
            _MULTIPLIERS.keys() & set(run) and set(run) - _MULTIPLIERS.keys()
        )
        if run and sized:
            value = _spelled_value(run)
            if run[-1] in _MULTIPLIERS:
                out += [str(value // _MULTIPLIERS[run[-1]]), run[-1]]
            else:
                out.append(str(value))
            i = j
        elif run:
            # No figure in it, nor in any part of it ("dua dua ..."): kept as words, whole,
            # so that a long run is read once, not once from each of its words.
            out += run
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def words(text: str) -> list[str]:
    """Lowercase word and number tokens in order: "10.000" -> "10000", "10 ribu" -> "10000",
    "sepuluh ribu" -> "10000"."""
    return words_of_tokens([t.lower() for t in _TOKEN.findall(normalize(text))])


def words_of_tokens(tokens: list[str]) -> list[str]:
    """`words` of a text whose lowercase `_TOKEN`s (after `normalize`) are these: for a caller
    that has them already (the index build reads each sentence's tokens once for everything)."""
    if _SPELLED.intersection(tokens):
        tokens = _spell_numbers(tokens)
    elif "".join(tokens).isalpha() or not any(t[0].isdigit() for t in tokens):
        return tokens  # no figure to write otherwise (most sentences; no letter is a digit)
    out: list[str] = []
    multiplied = False  # the token before was a figure this multiplier is part of
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = _number(token)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            multiplied = False
            if nxt in _MULTIPLIERS:
                with contextlib.suppress(ValueError):
                    value = str(round(float(value) * _MULTIPLIERS[nxt]))
                    multiplied = True
            out.append(value)
        elif multiplied:
            multiplied = False  # "10 ribu" is "10000", as "10.000" is: "ribu" is in it
        else:
            out.append(token)
    return out


def cased_words(text: str) -> list[str]:
    """Word tokens with their original case (numbers left out), for telling names apart."""
    return [t for t in _TOKEN.findall(normalize(text)) if not t[0].isdigit()]


# The marks a quotation opens with: a paragraph opening with one is somebody's own words.
OPENING_QUOTES = "\"“‘'«"
