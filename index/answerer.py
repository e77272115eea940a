"""The one answering object every interface calls: a question in, a cited answer (or a reason) out.

It runs the engine's stages in order: question understanding (index/question.py, then
index/query.py for search terms), retrieval (index/retrieval.py), ranking and the decision
whether the sources answer (index/ranking.py), and composing the cited reply
(index/composing.py). The weights they share are one frozen `Weights` (index/weights.py).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from pathlib import Path

from index import digest, timeline, yesno
from index.answers import Answer, Kind, Note
from index.cache import load_index
from index.closed_class import words_of
from index.composing import Composer
from index.corpus import load_corpus
from index.forms import COMPARE, DIGEST, FACT, TIMELINE
from index.gate import Decision, gate
from index.general import is_common_indonesian
from index.lexicon import Lexicon, lexicon
from index.model import Index
from index.query import Query, QueryBuilder
from index.question import MANNER, PERSON, YESNO, Question
from index.ranking import answers, in_other_words, rank, tells
from index.retrieval import Candidate, retrieve
from index.text import words
from index.weights import DEFAULT, Weights

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 4000
# Words that only place a question in time ("before"): no happening of their own.
_WHEN_WORDS = words_of("when_words")
# The share of a yes/no question's words a sentence must hold to say "ya" plainly.
WHOLE_QUESTION = 0.9


class Answerer:
    """Answers questions from one corpus's index."""

    def __init__(
        self,
        index: Index,
        words_lexicon: Lexicon | None = None,
        weights: Weights = DEFAULT,
        gate_model: Decision | None = None,
    ) -> None:
        self.index = index
        # whether the best candidate answers (index/gate.py): the trained model by default
        self.gate = gate_model if gate_model is not None else gate()
        self.corpus = index.corpus
        self.lexicon = words_lexicon or lexicon()
        self.weights = weights
        self.queries = QueryBuilder(index, self.lexicon, weights.previous, outlet_names(index))
        self.composer = Composer(index, weights)
        self._whole: dict[tuple[str, str], Answer] = {}  # the whole story's digest and timeline

    @classmethod
    def load(cls, corpus_dir: str | Path, cache_dir: str | Path | None = None) -> Answerer:
        """Load the corpus folder and its index (from the cache when current); CorpusError if bad."""
        corpus = load_corpus(corpus_dir)
        return cls(load_index(corpus, Path(cache_dir) if cache_dir is not None else None))

    def answer(self, question: str, previous: str | None = None) -> Answer:
        """The answer to `question`; `previous` is the chat's last question, for follow-ups."""
        started = time.perf_counter()
        text = question.strip() if isinstance(question, str) else ""
        if len(text) > MAX_QUESTION_CHARS:
            return self._reply(text, Kind.TOO_LONG, "id")
        q = self.queries.read(text)
        if not any(ch.isalnum() for ch in text):
            return self._reply(text, Kind.EMPTY, q.language)
        if q.greeting:
            return self._reply(
                text, Kind.GREETING, q.language, question_type="thanks" if q.thanks else "greeting"
            )
        query = self.queries.build(q, previous)
        if query.followed and previous:
            query = self._after_answer(query, previous)
        if not query.followed and q.bare and q.form == FACT:
            # "kapan itu?", "kenapa?" with no earlier question to read it by (or after one the
            # articles did not answer): ask what "itu" is rather than guess.
            return self._reply(text, Kind.CLARIFY, q.language, question_type=q.qtype)
        if q.form in (DIGEST, TIMELINE):
            answer = self._gathered(q, query)
        elif not query.terms:
            return self._reply(text, Kind.DECLINE, q.language, question_type=q.qtype)
        else:
            ranked = rank(self.index, query, retrieve(self.index, query, self.weights), self.weights)
            if q.form == COMPARE:
                answer = self._compared(query, ranked)
            elif not self.gate.answers(self.index, query, ranked, self.weights):
                answer = self._reply(text, Kind.DECLINE, q.language, question_type=q.qtype)
                if q.qtype == YESNO:
                    answer = self._yes_or_no(query, ranked, answer)
            else:
                answer = self.composer.compose(query, ranked)
                if q.qtype == YESNO:
                    answer = self._yes_or_no(query, ranked, answer)
                if q.outlets:
                    answer = self._from_outlet(answer, q.outlets, ranked[0].named_outlet)
        if query.followed and previous:
            topic = f"{previous[: MAX_QUESTION_CHARS // 2]} {text}"
            # (the question as the person typed it, not as read with a name in its "dia")
            answer = replace(answer, question=text, topic=topic, read_as=previous[: MAX_QUESTION_CHARS // 2])
        else:
            answer = replace(answer, topic=text)
        answer.timings["total_ms"] = (time.perf_counter() - started) * 1000
        return answer

    def _after_answer(self, query: Query, previous: str) -> Query:
        """A follow-up's query, read knowing the sentence that answered the previous question:
        after "who", whom a "dia" points to is the one that sentence named (`QueryBuilder.after`)."""
        earlier = query.earlier
        if earlier is None or earlier.qtype != PERSON or query.question.qtype == PERSON:
            return query  # (reading the answer before costs a search: only where it tells)
        before = self.queries.build(earlier, None)
        if not before.terms or earlier.form != FACT:
            return query
        ranked = rank(self.index, before, retrieve(self.index, before, self.weights), self.weights)
        if not self.gate.answers(self.index, before, ranked, self.weights):
            return query
        return self.queries.after(query, earlier, ranked[0].sentence, previous)

    def digest(self, language: str = "id") -> Answer:
        """The gist of the whole corpus (`/ringkasan`): a few quotes that several outlets
        state, covering who, what, where, when and the outcome, each cited (kind DIGEST).
        Worked out once per language: the corpus of one answerer does not change."""
        key = ("digest", language)
        if key not in self._whole:
            self._whole[key] = self._digest("", language, digest.lead_sentences(self.index), None)
        return self._whole[key]

    def timeline(self, language: str = "id") -> Answer:
        """The dated statements of the corpus in date order (`/kronologi`), kind TIMELINE;
        a corpus without dates gets a TIMELINE with no quotes and the note "no_dates"."""
        key = ("timeline", language)
        if key not in self._whole:
            self._whole[key] = self._timeline("", language, self._newest_sentences(), None)
        return self._whole[key]

    def _newest_sentences(self) -> list[int]:
        articles = sorted(digest.newest_articles(self.index))
        return [n for article in articles for n in self.index.article_sentences(article)]

    def _gathered(self, q: Question, query: Query) -> Answer:
        """A digest or a timeline, of the whole story or of what the question names."""
        if not query.terms:
            # The whole story, as /ringkasan and /kronologi give it (worked out once).
            whole = self.digest(q.language) if q.form == DIGEST else self.timeline(q.language)
            return replace(whole, question=q.text, question_type=q.qtype)
        # "ringkasan soal X" where no article names X (the noun of "kejadian apa saja" only
        # asks for the story, it names nothing)
        if any(not t.asked for t in query.unknown_strong()):
            return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)
        ranked = rank(self.index, query, retrieve(self.index, query, self.weights), self.weights)
        ranked = [c for c in ranked if c.support > 0][:80]
        if not ranked:
            return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)
        # What the question names narrows the story to the articles that tell it; the words
        # that only say "from the start until the end" must not narrow it further, so a
        # sentence's relevance mixes its article's with its own.
        top = max(c.support for c in ranked) or 1.0
        own = {c.sentence: c.support / top for c in ranked}
        by_article: dict[int, float] = {}
        for c in ranked:
            article = self.index.sentences[c.sentence].article
            by_article[article] = max(by_article.get(article, 0.0), own[c.sentence])
        # The articles that tell it best (a bounded number: comparing sentences across
        # articles is quadratic, and a large archive repeats itself).
        telling = sorted((a for a, w in by_article.items() if w >= 0.3), key=lambda a: -by_article[a])
        telling = telling[: digest.MAX_TOPIC_ARTICLES]
        relevance = {
            n: 0.4 * by_article[article] + 0.6 * own.get(n, 0.0)
            for article in telling
            for n in self.index.article_sentences(article)
        }
        pool = sorted(relevance)
        if q.form != DIGEST:
            return self._timeline(q.text, q.language, pool, relevance)
        # A gist is in the first paragraphs, or in the sentences about what is asked.
        leads = set(digest.lead_sentences(self.index, telling))
        pool = [n for n in pool if n in leads or own.get(n, 0.0) >= 0.3]
        return self._digest(q.text, q.language, pool, relevance)

    def _holds_whole(self, query: Query, c: Candidate) -> bool:
        """True when a sentence holds the whole question: a plain "ya" may stand on it. Its
        ordinary words must be the sentence's own, not part of a name ("on land" is not held
        by "Kabupaten Tanah Merapu")."""
        if c.coverage < WHOLE_QUESTION or c.strong_missing:
            return False
        sentence = self.index.sentences[c.sentence]
        stem, names = self.index.stemmer.stem, self.index.name_words
        # An ordinary word, or one the question's English or chat word was read as ("land"
        # read as "tanah" is no name, however strong the name "Tanah Merapu" makes it).
        read_as = {std for std, typed in query.question.aliases if std != typed}
        ordinary = [
            t for t in query.terms if t.weight == 1.0 and t.known and (not t.strong or t.word in read_as)
        ]
        return all(tells(t, sentence, stem, names) for t in ordinary)

    def _compared(self, query: Query, ranked: list[Candidate]) -> Answer:
        """The outlets side by side. Each outlet's account may be in its own words, so two
        accounts each holding the relaxed share of the question (`weights.relaxed`) answer
        even when neither holds the full share one answer would need."""
        q = query.question
        if answers(query, ranked, self.weights):
            return self.composer.compare(query, ranked)
        if not query.unknown_strong() and ranked:
            accounts = [c for c in ranked if in_other_words(c, query, self.weights)]
            articles = self.index.corpus.articles
            outlets = {articles[self.index.sentences[c.sentence].article].source.id for c in accounts}
            if len(outlets) >= 2:
                first = accounts[0]
                return self.composer.compare(query, [first, *(c for c in ranked if c is not first)])
        return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)

    def _yes_or_no(self, query: Query, ranked: list[Candidate], answer: Answer) -> Answer:
        """A yes/no question's answer with its "ya"/"tidak" line where the first quote states
        it plainly; asked about a place or means the articles name otherwise ("bertemu di
        Jakarta?"), the sentence naming the other one, with "tidak" (index/yesno.py)."""
        q = query.question
        named = yesno.slot(q, self.index)
        own = {self.index.stemmer.stem(w) for w in named.words} if named is not None else set()
        stem = self.index.stemmer.stem
        if answer.answered:
            first = ranked[0]
            terms = self.index.sentences[first.sentence].terms
            if named is None or self._settles(query, own, terms):
                # A "tidak" must negate what the question asks happened: its verb, where it
                # has one ("Tidak lama kemudian ..." negates nothing asked).
                typed = [t for t in query.terms if t.weight == 1.0]
                # (not one describing what is asked about: "perahu yg mogok ... ada korban gak?")
                verbs = [t for t in typed if t.verb and not t.given]
                asked = {part for t in (verbs or typed) for part in t.parts}
                settled = yesno.lead(
                    _said(answer), asked, stem, self._holds_whole(query, first), yesno.negated(q.words, stem)
                )
                if not settled and yesno.opposite(_said(answer), q.words):
                    settled = yesno.NO  # "cedera ringan" for "tergolong berat?"
                # A plan or a forecast settles nothing ("berpeluang menaikkan" is no "ya").
                if settled != "tidak" and self._only_planned(answer, q):
                    return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)
                return replace(answer, lead=settled)
        if named is not None:
            # A sentence naming the question's own means, in other words than the question's
            # ("dengan menumpangi kereta" for "menempuh perjalanan dengan kereta?").
            holding = (
                [
                    c
                    for c in ranked
                    if own <= self.index.sentences[c.sentence].terms
                    and in_other_words(c, query, self.weights)
                    and not yesno.planned(self.index.sentences[c.sentence].text)
                ]
                if named.qtype == MANNER
                else []
            )
            if holding:
                rest = [c for c in ranked if c not in holding]
                confirmed = self.composer.compose(query, [*holding, *rest])
                whole = self._holds_whole(query, holding[0])
                settled = yesno.lead(
                    _said(confirmed), query.own_stems(), stem, whole, yesno.negated(q.words, stem)
                )
                return replace(confirmed, lead=settled)
            # The same question asked openly, with whatever a follow-up carried over.
            openly = yesno.without(q, named)
            opened = Query(openly, tuple(t for t in query.terms if not own & set(t.parts)), query.followed)
            others = rank(self.index, opened, retrieve(self.index, opened, self.weights), self.weights)
            # Only what happened elsewhere is a "no" ("bertemu di Vladivostok" for "bertemu di
            # Jakarta?"): asked of nothing but who and when ("Has Putin been to North Korea
            # before?"), a sentence naming another place tells of something else.
            happening = [
                t
                for t in opened.terms
                if t.weight == 1.0 and t.known and not t.strong and t.word not in _WHEN_WORDS
            ]
            if happening and answers(opened, others, self.weights):
                other = self.composer.compose(opened, others)
                sentence = self.index.sentences[others[0].sentence]
                # ... and it happened there: the sentence tells the question's verb ("Tim SAR
                # menemukan serpihan di perairan ..." is no other place the plane left from)
                verbs = [t for t in happening if t.verb]
                told = not verbs or any(tells(t, sentence, stem, self.index.name_words) for t in verbs)
                if told and yesno.instead(sentence, named, self.index):
                    return replace(other, question=q.text, question_type=q.qtype, lead=yesno.NO)
        if self._only_planned(answer, q):
            return self._reply(q.text, Kind.DECLINE, q.language, question_type=q.qtype)
        return answer

    @staticmethod
    def _only_planned(answer: Answer, q: Question) -> bool:
        """True when "Did X happen?" is answered by a plan or forecast ("dijadwalkan"): the
        sources do not say whether it happened."""
        return yesno.planned(_said(answer)) and not yesno.planned(q.text)

    @staticmethod
    def _settles(query: Query, own: set[str], terms: frozenset[str]) -> bool:
        """True when a sentence holds both the place or means a yes/no question names (its
        stems `own`) and the rest of what it asks ("lepas landas dari Bandara X?": "mendarat
        di Bandara X" names the place of another happening and settles nothing)."""
        if not own <= terms:
            return False
        rest = [
            t for t in query.terms if t.weight == 1.0 and not own & set(t.parts) and t.known and not t.given
        ]
        return all(t.found_in(terms) for t in rest)

    def _from_outlet(self, answer: Answer, outlets: tuple[str, ...], reported: bool) -> Answer:
        """One outlet's account ("Menurut Kompas, ..."): its own sentence first when it
        reports it (ranking put it there); else the others', under a note that it does not.
        Of several outlets named, the reply is labelled with the one quoted first, and a
        note names each that no quote cites."""
        first = answer.first.sources if answer.first is not None else ()
        label = next((i for i in first if i in outlets), outlets[0]) if reported else outlets[0]
        cited = {i for quote in answer.sentences for i in quote.sources}
        silent = [i for i in outlets if not reported or i not in cited]
        by_id = {s.id: s for s in self.corpus.sources}
        notes = tuple(Note("outlet_silent", outlet=by_id[i].outlet) for i in silent)
        return replace(answer, kind=Kind.OUTLET, outlet=label, notes=notes)

    def _notes(self) -> tuple[Note, ...]:
        return (Note("one_outlet"),) if self.composer.one_outlet else ()

    def _digest(
        self, question: str, language: str, pool: list[int], relevance: dict[int, float] | None
    ) -> Answer:
        picks = digest.choose(self.index, pool, relevance)
        return self.composer.collected(
            question, Kind.DIGEST, language, self.composer.quotes_of(picks), notes=self._notes()
        )

    def _timeline(
        self, question: str, language: str, pool: list[int], relevance: dict[int, float] | None
    ) -> Answer:
        entries, differs = timeline.choose(self.index, pool, relevance)
        if not entries:
            return self.composer.collected(question, Kind.TIMELINE, language, [], notes=(Note("no_dates"),))
        when = {e.pick.sentence: (timeline.said(e.day, language), e.day.isoformat()) for e in entries}
        notes = (*self._notes(), *((Note("date_differs"),) if differs else ()))
        quotes = self.composer.quotes_of((e.pick for e in entries), when)
        return self.composer.collected(question, Kind.TIMELINE, language, quotes, notes=notes)

    def _reply(self, text: str, kind: Kind, language: str, question_type: str = "other") -> Answer:
        return Answer(
            question=text,
            kind=kind,
            language=language,
            examples=self.corpus.event.examples_in(language),
            question_type=question_type,
        )


def _said(answer: Answer) -> str:
    """The text of an answer's first quote ("" for none)."""
    return answer.first.text if answer.first else ""


def outlet_names(index: Index) -> dict[str, str]:
    """Every way a question may name an outlet, written without spaces ("kompascom",
    "dwindonesia", "dw"), each with its source id. A word of a multi-word name alone names
    it too ("kompas" of "Kompas.com", "antarpulau" of "Berita Antarpulau"), unless it is an
    ordinary word ("berita", "kabar"), another outlet's word as well, or a word the articles
    use for something else (the place of "Kabar Lipai" in "Bupati Batang Lipai")."""
    names: dict[str, str] = {}
    single: dict[str, set[str]] = {}
    siblings: dict[str, set[str]] = {}  # the other words of the names a word is part of
    for source in index.corpus.sources:
        for label in (source.outlet, source.id):
            tokens = [t for t in words(label) if t.isalpha()]
            if not tokens:
                continue
            names.setdefault("".join(tokens), source.id)
            if len(tokens) > 1:
                for token in tokens:
                    if len(token) >= 3 and not is_common_indonesian(token) and token not in {"com", "id"}:
                        single.setdefault(token, set()).add(source.id)
                        siblings.setdefault(token, set()).update(t for t in tokens if t != token)
    # "lipai" of "Kabar Lipai" does not name the outlet when the articles use it for
    # something else ("Bupati Batang Lipai"): in a passage without the name's other words.
    # (Read from the index's postings: a pass over every sentence cost a second at 1,000x.)
    bm25 = index.bm25
    used = set()
    for token in single:
        if not bm25.knows(token):
            continue
        named: set[int] | None = None
        for other in siblings[token]:
            found = set(bm25.passages_of(other).tolist()) if bm25.knows(other) else set()
            named = found if named is None else named & found
        if set(bm25.passages_of(token).tolist()) - (named or set()):
            used.add(token)
    for token, ids in single.items():
        if len(ids) == 1 and token not in used:
            names.setdefault(token, next(iter(ids)))
    return names
