"""Writes a corpus folder about N times the seed corpus, for benchmarks/scale.py.

Run: .venv/bin/python benchmarks/generate_corpus.py --times 100 --out data/scale/x100

New articles are made of the seed articles' cleaned sentences (the same cleaning and sentence
splitting the index uses), shuffled into new paragraphs, with each article's names, dates and
numbers swapped for generated ones. A name is kept in one article out of four, so the event's
own names ("Kim", "Putin", "Vladivostok") stay common and a question has many passages to rank,
while the generated names give the vocabulary the growth of a real archive. Seeded: the same
arguments write the same bytes. Write it under /data/ (gitignored) or a temporary folder,
never into corpus/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from index.cleaning import clean_article
from index.corpus import METADATA_FILE, load_corpus
from index.sentences import split_sentences
from index.stemmer import name_words

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"

KEEP_NAME = 0.25  # share of an article's names left as the seed corpus wrote them
NAMES_PER_TIMES = 300  # the generated-name pool grows with the corpus, as an archive's would

MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember").split()
WEEKDAYS = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()
SYLLABLES = (
    "ka ki ku ke ko ra ri ru re ro ta ti tu te to na ni nu ne no ma mi mu me mo sa si su se so "
    "la li lu le lo da di du de do ba bi bu be bo ga gi gu ge go va vi vo ya yu zan kov rin ton"
).split()

# Dates as the seed articles print them: "(25/4)", "(25/4/2019)", "25 April 2019", a
# weekday, a year; then any other number ("10.000", "3"). One pass, so a swapped value is
# never swapped again.
_SWAPPABLE = re.compile(
    r"(?P<slash>\b\d{1,2}/\d{1,2}(?:/\d{4})?\b)"
    r"|(?P<long>\b\d{1,2} (?:" + "|".join(MONTHS) + r")(?: \d{4})?\b)"
    r"|(?P<weekday>\b(?:" + "|".join(WEEKDAYS) + r")\b)"
    r"|(?P<year>\b(?:19|20)\d{2}\b)"
    r"|(?P<number>\b\d+(?:[.,]\d+)*\b)"
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Seed:
    """What new articles are made of: headlines, body paragraphs' sentences, outlets, names."""

    headlines: list[str]
    sentences: list[str]
    outlets: list[str]
    names: frozenset[str]  # lowercase words the seed articles write as names
    examples: tuple[str, ...]
    title: str


def read_seed(directory: Path = SEED_CORPUS) -> Seed:
    """The seed corpus's cleaned headlines and body sentences, as the index would see them."""
    corpus = load_corpus(directory)
    headlines: list[str] = []
    sentences: list[str] = []
    for article in corpus.articles:
        for paragraph in clean_article(article.raw, article.source.title):
            if paragraph.is_headline:
                headlines.append(paragraph.text)
            else:
                sentences.extend(split_sentences(paragraph.text))
    names = name_words(sentences) - {w.lower() for w in (*MONTHS, *WEEKDAYS)}
    return Seed(
        headlines=headlines,
        sentences=sentences,
        outlets=sorted({a.source.outlet for a in corpus.articles}),
        names=frozenset(names),
        examples=corpus.event.examples,
        title=corpus.event.title,
    )


class Writer:
    """Makes new articles from the seed, deterministically from one random generator."""

    def __init__(self, seed: Seed, times: int, rng: random.Random) -> None:
        self.seed = seed
        self.rng = rng
        pool: set[str] = set()
        while len(pool) < NAMES_PER_TIMES * times:
            pool.add(self._new_name())
        self.name_pool = sorted(pool)

    def _new_name(self) -> str:
        word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
        return word.capitalize()

    def article(self) -> tuple[str, list[list[str]], dt.date]:
        """(headline, paragraphs of sentences, publication date) of one new article."""
        rng = self.rng
        published = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        names: dict[str, str] = {}
        headline = self._swap(rng.choice(self.seed.headlines), names, published)
        sizes = rng.choices((1, 2, 3), weights=(6, 3, 1), k=rng.randint(8, 14))
        # Without replacement: an article never repeats a sentence (the cleaner would drop it).
        chosen = iter(rng.sample(self.seed.sentences, sum(sizes)))
        paragraphs = [[self._swap(next(chosen), names, published) for _ in range(n)] for n in sizes]
        return headline, paragraphs, published

    def _swap(self, text: str, names: dict[str, str], published: dt.date) -> str:
        def name(match: re.Match[str]) -> str:
            word = match.group()
            lower = word.lower()
            if lower not in self.seed.names:
                return word
            if lower not in names:
                keep = self.rng.random() < KEEP_NAME
                names[lower] = lower if keep else self.rng.choice(self.name_pool).lower()
            new = names[lower]
            return new.upper() if word.isupper() and len(word) > 1 else new.capitalize()

        def value(match: re.Match[str]) -> str:
            day = published - dt.timedelta(days=self.rng.randint(0, 3))
            if match.group("slash"):
                parts = match.group().count("/")
                return f"{day.day}/{day.month}" + (f"/{day.year}" if parts == 2 else "")
            if match.group("long"):
                with_year = match.group().count(" ") == 2
                return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if with_year else "")
            if match.group("weekday"):
                return WEEKDAYS[day.weekday()]
            if match.group("year"):
                return str(self.rng.randint(published.year - 30, published.year))
            return _other_number(match.group(), self.rng)

        return _SWAPPABLE.sub(value, _WORD.sub(name, text))


def _other_number(number: str, rng: random.Random) -> str:
    """A random number printed like `number`: same digit count, same separators."""
    digits = [rng.choice("0123456789") if ch.isdigit() else ch for ch in number]
    if len([ch for ch in number if ch.isdigit()]) > 1:
        digits[0] = rng.choice("123456789")
    return "".join(digits)


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(times: int, out: Path, seed_number: int = 0) -> int:
    """Write a corpus of about `times` x the seed's body sentences into `out`; its article count."""
    seed = read_seed()
    rng = random.Random(f"{seed_number}-{times}")
    writer = Writer(seed, times, rng)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    wanted = times * len(seed.sentences)
    written = 0
    entries: list[str] = []
    number = 0
    while written < wanted:
        headline, paragraphs, published = writer.article()
        article_id = f"gen{number:06d}"
        file_name = f"{article_id}.txt"
        (out / file_name).write_text(
            "\n".join([headline, *(" ".join(p) for p in paragraphs)]) + "\n", encoding="utf-8"
        )
        written += sum(len(p) for p in paragraphs)
        entries.append(
            "\n".join(
                [
                    "[[article]]",
                    f"id = {_toml_string(article_id)}",
                    f"file = {_toml_string(file_name)}",
                    f"outlet = {_toml_string(rng.choice(seed.outlets))}",
                    f"title = {_toml_string(headline)}",
                    f"published = {published.isoformat()}",
                    f"url = {_toml_string(f'https://example.com/generated/{article_id}')}",
                ]
            )
        )
        number += 1
    header = "\n".join(
        [
            f"# Generated by benchmarks/generate_corpus.py --times {times}: not news, do not cite.",
            "[event]",
            f"title = {_toml_string(f'{seed.title} (generated, {times}x)')}",
            "examples = [" + ", ".join(_toml_string(e) for e in seed.examples) + "]",
        ]
    )
    (out / METADATA_FILE).write_text(header + "\n\n" + "\n\n".join(entries) + "\n", encoding="utf-8")
    return number


def main() -> int:
    """Write the corpus folder and say how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, required=True, help="size as a multiple of the seed corpus")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (emptied of .txt first)")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    args = parser.parse_args()
    if args.times < 1:
        parser.error("--times must be 1 or more")
    if args.out.resolve() == SEED_CORPUS.resolve():
        parser.error("--out must not be the seed corpus")
    articles = generate(args.times, args.out, args.seed)
    size = sum(p.stat().st_size for p in args.out.glob("*.txt"))
    print(f"{args.out}: {articles} articles, {size / 1e6:.1f} MB of text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
