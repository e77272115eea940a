"""Composing, the engine's last stage: ranked sentences become quotes cited to every outlet
that states them, with the accounts that disagree shown side by side."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, replace

from index import evidence, timeline, yesno
from index.answers import Answer, Disagreement, Kind, Note, Quote, Source
from index.closed_class import words_of
from index.digest import Pick
from index.model import Index, Sentence
from index.query import Query, Term
from index.question import AGE_NOUNS, DATE, MEASURE, NUMBER, OTHER, SAID, TIME
from index.ranking import VALUES, eligible, in_other_words, quote_speaker, value_clause
from index.retrieval import Candidate
from index.stemmer import stopwords
from index.text import OPENING_QUOTES, words
from index.weights import Weights

Group = list[Candidate]


class Composer:
    """Builds answers from ranked candidates of one index."""

    def __init__(self, index: Index, weights: Weights) -> None:
        self.index = index
        self.weights = weights
        self.sources: dict[str, Source] = {s.id: s for s in index.corpus.sources}
        self._masses: dict[frozenset[str], float] = {}
        # Every article is one outlet's: nothing to compare, a gist from one account.
        self.one_outlet = len({s.outlet for s in index.corpus.sources}) == 1
        # The verbs that attribute a statement ("mengatakan", "menjelaskan"): who said it, not
        # what happened. Two sentences sharing only one of them tell two happenings ("suhu
        # tubuh ... 41,7 derajat" and "suhu udara 31,8 derajat"). (Not "tambah" and "ungkap":
        # "korban bertambah", "polisi mengungkap kasus" are happenings.)
        self._saying = frozenset(index.stemmer.stem(w) for w in _ATTRIBUTING)

    def compose(self, query: Query, ranked: list[Candidate]) -> Answer:
        """The answer: the best group's quote, a differing account if any, the next best."""
        w = self.weights
        q = query.question
        groups = self.merge(ranked)
        top = groups[0][0]
        chosen = [groups[0]]
        clash = self.disagreement(groups, q.qtype)
        if clash is not None:
            chosen.append(clash[1])  # the differing account is shown, whatever its rank
        for group in groups[1:]:
            if len(chosen) >= w.max_quotes:
                break
            lead = group[0]
            if group not in chosen and lead.score >= w.follow_ratio * top.score and eligible(lead, query, w):
                chosen.append(group)

        shown: set[int] = set()
        quoted: dict[int, tuple[Quote, ...]] = {}  # position in `chosen` -> its quote
        for position, group in enumerate(chosen):
            if not _printed(group, shown):  # already printed before a "Dia ..." sentence
                quoted[position] = self.quote(group, shown)
        if q.qtype == SAID and 0 in quoted:
            quoted[0] = self._with_own_words(quoted[0], chosen[0][0].sentence, shown)
        quotes = _flat(quoted.values())
        more: list[Quote] = []
        for group in groups:
            if len(more) == w.more_quotes:
                break
            # "More" is read on its own: a quote opening with "Dia" whose sentence before
            # the answer already showed, or that stands in another paragraph, would not say
            # who, and no sentence is shown twice; it is left out.
            if group not in chosen and not _printed(group, shown) and self._readable_alone(group, shown):
                more.extend(self.quote(group, shown))
        disagreements: tuple[Disagreement, ...] = ()
        if clash is not None and 1 in quoted and 0 in quoted:
            what, value_a, value_b = clash[0]
            # Each value is cited to the outlets of the quote that shows it.
            values = ((value_a, quoted[0][-1].sources), (value_b, quoted[1][-1].sources))
            disagreements = (Disagreement(what=what, values=values),)
        cited = _unique(i for quote in quotes for i in quote.sources)
        more_cited = [i for i in _unique(i for quote in more for i in quote.sources) if i not in cited]
        return Answer(
            question=q.text,
            kind=Kind.ANSWER,
            language=q.language,
            sentences=quotes,
            sources=tuple(self.sources[i] for i in cited),
            more=tuple(more),
            more_sources=tuple(self.sources[i] for i in more_cited),
            disagreements=disagreements,
            question_type=q.qtype,
        )

    def quotes_of(self, picks: Iterable[Pick], when: dict[int, tuple[str, str]] | None = None) -> list[Quote]:
        """Each chosen sentence as a quote cited to its outlet and to every other outlet
        stating the same fact; `when` files timeline entries under (date as said, ISO day)."""
        articles = self.index.corpus.articles
        quotes = []
        for p in picks:
            ids = _unique(articles[self.index.sentences[n].article].source.id for n in (p.sentence, *p.same))
            said, day = (when or {}).get(p.sentence, ("", ""))
            quotes.append(
                Quote(
                    text=self.index.sentences[p.sentence].text,
                    sources=tuple(ids),
                    score=p.score,
                    when=said,
                    day=day,
                )
            )
        return quotes

    def collected(
        self, question: str, kind: Kind, language: str, quotes: list[Quote], **extra: object
    ) -> Answer:
        """An answer of several quotes gathered by a digest, a timeline or a comparison."""
        cited = _unique(i for q in quotes for i in q.sources)
        return Answer(
            question=question,
            kind=kind,
            language=language,
            sentences=tuple(quotes),
            sources=tuple(self.sources[i] for i in cited),
            **extra,  # type: ignore[arg-type]
        )

    def compare(self, query: Query, ranked: list[Candidate], most: int = 5) -> Answer:
        """Each outlet's statement of what the question asks, side by side: per outlet its
        best sentence (outlets stating the same fact share one quote), and every pair of
        them that gives another date or figure for the same happening."""
        q = query.question
        articles = self.index.corpus.articles
        sentences = self.index.sentences
        lead = ranked[0]
        best: dict[str, tuple[tuple[float, bool, float, float], Candidate]] = {}  # outlet -> its statement
        value_re, stem = VALUES.get(q.qtype), self.index.stemmer.stem
        verbs = frozenset(p for t in query.terms if t.weight == 1.0 and t.verb for p in t.parts)
        lead_sentence = sentences[lead.sentence]
        lead_verbs = self.predicates(lead_sentence)
        needed = evidence.required_fit(q.qtype)
        for c in ranked:
            s = sentences[c.sentence]
            outlet = articles[s.article].source.outlet
            # Another outlet's account may use other words: it needs less of the question's,
            # or it tells the lead's happening (a verb of like meaning and several words in
            # common: "meninggalkan Korea Utara" for "berangkat dari Pyongyang").
            same_happening = (
                bool(lead_verbs & s.predicates)
                and len(lead_sentence.terms & s.terms) >= 3
                and c.holds_asked
                and not c.strong_missing
                and c.fit >= needed
            )
            if (
                c is lead
                or same_happening
                or (in_other_words(c, query, self.weights) and c.score >= 0.3 * lead.score)
            ):
                # Each outlet's statement is the one holding most fully what is compared, and
                # of those its telling of the lead's happening, if any; then the one whose
                # figure stands in the clause of the verb asked ("polisi mengamankan 12 orang",
                # not "Untuk mengamankan unjuk rasa, polisi mengerahkan 850 personel").
                in_clause = 0.0
                if value_re and verbs:
                    in_clause = value_clause(s.text, verbs, value_re, stem, every=True)
                rank = (c.fit, same_happening or c is lead, in_clause, c.score)
                held = best.get(outlet)
                if held is None or rank > held[0]:
                    best[outlet] = (rank, c)
        named = {articles[sentences[c.sentence].article].source.outlet for c in ranked if c.named_outlet}
        chosen = {outlet: c for outlet, (_, c) in best.items()}
        if named & set(chosen):
            # "Apakah Kompas dan DW sepakat ...?": those outlets, side by side.
            chosen = {outlet: c for outlet, c in chosen.items() if outlet in named}
        statements = sorted(chosen.values(), key=lambda c: (c is not lead, -c.score))[:most]
        outlets_seen = set(chosen)
        groups = self.merge(statements)
        shown: set[int] = set()
        shown_quotes = [self.quote(group, shown) for group in groups]
        quotes = [q[-1] for q in shown_quotes]
        asked = {DATE: DATE, TIME: DATE}.get(q.qtype, NUMBER if q.qtype in (NUMBER, MEASURE) else OTHER)
        disagreements = []
        told = self._asked_forms(query, asked)  # the same for every pair
        # Every word of the question, as its stems, in the clause giving the value (not
        # "Jadwal semula pukul 06.00, tetapi pesawat tertunda karena antrean lepas landas"):
        # two statements holding all of them tell the same happening, whatever verb the
        # reader knows it by ("lepas landas"). Read once per statement, not per pair.
        whole = query.own_stems()
        leads = [sentences[group[0].sentence] for group in groups]
        tells_whole = [
            len(whole) >= 2
            and value_re is not None
            and whole <= s.terms
            and value_clause(s.text, whole, value_re, stem) == 1.0
            for s in leads
        ]
        # each statement with its verbs, and those of them that happen (not the verbs of saying)
        compared = [
            (s, quote, told_whole, self.predicates(s), self.happenings(s))
            for s, quote, told_whole in zip(leads, quotes, tells_whole, strict=True)
        ]
        for first, second in itertools.combinations(compared, 2):
            sa, qa, whole_a, verbs_a, happens_a = first
            sb, qb, whole_b, verbs_b, happens_b = second
            clash = evidence.conflict(
                sa.terms,
                sb.terms,
                sa.facts,
                sb.facts,
                happens_a,
                happens_b,
                asked,
            )
            if clash is None and (happens_a & happens_b or (whole_a and whole_b)):
                # One happening (a shared verb), told with another clock time or measure.
                clash = _other_figure(sa.text, sb.text, asked)
            if clash is None and asked == NUMBER and (verbs_a & verbs_b or (whole_a and whole_b)):
                # A count right after a word the question names ("jumlah peserta mencapai
                # 3.000", "jumlah peserta aksi sekitar 1.500"), whoever said each.
                clash = _other_count(sa.text, sb.text, q.content)
            if clash is None and asked == NUMBER and q.asked_noun in AGE_NOUNS:
                # "sepakat soal umur masinis Hendra?": "Hendra Kurniawan (46)" against "(44)"
                clash = _other_age(sa.text, sb.text, q.content)
            if clash is None and asked == NUMBER and q.asked_noun:
                # "sepakat soal jumlah warga?": two counts of what the question counts.
                clash = _other_total(sa, sb, q.asked_noun)
            if clash is None and (
                asked == NUMBER
                or (
                    asked == DATE
                    and (
                        happens_a & sb.predicates
                        or (told.things and not told.verbs)
                        # both tell the verb asked, one in other words
                        or (told.verbs and told.verbs.told_in(sa.terms) and told.verbs.told_in(sb.terms))
                    )
                )
            ):
                # Each outlet's statement was chosen as its answer to the question: the date or
                # count each gives in the clause telling what is asked ("menetapkan status KLB
                # sejak Rabu (5/11)" against "KLB yang ditetapkan ... pada Kamis (6/11)").
                clash = _other_answer(sa, sb, self._paragraph(sa), self._paragraph(sb), asked, told)
            if (
                clash is not None
                and clash[0] == "number"
                and evidence.two_things_measured(sa.text, sb.text, *clash[1:])
            ):
                clash = None
            if clash is not None:
                what, value_a, value_b = clash
                disagreements.append(Disagreement(what, ((value_a, qa.sources), (value_b, qb.sources))))
        notes: list[Note] = [Note("outlet_silent", outlet=outlet) for outlet in sorted(named - outlets_seen)]
        if self.one_outlet:
            notes.append(Note("one_outlet"))
        elif len(outlets_seen) == 1:
            notes.append(Note("single_report", outlet=next(iter(outlets_seen))))
        elif not disagreements:
            notes.append(Note("sources_agree"))
        return self.collected(
            q.text,
            Kind.COMPARISON,
            q.language,
            list(_flat(shown_quotes)),
            disagreements=tuple(disagreements),
            notes=tuple(notes),
            question_type=q.qtype,
        )

    def merge(self, candidates: list[Candidate]) -> list[Group]:
        """Candidates grouped by the fact they state: a group is one quote cited to all its outlets.

        Two sentences are one fact only when they share most of their words and every figure
        and date: a quote is never cited to an outlet that printed another number.
        """
        sentences = self.index.sentences
        idf = self.index.bm25.idf
        groups: list[Group] = []
        # Outlets stating the quoted facts rank near them: a bounded pool keeps this quadratic
        # step cheap on a large corpus.
        for c in candidates[: self.weights.merge_pool]:
            s = sentences[c.sentence]
            for group in groups:
                lead = sentences[group[0].sentence]
                if evidence.same_fact(
                    lead.terms, s.terms, lead.facts, s.facts, lead.text, s.text, idf, self._mass
                ):
                    group.append(c)
                    break
            else:
                groups.append([c])
        return groups

    def _mass(self, terms: frozenset[str]) -> float:
        """A sentence's IDF mass, remembered (the same sentences meet again and again)."""
        known = self._masses.get(terms)
        if known is None:
            known = sum(map(self.index.bm25.idf, terms))
            if len(self._masses) > 100_000:
                self._masses.clear()
            self._masses[terms] = known
        return known

    def _asked_forms(self, query: Query, asked: str) -> Told:
        """What tells a sentence answers the question that is compared (see `Told`)."""
        q = query.question
        own = [t for t in query.terms if t.weight == 1.0]

        def named(t: Term) -> bool:
            return t.word[:1].isdigit() or all(p in self.index.name_words for p in t.parts)

        nouns = [t for t in own if not named(t) and not t.verb and not t.asked and t.word != q.asked_noun]
        # "Kapan OTT itu digelar?": a verb that only says it took place leaves the happening to
        # its noun ("operasi tangkap tangan pada Kamis" dates it with any verb or none).
        verbs = [t for t in own if t.verb and t.word not in _HAPPENING]
        return Told(
            forms=Wording.of([t for t in own if not named(t)]),
            verbs=Wording.of(verbs if asked == DATE else []),
            names=tuple(Wording.of([t]) for t in own if t.known and named(t)),
            # a count: of the thing asked in the happening asked; a date: of the happening's
            # noun, when no verb of the question tells it
            things=tuple(Wording.of([t]) for t in nouns if t.known)
            if asked == NUMBER or (asked == DATE and not verbs)
            else (),
            counted=q.asked_noun,
            repeat=not _REPEATS.isdisjoint(q.words),
            stem=self.index.stemmer.stem,
        )

    def _paragraph(self, s: Sentence) -> frozenset[str]:
        """The stems of a sentence's paragraph, pronouns resolved."""
        passage = self.index.passages[s.passage]
        return frozenset().union(*(self.index.sentences[n].resolved for n in passage.sentences))

    def predicates(self, s: Sentence) -> frozenset[str]:
        """The sentence's verbs and the verbs that mean the same."""
        return self._with_related(s.predicates)

    def happenings(self, s: Sentence) -> frozenset[str]:
        """The sentence's verbs but those that attribute it, and the verbs that mean the same:
        what happens in it."""
        return self._with_related(s.predicates - self._saying) - self._saying

    def _with_related(self, verbs: frozenset[str]) -> frozenset[str]:
        """The verbs and the verbs that mean the same (`Index.related`)."""
        found = set(verbs)
        for p in verbs:
            found |= self.index.related.get(p, frozenset())
        return frozenset(found)

    def disagreement(self, groups: list[Group], qtype: str) -> tuple[tuple[str, str, str], Group] | None:
        """A relevant sentence of another outlet giving another date or number for the same
        event as the first quote."""
        sentences = self.index.sentences
        lead = sentences[groups[0][0].sentence]
        lead_predicates = self.happenings(lead)
        for group in groups[1:]:
            other_c = group[0]
            # A differing account may use other words, so it needs less of the question's.
            if other_c.support < self.weights.relaxed * self.weights.min_coverage:
                continue
            other = sentences[other_c.sentence]
            if other.article == lead.article:
                continue
            clash = evidence.conflict(
                lead.terms,
                other.terms,
                lead.facts,
                other.facts,
                lead_predicates,
                other.predicates - self._saying,
                qtype,
            )
            if (
                clash
                and clash[0] == "number"
                and evidence.two_things_measured(lead.text, other.text, *clash[1:])
            ):
                continue  # "ketinggian air ... 2 meter", "ketinggian gelombang ... 4 meter"
            if clash is not None:
                return clash, group
        return None

    def _with_own_words(self, quote: tuple[Quote, ...], number: int, shown: set[int]) -> tuple[Quote, ...]:
        """For "what did X say": a sentence telling what X said ("Direktur Operasi MSU Teguh
        Prasetya mengakui kapasitas rest area tertinggal ...") followed, in its paragraph, by
        X's own words ('"Kami tidak ingin ...," katanya.') is quoted with them: it gives them
        their speaker (a context sentence), they are what X said."""
        sentences = self.index.sentences
        told = quote[-1]
        if told.text[:1] in OPENING_QUOTES:
            return quote
        paragraph = sentences[number].passage
        between: list[Quote] = []  # a sentence between them is shown too: the quote reads on
        for after in range(number + 1, min(number + 3, len(sentences))):
            sentence = sentences[after]
            if sentence.passage != paragraph or after in shown:
                return quote
            if sentence.text[:1] in OPENING_QUOTES and _SAID_BY_THEM.search(sentence.text):
                shown.update(range(number + 1, after + 1))
                own = Quote(text=sentence.text, sources=told.sources[:1], score=told.score)
                return (*quote[:-1], replace(told, context=True), *between, own)
            if sentence.text[:1] in OPENING_QUOTES:
                return quote  # somebody else's words first
            between.append(Quote(sentence.text, told.sources[:1], told.score, context=True))
        return quote

    def _readable_alone(self, group: Group, shown: set[int]) -> bool:
        number = group[0].sentence
        lead = self.index.sentences[number]
        if not (lead.leans_on_before or group[0].follows):
            return True
        before = number - 1
        return before >= 0 and before not in shown and self.index.sentences[before].passage == lead.passage

    def quote(self, group: Group, shown: set[int]) -> tuple[Quote, ...]:
        """The group's quote, after the sentence that gives it its subject when it needs one
        (a quote marked `context`); `shown` collects the sentences printed."""
        number = group[0].sentence
        lead = self.index.sentences[number]
        sources = self._ids(group)
        score = group[0].score
        # "Dia dan Putin kemudian bertemu ..." means nothing alone: quote the sentence before
        # it too, when both stand in one paragraph (and it is not quoted already). Only the
        # lead's outlet printed that sentence, so only it is cited.
        if number > 0 and number - 1 not in shown and (lead.leans_on_before or group[0].follows):
            before = self.index.sentences[number - 1]
            if before.passage == lead.passage:
                # 'Direktur X mengakui ... . MSU berencana ... . "...," katanya.': a quote said by
                # "-nya" is shown after the sentence naming its speaker (with the one between,
                # if one; more are passed over).
                found = quote_speaker(self.index, number)
                context = [number - 1]
                if found is not None and found[0] < number - 1:
                    context = [found[0], number - 1] if found[0] == number - 2 else [found[0]]
                if any(n in shown for n in context):
                    context = [number - 1]
                shown.update(context)
                shown.update(c.sentence for c in group)
                return (
                    *(
                        Quote(
                            text=self.index.sentences[n].text, sources=sources[:1], score=score, context=True
                        )
                        for n in context
                    ),
                    Quote(text=lead.text, sources=sources[:1], score=score),
                )
        shown.update(c.sentence for c in group)
        return (Quote(text=lead.text, sources=sources, score=score),)

    def _ids(self, group: Group) -> tuple[str, ...]:
        articles = self.index.corpus.articles
        return tuple(_unique(articles[self.index.sentences[c.sentence].article].source.id for c in group))


def _other_figure(a: str, b: str, asked: str) -> tuple[str, str, str] | None:
    """("time"|"number", value in a, value in b) when two sentences of one happening give
    another clock time ("pukul 19.53 WITA" against "pukul 19.52 WITA"; the same moment in
    two time zones is one) or another measure ("magnitudo 6,4" against "M 6,1")."""
    if asked == DATE:
        clock_a, clock_b = timeline.clock_of(a), timeline.clock_of(b)
        if clock_a is not None and clock_b is not None and clock_a != clock_b:
            return ("time", timeline.clock_text(a), timeline.clock_text(b))
    if asked in (NUMBER, OTHER):
        others = {noun: printed for noun, _, printed in evidence.measures(b)}
        values = {noun: value for noun, value, _ in evidence.measures(b)}
        for noun, value, printed in evidence.measures(a):
            if noun in values and values[noun] != value:
                return ("number", printed, others[noun])
    return None


# A figure within a few words after a noun: "jumlah peserta aksi sekitar 1.500".
_FIGURE_AFTER = (
    r"((?:\s+\w+){0,3}?)\s+(?:(?:sekitar|mencapai|sebanyak|sedikitnya|hanya|lebih dari)\s+)?"
    r"(\d[\d.,]*(?:\s+(?:ribu|juta))?)"
)


_CLOCK_WORDS = words_of("clock_nouns") | words_of("date_nouns")  # "pukul 19.52", "tahun 2023"


def _other_count(a: str, b: str, named: Iterable[str]) -> tuple[str, str, str] | None:
    """("number", a's figure, b's figure) when both sentences give a figure right after a
    word the question names ("jumlah peserta mencapai 3.000" against "jumlah peserta aksi
    sekitar 1.500") and the figures differ, for one thing: "jumlah korban tewas 5" and
    "jumlah korban luka 12" count two."""
    for word in named:
        pattern = re.compile(rf"(?i)\b{re.escape(word)}\w*{_FIGURE_AFTER}")
        found_a, found_b = pattern.search(a), pattern.search(b)
        if (
            found_a
            and found_b
            and not any(_CLOCK_WORDS.intersection(words(f.group(1))) for f in (found_a, found_b))
        ):
            # ("gempa terjadi pukul 19.52" gives a clock time, no count to set against
            # "gempa bermagnitudo 6,1")
            value_a, value_b = words(found_a.group(2)), words(found_b.group(2))
            thing_a = evidence.measured_words(words(found_a.group(1)))
            thing_b = evidence.measured_words(words(found_b.group(1)))
            if value_a and value_b and value_a[0] != value_b[0] and not evidence.two_things(thing_a, thing_b):
                return ("number", found_a.group(2), found_b.group(2))
    return None


def _answer_value(s: Sentence, around: frozenset[str], asked: str, told: Told) -> tuple[str, str, str] | None:
    """(value, as printed, what it counts) of the first date (for DATE) or count of the
    counted noun or a classifier (for NUMBER) whose clause holds a word of the question that
    is no name and not what it counts; in a sentence holding the happening, in a paragraph
    (`around`, its stems) holding the names and things asked about."""
    held = s.resolved | s.terms
    if told.verbs and not told.verbs.told_in(held):
        return None  # another happening
    asked_names = {stem for name in told.names for stem in name.stems}
    # A sentence naming other people tells of them unless it names the one asked itself
    # ("Dimas ... meninggal Sabtu (8/11)" is not Nayla's death, whoever its paragraph names).
    others = any(w not in asked_names for w in s.facts.names)
    if any(not name.told_in(held if others else around) for name in told.names):
        return None  # another person's happening
    if any(not thing.told_in(around) for thing in told.things):
        return None  # "longsor ... menewaskan lima orang" counts no flood's dead
    if asked == DATE and not told.repeat and not _REPEATS.isdisjoint(w.lower() for w in words(s.text)):
        return None  # "gempa susulan", "sidang lanjutan": another occurrence than the one asked
    spans = evidence.clauses(s.text)
    # no verb to hold the happening: its noun must be in the clause giving the date
    needed = told.things if asked == DATE and told.things and not told.verbs else ()
    if asked == DATE:
        values = [(key, printed, at, "") for key, printed, at in evidence.calendar_dates(s.text)]
    else:
        things = {told.counted, *_CLASSIFIERS} - {""}
        values = [
            (value, printed, at, _counted_thing(s.text, thing, printed, at))
            for thing, value, printed, at in evidence.counts(s.text)
            if thing in things
        ]
    for key, printed, at, thing in values:
        number, (start, end) = next(
            (i, span) for i, span in enumerate(spans) if span[0] <= at < span[1] or at < span[0]
        )
        if (
            number
            and _ADJUNCT.fullmatch(s.text, start, at)
            and _TIME_ONLY.fullmatch(s.text, at + len(printed), end)
        ):
            # "Nayla mengembuskan napas terakhir di RSUD, Minggu (2/11) sekitar pukul 23.40": a
            # date set off by a comma dates the clause before it.
            start = spans[number - 1][0]
        clause = {told.stem(w) for w in words(s.text[start:end].lower()) if w not in thing.split()}
        if told.forms.told_in(clause) and all(t.told_in(clause) for t in needed):
            return key, printed, thing
    return None


def _counted_thing(text: str, thing: str, printed: str, at: int) -> str:
    """What a count counts: the noun, or a classifier with the noun after it ("dua orang
    pedagang" counts "orang pedagang"; "empat orang meninggal" counts "orang")."""
    if thing not in _CLASSIFIERS:
        return thing
    after = words(text[at + len(printed) :].lower())[:1]
    noun = after[0] if after else ""
    if noun and noun.isalpha() and not _is_verb_form(noun) and noun not in stopwords():
        return f"{thing} {noun}"
    return thing


def _is_verb_form(word: str) -> bool:
    """A word that reads as a verb ("meninggal", "dirawat", "tewas"), not a noun."""
    return word.startswith(("me", "di", "ber", "ter")) or word in _BASE_VERBS


def _other_answer(
    a: Sentence, b: Sentence, around_a: frozenset[str], around_b: frozenset[str], asked: str, told: Told
) -> tuple[str, str, str] | None:
    """("date"|"number", a's value, b's value) when two outlets' answers to one question give
    another date of the same precision ("Maret 2026" against "Januari 2026") or another count
    of the same thing ("tiga helikopter" against "empat helikopter") in the clause that
    tells what is asked, and neither sentence prints the other's value."""
    if asked == DATE and yesno.planned(a.text) != yesno.planned(b.text):
        return None  # the day it was planned for and the day it happened date two things
    found_a = _answer_value(a, around_a, asked, told)
    found_b = _answer_value(b, around_b, asked, told)
    if found_a is None or found_b is None or found_a[0] == found_b[0] or found_a[2] != found_b[2]:
        return None
    if asked == DATE:
        if len(found_a[0].split("/")[1]) != len(found_b[0].split("/")[1]):
            return None  # a day of a month and a month of a year are no two answers to compare
        keys_a = {key for key, _, _ in evidence.calendar_dates(a.text)}
        keys_b = {key for key, _, _ in evidence.calendar_dates(b.text)}
        if found_a[0] in keys_b or found_b[0] in keys_a:
            return None  # "banjir kembali melanda Kamis (6/11), tiga hari setelah ... Senin (3/11)"
    return ("date" if asked == DATE else "number", found_a[1], found_b[1])


def _other_age(a: str, b: str, named: Iterable[str] = ()) -> tuple[str, str, str] | None:
    """("age", a's, b's) when both sentences print an age in brackets after one name
    ("Hendra Kurniawan (46)" against "Hendra Kurniawan (44)") and the ages differ. Asked of a
    person by name, only that person's ("Nayla (7)" beside "Muhammad Alif (9)" is no age of
    his); asked by a role ("the driver"), the ages of any one name both sentences print."""
    ages_a, ages_b = evidence.ages(a), evidence.ages(b)
    asked = [w for w in named if w in ages_a or w in ages_b]
    for word in asked or ages_a:
        if word in ages_a and word in ages_b and ages_a[word] != ages_b[word]:
            return ("age", ages_a[word], ages_b[word])
    return None


def _other_total(a: Sentence, b: Sentence, counted: str) -> tuple[str, str, str] | None:
    """("number", a's figure, b's figure) when both sentences count the thing the question
    counts ("200 warga" against "150 warga") and the figures differ."""
    figure_a = next(((v, p) for thing, v, p in a.facts.numbers if thing == counted), None)
    figure_b = next(((v, p) for thing, v, p in b.facts.numbers if thing == counted), None)
    if figure_a and figure_b and figure_a[0] != figure_b[0]:
        return ("number", figure_a[1], figure_b[1])
    return None


# A quotation closed by a verb of saying whose speaker is the one told of before: '...,"
# katanya.', '..." ujar dia.'
_SAID_BY_THEM = re.compile(
    r"[\"”]\s*,?\s*(?:kata|ujar|tutur|tegas|jelas|imbuh|tambah|ucap|sebut|lanjut|ungkap|terang)(?:nya|\s+(?:dia|ia|beliau))\W*$"
)
_CLASSIFIERS = words_of("count_classifiers")
# The verbs that attribute a statement to somebody: the roots of saying but those that are
# happenings too ("korban bertambah", "polisi mengungkap kasus"), and "menyatakan".
_ATTRIBUTING = (*(r for r in evidence.SAYING_ROOTS if r not in {"tambah", "ungkap"}), "menyatakan")
_BASE_VERBS = words_of("base_verbs")
# Words of another occurrence than the first ("gempa susulan", "sidang lanjutan", "banjir
# kembali melanda"): a date of it is no other date of the first.
_REPEATS = words_of("repeat_words")
_HAPPENING = words_of("happening_verbs")
# What may stand before a date that opens a clause of its own: nothing, or a preposition;
# and all that may follow it for the clause to be only that date ("Minggu (2/11) sekitar
# pukul 23.40 WIB", not "Senin (3/11) ia sempat dirawat").
_ADJUNCT = re.compile(rf"\s*(?:(?:{'|'.join(sorted(words_of('date_adjunct_openers')))})\s+)?")
_TIME_ONLY = re.compile(
    rf"(?:[\s\d.:,()/-]|\b(?:{'|'.join(sorted(words_of('time_of_day_words')))})\b)*", re.IGNORECASE
)


@dataclass(frozen=True)
class Told:
    """What tells that an outlet's sentence answers the question compared: the stems of the
    question's words that are no names, in any form (a clause giving the value holds one);
    for a date, its verb's (the sentence tells the happening dated); each name's and each
    thing's (the paragraph holds them); the noun counted; and
    whether the question itself asks about a repeat."""

    forms: Wording
    verbs: Wording
    names: tuple[Wording, ...]
    things: tuple[Wording, ...]
    counted: str
    repeat: bool
    stem: Callable[[str], str]


@dataclass(frozen=True)
class Wording:
    """The ways of saying some question words: their stems, other spellings and synonyms, and
    synonyms of several words ("mengembuskan napas terakhir" for "meninggal")."""

    stems: frozenset[str]
    phrases: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, terms: Iterable[Term]) -> Wording:
        terms = list(terms)
        return cls(
            frozenset(form for t in terms for form in (*t.parts, *t.equivalents, *t.alternatives)),
            tuple(p for t in terms for p in t.phrases),
        )

    def __bool__(self) -> bool:
        return bool(self.stems or self.phrases)

    def told_in(self, stems: Set[str]) -> bool:
        """True when the stems say one of these words, or the whole of one phrase."""
        return not self.stems.isdisjoint(stems) or any(p <= stems for p in self.phrases)


def _flat(shown: Iterable[tuple[Quote, ...]]) -> tuple[Quote, ...]:
    """The quotes of several groups in order, each group's context sentence before its quote."""
    return tuple(quote for group in shown for quote in group)


def _printed(group: Group, shown: set[int]) -> bool:
    """True when a sentence of the group is already in the reply."""
    return any(c.sentence in shown for c in group)


def _unique(ids: Iterable[str]) -> list[str]:
    """The ids in order, each once."""
    return list(dict.fromkeys(ids))
