"""English words as Indonesian spells the words it borrowed from them.

Indonesian took much of its learned vocabulary from Dutch and English and spells it by
regular rules: "-tion" is "-si" (evacuation, evakuasi), "-ity" is "-itas" (university,
universitas), "-ics" is "-ika" (geophysics, geofisika), "-ical" is "-is" (political, politis),
"c" is "k" or "s", "ph" is "f", "x" is "ks", double letters are single. An English question's
word that the lexicon does not translate is often one of these: the spellings here are
candidates only, and the query takes one only when the articles (or Indonesian at large) use
it, so a wrong guess finds nothing and changes nothing.
"""

from __future__ import annotations

import re

# English endings and their Indonesian spellings, longest first; each gives candidates.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ization", ("isasi",)),
    ("isation", ("isasi",)),
    ("izing", ("isasi",)),
    ("ized", ("isasi",)),
    ("ising", ("isasi",)),
    ("ised", ("isasi",)),
    ("ations", ("asi",)),
    ("ation", ("asi",)),
    ("tions", ("si",)),
    ("tion", ("si",)),
    ("sions", ("si",)),
    ("sion", ("si",)),
    ("ating", ("asi",)),
    ("ated", ("asi",)),
    ("ates", ("asi", "at")),
    ("ate", ("asi", "at")),
    ("ities", ("itas",)),
    ("ity", ("itas",)),
    ("ologies", ("ologi",)),
    ("ology", ("ologi",)),
    ("graphy", ("grafi",)),
    ("ically", ("is", "ik")),
    ("ical", ("is", "ikal", "ik")),
    ("ics", ("ika", "ik")),
    ("ic", ("ik",)),
    ("isms", ("isme",)),
    ("ism", ("isme",)),
    ("ists", ("is",)),
    ("ist", ("is",)),
    ("ives", ("if",)),
    ("ive", ("if",)),
    ("aries", ("er", "eri")),
    ("ary", ("er", "eri")),
    ("ories", ("ori",)),
    ("ory", ("ori",)),
    ("ments", ("men",)),
    ("ment", ("men",)),
    ("ences", ("ensi",)),
    ("ence", ("ensi",)),
    ("ances", ("ansi",)),
    ("ance", ("ansi",)),
    ("ents", ("en",)),
    ("ent", ("en",)),
    ("ants", ("an",)),
    ("ant", ("an",)),
    ("ures", ("ur",)),
    ("ure", ("ur",)),
    ("cies", ("si",)),
    ("cy", ("si",)),
    ("ies", ("i",)),
    ("y", ("i",)),
    ("es", ("",)),
    ("s", ("",)),
)

# Letters, in order: digraphs before the single letters they hold.
_LETTERS: tuple[tuple[str, str], ...] = (
    ("sch", "sk"),
    ("ph", "f"),
    ("th", "t"),
    ("ch", "k"),
    ("sh", "sy"),
    ("ck", "k"),
    ("qu", "ku"),
    ("ou", "u"),
    ("x", "ks"),
    ("z", "s"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1")


def _respell(stem: str) -> str:
    """The letters of an English stem as Indonesian writes them."""
    for english, indonesian in _LETTERS:
        stem = stem.replace(english, indonesian)
    stem = _SOFT_C.sub("s", stem).replace("c", "k")
    stem = stem.replace("y", "i")
    return _DOUBLE.sub(r"\1", stem)


def loan_spellings(word: str) -> list[str]:
    """Indonesian spellings an English word may have as a loanword, likeliest first
    ("evacuation" -> ["evakuasi", ...]); none for a short or non-alphabetic word."""
    if len(word) < 5 or not word.isalpha() or not word.isascii():
        return []
    found: list[str] = []
    for ending, spellings in _ENDINGS:
        if ending == "s" and word.endswith(("is", "us", "ss")):
            continue  # "basis", "status": a singular, not a plural
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = _respell(word[: -len(ending)])
            found += [stem + spelling for spelling in spellings]
            break
    found.append(_respell(word))
    return [w for w in dict.fromkeys(found) if w != word]
