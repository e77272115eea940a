"""Builds the searchable index of a corpus: cleaned sentences, their stems and facts, and
BM25 over paragraphs (keeping it on disk is index/cache.py)."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace

from index.bm25 import PassageIndex
from index.cleaning import clean_article
from index.closed_class import words_of
from index.corpus import Corpus, CorpusError
from index.evidence import read_all_facts, read_facts, role_names
from index.lexicon import lexicon
from index.model import AGE_MARK, MONEY_MARK, Index, Passage, Sentence
from index.parallel import workers
from index.sentences import split_sentences
from index.stemmer import Stemmer, find_names, name_words, sastrawi_stem, stem_many, stopwords
from index.text import cased_words, words

log = logging.getLogger(__name__)


def build_index(corpus: Corpus, variant: str = "BM25L", **bm25_params: float) -> Index:
    """Clean, split, stem and index every article of the corpus (BM25 variant for measuring)."""
    started = time.perf_counter()
    raw_sentences: list[tuple[int, int, bool, str]] = []
    for a, article in enumerate(corpus.articles):
        paragraphs = clean_article(article.raw, article.source.title)
        if not paragraphs:
            raise CorpusError(
                f"{article.path}: nothing left after cleaning (only menus, captions, ads or links?)"
            )
        for p, paragraph in enumerate(paragraphs):
            pieces = [paragraph.text] if paragraph.is_headline else split_sentences(paragraph.text)
            for text in pieces:
                raw_sentences.append((a, p, paragraph.is_headline, text))

    # On a large corpus, stem every distinct word and read every sentence's facts on all
    # cores (index/parallel.py); on a small one, here.
    texts = [text for _, _, _, text in raw_sentences]
    vocabulary_words: set[str] = set()
    for text in texts:
        vocabulary_words.update(words(text))
    with workers(max(len(vocabulary_words), len(texts))) as pool:
        stem_many(vocabulary_words, pool)
        read_ahead = pool.map(read_all_facts, texts)
    all_facts = read_ahead if read_ahead is not None else [read_facts(text) for text in texts]
    # Names are learnt from body text only: a headline capitalises every word.
    body = [t for _, _, headline, t in raw_sentences if not headline]
    stemmer = Stemmer(find_names(body))
    names = name_words(body)
    pronouns = words_of("pronouns")
    # Equal verb sets are one object, stored once in the cache.
    shared: dict[frozenset[str], frozenset[str]] = {}
    demonstratives = words_of("demonstratives")
    abbreviations = lexicon().abbreviations
    stop = stopwords()
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    passage_terms: list[list[str]] = []
    vocabulary: set[str] = set()
    current: tuple[int, int] | None = None
    for (a, p, headline, text), facts in zip(raw_sentences, all_facts, strict=True):
        if (a, p) != current:
            current = (a, p)
            passages.append(Passage(article=a, paragraph=p, sentences=()))
            passage_terms.append([])
        tokens = words(text)
        vocabulary.update(tokens)
        terms = stemmer.terms(tokens)
        # "Menlu" stands for "Menteri Luar Negeri": a question may use either. A short
        # acronym counts only in capitals: "AS" is Amerika Serikat, "Ri Yong-ho" a name.
        terms += [
            stemmer.stem(w)
            for t in _abbreviations_in(text, abbreviations)
            for w in abbreviations[t]
            if w not in stop
        ]
        passage_terms[-1].extend(terms)
        number = len(sentences)
        own = frozenset(terms)
        resolved = own  # the same object unless a pronoun adds names: one copy in the cache
        before = sentences[-1] if sentences else None
        # "Dia ...", "bangunan itu ...": the names of the sentence before are this one's too.
        refers = pronouns.intersection(tokens) or demonstratives.intersection(tokens[1:])
        if before and before.article == a and not before.headline and refers:
            resolved |= {t for t in before.terms if t in names}
        # "Dia kemudian ...", "Perbedaan itu terjadi karena ...", "Hal itu ...": a sentence
        # whose subject points back continues the one before it in its paragraph; it holds
        # what that one says, and is quoted with it.
        leans = bool(tokens) and (tokens[0] in pronouns or bool(demonstratives.intersection(tokens[1:3])))
        continues = (
            leans and before is not None and before.passage == len(passages) - 1 and not before.headline
        )
        if continues and before is not None:
            resolved |= before.terms
        # A sum of money or an age answers "berapa biayanya", "berapa usianya": marked as
        # terms a question's money or age word counts as found (see query.py).
        if facts.currency or facts.age:
            resolved |= {mark for mark, held in ((MONEY_MARK, facts.currency), (AGE_MARK, facts.age)) if held}
        sentences.append(
            Sentence(
                text,
                a,
                p,
                len(passages) - 1,
                headline,
                own,
                resolved,
                facts=facts,
                predicates=shared.setdefault(verbs := predicates(tokens, stemmer), verbs),
                leans_on_before=leans,
            )
        )
        last = passages[-1]
        passages[-1] = Passage(last.article, last.paragraph, (*last.sentences, number))

    _holders_carry_their_office(sentences, stemmer)
    return Index(
        corpus=corpus,
        sentences=sentences,
        passages=passages,
        bm25=PassageIndex(passage_terms, variant, **bm25_params),
        stemmer=stemmer,
        vocabulary=frozenset(vocabulary),
        name_words=names,
        related=related_stems(stemmer),
        build_seconds=time.perf_counter() - started,
    )


_VERB_PREFIX = ("me", "ber", "be", "di", "ter", "per")


def _holders_carry_their_office(sentences: list[Sentence], stemmer: Stemmer) -> None:
    """'Gubernur Kepulauan Seruni, Syamsul Bahri, ...' early in an article, then '... kata
    Syamsul': the later sentence is the governor's too. Each article's office holders (the
    last two capitalised words after an office) lend the office's stem to every sentence of
    that article naming them."""
    offices: dict[tuple[int, str], set[str]] = {}
    for s in sentences:
        if s.facts.roles and not s.headline:
            for role, names in role_names(s.text):
                holder = [w for w in re.findall(r"[A-Z][\w'’-]*", s.text) if w.lower() in names][-2:]
                for word in holder:
                    offices.setdefault((s.article, word.lower()), set()).add(stemmer.stem(role))
    if not offices:
        return
    for number, s in enumerate(sentences):
        lent = set()
        for name in s.facts.names:
            lent |= offices.get((s.article, name), set())
        if lent - s.resolved:
            sentences[number] = replace(s, resolved=s.resolved | lent)


def related_stems(stemmer: Stemmer) -> dict[str, frozenset[str]]:
    """Each synonym's stem with the stems of its synonyms."""
    related: dict[str, set[str]] = {}
    for word, synonyms in lexicon().synonyms.items():
        related.setdefault(stemmer.stem(word), set()).update(stemmer.stem(s) for s in synonyms)
    return {stem: frozenset(others) for stem, others in related.items()}


def _abbreviations_in(text: str, abbreviations: dict[str, tuple[str, ...]]) -> list[str]:
    """The abbreviations a sentence prints: any case from four letters on ("Menlu",
    "Kapolres"), in capitals when shorter ("AS", "RI", "TNI")."""
    found = []
    for word in cased_words(text):
        lower = word.lower()
        if lower in abbreviations and (len(word) >= 4 or word.isupper()):
            found.append(lower)
    return found


def predicates(tokens: list[str], stemmer: Stemmer) -> frozenset[str]:
    """The stems of a sentence's verbs: an affixed verb ("berangkat", "ditangkap") or an
    unaffixed one Indonesian grammar lists ("tiba", "tewas")."""
    base = words_of("base_verbs")
    found: set[str] = set()
    for token in tokens:
        if token in base:
            found.add(sastrawi_stem(token))
        elif token.startswith(_VERB_PREFIX) and token.isalpha() and token not in stemmer.protected:
            stem = sastrawi_stem(token)
            if stem != token and len(stem) > 2:
                found.add(stem)
    return frozenset(found)
