"""The one answering object every interface calls: a question in, a cited answer (or a reason) out."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from index import evidence
from index.answers import Answer, Disagreement, Kind, Quote
from index.build import PRONOUNS, Index, Sentence, load_index
from index.corpus import load_corpus
from index.lexicon import Lexicon, lexicon
from index.question import OTHER, Question, read_question
from index.stemmer import is_indonesian_word, stopwords
from index.text import words

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 4000
PASSAGES = 30  # passages BM25 hands to sentence ranking
MAX_QUOTES = 3
MERGE_POOL = 24  # candidates considered when grouping outlets that state one fact
MORE_QUOTES = 4
SYNONYM_WEIGHT = 0.6  # a synonym of a question word is weaker evidence than the word itself
PREVIOUS_WEIGHT = 0.6  # words carried over from the chat's previous question
NAME_PART_WEIGHT = 0.8  # "Kim" for "Kim Jong Un"
# Below this share of the question's weight found in the best sentence (and, a quarter, its
# paragraph), the sources do not answer the question. Together with "a question word the
# articles never use", chosen on both evaluation sets (benchmarks/choose_bm25.py).
MIN_COVERAGE = 0.55
# How a candidate sentence is scored: its own share of the question's terms, its
# paragraph's, the paragraph's BM25 score against the best, and whether it holds what the
# question type asks for (a date for "kapan"). Weights chosen on tests/eval.
W_SENTENCE, W_PARAGRAPH, W_BM25, W_TYPE = 0.7, 0.1, 0.1, 0.25
# A headline repeats the body in fewer words: it is quoted only when nothing says more.
HEADLINE_PENALTY = 0.15
# A second or third quote must be nearly as good as the first to be worth the reader's time.
FOLLOW_RATIO = 0.8


@dataclass(frozen=True)
class _Term:
    """One thing the question asks about: a word, or a name of several words ("Kim Jong Un").

    A sentence that holds part of a name ("Kim") mostly holds the name; a sentence with a
    synonym of a word holds it only half.
    """

    parts: tuple[str, ...]  # stems
    weight: float
    alternatives: frozenset[str]  # synonyms' stems: half credit
    equivalents: frozenset[str] = frozenset()  # other translations of the same word: full credit


@dataclass
class _Candidate:
    sentence: int
    score: float
    coverage: float
    support: float  # coverage counting the sentence's own paragraph too


class Answerer:
    """Answers questions from one corpus's index."""

    def __init__(self, index: Index, words_lexicon: Lexicon | None = None) -> None:
        self.index = index
        self.corpus = index.corpus
        self.lexicon = words_lexicon or lexicon()
        # Candidates for typo correction, by length: an OSA distance of at most 2 needs a
        # length within 2, so a word is only compared with a few buckets, not the vocabulary.
        self._vocabulary = _by_length(
            w for w in index.vocabulary if len(w) >= 5 and w.isalpha() and w not in stopwords()
        )
        self._names = _by_length(w for w in index.name_words if len(w) >= 4 and w.isalpha())
        self._sources = {s.id: s for s in self.corpus.sources}

    @classmethod
    def load(cls, corpus_dir: str | Path, cache_dir: str | Path | None = None) -> Answerer:
        """Load the corpus folder and its index (from the cache when current); CorpusError if bad."""
        corpus = load_corpus(corpus_dir)
        return cls(load_index(corpus, Path(cache_dir) if cache_dir is not None else None))

    # -- the public call ------------------------------------------------------------------

    def answer(self, question: str, previous: str | None = None) -> Answer:
        """The answer to `question`; `previous` is the chat's last question, for follow-ups."""
        started = time.perf_counter()
        text = question.strip() if isinstance(question, str) else ""
        if len(text) > MAX_QUESTION_CHARS:
            return self._reply(text, Kind.TOO_LONG, "id")
        q = read_question(text, self.lexicon)
        if not any(ch.isalnum() for ch in text):
            return self._reply(text, Kind.EMPTY, q.language)
        if q.greeting:
            return self._reply(
                text, Kind.GREETING, q.language, question_type="thanks" if q.thanks else "greeting"
            )
        terms = self._terms(q, previous)
        if not terms:
            return self._reply(text, Kind.DECLINE, q.language, question_type=q.qtype)
        followed = previous is not None and any(t.weight < 1.0 for t in terms)
        topic = f"{previous[: MAX_QUESTION_CHARS // 2]} {text}" if followed and previous else text
        answer = replace(self._retrieve(q, terms), topic=topic)
        answer.timings["total_ms"] = (time.perf_counter() - started) * 1000
        return answer

    # -- question to search terms ---------------------------------------------------------

    def _correct(self, word: str) -> str:
        """The corpus word a mistyped word was meant to be ("vladivostk" -> "vladivostok").

        A word that is real Indonesian ("jung") is only taken for a name the articles use
        ("jong"): people mistype names, and an ordinary word outside the articles must stay
        unknown so that an off-topic question is declined.
        """
        if len(word) < 4 or not word.isalpha() or word in self.index.vocabulary or word in stopwords():
            return word
        buckets = self._names if is_indonesian_word(word) else self._vocabulary
        limit = 1 if len(word) < 8 else 2
        choices = [w for n in range(len(word) - limit, len(word) + limit + 1) for w in buckets.get(n, ())]
        # OSA distance: a swapped pair of letters ("rusai") is one typo, not two.
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
        return min((distance, match) for match, distance, _ in found)[1] if found else word

    def _terms(self, q: Question, previous: str | None) -> list[_Term]:
        terms = self._terms_of(q, 1.0)
        if previous and q.anaphoric:
            earlier = read_question(previous[:MAX_QUESTION_CHARS], self.lexicon)
            known = {part for t in terms for part in t.parts}
            for t in self._terms_of(earlier, PREVIOUS_WEIGHT):
                if not known & set(t.parts):
                    terms.append(t)
        return terms

    def _terms_of(self, q: Question, weight: float) -> list[_Term]:
        """Content words as terms: stemmed, corrected, adjacent name words joined into one."""
        stem = self.index.stemmer.stem
        names = self.index.name_words
        terms: list[_Term] = []
        seen: set[str] = set()
        group: list[str] = []

        # A typed word the lexicon replaced still counts when the articles use it too.
        typed = {
            std: self.index.stemmer.stem(original)
            for std, original in q.aliases
            if original in self.index.vocabulary and original not in stopwords()
        }

        def flush() -> None:
            if group:
                parts = tuple(dict.fromkeys(group))
                if not seen & set(parts):
                    terms.append(_Term(parts, weight, frozenset()))
                    seen.update(parts)
                group.clear()

        content = set(q.content)
        for slot in q.slots or tuple((w,) for w in q.words):
            choices = [w for w in slot if w in content]
            if not choices:
                flush()  # "Kim Jong Un dan Putin" is two names, not one
                continue
            word = self._correct(choices[0])
            term = stem(word)
            if not term or term in stopwords():
                flush()
                continue
            if word in names and len(choices) == 1:
                group.append(term)
                if word in typed:
                    group.append(typed[word])
                continue
            flush()
            if term in seen:
                continue
            seen.add(term)
            equivalents = {stem(w) for w in choices[1:]} - {term}
            alternatives = {
                stem(part)
                for choice in choices
                for synonym in self.lexicon.synonyms.get(choice, ())
                for part in words(synonym)
            }
            seen.update(equivalents)
            terms.append(
                _Term((term,), weight, frozenset(alternatives - {term} - equivalents), frozenset(equivalents))
            )
        flush()
        return terms

    # -- ranking --------------------------------------------------------------------------

    def _idf(self, t: _Term) -> float:
        return max(self.index.bm25.idf(part) for part in t.parts)

    def _coverage(self, terms: list[_Term], present: frozenset[str] | set[str]) -> float:
        """The IDF-weighted share of the question's terms found in `present`."""
        total = found = 0.0
        for t in terms:
            idf = t.weight * self._idf(t)
            total += idf
            hits = sum(1 for part in t.parts if part in present)
            if hits == len(t.parts) or t.equivalents & present:
                found += idf
            elif hits:
                found += NAME_PART_WEIGHT * idf
            elif t.alternatives & present:
                found += SYNONYM_WEIGHT * idf
        return found / total if total else 0.0

    def _rank(self, q: Question, terms: list[_Term]) -> list[_Candidate]:
        """Candidate sentences from the best BM25 passages, best first."""
        index = self.index
        query: dict[str | tuple[str, ...], float] = {}
        for t in terms:
            # A name of three words is one thing asked about, not three.
            key = t.parts[0] if len(t.parts) == 1 else t.parts
            query[key] = max(query.get(key, 0.0), t.weight)
            for alt in t.equivalents:
                query[alt] = max(query.get(alt, 0.0), t.weight)
            for alt in t.alternatives:
                query[alt] = max(query.get(alt, 0.0), t.weight * SYNONYM_WEIGHT)
        passages = index.bm25.top(query, PASSAGES)
        if not passages:
            return []
        best_passage = passages[0][1]
        candidates: list[_Candidate] = []
        for number, passage_score in passages:
            passage = index.passages[number]
            passage_terms: set[str] = set()
            for s in passage.sentences:
                passage_terms |= index.sentences[s].resolved
            around = self._coverage(terms, passage_terms)
            for s in passage.sentences:
                sentence = index.sentences[s]
                own = self._coverage(terms, sentence.resolved)
                fits = evidence.fits_type(q.qtype, sentence.text, q.words)
                score = (
                    W_SENTENCE * own
                    + W_PARAGRAPH * around
                    + W_BM25 * passage_score / best_passage
                    + W_TYPE * fits
                    - (HEADLINE_PENALTY if sentence.headline else 0.0)
                )
                candidates.append(_Candidate(s, score, own, 0.75 * own + 0.25 * around))
        candidates.sort(key=lambda c: (-c.score, c.sentence))
        return candidates

    def _unknown(self, terms: list[_Term]) -> list[_Term]:
        """The question's own terms that no article uses in any form."""
        knows = self.index.bm25.knows
        return [
            t
            for t in terms
            if t.weight == 1.0 and not any(map(knows, (*t.parts, *t.equivalents, *t.alternatives)))
        ]

    def _retrieve(self, q: Question, terms: list[_Term]) -> Answer:
        # A word the articles never use is a thing they do not report on.
        if self._unknown(terms):
            return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)
        candidates = self._rank(q, terms)
        if not candidates or max(c.support for c in candidates) < MIN_COVERAGE:
            return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)

        groups = self._merge(candidates)
        top = groups[0][0]
        chosen = [groups[0]]
        clash = self._disagreement(groups, q)
        if clash is not None:
            chosen.append(clash[1])  # the differing account is shown, whatever its rank
        for group in groups[1:]:
            if len(chosen) >= MAX_QUOTES:
                break
            lead = group[0]
            if (
                group not in chosen
                and lead.score >= FOLLOW_RATIO * top.score
                and lead.support >= MIN_COVERAGE
            ):
                chosen.append(group)

        shown: set[int] = set()
        quoted: dict[int, Quote] = {}  # position in `chosen` -> its quote
        for position, group in enumerate(chosen):
            if not _printed(group, shown):  # already printed before a "Dia ..." sentence
                quoted[position] = self._quote(group, shown)
        quotes = tuple(quoted.values())
        more: list[Quote] = []
        for group in groups:
            if len(more) == MORE_QUOTES:
                break
            if group not in chosen and not _printed(group, shown):
                more.append(self._quote(group, shown))
        disagreements: tuple[Disagreement, ...] = ()
        if clash is not None and 1 in quoted:
            what, value_a, value_b = clash[0]
            # Each value is cited to the outlets of the quote that shows it.
            values = ((value_a, quoted[0].sources), (value_b, quoted[1].sources))
            disagreements = (Disagreement(what=what, values=values),)
        cited = _unique(i for quote in quotes for i in quote.sources)
        more_cited = [i for i in _unique(i for quote in more for i in quote.sources) if i not in cited]
        return Answer(
            question=q.text,
            kind=Kind.ANSWER,
            language=q.language,
            sentences=quotes,
            sources=tuple(self._sources[i] for i in cited),
            more=tuple(more),
            more_sources=tuple(self._sources[i] for i in more_cited),
            disagreements=disagreements,
            question_type=q.qtype,
        )

    def _merge(self, candidates: list[_Candidate]) -> list[list[_Candidate]]:
        """Candidates grouped by the fact they state: a group is one quote cited to all its outlets.

        Two sentences that give different dates or numbers are never one quote, however alike:
        the disagreement is shown instead.
        """
        groups: list[list[_Candidate]] = []
        # Outlets stating the quoted facts rank near them: a bounded pool keeps this quadratic
        # step cheap on a large corpus.
        for c in candidates[:MERGE_POOL]:
            sentence = self.index.sentences[c.sentence]
            for group in groups:
                lead = self.index.sentences[group[0].sentence]
                if evidence.same_fact(lead, sentence, self.index.bm25.idf) and not evidence.conflict(
                    lead, sentence, OTHER
                ):
                    group.append(c)
                    break
            else:
                groups.append([c])
        return groups

    def _disagreement(
        self, groups: list[list[_Candidate]], q: Question
    ) -> tuple[tuple[str, str, str], list[_Candidate]] | None:
        """A relevant sentence of another outlet giving another date or number than the first quote."""
        lead = self.index.sentences[groups[0][0].sentence]
        for group in groups[1:]:
            other_c = group[0]
            # A differing account may use other words, so it needs less of the question's.
            if other_c.support < 0.6 * MIN_COVERAGE:
                continue
            other = self.index.sentences[other_c.sentence]
            if other.article == lead.article:
                continue
            clash = evidence.conflict(lead, other, q.qtype)
            if clash is not None:
                return clash, group
        return None

    # -- composing ------------------------------------------------------------------------

    def _ids(self, group: list[_Candidate]) -> tuple[str, ...]:
        articles = self.corpus.articles
        return tuple(_unique(articles[self.index.sentences[c.sentence].article].source.id for c in group))

    def _quote(self, group: list[_Candidate], shown: set[int]) -> Quote:
        """The group's quote; `shown` collects the sentences it prints."""
        number = group[0].sentence
        lead: Sentence = self.index.sentences[number]
        text, sources = lead.text, self._ids(group)
        # "Dia dan Putin kemudian bertemu ..." means nothing alone: quote the sentence before
        # it too, when both stand in one paragraph (and it is not quoted already). Only the
        # lead's outlet printed that sentence, so only it is cited.
        opening = words(text[:40])[:1]
        if number > 0 and number - 1 not in shown and opening and opening[0] in PRONOUNS:
            before = self.index.sentences[number - 1]
            if before.passage == lead.passage:
                text = f"{before.text} {text}"
                sources = sources[:1]
                shown.add(number - 1)
        shown.update(c.sentence for c in group)
        return Quote(text=text, sources=sources, score=group[0].score)

    def _reply(self, text: str, kind: Kind, language: str, question_type: str = "other") -> Answer:
        return Answer(
            question=text,
            kind=kind,
            language=language,
            examples=self.corpus.event.examples_in(language),
            question_type=question_type,
        )


def _by_length(vocabulary: Iterable[str]) -> dict[int, list[str]]:
    buckets: dict[int, list[str]] = {}
    for word in sorted(vocabulary):
        buckets.setdefault(len(word), []).append(word)
    return buckets


def _printed(group: list[_Candidate], shown: set[int]) -> bool:
    """True when a sentence of the group is already in the reply."""
    return any(c.sentence in shown for c in group)


def _unique(ids: Iterable[str]) -> list[str]:
    """The ids in order, each once."""
    return list(dict.fromkeys(ids))
