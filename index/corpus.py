"""Reads a corpus folder: `sources.toml` plus one text file per article."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from index.answers import Source
from index.text import words

METADATA_FILE = "sources.toml"
MAX_ARTICLE_BYTES = 5_000_000


class CorpusError(Exception):
    """A corpus folder that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    """One article: its citation data and its raw text exactly as collected."""

    source: Source
    path: Path
    raw: str


@dataclass(frozen=True)
class Event:
    """What the corpus is about, in words for people, and questions it can answer."""

    title: str
    title_en: str
    examples: tuple[str, ...]
    examples_en: tuple[str, ...]
    eval_file: Path | None = None  # the corpus's evaluation questions, if it names them

    def title_in(self, language: str) -> str:
        """The event's title for a reader of `language` ("en" or "id")."""
        return self.title_en if language == "en" and self.title_en else self.title

    def examples_in(self, language: str) -> tuple[str, ...]:
        """Example questions for a reader of `language`, Indonesian when none are in it."""
        return self.examples_en if language == "en" and self.examples_en else self.examples


@dataclass(frozen=True)
class Corpus:
    """The articles of one event, in metadata order."""

    directory: Path
    event: Event
    articles: tuple[Article, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every article's citation data."""
        return tuple(a.source for a in self.articles)

    @cached_property
    def outlet_names(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Each outlet's name, lowercase, with its words ("sentana news", {"sentana", "news"}):
        an outlet naming itself ("Sentana News belum memperoleh tanggapan ...") names nothing
        of the event."""
        names = sorted({a.source.outlet.lower() for a in self.articles if a.source.outlet.strip()})
        return tuple((name, frozenset(words(name))) for name in names)

    def fingerprint(self) -> str:
        """A hash of the metadata and every article's bytes: changes whenever the corpus does."""
        digest = hashlib.sha256()
        digest.update((self.directory / METADATA_FILE).read_bytes())
        for article in self.articles:
            digest.update(article.source.id.encode())
            digest.update(article.raw.encode())
        return digest.hexdigest()


def _text(entry: dict[str, object], key: str, where: str, *, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise CorpusError(f"{where}: `{key}` must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise CorpusError(f"{where}: `{key}` is missing or empty")
    return value.strip()


def _date(entry: dict[str, object], where: str) -> str:
    value = entry.get("published")
    if isinstance(value, dt.datetime):
        raise CorpusError(
            f"{where}: `published` must be a date like 2019-04-25, not a date and time ({value.isoformat()})"
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise CorpusError(f"{where}: `published` must be a date like 2019-04-25, got {value!r}")


def _date_hint(path: Path, error: tomllib.TOMLDecodeError) -> str:
    """What TOML's own message leaves out when the line it stops at holds a date that is not one."""
    where = re.search(r"at line (\d+)", str(error))
    lines = path.read_text(encoding="utf-8").splitlines()
    if where is None or not 0 < int(where.group(1)) <= len(lines):
        return ""
    line = lines[int(where.group(1)) - 1]
    found = re.match(r"\s*([\w-]+)\s*=\s*(\d{4}-\d+-\d+\S*)", line)
    if found is None:
        return ""
    return f": `{found.group(1)}` must be a real date like 2019-04-25, got {found.group(2)}"


def _strings(table: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(f"{where}: `{key}` must be a list of text")
    return tuple(v.strip() for v in value if v.strip())


def _read_file(path: Path, limit: int) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; or CorpusError.

    A symbolic link is refused (one pointing out of the folder would have the bot quote, say,
    /etc/passwd), and so is anything that is not a regular file: a FIFO would block start-up,
    and a /proc file reports a size of 0 whatever it holds, so the read itself is bounded."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CorpusError(f"{path}: a symbolic link; the corpus must hold the file itself") from None
        raise CorpusError(f"{path}: cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CorpusError(f"{path}: not a regular file")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise CorpusError(f"{path}: larger than {limit} bytes")
    return data


def load_corpus(directory: str | Path) -> Corpus:
    """Load and check a corpus folder, or raise CorpusError naming the file at fault."""
    root = Path(directory)
    meta_path = root / METADATA_FILE
    if not root.is_dir():
        raise CorpusError(f"{root}: corpus folder not found")
    if not meta_path.exists() and not meta_path.is_symlink():
        raise CorpusError(f"{meta_path}: metadata file not found")
    try:
        meta = tomllib.loads(_read_file(meta_path, MAX_ARTICLE_BYTES).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{meta_path}: not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{meta_path}: not valid TOML ({exc}){_date_hint(meta_path, exc)}") from None

    event_table = meta.get("event", {})
    if not isinstance(event_table, dict):
        raise CorpusError(f"{meta_path}: [event] must be a table")
    where = f"{meta_path} [event]"
    event = Event(
        title=_text(event_table, "title", where),
        title_en=_text(event_table, "title_en", where, required=False) or _text(event_table, "title", where),
        examples=_strings(event_table, "examples", where),
        examples_en=_strings(event_table, "examples_en", where),
        eval_file=Path(os.path.normpath(root / _text(event_table, "eval", where)))
        if event_table.get("eval")
        else None,
    )

    entries = meta.get("article", [])
    if not isinstance(entries, list) or not entries:
        raise CorpusError(f"{meta_path}: no [[article]] entries")

    articles: list[Article] = []
    seen_ids: set[str] = set()
    listed_files: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CorpusError(f"{meta_path}: article #{number} is not a table")
        where = f"{meta_path} article #{number}"
        article_id = _text(entry, "id", where)
        where = f"{meta_path} article {article_id!r}"
        if article_id in seen_ids:
            raise CorpusError(f"{where}: duplicate id")
        seen_ids.add(article_id)
        file_name = _text(entry, "file", where)
        path = root / file_name
        if Path(file_name).name != file_name:
            raise CorpusError(f"{where}: `file` must be a file name in the corpus folder")
        if not path.exists() and not path.is_symlink():
            raise CorpusError(f"{path}: listed in {METADATA_FILE} but the file is missing")
        listed_files.add(file_name)
        url = _text(entry, "url", where, required=False) or None
        if url is not None and not url.startswith(("https://", "http://")):
            raise CorpusError(f"{where}: `url` must start with https:// or http://")
        try:
            raw = _read_file(path, MAX_ARTICLE_BYTES).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: not UTF-8 text ({exc.reason})") from None
        if not raw.strip():
            raise CorpusError(f"{path}: the article is empty")
        source = Source(
            id=article_id,
            outlet=_text(entry, "outlet", where),
            title=_text(entry, "title", where, required=False),
            published=_date(entry, where),
            url=url,
            language=_text(entry, "language", where, required=False) or "id",
            credit=_text(entry, "credit", where, required=False),
        )
        articles.append(Article(source=source, path=path, raw=raw))

    for path in sorted(root.glob("*.txt")):
        if path.name not in listed_files:
            raise CorpusError(f"{path}: article file has no entry in {METADATA_FILE}")

    return Corpus(directory=root, event=event, articles=tuple(articles))
