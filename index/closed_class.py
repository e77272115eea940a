"""The closed classes of Indonesian the engine reasons with (months, weekdays, pronouns,
question words...), read once from index/data/closed_class.tsv: one home, one reader."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from index.lexicon import read_table


@cache
def _ordered() -> dict[str, tuple[str, ...]]:
    path = resources.files("index").joinpath("data/closed_class.tsv")
    table = read_table(path, "index/data/closed_class.tsv")
    return {name: tuple(w.replace("_", " ") for w in members) for name, members in table.items()}


@cache
def _classes() -> dict[str, frozenset[str]]:
    return {name: frozenset(members) for name, members in _ordered().items()}


def in_order(name: str) -> tuple[str, ...]:
    """The words of one class in the order the file lists them (the months, January first)."""
    return _ordered()[name]


def words_of(name: str) -> frozenset[str]:
    """The words of one class ("months", "days", "pronouns", ...); KeyError for an unknown class."""
    return _classes()[name]


@cache
def pattern(name: str) -> str:
    """A regular-expression alternation matching any word of the class, longest first."""
    members = sorted(words_of(name), key=lambda w: (-len(w), w))
    return "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in members)
