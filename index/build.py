"""Builds the searchable index of a corpus: cleaned sentences, their stems and facts, and
BM25 over paragraphs (keeping it on disk is index/cache.py); and brings a built index up to
a corpus that gained or lost articles, giving the index a build from scratch would give.

A build has two steps. What one article's text gives whatever else the corpus holds
(`read_article`: cleaning, sentences, words, facts) is read on all cores. What depends on the
whole corpus (which words are names, and so keep their form; pronouns resolved to them) is
decided from counts over every article (`NameCounts`), then each article's sentences get their
terms. On a large corpus both steps run on the workers, each keeping the share of articles it
read for the second (`_build_on_workers`). An update reads only the new articles, and again
only those a changed name touches.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import NamedTuple, cast

import numpy as np

from index.bm25 import PassageIndex
from index.cleaning import clean_article
from index.closed_class import words_of
from index.corpus import Article, Corpus, CorpusError
from index.evidence import Facts, counts_people, read_facts, role_names, sentence_tokens, takes_vehicle
from index.gcpause import collector_paused
from index.lexicon import lexicon
from index.model import AGE_MARK, MONEY_MARK, PEOPLE_MARK, TAKEN_MARK, Index, Passage, Sentence, Sentences
from index.parallel import Workers, WorkersFailed, workers
from index.sentences import split_sentences
from index.stemmer import (
    NameCounts,
    Stemmer,
    known_stems,
    remember_stems,
    sastrawi_stem,
    stem_many,
    stopwords,
)
from index.text import _INVISIBLE as INVISIBLE_MARKS
from index.text import cased_words, normalize, words, words_of_tokens

log = logging.getLogger(__name__)

# Prepositions and conjunctions made like verbs ("menurut"): no sentence's verb.
_PREPOSITIONS_LIKE_VERBS = words_of("prepositions_like_verbs")
_VERB_PREFIX = ("me", "ber", "be", "di", "ter", "per")
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")
_NAME_TITLES = words_of("name_titles")


class SentenceText(NamedTuple):
    """One sentence as its article alone gives it: where it stands, its words and facts."""

    paragraph: int
    headline: bool
    text: str
    tokens: tuple[str, ...]
    facts: Facts
    expansions: tuple[str, ...]  # the words its abbreviations stand for, stopwords left out
    offices: tuple[tuple[str, tuple[str, ...]], ...]  # (office, its holder's words)


# A sentence's fields, in the order of `Sentence`'s (text, article, paragraph, passage,
# headline, terms, resolved, facts, predicates, leans_on_before).
SentenceRow = tuple[str, int, int, int, bool, frozenset[str], frozenset[str], Facts, frozenset[str], bool]


class ArticleText(NamedTuple):
    """What one article's text gives, whatever else the corpus holds."""

    sentences: tuple[SentenceText, ...]


class Reading(NamedTuple):
    """Articles read (a chunk of them on a worker, or all), with what the build counts over
    them all. The counts come back once per chunk, not once per article: a worker's results
    are pickled to the building process, and 4,500 articles' own counters were a third of
    what it received."""

    articles: list[ArticleText]
    names: NameCounts  # how their bodies write each word
    vocabulary: Counter[str]  # in how many of them each word is used

    @classmethod
    def merged(cls, readings: Sequence[Reading]) -> Reading:
        """Readings of consecutive chunks as one, in order."""
        if len(readings) == 1:
            return readings[0]
        names, vocabulary = NameCounts(), Counter[str]()
        articles: list[ArticleText] = []
        for reading in readings:
            articles += reading.articles
            names.add(reading.names)
            vocabulary.update(reading.vocabulary)
        return cls(articles, names, vocabulary)


def read_articles(items: list[tuple[str, str]]) -> Reading:
    """Clean, split and read (raw text, headline) articles: a chunk of work for a worker."""
    with collector_paused():
        articles = [read_article(raw, title) for raw, title in items]
        # Names are learnt from body text only: a headline capitalises every word.
        names = NameCounts.of(s.text for article in articles for s in article.sentences if not s.headline)
        vocabulary = Counter(
            w for article in articles for w in {w for s in article.sentences for w in s.tokens}
        )
        return Reading(articles, names, vocabulary)


def read_article(raw: str, title: str) -> ArticleText:
    """One article's sentences with their words, facts, abbreviations and office holders."""
    sentences = []
    for p, paragraph in enumerate(clean_article(raw, title)):
        pieces = [paragraph.text] if paragraph.is_headline else split_sentences(paragraph.text)
        for text in pieces:
            # Its tokens are read once, for its facts and its words alike.
            cased = sentence_tokens(text)
            lower = [t.lower() for t in cased]
            facts = read_facts(text, cased, lower)
            tokens = tuple(words_of_tokens(lower))
            sentences.append(_sentence_text(p, paragraph.is_headline, text, facts, tokens))
    return ArticleText(tuple(sentences))


def _read_again(sentences: Sequence[Sentence]) -> ArticleText:
    """What `read_article` gave for an indexed article, from its sentences (their facts as
    read then)."""
    return ArticleText(tuple(_sentence_text(s.paragraph, s.headline, s.text, s.facts) for s in sentences))


def _sentence_text(
    paragraph: int, headline: bool, text: str, facts: Facts, tokens: tuple[str, ...] | None = None
) -> SentenceText:
    abbreviations = lexicon().abbreviations
    if tokens is None:
        tokens = tuple(words(text))
    # "Menlu" stands for "Menteri Luar Negeri": a question may use either. A short acronym
    # counts only in capitals: "AS" is Amerika Serikat, "Ri Yong-ho" a name.
    expansions: tuple[str, ...] = ()
    if _may_abbreviate(tokens):
        stop = stopwords()
        expansions = tuple(
            w for t in _abbreviations_in(text, abbreviations) for w in abbreviations[t] if w not in stop
        )
    if "kapal" not in expansions and not _SHIP_PREFIXES.isdisjoint(tokens) and _SHIP_NAMED.search(text):
        # "KM Cahaya Rantau 02", "MV Nusa Indah": a ship named with its prefix is a "kapal"
        # ("KRI", "KMP" spell it out already)
        expansions = (*expansions, "kapal")
    offices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if facts.roles and not headline:
        # 'Gubernur Kepulauan Seruni, Syamsul Bahri, ...': the last two capitalised words
        # after an office are its holder's.
        offices = tuple((role, _holder(text, names)) for role, names in role_names(text))
    return SentenceText(paragraph, headline, text, tokens, facts, expansions, offices)


@dataclass
class BuildState:
    """What updating an index needs beyond what answering reads: each article's identity and
    the corpus-wide counts of words and names (kept beside the index cache, index/cache.py)."""

    articles: list[str]  # article_key of each article, in order
    names: NameCounts
    vocabulary: Counter[str]  # in how many articles each word is used
    variant: str = "BM25L"


def article_key(article: Article) -> str:
    """What identifies an article's sentences: its text and the headline cleaning looks for."""
    digest = hashlib.sha256(article.source.title.encode())
    digest.update(b"\0")
    digest.update(article.raw.encode())
    return digest.hexdigest()


_NO_VERB = frozenset({None})
# The role nouns by which news writing names again the one just named at the head of a
# sentence ("Korban dimakamkan ...", "Tersangka ditangkap ...").
_REFERRING = words_of("referring_nouns")
_VERB_PREFIXES = ("di", "ter", "me", "ber")


def _names_again(tokens: Sequence[str]) -> bool:
    """True when a sentence opens with a role noun and then its verb ("Korban dimakamkan di
    ...", "Pelaku melarikan diri"): the one the sentence before named. Not another one
    ("Tersangka lain, ...") nor a kind ("Korban luka ...", "Korban tewas mencapai ...")."""
    return (
        len(tokens) > 1
        and tokens[0] in _REFERRING
        and tokens[1].startswith(_VERB_PREFIXES)
        and len(tokens[1]) > 4
        # "Korban meninggal bertambah ...", "korban terluka": the dead, the injured, a kind
        and tokens[1] not in _KINDS_OF_VICTIM
    )


_KINDS_OF_VICTIM = frozenset({"meninggal", "terluka", "tertimbun", "terdampak", "terjebak"})


class _Memo(dict[str, str | None]):
    """A function's values by word, each worked out on first use."""

    def __init__(self, function: Callable[[str], str | None]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, word: str) -> str | None:
        value = self[word] = self.function(word)
        return value


class _Assembler:
    """Turns articles' sentences into the index's, under one corpus's names and stems."""

    def __init__(self, stemmer: Stemmer, names: frozenset[str]) -> None:
        self.stemmer = stemmer
        self.names = names
        self.stop = stopwords()
        self.pronouns = words_of("pronouns")
        self.demonstratives = words_of("demonstratives")
        self.base_verbs = words_of("base_verbs")
        # Each word's term (None: a stopword) and verb stem (None: not a verb), worked out
        # once per distinct word; a lookup of a known word stays in C.
        self._terms = _Memo(lambda w: None if w in self.stop else self.stemmer.stem(w))
        self._verbs = _Memo(self._verb)
        # Equal verb sets, and equal facts, are one object, stored once in the cache.
        self.shared: dict[frozenset[str], frozenset[str]] = {}
        self.facts: dict[Facts, Facts] = {}

    def _verb(self, token: str) -> str | None:
        """The stem of a verb: an affixed one ("berangkat", "ditangkap") or an unaffixed one
        Indonesian grammar lists ("tiba", "tewas"); None for any other word."""
        if token in self.base_verbs:
            return sastrawi_stem(token)
        if token in _PREPOSITIONS_LIKE_VERBS:
            return None
        if token.startswith(_VERB_PREFIX) and token.isalpha() and token not in self.stemmer.protected:
            stem = sastrawi_stem(token)
            if stem != token and len(stem) > 2:
                return stem
        return None

    def article(
        self, a: int, read: ArticleText, first_passage: int, first_sentence: int
    ) -> tuple[list[SentenceRow], list[Passage], list[list[str]]]:
        """Article number `a`'s sentences (as the fields of a `Sentence`, which `Sentences.add`
        keeps without making one), passages and passage terms, numbered from the given first
        passage and sentence."""
        pronouns, demonstratives, names = self.pronouns, self.demonstratives, self.names
        term_of, verb_of, stem = self._terms.__getitem__, self._verbs.__getitem__, self.stemmer.stem
        rows: list[SentenceRow] = []
        passages: list[Passage] = []
        passage_terms: list[list[str]] = []
        in_passage: list[int] = []  # the sentence numbers of the passage being read
        current = -1
        before: SentenceRow | None = None
        # "Tim Pencari Fakta (TPF)" once, then "TPF diketuai ...": the article's own acronyms
        # stand for their words wherever it prints them, and the words for the acronym.
        acronyms = _acronyms_defined(s[2] for s in read.sentences)
        for p, headline, text, tokens, facts, expansions, _ in read.sentences:
            if acronyms:
                expansions = _acronym_expansions(tokens, acronyms, expansions)
            if p != current:
                if in_passage:
                    passages.append(Passage(a, current, tuple(in_passage)))
                current = p
                in_passage = []
                passage_terms.append([])
            terms = [t for t in map(term_of, tokens) if t is not None]
            if expansions:
                terms += [stem(w) for w in expansions]
            passage_terms[-1].extend(terms)
            number = first_sentence + len(rows)
            passage = first_passage + len(passage_terms) - 1
            own = frozenset(terms)
            resolved = own  # the same object unless a pronoun adds names: one copy in the cache
            # "Dia ...", "bangunan itu ...": the names of the sentence before are this one's too.
            refers = not pronouns.isdisjoint(tokens) or not demonstratives.isdisjoint(tokens[1:])
            if before is not None and not before[4] and refers:
                resolved |= {t for t in before[5] if t in names}
            # "Dia kemudian ...", "Perbedaan itu terjadi karena ...", "Hal itu ...": a sentence
            # whose subject points back continues the one before it in its paragraph; it holds
            # what that one says, and is quoted with it.
            # ("Korban dimakamkan di TPU ...": a role noun opening the sentence is the one just
            # named, as news writing refers to him again)
            leans = bool(tokens) and (
                tokens[0] in pronouns or _names_again(tokens) or not demonstratives.isdisjoint(tokens[1:3])
            )
            continues = leans and before is not None and before[3] == passage and not before[4]
            if continues and before is not None:
                resolved |= before[5]
            # A sum of money or an age answers "berapa biayanya", "berapa usianya": marked as
            # terms a question's money or age word counts as found (see query.py).
            if facts.currency or facts.age:
                resolved |= {m for m, held in ((MONEY_MARK, facts.currency), (AGE_MARK, facts.age)) if held}
            # "620 personel", "150 jemaah" answer "berapa orang" as "12 orang" does.
            if facts.numbers and counts_people(facts):
                resolved |= {PEOPLE_MARK}
            # "dengan menumpangi kereta", "menggunakan dua ambulans" answer "naik apa?".
            if facts.vehicle and takes_vehicle(text):
                resolved |= {TAKEN_MARK}
            maybe_verbs = frozenset(map(verb_of, tokens))
            # None stands for the words that are no verbs.
            verbs = cast("frozenset[str]", maybe_verbs - _NO_VERB if None in maybe_verbs else maybe_verbs)
            before = (
                text,
                a,
                p,
                passage,
                headline,
                own,
                resolved,
                self.facts.setdefault(facts, facts),
                self.shared.setdefault(verbs, verbs),
                leans,
            )
            rows.append(before)
            in_passage.append(number)
        if in_passage:
            passages.append(Passage(a, current, tuple(in_passage)))
        self._holders_carry_their_office(read, rows)
        return rows, passages, passage_terms

    def _holders_carry_their_office(self, read: ArticleText, rows: list[SentenceRow]) -> None:
        """'Gubernur Kepulauan Seruni, Syamsul Bahri, ...' early in an article, then '... kata
        Syamsul': the later sentence is the governor's too. The article's office holders lend
        the office's stem to every sentence of the article naming them."""
        offices: dict[str, set[str]] = {}
        for read_sentence in read.sentences:
            for role, holder in read_sentence.offices:
                for word in holder:
                    offices.setdefault(word, set()).add(self.stemmer.stem(role))
        if not offices:
            return
        holders = offices.keys()
        for number, row in enumerate(rows):
            if holders.isdisjoint(row[7].names):
                continue
            lent = set()
            for name in row[7].names:
                lent |= offices.get(name, set())
            if lent - row[6]:
                rows[number] = (*row[:6], row[6] | lent, *row[7:])  # type: ignore[assignment]


# Capitalised words, then an acronym in parentheses: "Aliansi Buruh Banua Kencana (ABBK)".
_DEFINED = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:dan|dari|untuk|atas|di|ke|pada)\s+)?){2,8})\(([A-Z]{2,8})\)"
)


def _acronyms_defined(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each acronym an article defines, lowercase, with the words it stands for: the last
    capitalised words before the parentheses whose initials spell it."""
    found: dict[str, tuple[str, ...]] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINED.finditer(text):
            acronym = m.group(2)
            capitals = [w for w in m.group(1).split() if w[:1].isupper()]
            spelled = capitals[-len(acronym) :]
            if len(spelled) == len(acronym) and "".join(w[0] for w in spelled).upper() == acronym:
                found.setdefault(acronym.lower(), tuple(w.lower() for w in spelled))
    return found


def _acronym_expansions(
    tokens: tuple[str, ...], acronyms: dict[str, tuple[str, ...]], expansions: tuple[str, ...]
) -> tuple[str, ...]:
    """The sentence's expansions with the words of the acronyms it prints, and the acronyms
    whose words it prints in full."""
    held = set(tokens)
    more = [w for acronym, spelled in acronyms.items() if acronym in held for w in spelled]
    more += [a for a, spelled in acronyms.items() if a not in held and held.issuperset(spelled)]
    return (*expansions, *more) if more else expansions


def _holder(text: str, names: frozenset[str]) -> tuple[str, ...]:
    """The words of an office holder's name: those after a rank or title ("Kapolres Lembah
    Karang AKBP Yoga Pratama Siregar"), else the last two (the unit's name comes first)."""
    run = [w.lower() for w in _CAPITALISED.findall(text) if w.lower() in names]
    titled = [i for i, w in enumerate(run) if w in _NAME_TITLES]
    if titled and titled[-1] + 1 < len(run):
        return tuple(run[titled[-1] + 1 :][:3])
    return tuple(run[-2:])


def _read_all(articles: Sequence[Article], pool: Workers) -> Reading:
    items = [(article.raw, article.source.title) for article in articles]
    chunks = pool.map_chunks(read_articles, items, _cost(articles))
    reading = Reading.merged(chunks) if chunks is not None else read_articles(items)
    for article, read in zip(articles, reading.articles, strict=True):
        if not read.sentences:
            raise CorpusError(
                f"{article.path}: nothing left after cleaning (only menus, captions, ads or links?)"
            )
    return reading


class _Built(NamedTuple):
    """A corpus's sentences, passages and BM25 index (BM25L), with the counts and names they
    were given their terms by."""

    sentences: Sentences
    passages: list[Passage]
    bm25: PassageIndex
    counts: NameCounts
    vocabulary: Counter[str]
    stemmer: Stemmer
    names: frozenset[str]


# In a worker process: the share of the corpus's articles it read, kept for `_assemble_kept`.
_KEPT: list[ArticleText] = []


class _Share(NamedTuple):
    """What a worker says of the share of articles it read and keeps."""

    sentences: list[int]  # how many sentences each article has
    passages: int  # how many passages they make
    names: NameCounts
    vocabulary: Counter[str]


def _read_and_keep(items: list[tuple[str, str]]) -> _Share:
    """Read a share of the articles and keep them in this worker (a worker's first step)."""
    reading = read_articles(items)
    _KEPT[:] = reading.articles
    passages = sum(len({s.paragraph for s in article.sentences}) for article in reading.articles)
    return _Share([len(a.sentences) for a in reading.articles], passages, reading.names, reading.vocabulary)


class _AssembleJob(NamedTuple):
    """Where a worker's share stands in the corpus, and what its sentences' terms depend on."""

    first_article: int
    first_passage: int
    first_sentence: int
    protected: frozenset[str]
    names: frozenset[str]
    stems: dict[str, str]


class _Assembled(NamedTuple):
    """A worker's share of the index, compact: its sentences (with their own table of stems),
    its passages as (article, paragraph, sentence numbers), and the terms of each passage as
    numbers into that table."""

    sentences: Sentences
    passages: list[tuple[int, int, tuple[int, ...]]]
    terms: np.ndarray  # every passage's terms in order, as stem numbers
    lengths: np.ndarray  # how many terms each passage has


def _assemble_kept(job: _AssembleJob) -> _Assembled:
    """The sentences, passages and passage terms of the articles this worker keeps (its
    second step); it keeps nothing after."""
    with collector_paused():
        remember_stems(job.stems)
        assembler = _Assembler(Stemmer(job.protected), job.names)
        sentences = Sentences()
        passages: list[tuple[int, int, tuple[int, ...]]] = []
        passage_terms: list[list[str]] = []
        for n, read in enumerate(_KEPT):
            rows, paragraphs, terms = assembler.article(
                job.first_article + n,
                read,
                job.first_passage + len(passages),
                job.first_sentence + len(sentences),
            )
            for row in rows:
                sentences.add(*row)
            passages += [(q.article, q.paragraph, q.sentences) for q in paragraphs]
            passage_terms += terms
        _KEPT.clear()
        flat = np.array(sentences.stem_numbers(chain.from_iterable(passage_terms)), dtype=np.int32)
        lengths = np.fromiter(map(len, passage_terms), dtype=np.int32, count=len(passage_terms))
        return _Assembled(sentences, passages, flat, lengths)


def _build_on_workers(articles: Sequence[Article], pool: Workers, **bm25_params: float) -> _Built | None:
    """The build's reading and sentence assembly done on the workers, each on a share of the
    articles that stays there between the two steps: only counts come to this process after
    the first, and after the second each share's sentences in a few arrays. None if the
    workers failed (then nothing is left of their work)."""
    # Consecutive shares of about equal text.
    sizes = [len(a.raw) for a in articles]
    total, bounds, running = sum(sizes), [0], 0
    for number, size in enumerate(sizes):
        running += size
        if len(bounds) < pool.count and running >= total * len(bounds) / pool.count:
            bounds.append(number + 1)
    bounds += [len(articles)] * (pool.count + 1 - len(bounds))
    shares = [
        [(a.raw, a.source.title) for a in articles[bounds[n] : bounds[n + 1]]] for n in range(pool.count)
    ]
    try:
        read = list(pool.each(_read_and_keep, shares))
    except WorkersFailed:
        return None
    counts, vocabulary = NameCounts(), Counter[str]()
    sentence_counts: list[int] = []
    for share in read:
        counts.add(share.names)
        vocabulary.update(share.vocabulary)
        sentence_counts += share.sentences
    for article, count in zip(articles, sentence_counts, strict=True):
        if not count:
            raise CorpusError(
                f"{article.path}: nothing left after cleaning (only menus, captions, ads or links?)"
            )
    # The workers need a stem for each word they meet: the corpus's, the synonyms' and the
    # abbreviations' expansions'.
    stem_many(vocabulary.keys() | _synonym_words() | _expansion_words(), pool)
    stemmer, names = Stemmer(counts.protected()), counts.names()
    stems = dict(known_stems())
    jobs, first_passage, first_sentence = [], 0, 0
    for n, share in enumerate(read):
        jobs.append(_AssembleJob(bounds[n], first_passage, first_sentence, stemmer.protected, names, stems))
        first_passage += share.passages
        first_sentence += sum(share.sentences)
    sentences = Sentences()
    passages: list[Passage] = []
    flats: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    # Equal facts and verb sets from different workers are stored once, as one build keeps them.
    shared: dict[object, object] = {}
    try:
        for part in pool.each(_assemble_kept, jobs):
            mapping = sentences.take(part.sentences, shared)
            passages += [Passage(a, p, numbers) for a, p, numbers in part.passages]
            flats.append(mapping[part.terms])
            lengths.append(part.lengths)
    except WorkersFailed:
        return None
    bm25 = PassageIndex.numbered(
        np.concatenate(flats), np.concatenate(lengths), sentences.stems(), "BM25L", **bm25_params
    )
    return _Built(sentences, passages, bm25, counts, vocabulary, stemmer, names)


def _cost(articles: Sequence[Article]) -> int:
    """About how many words the articles hold: what decides whether workers pay."""
    return sum(len(a.raw) for a in articles) // 7


def build_index(corpus: Corpus, variant: str = "BM25L", **bm25_params: float) -> Index:
    """Clean, split, stem and index every article of the corpus (BM25 variant for measuring)."""
    return build_with_state(corpus, variant, **bm25_params)[0]


def build_with_state(
    corpus: Corpus, variant: str = "BM25L", **bm25_params: float
) -> tuple[Index, BuildState]:
    """The corpus's index, and what updating it later needs."""
    with collector_paused():
        return _build_with_state(corpus, variant, **bm25_params)


def _build_with_state(corpus: Corpus, variant: str, **bm25_params: float) -> tuple[Index, BuildState]:
    started = time.perf_counter()
    # On a large corpus, each worker reads a share of the articles, the corpus's words are
    # stemmed on all of them, and each turns its share into index sentences (index/parallel.py);
    # on a small one, or if the workers fail, all of it is done here.
    built: _Built | None = None
    with workers(_cost(corpus.articles)) as pool:
        if pool.available and variant == "BM25L":
            built = _build_on_workers(corpus.articles, pool, **bm25_params)
        if built is None:
            reads, counts, vocabulary = _read_all(corpus.articles, pool)
            stem_many(vocabulary.keys() | _synonym_words(), pool)
    if built is None:
        assembler = _Assembler(Stemmer(counts.protected()), counts.names())
        sentences = Sentences()
        passages: list[Passage] = []
        passage_terms: list[list[str]] = []
        for a, read in enumerate(reads):
            rows, paragraphs, terms = assembler.article(a, read, len(passages), len(sentences))
            for row in rows:
                sentences.add(*row)
            passages += paragraphs
            passage_terms += terms
        bm25 = PassageIndex(passage_terms, variant, **bm25_params)
        built = _Built(sentences, passages, bm25, counts, vocabulary, assembler.stemmer, assembler.names)
    sentences, passages, bm25, counts, vocabulary, stemmer, names = built
    index = Index(
        corpus=corpus,
        sentences=sentences,
        passages=passages,
        bm25=bm25,
        stemmer=stemmer,
        vocabulary=frozenset(vocabulary),
        name_words=names,
        related=related_stems(stemmer),
        build_seconds=time.perf_counter() - started,
    )
    state = BuildState([article_key(a) for a in corpus.articles], counts, vocabulary, variant)
    return index, state


# Above this share of the corpus's articles (and this many) to read, building anew is about
# as quick.
_UPDATE_AT_MOST = 0.25
_UPDATE_ALWAYS = 50


def update_index(old: Index, state: BuildState, corpus: Corpus) -> tuple[Index, BuildState] | None:
    """`old` (built with `state`) brought up to `corpus`: the articles it had are reused, new ones
    read, and those a word that became or stopped being a name touches read again; the result
    is what `build_index(corpus)` gives. None when building anew is the quicker way."""
    with collector_paused():
        return _update_index(old, state, corpus)


def _update_index(old: Index, state: BuildState, corpus: Corpus) -> tuple[Index, BuildState] | None:
    started = time.perf_counter()
    if (
        state.variant != "BM25L"
        or not isinstance(old.sentences, Sentences)
        or not old.passages
        or old.passages[-1].article != len(state.articles) - 1
    ):
        return None
    keys = [article_key(a) for a in corpus.articles]
    where: dict[str, list[int]] = {}
    for number, key in enumerate(state.articles):
        where.setdefault(key, []).append(number)
    origin: list[int | None] = []  # each article's number in the old index, if it was there
    for key in keys:
        found = where.get(key)
        origin.append(found.pop(0) if found else None)
    gone = [n for numbers in where.values() for n in numbers]
    fresh = [a for a, o in enumerate(origin) if o is None]
    limit = max(_UPDATE_AT_MOST * len(keys), _UPDATE_ALWAYS)
    if len(fresh) + len(gone) > limit or 2 * len(fresh) > len(keys):  # another corpus, near enough
        return None
    spans = _article_spans(old.passages, len(state.articles))
    counts = NameCounts()
    counts.add(state.names)
    vocabulary = Counter(state.vocabulary)
    gone_counts: dict[int, NameCounts] = {}
    for number in gone:
        texts = [s.text for s in old.sentences[spans[number][2] : spans[number][3]] if not s.headline]
        gone_counts[number] = NameCounts.of(texts)
        counts.subtract(gone_counts[number])
        headlines = [s.text for s in old.sentences[spans[number][2] : spans[number][3]] if s.headline]
        vocabulary -= Counter({w for text in texts + headlines for w in words(text)})
    new_articles = [corpus.articles[a] for a in fresh]
    with workers(_cost(new_articles)) as pool:
        reading = _read_all(new_articles, pool)
        reads = dict(zip(fresh, reading.articles, strict=True))
        counts.add(reading.names)
        vocabulary.update(reading.vocabulary)
        stem_many(reading.vocabulary.keys() | _synonym_words(), pool)
    # Only the words the added and removed articles use can have become names or stopped being.
    recounted = reading.names.words()
    for number in gone:
        recounted |= gone_counts[number].words()
    protected = counts.protected(old.stemmer.protected, recounted)
    names = counts.names(old.name_words, recounted)
    # A word that became a name, or stopped being one, changes the terms of every article
    # using it: those are read again (from their sentences: their text has not changed).
    changed = (protected ^ old.stemmer.protected) | (names ^ old.name_words)
    again = _articles_using(old, corpus, changed, origin) if changed else set()
    if len(fresh) + len(gone) + len(again) > limit:
        return None
    for a in again:
        o = origin[a]
        assert o is not None  # `again` holds only articles the old index had
        reads[a] = _read_again(old.sentences[spans[o][2] : spans[o][3]])
    assembler = _Assembler(Stemmer(protected), names)
    sentences = Sentences.like(old.sentences)
    passages: list[Passage] = []
    renumber = np.full(len(old.passages), -1, dtype=np.int32)
    added: dict[int, list[str]] = {}
    for a, o in enumerate(origin):
        if o is None or a in reads:
            rows, paragraphs, terms = assembler.article(a, reads[a], len(passages), len(sentences))
            added.update(zip(range(len(passages), len(passages) + len(paragraphs)), terms, strict=True))
            for row in rows:
                sentences.add(*row)
            passages += paragraphs
            continue
        # As it was, moved to its new place.
        p0, p1, s0, s1 = spans[o]
        shift_p, shift_s = len(passages) - p0, len(sentences) - s0
        sentences.extend_from(old.sentences, s0, s1, a, shift_p)
        renumber[p0:p1] = np.arange(len(passages), len(passages) + p1 - p0, dtype=np.int32)
        if shift_p == shift_s == 0 and a == o:
            passages += old.passages[p0:p1]
        else:
            passages += [
                Passage(a, q.paragraph, tuple(x + shift_s for x in q.sentences)) for q in old.passages[p0:p1]
            ]
    index = Index(
        corpus=corpus,
        sentences=sentences,
        passages=passages,
        bm25=old.bm25.updated(renumber, added, len(passages)),
        stemmer=assembler.stemmer,
        vocabulary=frozenset(vocabulary),
        name_words=names,
        related=related_stems(assembler.stemmer),
        build_seconds=time.perf_counter() - started,
    )
    log.info(
        "index updated: %d articles added, %d removed, %d read again, in %.2f s",
        len(fresh),
        len(gone),
        len(again),
        index.build_seconds,
    )
    return index, BuildState(keys, counts, vocabulary, state.variant)


def _article_spans(passages: list[Passage], articles: int) -> list[tuple[int, int, int, int]]:
    """Each article's first and past-the-end passage and sentence numbers."""
    spans = [(0, 0, 0, 0)] * articles
    start = 0
    for number in range(1, len(passages) + 1):
        if number == len(passages) or passages[number].article != passages[start].article:
            first, last = passages[start], passages[number - 1]
            spans[first.article] = (start, number, first.sentences[0], last.sentences[-1] + 1)
            start = number
    return spans


def _prints(text: str, printed: re.Pattern[str], spelled: set[str]) -> bool:
    """Whether the text, as its sentences' words are read (Unicode clean-up, lowercase), holds
    one of the spelled words somewhere (or may: a superset is safe)."""
    if printed.search(text.lower()):
        return True
    if text.isascii():
        return False
    # The clean-up can make an ASCII word only out of other characters that become ASCII
    # letters or digits ("ﬁ", "Ａ"), or by taking out invisible marks.
    odd = {ch for ch in set(text) if not ch.isascii()}
    if all(w.isascii() for w in spelled) and not any(
        ord(ch) in INVISIBLE_MARKS
        or any(c.isascii() and c.isalnum() for c in unicodedata.normalize("NFKC", ch))
        for ch in odd
    ):
        return False
    return printed.search(normalize(text).lower()) is not None


def _articles_using(
    old: Index, corpus: Corpus, changed: frozenset[str], origin: list[int | None]
) -> set[int]:
    """The (new) numbers of the reused articles whose terms a change of these words can touch:
    those whose passages hold one as a term or as a word's stem, or (when one is a stopword
    or an office) whose text prints one."""
    passages = set()
    for word in changed:
        for term in {word, sastrawi_stem(word)}:
            passages.update(old.bm25.passages_of(term).tolist())
    touched = {old.passages[p].article for p in passages}
    # A word's terms are in the postings; only a stopword (which may still be a verb) or an
    # office's word (whose stem holders carry) can touch an article without being a term there.
    if changed.isdisjoint(stopwords()) and changed.isdisjoint(words_of("role_nouns")):
        return {a for a, o in enumerate(origin) if o is not None and o in touched}
    abbreviations = lexicon().abbreviations
    spelled = set(changed) | {t for t, expansion in abbreviations.items() if changed.intersection(expansion)}
    found = set()
    printed = re.compile("|".join(map(re.escape, sorted(spelled, key=len, reverse=True))))
    for a, o in enumerate(origin):
        if o is None:
            continue
        if o in touched:
            found.add(a)
            continue
        article = corpus.articles[a]
        if _prints(f"{article.source.title}\n{article.raw}", printed, spelled):
            found.add(a)
    return found


def _synonym_words() -> set[str]:
    """Every word of the synonym lists, those of terms of several words one by one: questions
    stem them and `related_stems` stems the one-word ones at each build, so they are stemmed
    in bulk with the corpus's words and kept in the stem cache (a few thousand words, Sastrawi
    time the cache spares)."""
    synonyms = lexicon().synonyms
    return {
        part
        for word in {*synonyms, *(w for group in synonyms.values() for w in group)}
        for part in word.split("_")
    }


def _expansion_words() -> set[str]:
    """Every word the abbreviations stand for (what a sentence printing one is given)."""
    return {word for expansion in lexicon().abbreviations.values() for word in expansion}


def related_stems(stemmer: Stemmer) -> dict[str, frozenset[str]]:
    """Each one-word synonym's stem with the stems of its one-word synonyms (a term of
    several words is no stem's)."""
    related: dict[str, set[str]] = {}
    for word, synonyms in lexicon().synonyms.items():
        if "_" not in word:  # one word's synonyms of one word ("kuasa hukum" is no stem's)
            related.setdefault(stemmer.stem(word), set()).update(
                stemmer.stem(s) for s in synonyms if "_" not in s
            )
    return {stem: frozenset(others) for stem, others in related.items()}


@cache
def _abbreviation_words() -> tuple[frozenset[str], bool]:
    """The abbreviations, and whether one of them is a word `words` writes otherwise (a
    number word it turns into digits), which a sentence's tokens would not show."""
    keys = frozenset(lexicon().abbreviations)
    return keys, any(words(k) != [k] for k in keys)


def _may_abbreviate(tokens: tuple[str, ...]) -> bool:
    """False when the sentence surely prints no abbreviation (most sentences)."""
    keys, hidden = _abbreviation_words()
    return hidden or not keys.isdisjoint(tokens)


# The prefixes of ships' names ("KM" kapal motor, "KMP" kapal motor penumpang, "MV"), read
# as a ship where they stand in capitals before a name ("KM Cahaya Rantau 02"; "12 km" is a
# distance).
_SHIP_PREFIXES = words_of("ship_prefixes")
_SHIP_NAMED = re.compile(rf"\b(?:{'|'.join(sorted(w.upper() for w in _SHIP_PREFIXES))})\.?\s+[A-Z]")


def _abbreviations_in(text: str, abbreviations: dict[str, tuple[str, ...]]) -> list[str]:
    """The abbreviations a sentence prints: any case from four letters on ("Menlu",
    "Kapolres"), in capitals when shorter ("AS", "RI", "TNI"); not "KM" before a name, a
    ship's prefix and no kilometre."""
    found = []
    cased = cased_words(text)
    for i, word in enumerate(cased):
        lower = word.lower()
        if lower in abbreviations and (len(word) >= 4 or word.isupper()):
            before_a_name = cased[i + 1 : i + 2] and cased[i + 1][0].isupper()
            if lower == "km" and word.isupper() and before_a_name:
                continue  # "KM Cahaya Rantau 02": a ship, no kilometre
            found.append(lower)
    return found
