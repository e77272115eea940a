"""`python -m index add` and `remove`: an article's page in, its text file and `sources.toml`
entry out (and back out again), the corpus checked by its own loader after each change.

The page's main text and metadata come from trafilatura (which reads the date with htmldate);
`sources.toml` is edited with tomlkit so that its comments and layout stay as they were.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar, CookiePolicy
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import tomlkit
from tomlkit.items import AoT, Table

from index.cleaning import clean_article
from index.corpus import METADATA_FILE, Corpus, CorpusError, load_corpus
from index.text import words

MAX_PAGE_BYTES = 5_000_000  # a news page is well under 1 MB; more is not one article's page
FETCH_SECONDS = 10.0  # the whole download, redirects included
MIN_BODY_PARAGRAPHS = 3
MIN_BODY_CHARS = 400
# Two texts sharing this share of their 4-word runs are one article (a republished copy,
# the same page with other menus): Jaccard similarity of the sets.
NEAR_IDENTICAL = 0.7
_SHINGLE = 4
_LIST_TYPES = {"collectionpage", "itemlist", "searchresultspage"}
MIN_LINKED_HEADINGS = 5
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting"}
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ref|source)$")


class AddError(Exception):
    """A source that cannot be added (or an article that cannot be removed): one line for a person."""


def user_agent() -> str:
    """The User-Agent every download sends: the project and its version."""
    try:
        version = metadata.version("berita-bot")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"berita-bot/{version} (adds news articles to a question-answering corpus; python-httpx)"


class _NoCookies(CookiePolicy):
    """Accept no cookie and send none: every download starts as a stranger, redirects included."""

    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def return_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: Any) -> bool:
        return False

    def path_return_ok(self, path: str, request: Any) -> bool:
        return False


@dataclass(frozen=True)
class Page:
    """A page's HTML as bytes, and the address it finally came from (None for a file)."""

    html: bytes
    url: str | None
    label: str  # how the person named it, for messages


async def _download(url: str, timeout: float, limit: int) -> Page:
    async with (
        httpx.AsyncClient(
            follow_redirects=True,
            headers={"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml"},
            cookies=CookieJar(policy=_NoCookies()),
            timeout=timeout,
        ) as client,
        client.stream("GET", url) as response,
    ):
        if response.status_code >= 400:
            raise AddError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
        kind = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
        if kind and "html" not in kind and kind != "text/plain":
            raise AddError(f"{url}: not a web page ({kind})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            size = int(declared)
            raise AddError(f"{url}: the page is larger than {limit // 1_000_000} MB ({size:,} bytes)")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > limit:
                raise AddError(f"{url}: the page is larger than {limit // 1_000_000} MB")
        return Page(bytes(body), str(response.url), url)


def fetch(url: str, *, timeout: float = FETCH_SECONDS, limit: int = MAX_PAGE_BYTES) -> Page:
    """The page at `url` (redirects followed, no cookies kept), or AddError in one line:
    not http(s), a failed or refused download, more than `timeout` seconds or `limit` bytes."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise AddError(f"{url}: only http:// and https:// links can be fetched")

    async def bounded() -> Page:
        async with asyncio.timeout(timeout):
            return await _download(url, timeout, limit)

    try:
        return asyncio.run(bounded())
    except TimeoutError:
        raise AddError(f"{url}: no complete answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise AddError(f"{url}: too many redirects") from None
    except httpx.HTTPError as exc:
        raise AddError(f"{url}: download failed ({_reason(exc)})") from None


def _reason(exc: httpx.HTTPError) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno:
            return os.strerror(cause.errno).lower()  # "connection refused", not asyncio's wording
        cause = cause.__cause__ or cause.__context__
    return str(exc) or type(exc).__name__


def read_page(source: str, stdin: BinaryIO | None = None, *, limit: int = MAX_PAGE_BYTES) -> Page:
    """A saved page: `source` is a file name, or `-` for HTML on `stdin`; AddError if unreadable."""
    if source == "-":
        if stdin is None:
            raise AddError("-: no standard input to read")
        data = stdin.read(limit + 1)
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise AddError(f"{source}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise AddError(f"{source}: the page is larger than {limit // 1_000_000} MB")
    return Page(data, None, "standard input" if source == "-" else source)


def get_page(source: str, stdin: BinaryIO | None = None) -> Page:
    """`source` as a page: downloaded when it is a link, else read from the file (or stdin)."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        return fetch(source)
    return read_page(source, stdin)


# -- what the page says about itself ------------------------------------------------------


class _PageFacts(HTMLParser):
    """The few things trafilatura does not hand back: <html lang>, the whole <title> (its
    outlet suffix), JSON-LD objects (a NewsArticle's own url), og:type, and how many headings
    are links (an index of stories heads each teaser with its linked headline)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.og_type = ""
        self.json_ld: list[str] = []
        self.linked_headings = 0
        self._heading: str | None = None
        self._heading_linked = False
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in ("h1", "h2", "h3", "h4") and self._heading is None:
            self._heading, self._heading_linked = tag, False
        elif tag == "a" and self._heading is not None and values.get("href"):
            self._heading_linked = True
        if tag == "meta" and values.get("property", "").lower() == "og:type":
            self.og_type = values.get("content", "").strip().lower()
        if tag == "html" and not self.lang:
            self.lang = values.get("lang", "")
        elif tag == "title" and not self.title:
            self._in, self._buffer = "title", []
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in, self._buffer = "ld", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self.linked_headings += self._heading_linked
            self._heading = None
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buffer).split())
            self._in = None
        elif self._in == "ld" and tag == "script":
            self.json_ld.append("".join(self._buffer))
            self._in = None


def _json_ld_objects(blocks: Iterable[str]) -> Iterator[dict[str, Any]]:
    def walk(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            yield node
            yield from walk(node.get("@graph", []))

    for block in blocks:
        try:
            yield from walk(json.loads(block))
        except ValueError:
            continue


def _types(node: dict[str, Any]) -> set[str]:
    types = node.get("@type", "")
    return {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}


def _article_url(objects: Iterable[dict[str, Any]]) -> str | None:
    for node in objects:
        if not _types(node) & _ARTICLE_TYPES:
            continue
        page = node.get("mainEntityOfPage")
        for value in (node.get("url"), page.get("@id") if isinstance(page, dict) else page):
            if isinstance(value, str) and value.startswith(("https://", "http://")):
                return value
    return None


@dataclass(frozen=True)
class Extracted:
    """An article as it will be written: its citation data and its paragraphs."""

    title: str
    outlet: str | None
    published: str | None  # YYYY-MM-DD
    url: str | None
    language: str
    paragraphs: tuple[str, ...]

    def text(self) -> str:
        """The article file's content: the headline, then one paragraph per block."""
        return "\n\n".join((self.title, *self.paragraphs)) + "\n"


def _outlet_from_title(whole: str, headline: str) -> str | None:
    """ "Headline | Outlet" (or " - ", " – ", " — ") when trafilatura gave the headline alone."""
    if not headline or not whole.startswith(headline):
        return None
    rest = whole[len(headline) :].strip()
    found = re.match(r"^[|\-–—:·]\s*(.+)$", rest)
    return found.group(1).strip() if found else None


def _site(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    if not host or re.fullmatch(r"[\d.]+|localhost|\[?[0-9a-f:]+\]?", host):
        return None
    return host.removeprefix("www.")


def extract(page: Page) -> Extracted:
    """The page's article: main text and metadata; AddError when the page holds no article
    (no main text, or a list of other stories)."""
    import trafilatura  # imported here: half a second that only `index add` should pay

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    document = trafilatura.bare_extraction(
        page.html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    facts = _PageFacts()
    with contextlib.suppress(Exception):  # a page HTMLParser chokes on still has what trafilatura found
        facts.feed(page.html.decode("utf-8", errors="replace"))
    text = getattr(document, "text", None) or ""
    title = " ".join((getattr(document, "title", None) or "").split())
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    # A page that says it is not an article (og:type "website", JSON-LD CollectionPage or
    # ItemList, and no article type) and heads its paragraphs with linked headlines is an
    # index of other stories, however its teasers are laid out.
    objects = list(_json_ld_objects(facts.json_ld))
    types = set().union(*(_types(node) for node in objects))
    says_article = facts.og_type == "article" or bool(types & _ARTICLE_TYPES)
    says_list = facts.og_type == "website" or bool(types & _LIST_TYPES)
    if says_list and not says_article and facts.linked_headings >= MIN_LINKED_HEADINGS:
        raise AddError(f"{page.label}: a list of other stories, not one article")
    # trafilatura writes list items as "- item": a page that is mostly those is an index of
    # other stories; an article has paragraphs of prose that survive the corpus's cleaning.
    prose = [line for line in lines if not re.match(r"^[-•*]\s", line)]
    body = [p.text for p in clean_article("\n\n".join(prose), title) if not p.is_headline]
    if len(body) < MIN_BODY_PARAGRAPHS or sum(len(p) for p in body) < MIN_BODY_CHARS:
        if len(lines) - len(prose) > len(prose):
            raise AddError(f"{page.label}: a list of other stories, not one article")
        raise AddError(f"{page.label}: no article text found (too little main text)")
    url = getattr(document, "url", None) or _article_url(objects) or page.url
    outlet = getattr(document, "sitename", None) or _outlet_from_title(facts.title, title) or _site(url)
    lang = facts.lang.split("-")[0].lower()
    language = lang if re.fullmatch(r"[a-z]{2,3}", lang) else "id"
    return Extracted(
        title=title,
        outlet=" ".join(outlet.split()) if outlet else None,
        published=getattr(document, "date", None) or None,
        url=url if url and url.startswith(("https://", "http://")) else None,
        language=language,
        paragraphs=tuple(lines),
    )


# -- the corpus folder --------------------------------------------------------------------


def normal_url(url: str) -> str:
    """A link as compared for sameness: no scheme, no www., no fragment, no tracking
    parameters, no trailing slash, host in lower case."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    tokens = words(text)
    return frozenset(tuple(tokens[i : i + _SHINGLE]) for i in range(max(len(tokens) - _SHINGLE + 1, 1)))


def _body(raw: str, headline: str) -> str:
    return "\n".join(p.text for p in clean_article(raw, headline) if not p.is_headline)


def _similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-") or "artikel"


class CorpusFolder:
    """A corpus folder open for editing: `sources.toml` as a tomlkit document."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.meta_path = self.directory / METADATA_FILE
        if not self.directory.is_dir():
            raise AddError(f"{self.directory}: corpus folder not found")
        try:
            self.original = self.meta_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise AddError(
                f"{self.meta_path}: metadata file not found (write its [event] table first; see README)"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise AddError(f"{self.meta_path}: cannot be read ({exc})") from None
        # Read with tomllib: tomlkit, which keeps the layout, takes seconds on the 36,000 lines
        # of a 4,500-article file, and is needed only when the file is edited in place.
        try:
            self.meta = tomllib.loads(self.original)
        except tomllib.TOMLDecodeError as exc:
            raise AddError(f"{self.meta_path}: not valid TOML ({exc}); fix it first") from None
        articles = self.meta.get("article")
        if articles is not None and not (
            isinstance(articles, list) and all(isinstance(a, dict) for a in articles)
        ):
            raise AddError(f"{self.meta_path}: `article` must be [[article]] tables")
        self._document: tomlkit.TOMLDocument | None = None
        self.corpus: Corpus | None = None  # the folder as loaded after the last change
        self._texts: dict[str, tuple[str, str]] | None = None  # id -> (raw text, headline)

    @property
    def document(self) -> tomlkit.TOMLDocument:
        """sources.toml as a tomlkit document, its comments and layout kept (parsed on first use)."""
        if self._document is None:
            self._document = tomlkit.parse(self.original)
            if not isinstance(self._document.get("article", tomlkit.aot()), AoT):
                raise AddError(f"{self.meta_path}: `article` must be [[article]] tables")
        return self._document

    @property
    def entries(self) -> list[dict[str, Any]]:
        """The [[article]] tables, in order."""
        articles = self.meta.get("article")
        return list(articles) if isinstance(articles, list) else []

    def same_url(self, *urls: str | None) -> str | None:
        """The id of the article whose link is one of `urls`, if any."""
        wanted = {normal_url(u) for u in urls if u}
        for entry in self.entries:
            url = entry.get("url")
            if isinstance(url, str) and url and normal_url(url) in wanted:
                return str(entry.get("id"))
        return None

    def same_text(self, article: Extracted) -> str | None:
        """The id of an article whose text is near-identical to `article`'s, if any."""
        if self._texts is None:
            self._texts = {}
            for entry in self.entries:
                try:
                    raw = (self.directory / str(entry.get("file"))).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                self._texts[str(entry.get("id"))] = (raw, str(entry.get("title", "")))
        mine = _shingles(_body(article.text(), article.title))
        # Cleaning and comparing every article takes seconds at 4,500 of them: only those that
        # print one of the new article's longest sentences verbatim can be near-identical.
        longest = sorted((" ".join(p.split()) for p in article.paragraphs), key=len, reverse=True)[:5]
        probes = [p[len(p) // 2 - 20 : len(p) // 2 + 20] for p in longest if len(p) >= 60]
        for article_id, (raw, headline) in self._texts.items():
            flat = " ".join(raw.split())
            if probes and not any(probe in flat for probe in probes):
                continue
            if _similarity(mine, _shingles(_body(raw, headline))) >= NEAR_IDENTICAL:
                return article_id
        return None

    def _new_id(self, outlet: str) -> str:
        taken = {str(e.get("id")) for e in self.entries}
        base = _slug(outlet)
        if base not in taken:
            return base
        number = 2
        while f"{base}-{number}" in taken:
            number += 1
        return f"{base}-{number}"

    def _new_file(self, text: str) -> str:
        found = (re.match(r"^(\d+)_", p.name) for p in self.directory.glob("*.txt"))
        numbers = [int(m.group(1)) for m in found if m]
        number = max(numbers, default=len(self.entries) - 1) + 1
        return f"{number:03d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"

    def add(self, article: Extracted, outlet: str, published: str) -> tuple[str, str]:
        """Write the article's file and entry; gives (id, file name). The folder is checked
        by the corpus loader afterwards and put back as it was if it does not load."""
        text = article.text()
        article_id = self._new_id(outlet)
        file_name = self._new_file(text)
        table = tomlkit.table()
        table.add("id", article_id)
        table.add("file", file_name)
        table.add("outlet", outlet)
        table.add("title", article.title)
        table.add("published", dt.date.fromisoformat(published))
        if article.url:
            table.add("url", article.url)
        table.add("language", article.language)
        appended = self._appended(table)
        if appended is None:
            self._add_in_document(table)
        path = self.directory / file_name
        path.write_text(text, encoding="utf-8")
        self._commit(created=path, edited=appended)
        if self._texts is not None:
            self._texts[article_id] = (text, article.title)
        return article_id, file_name

    def _appended(self, table: Table) -> tuple[str, dict[str, Any]] | None:
        """sources.toml with the entry's text written after the rest, when that is what adding
        it means: the result read back holds every table and value it held, and the entry
        after the last article. None when it is not (then the document is edited)."""
        aot = tomlkit.aot()
        aot.append(table)
        entry = tomlkit.dumps(tomlkit.document().append("article", aot))
        gap = "" if self.original.endswith("\n\n") else "\n" if self.original.endswith("\n") else "\n\n"
        text = self.original + gap + entry
        try:
            after = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return None
        expected = {**self.meta, "article": [*self.entries, tomllib.loads(entry)["article"][0]]}
        return (text, after) if after == expected else None

    def _add_in_document(self, table: Table) -> None:
        articles = self.document.get("article")
        if isinstance(articles, AoT):
            last = articles[-1] if len(articles) else None
            if last is not None and not last.as_string().endswith("\n\n"):
                last.add(tomlkit.nl())  # a blank line between entries, as the file has them
            articles.append(table)
        else:
            aot = tomlkit.aot()
            aot.append(table)
            self.document.append("article", aot)

    def remove(self, article_id: str) -> str:
        """Take the article out: its entry and its file; gives the file name."""
        ids = [str(e.get("id")) for e in self.entries]
        if article_id not in ids:
            raise AddError(f"{article_id}: no article with that id in {self.meta_path}")
        if len(ids) == 1:
            raise AddError(f"{article_id}: the only article left; a corpus needs at least one")
        position = ids.index(article_id)
        file_name = str(self.entries[position].get("file"))
        edited = self._cut(position)
        if edited is None:
            articles = self.document.get("article")
            assert isinstance(articles, AoT)  # checked when the document was parsed
            del articles[position]
        path = self.directory / file_name
        kept = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        path.unlink(missing_ok=True)
        self._commit(restore=(path, kept), edited=edited)
        return file_name

    def _cut(self, position: int) -> tuple[str, dict[str, Any]] | None:
        """sources.toml without the lines of article number `position` (from its [[article]]
        line to the next, the comments just before the next kept), when the file read back is
        then the same document less that entry. None when it is not (then the document is
        edited)."""
        lines = self.original.splitlines(keepends=True)
        headers = [n for n, line in enumerate(lines) if line.strip() == "[[article]]"]
        if len(headers) != len(self.entries):
            return None
        start = headers[position]
        end = headers[position + 1] if position + 1 < len(headers) else len(lines)
        tail = end
        while tail > start + 1 and (not lines[tail - 1].strip() or lines[tail - 1].lstrip().startswith("#")):
            tail -= 1
        kept = lines[tail:end]
        while kept and not kept[0].strip():
            kept.pop(0)
        text = "".join(lines[:start] + kept + lines[end:])
        try:
            after = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return None
        expected = {**self.meta, "article": self.entries[:position] + self.entries[position + 1 :]}
        return (text, after) if after == expected else None

    def _commit(
        self,
        *,
        created: Path | None = None,
        restore: tuple[Path, bytes | None] | None = None,
        edited: tuple[str, dict[str, Any]] | None = None,
    ) -> None:
        """Write sources.toml (`edited`'s text, already read back, or the document) atomically
        and load the folder; undo everything if it fails."""
        if edited is not None:
            text, meta = edited
        else:
            text = tomlkit.dumps(self.document)
            if not self.original.endswith("\n\n"):
                text = text.rstrip("\n") + "\n"
            meta = tomllib.loads(text)
        _write_atomically(self.meta_path, text)
        try:
            self.corpus = load_corpus(self.directory)
        except CorpusError as exc:
            _write_atomically(self.meta_path, self.original)
            if created is not None:
                created.unlink(missing_ok=True)
            if restore is not None and restore[1] is not None:
                restore[0].write_bytes(restore[1])
            self._document = None
            raise AddError(f"the corpus would not load, nothing changed: {exc}") from None
        self.original = text
        self.meta = meta
        self._document = None


def _write_atomically(path: Path, text: str) -> None:
    # Beside the target and renamed over it: a running bot polling the folder never reads a
    # half-written sources.toml.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# -- the commands ---------------------------------------------------------------------------


def add_one(
    folder: CorpusFolder,
    source: str,
    *,
    stdin: BinaryIO | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> str:
    """Add one source to the folder; gives the line to print. AddError: nothing changed."""
    is_link = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source) is not None
    if is_link and (known := folder.same_url(source)):
        return f"already in the corpus: {source} is {known!r}"
    page = get_page(source, stdin)
    article = extract(page)
    if known := folder.same_url(article.url, page.url):
        return f"already in the corpus: {page.label} is {known!r} (same link)"
    if known := folder.same_text(article):
        return f"already in the corpus: {page.label} is {known!r} (near-identical text)"
    name = outlet or article.outlet
    if not name:
        raise AddError(f"{page.label}: the outlet is not named in the page; give it with --outlet NAME")
    date = published or article.published
    if not date:
        raise AddError(f"{page.label}: no publication date found; give it with --published YYYY-MM-DD")
    if not article.title:
        raise AddError(f"{page.label}: no headline found")
    article_id, file_name = folder.add(article, name, date)
    return f"added {article_id}: {name}, {date}, “{article.title}” ({file_name})"


def add(
    directory: str | Path,
    sources: list[str],
    *,
    stdin: BinaryIO | None = None,
    outlet: str | None = None,
    published: str | None = None,
    out: Any = None,
    err: Any = None,
    changed: Callable[[Corpus], object] | None = None,
) -> int:
    """Add each source, printing one line for each; 2 when any could not be added, else 0.
    `changed` is given the corpus as loaded after the additions, if any was made."""
    out = out or sys.stdout
    err = err or sys.stderr
    if published is not None:
        try:
            published = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            print(f"error: --published must be a date like 2025-02-05, got {published!r}", file=err)
            return 2
    try:
        folder = CorpusFolder(directory)
    except AddError as exc:
        print(f"error: {exc}", file=err)
        return 2
    status = 0
    for source in sources:
        try:
            print(add_one(folder, source, stdin=stdin, outlet=outlet, published=published), file=out)
        except AddError as exc:
            print(f"error: {exc}", file=err)
            status = 2
    if changed is not None and folder.corpus is not None:
        changed(folder.corpus)
    return status


def remove(
    directory: str | Path,
    article_id: str,
    *,
    out: Any = None,
    err: Any = None,
    changed: Callable[[Corpus], object] | None = None,
) -> int:
    """Remove one article by id, printing one line; 2 when it cannot be. `changed` is given the
    corpus as loaded after the removal."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        folder = CorpusFolder(directory)
        file_name = folder.remove(article_id)
    except AddError as exc:
        print(f"error: {exc}", file=err)
        return 2
    print(f"removed {article_id} ({file_name})", file=out)
    if changed is not None and folder.corpus is not None:
        changed(folder.corpus)
    return 0
