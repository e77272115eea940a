"""The shipped word lists: chat spellings, English-to-Indonesian, synonyms (data in index/data/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable


class LexiconError(Exception):
    """A data file of index/data that does not follow its format."""


def _table(name: str) -> dict[str, tuple[str, ...]]:
    return read_table(resources.files("index").joinpath(f"data/{name}"), f"index/data/{name}")


def read_table(path: Traversable, label: str) -> dict[str, tuple[str, ...]]:
    """A `key<TAB>words` file as {key: words}; `#` lines are comments, `-` means no words."""
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip():
            raise LexiconError(f"{label}:{number}: expected key<TAB>words")
        key, value = parts[0].strip().lower(), parts[1].strip().lower()
        if key in table:
            raise LexiconError(f"{label}:{number}: {key!r} listed twice")
        table[key] = () if value == "-" else tuple(value.split())
    return table


@dataclass(frozen=True)
class Lexicon:
    """Everything the question reader needs from the data files."""

    informal: dict[str, tuple[str, ...]]
    english: dict[str, tuple[str, ...]]
    synonyms: dict[str, tuple[str, ...]]  # words of like meaning: weaker evidence than the word
    # Spellings of one word ("praktik", "praktek"; "Moskow", "Moskwa"): as good as the word.
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Abbreviations the press prints and their words ("menlu": "menteri luar negeri").
    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicons, read once."""
    return Lexicon(
        informal=_table("informal.tsv"),
        english=_table("english.tsv"),
        synonyms=_groups(_table("synonyms.tsv")),
        variants=_groups(_table("variants.tsv")),
        abbreviations=_table("abbreviations.tsv"),
    )


def _groups(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each line a group of words that stand for one another, looked up from any member."""
    groups: dict[str, set[str]] = {}
    for head, others in table.items():
        group = {head, *others}
        for word in group:
            groups.setdefault(word, set()).update(group - {word})
    return {w: tuple(sorted(s)) for w, s in groups.items()}
