"""The form of reply a question asks for: one fact (most questions), the gist of the story
("Ceritakan ...", "Apa yang terjadi?"), a timeline ("kronologinya?") or the outlets side by
side ("Apakah semua media sepakat soal ...?").

Read from the question's own words (index/data/closed_class.tsv: digest_words,
digest_phrases, timeline_words, compare_words, reporting_nouns), typed or standardised;
nothing here knows any event. The words that only ask for the form are not topic words: they
are returned so question understanding can leave them out of the search.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.closed_class import words_of
from index.general import is_common_indonesian, is_international
from index.stemmer import stopwords

FACT, DIGEST, TIMELINE, COMPARE = "fact", "digest", "timeline", "compare"

_DIGEST = words_of("digest_words")
_DIGEST_PHRASES = tuple(p.split() for p in words_of("digest_phrases"))
# The phrases by their first word: a question is only matched against those it could hold.
_PHRASES_BY_FIRST: dict[str, tuple[list[str], ...]] = {}
for _phrase in _DIGEST_PHRASES:
    _PHRASES_BY_FIRST[_phrase[0]] = (*_PHRASES_BY_FIRST.get(_phrase[0], ()), _phrase)
_TIMELINE = words_of("timeline_words")
_COMPARE = words_of("compare_words")
_REPORTING = words_of("reporting_nouns")
_VERSION = words_of("version_words")
# Who may have a version of their own that is no outlet's: a body or a person.
_PARTIES = words_of("institution_nouns") | words_of("role_nouns") | words_of("person_nouns")
_YESNO_TAGS = words_of("yesno_tags")
_FILLERS = words_of("digest_fillers")
# Words before "apa saja yang ..." that name no kind of thing: openers ("jadi apa saja ...")
# and times ("kemarin apa saja ...").
_OPENERS = frozenset(
    {"jadi", "terus", "trus", "lalu", "kemudian", "sebenarnya", "kira", "sebetulnya", "nah"}
    | {"kemarin", "tadi", "hari", "sekarang", "kini", "minggu", "pekan", "bulan", "tahun"}
)


def _names_a_kind(word: str) -> bool:
    """True when a word before "apa saja" names a kind of thing: an everyday Indonesian word
    ("pasal", "bantuan"), not a filler, an opener, a time, a function word or a name."""
    return (
        word not in _FILLERS
        and word not in _OPENERS
        and word not in stopwords()
        and is_common_indonesian(word)
        and not is_international(word)  # "Putin", "Jakarta": names as common in English
    )


_MOMENT = words_of("digest_moment")
# English verbs a contraction hides ("what's" is read as "what"): a phrase may go without them.
_CONTRACTED = frozenset({"is", "are", "has", "have"})
# What may stand between a digest phrase and a moment word ("apa yang terjadi pada saat ...").
_BEFORE_MOMENT = _FILLERS | words_of("digest_moment_lead")


_BEFORE_REPORTING = words_of("before_reporting")
_QUANTIFIERS = words_of("outlet_quantifiers")
_REPORTING_VERBS = words_of("reporting_verbs")


def _names_reporting(after: Sequence[str]) -> bool:
    """True when the words after "sama" go on to the outlets through a preposition or a
    quantifier ("di semua media", "antar sumber"); "sama media" is "with the media"."""
    if not after or after[0] not in _BEFORE_REPORTING:
        return False
    for word in after[1:]:
        if word in _REPORTING:
            return True
        if word not in _BEFORE_REPORTING:
            return False
    return False


# "... bisa ...", "... sampai ...": after "gimana ceritanya", how one thing came about.
HOW_COME = frozenset({"bisa", "bs", "sampai", "sampe", "smpe", "dapat", "could", "can"})
# "sama", "sama-sama", "sama dalam": alike, before what the outlets report.
_ALIKE = frozenset({"sama", "dalam"})


def _every_outlet(words: Sequence[str]) -> frozenset[str]:
    """The words asking what each outlet says, where a quantifier stands before the outlets
    and the question goes on with what they report ("semua media menyebut ...", "all (of) the
    outlets say ...") or opens with them ("Menurut kedua sumber, ..."); else none. Not "seluruh
    sumber daya", "semua laporan warga", "semua media boleh meliput": a quantifier before
    such a noun asks about something else."""
    for i, word in enumerate(words[:-1]):
        if word not in _QUANTIFIERS:
            continue
        at = i + 1
        while at < len(words) and words[at] in ("of", "the", "para"):
            at += 1  # "all of the outlets", "semua para ..."
        if at >= len(words) or words[at] not in _REPORTING:
            continue
        verb_at = at + 1
        while verb_at < len(words) - 1 and (words[verb_at] in _COMPARE or words[verb_at] in _ALIKE):
            # "semua media kompak menyebut ...", "semua media sama dalam menyebut ...":
            # agreeing, then what they report
            verb_at += 1
        after = words[verb_at] if verb_at < len(words) else ""
        # what the outlets do with it: a verb of reporting, or any active verb ("semua media
        # memuat ...", "all outlets put the toll at ...")
        reporting = after in _REPORTING_VERBS or (after.startswith("me") and len(after) > 4)
        according = i > 0 and words[i - 1] in ("menurut", "to")  # "according to all sources"
        if reporting or according:
            asking = set(words[i:verb_at]) | ({after} if after in _REPORTING_VERBS else set())
            return frozenset(asking)
    return frozenset()


def _phrase_at(tokens: Sequence[str], phrase: list[str]) -> int:
    """The position where `phrase` starts in `tokens`, or -1."""
    n = len(phrase)
    for i in range(len(tokens) - n + 1):
        if list(tokens[i : i + n]) == phrase:
            return i
    return -1


def _digest_phrase_end(tokens: Sequence[str], phrase: list[str]) -> int:
    """The position after `phrase` in `tokens`, its words in order with only fillers between
    them ("apa yang sebenarnya terjadi"), or -1."""
    for i, t in enumerate(tokens):
        if t != phrase[0]:
            continue
        at, j = 1, i + 1
        while at < len(phrase) and j < len(tokens):
            if tokens[j] == phrase[at]:
                at += 1
            elif phrase[at] in _CONTRACTED:
                at += 1  # "what's going on": the "is" was typed as "'s"
                continue
            elif tokens[j] not in _FILLERS:
                break
            j += 1
        if at == len(phrase):
            return j
    return -1


def reply_form(typed: Sequence[str], tokens: Sequence[str], outlets: int = 0) -> tuple[str, frozenset[str]]:
    """(form, the words that only ask for it). `typed` are the words as typed (lowercase),
    `tokens` the same in standard Indonesian; a form's words are looked for in both.
    `outlets` is how many outlets the question names ("Apakah Kompas dan DW sepakat ...?"
    compares them)."""
    both = (tokens, typed)
    timeline = {t for words in both for t in words if t in _TIMELINE}
    if timeline:
        # "urutan kejadiannya": "kejadian" only says "of events".
        return TIMELINE, frozenset(timeline | {"kejadian", "peristiwa", "events", "event"})
    differ = {t for words in both for t in words if t in _COMPARE}
    for words in both:
        # "the same number?" asks whether they agree; "the same source" names one outlet.
        differ |= {
            "same"
            for i, t in enumerate(words)
            if t == "same" and (i == len(words) - 1 or words[i + 1] not in _REPORTING)
        }
        # "angkanya sama?", "sama gak?": "sama" asks whether they agree where it ends the
        # question or a yes/no tag follows it ("ketemu sama Putin" is "with").
        differ |= {
            "sama"
            for i, t in enumerate(words)
            if t == "sama"
            and (
                i == len(words) - 1
                or words[i + 1] in _YESNO_TAGS
                # "sama di semua media?", "sama menurut media?" ("sama siapa" is "with whom")
                or _names_reporting(words[i + 1 : i + 4])
                # "Apakah semua media sama soal ...?": every outlet, named just before it
                or (i > 1 and words[i - 2] in _QUANTIFIERS and words[i - 1] in _REPORTING)
            )
        }
    reporting = {t for words in both for t in words if t in _REPORTING}
    # ("angka kerugian versi pemerintah kota": a party's own figure, no outlets compared)
    versions = (
        _VERSION & reporting
        and len(tokens) > 1
        and not any(
            t in _VERSION and not _PARTIES.isdisjoint(words[i + 1 : i + 3])  # "versi resmi pemerintah"
            for words in both
            for i, t in enumerate(words)
        )
    )
    every = _every_outlet(tokens) | _every_outlet(typed)
    if (differ and (reporting or outlets > 0)) or versions or every:
        return COMPARE, frozenset(differ | reporting | every | {"semua", "all", "masing", "setiap"})
    digest = {t for words in both for t in words if t in _DIGEST}
    for words in both:
        for phrase in (p for first in dict.fromkeys(words) for p in _PHRASES_BY_FIRST.get(first, ())):
            end = _digest_phrase_end(words, phrase)
            while 0 <= end < len(words) and words[end] in _BEFORE_MOMENT:
                end += 1
            if end >= 0 and not (end < len(words) and words[end] in _MOMENT):
                # "Apa yang terjadi saat pesawat mendarat?" asks about one moment: a fact.
                if "ceritanya" in phrase and HOW_COME.intersection(words[end:]):
                    # "gimana ceritanya bocah itu bisa bertahan di laut?": how one thing came
                    # about, a fact, not the whole story
                    continue
                digest |= set(phrase) | (_FILLERS & set(words))
        # "Apa saja yang dibahas?": everything a verb names, not one fact. The verb stays a
        # topic word; "apa saja yang" only asks for the gist.
        # "Pasal apa saja yang dilanggar?" asks which articles of law: a list of things of one
        # kind, a fact; "Kemarin apa saja yang dibahas?", "Kim dan Putin apa saja yang
        # dibahas?" ask for everything (a time, a name before it names no kind).
        at = _phrase_at(words, ["apa", "saja", "yang"])
        if (
            at >= 0
            and at + 3 < len(words)
            and words[at + 3].startswith(("di", "ter", "ber", "me"))
            and (at == 0 or not _names_a_kind(words[at - 1]))
        ):
            digest |= {"apa", "saja", "yang"}
    if digest:
        return DIGEST, frozenset(digest)
    return FACT, frozenset()
