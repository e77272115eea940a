"""Scores the answering object on an evaluation set: top-1, top-3, and how it declines."""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.answers import Answer, Kind, Quote
from index.text import words

if TYPE_CHECKING:
    from index.answerer import Answerer


class EvalError(Exception):
    """An evaluation file that cannot be read; the message names it."""


SPLITS = ("tuning", "heldout")
FORMS = ("fact", "gist", "timeline", "outlet", "compare", "yesno", "why", "how", "said", "followup")
LEADS = ("", "ya", "tidak")


@dataclass(frozen=True)
class Item:
    """One evaluation question: the fact its answer must hold, or that it must be declined."""

    question: str
    kind: str
    expect: tuple[str, ...]
    decline: bool
    split: str = "tuning"  # "tuning" or "heldout": held-out questions are not studied one by one
    tag: str = ""  # what it asks (when, number, why, outlet...), as the writer labelled it
    # The shape of reply asked for (issue "the questions people ask first"): "fact" (one
    # fact), "gist", "timeline", "outlet", "compare", "yesno", "why", "how", "said",
    # "followup". Scored by `_right` below.
    form: str = "fact"
    outlet: str = ""  # form "outlet": the source id the question names
    reports: bool = True  # form "outlet": False when that outlet does not report it
    differ: bool | None = None  # form "compare": whether the outlets give different values
    lead: str = ""  # form "yesno": "ya"/"tidak" when the settling sentence states it plainly
    previous: str = ""  # form "followup": the question asked before
    clarify: bool = False  # form "followup": nothing to follow, the bot must ask what is meant


@dataclass
class Outcome:
    """How one item went."""

    item: Item
    top1: bool = False
    top3: bool = False
    declined: bool = False
    first: str = ""

    @property
    def ok(self) -> bool:
        """True when the item was declined as it should be, or answered right first."""
        return self.declined if self.item.decline else self.top1


@dataclass
class Row:
    """Totals for one kind of question."""

    kind: str
    questions: int = 0
    answerable: int = 0
    top1: int = 0
    top3: int = 0
    declined_correctly: int = 0
    declined_wrongly: int = 0
    answered_wrongly: int = 0
    must_decline: int = 0


@dataclass
class Report:
    """Every outcome, with totals by kind and overall."""

    path: Path
    outcomes: list[Outcome] = field(default_factory=list)

    def rows(self) -> list[Row]:
        """One row per kind, then the total."""
        by_kind: dict[str, Row] = {}
        total = Row("total")
        for o in self.outcomes:
            for row in (by_kind.setdefault(o.item.kind, Row(o.item.kind)), total):
                row.questions += 1
                if o.item.decline:
                    row.must_decline += 1
                    if o.declined:
                        row.declined_correctly += 1
                    else:
                        row.answered_wrongly += 1
                else:
                    row.answerable += 1
                    row.top1 += o.top1
                    row.top3 += o.top3
                    if o.declined:
                        row.declined_wrongly += 1
                    elif not o.top3:
                        row.answered_wrongly += 1
        return [*sorted(by_kind.values(), key=lambda r: r.kind), total]

    def total(self) -> Row:
        """The overall row."""
        return self.rows()[-1]

    def failures(self) -> list[Outcome]:
        """The items answered wrongly or declined wrongly."""
        return [o for o in self.outcomes if not o.ok]

    def to_json(self) -> dict[str, object]:
        """The report as plain data."""
        return {
            "file": str(self.path),
            "rows": [vars(r) for r in self.rows()],
            "failures": [
                {"question": o.item.question, "expect": list(o.item.expect), "first": o.first}
                for o in self.failures()
            ],
        }


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{path}: {what} file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: not a valid TOML file ({exc})") from None


def load_items(path: Path) -> list[Item]:
    """The questions of an evaluation file (TOML, [[question]] tables)."""
    data = _read_toml(path, "evaluation")
    default_split = data.get("split", "tuning")
    if default_split not in SPLITS:
        raise EvalError(f"{path}: split must be one of {', '.join(SPLITS)}, got {default_split!r}")
    items = []
    for number, entry in enumerate(data.get("question", []), start=1):
        question = entry.get("q")
        expect = entry.get("expect", [])
        clarify = bool(entry.get("clarify", False))
        decline = bool(entry.get("decline", False)) or clarify
        if not isinstance(question, str) or not question.strip():
            raise EvalError(f"{path}: question #{number} has no `q`")
        if not decline and not expect:
            raise EvalError(f"{path}: question #{number} has neither `expect` nor `decline = true`")
        split = entry.get("split", default_split)
        if split not in SPLITS:
            raise EvalError(f"{path}: question #{number}: split must be one of {', '.join(SPLITS)}")
        kind = str(entry.get("kind", "other"))
        if clarify and not entry.get("previous"):
            raise EvalError(f"{path}: question #{number}: `clarify` needs `previous`")
        differ = entry.get("differ")
        form, lead = str(entry.get("form", "fact")), str(entry.get("lead", ""))
        if form not in FORMS:
            known = ", ".join(FORMS)
            raise EvalError(f"{path}: question #{number}: form must be one of {known}, got {form!r}")
        if lead not in LEADS:
            raise EvalError(f'{path}: question #{number}: lead must be "ya" or "tidak", got {lead!r}')
        items.append(
            Item(
                question,
                kind,
                tuple(expect),
                decline,
                split,
                str(entry.get("tag", "")),
                form=form,
                outlet=str(entry.get("outlet", "")),
                reports=bool(entry.get("reports", True)),
                differ=None if differ is None else bool(differ),
                lead=lead,
                previous=str(entry.get("previous", "")),
                clarify=clarify,
            )
        )
    if not items:
        raise EvalError(f"{path}: no [[question]] entries")
    return items


def _holds(text: str, expect: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(e.casefold() in folded for e in expect)


def _read(quotes: tuple[Quote, ...]) -> list[Quote]:
    """The quotes as a reader sees them: a context sentence joined to the quote it introduces."""
    joined: list[Quote] = []
    waiting = ""
    for q in quotes:
        if q.context:
            waiting = f"{waiting} {q.text}".strip()
            continue
        joined.append(replace(q, text=f"{waiting} {q.text}".strip()) if waiting else q)
        waiting = ""
    return joined


# Lines of page furniture that must never be quoted in a digest or a timeline.
_FURNITURE = re.compile(
    r"(?i)\b(baca juga|advertisement|scroll to continue|editor\s*:|penulis\s*:|"
    r"foto\s*:|\(dok\.|ilustrasi|simak juga|lihat juga)"
)


def _near_duplicates(texts: list[str]) -> bool:
    """True when two quotes say nearly the same in nearly the same words."""
    bags = [set(words(t)) for t in texts]
    for a, b in itertools.combinations(bags, 2):
        if a and b and len(a & b) / min(len(a), len(b)) >= 0.8:
            return True
    return False


def _right(item: Item, answer: Answer, quotes: list[Quote], outlets: int) -> tuple[bool, bool]:
    """(right first, right in the first three) for an answerable item, by the form it asks.

    `outlets` is how many outlets report what the item asks about: a gist or a timeline must
    cite three of them where three do, a comparison two."""
    texts = [q.text for q in quotes]
    cited = {i for q in quotes for i in q.sources}
    anywhere = any(_holds(t, item.expect) for t in texts)
    if item.form in ("gist", "timeline"):
        wanted = Kind.DIGEST if item.form == "gist" else Kind.TIMELINE
        ok = (
            answer.kind is wanted
            and len(cited) >= min(3, outlets)
            and not _near_duplicates(texts)
            and not any(_FURNITURE.search(t) for t in texts)
            and anywhere
        )
        if ok and item.form == "timeline":
            days = [q.day for q in answer.sentences if q.day]
            ok = days == sorted(days)
        return ok, ok
    if item.form == "compare":
        ok = answer.kind is Kind.COMPARISON and len(cited) >= min(2, outlets) and anywhere
        if ok and item.differ is not None:
            ok = bool(answer.disagreements) == item.differ
        return ok, ok
    top1 = bool(texts) and _holds(texts[0], item.expect)
    top3 = any(_holds(t, item.expect) for t in texts[:3])
    if item.form == "outlet":
        if item.reports:
            first_cites = bool(quotes) and item.outlet in quotes[0].sources
            top1 = top1 and first_cites
        else:
            top1 = top1 and any(n.key == "outlet_silent" for n in answer.notes)
    if item.form == "yesno" and answer.lead and item.lead and answer.lead != item.lead:
        top1 = top3 = False  # a "ya" where the sources say "tidak" is wrong, whatever it quotes
    return top1, top3


def evaluate(answerer: Answerer, path: Path | None = None, split: str | None = None) -> Report:
    """Ask every question of the file (default: the one the corpus names), or only those of
    one split, and score the answers."""
    if path is None:
        path = answerer.corpus.event.eval_file
        if path is None:
            raise EvalError("this corpus names no evaluation file; give one with --questions FILE")
    report = Report(path=path)
    articles = [(a.source.outlet, a.raw.casefold()) for a in answerer.corpus.articles]
    for item in load_items(path):
        if split is not None and item.split != split:
            continue
        # The outlets that report it: those printing one of the phrases its answer holds.
        reporting = {outlet for outlet, raw in articles if any(e.casefold() in raw for e in item.expect)}
        outlets = len(reporting) or len({outlet for outlet, _ in articles})
        previous = None
        if item.previous:
            # As an interface does: a follow-up reads the question before only when that
            # question was answered.
            before = answerer.answer(item.previous)
            previous = before.topic if before.answered else None
        answer = answerer.answer(item.question, previous)
        quotes = _read((*answer.sentences, *answer.more))
        declined = answer.kind is Kind.CLARIFY if item.clarify else not answer.answered
        outcome = Outcome(item=item, declined=declined, first=quotes[0].text if quotes else "")
        if answer.answered and not item.decline:
            outcome.top1, outcome.top3 = _right(item, answer, quotes, outlets)
        report.outcomes.append(outcome)
    return report


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def format_report(report: Report) -> str:
    """The report as a table for people, followed by the questions that went wrong."""
    header = (
        f"{'kind':<10} {'n':>4} {'top-1':>7} {'top-3':>7} {'declined ok':>12} "
        f"{'declined wrongly':>17} {'answered wrongly':>17}"
    )
    lines = [f"Evaluation: {report.path}", header, "-" * len(header)]
    for r in report.rows():
        lines.append(
            f"{r.kind:<10} {r.questions:>4} {_pct(r.top1, r.answerable):>7} "
            f"{_pct(r.top3, r.answerable):>7} "
            f"{f'{r.declined_correctly}/{r.must_decline}':>12} "
            f"{r.declined_wrongly:>17} {r.answered_wrongly:>17}"
        )
    failures = report.failures()
    if failures:
        lines += ["", "Not right:"]
        for o in failures:
            want = "decline" if o.item.decline else " | ".join(o.item.expect)
            got = "declined" if o.declined else o.first[:120]
            lines.append(f"  - {o.item.question!r}: want {want}; got {got}")
    return "\n".join(lines)


# -- the suite: every evaluation set with its corpus, tuning and held-out apart ------------


@dataclass(frozen=True)
class EvalSet:
    """One evaluation file and the corpus it asks about."""

    name: str
    corpus: Path
    questions: Path


def load_suite(path: Path) -> list[EvalSet]:
    """The evaluation sets a suite file lists (TOML, [[set]] tables with name, corpus, questions;
    paths relative to the suite file)."""
    data = _read_toml(path, "suite")
    sets = []
    for number, entry in enumerate(data.get("set", []), start=1):
        try:
            sets.append(
                EvalSet(
                    str(entry["name"]),
                    (path.parent / entry["corpus"]).resolve(),
                    (path.parent / entry["questions"]).resolve(),
                )
            )
        except KeyError as exc:
            raise EvalError(f"{path}: set #{number} has no {exc.args[0]!r}") from None
    if not sets:
        raise EvalError(f"{path}: no [[set]] entries")
    return sets


@dataclass
class SuiteReport:
    """The reports of every set of a suite, read by split."""

    reports: list[tuple[EvalSet, Report]]

    def rows(self, split: str, by: str, forms: frozenset[str] | None = None) -> list[Row]:
        """Rows for one split, one per corpus (`by="set"`), per kind (`by="kind"`: formal,
        informal, english, typo, decline) or per form (`by="form"`: fact, gist, timeline,
        outlet, ...), then the total; only the items of `forms` when given."""
        groups: dict[str, Report] = {}
        total = Report(path=Path("total"))
        for evalset, report in self.reports:
            for o in report.outcomes:
                if o.item.split != split or (forms is not None and o.item.form not in forms):
                    continue
                key = {"set": evalset.name, "kind": o.item.kind, "form": o.item.form}[by]
                groups.setdefault(key, Report(path=Path(key))).outcomes.append(o)
                total.outcomes.append(o)
        rows = []
        for key in sorted(groups):
            row = groups[key].total()
            row.kind = key
            rows.append(row)
        return [*rows, total.total()]

    def failures(self, split: str) -> list[tuple[str, Outcome]]:
        """The outcomes of one split that went wrong, with their set's name."""
        return [
            (evalset.name, o)
            for evalset, report in self.reports
            for o in report.failures()
            if o.item.split == split
        ]

    def to_json(self) -> dict[str, object]:
        """Both splits' rows by set and by kind (failures of the tuning split only)."""
        return {
            split: {
                "by_set": [vars(r) for r in self.rows(split, "set")],
                "by_kind": [vars(r) for r in self.rows(split, "kind")],
                "by_form": [vars(r) for r in self.rows(split, "form")],
            }
            for split in SPLITS
        } | {
            "tuning_failures": [
                {"set": name, "question": o.item.question, "expect": list(o.item.expect), "first": o.first}
                for name, o in self.failures("tuning")
            ]
        }


def evaluate_suite(path: Path, answerer_for: Callable[[Path], Answerer]) -> SuiteReport:
    """Every set of the suite scored, each on its own corpus's answerer."""
    answerers: dict[Path, Answerer] = {}
    reports = []
    for evalset in load_suite(path):
        if evalset.corpus not in answerers:
            answerers[evalset.corpus] = answerer_for(evalset.corpus)
        reports.append((evalset, evaluate(answerers[evalset.corpus], evalset.questions)))
    return SuiteReport(reports)


def _row_line(r: Row) -> str:
    return (
        f"{r.kind:<16} {r.questions:>4} {_pct(r.top1, r.answerable):>7} "
        f"{_pct(r.declined_wrongly, r.answerable):>9} "
        f"{_pct(r.declined_correctly, r.must_decline):>9} {_pct(r.top3, r.answerable):>7}"
    )


def format_suite(suite: SuiteReport, show_heldout: bool = False) -> str:
    """Tables by set and by kind, tuning and held-out apart; the tuning misses listed.

    Held-out misses are counted, not listed, unless `show_heldout`: they are not for
    studying one by one while changing the engine.
    """
    header = f"{'':<16} {'n':>4} {'top-1':>7} {'declined':>9} {'decl. ok':>9} {'top-3':>7}"
    note = (
        "top-1: first quote right, of answerable; declined: answerable declined; "
        "decl. ok: must-decline declined"
    )
    lines = [note]
    for split in SPLITS:
        for by in ("set", "kind", "form"):
            lines += ["", f"{split} by {by}", header, "-" * len(header)]
            lines += [_row_line(r) for r in suite.rows(split, by)]
    for split in SPLITS:
        failures = suite.failures(split)
        if split == "heldout" and not show_heldout:
            lines += ["", f"heldout: {len(failures)} not right (not listed: use --show-heldout)"]
            continue
        if failures:
            lines += ["", f"{split}: not right"]
            for name, o in failures:
                want = "decline" if o.item.decline else " | ".join(o.item.expect)
                got = "declined" if o.declined else o.first[:110]
                where = f"{name}/{o.item.kind}/{o.item.form}"
                lines.append(f"  - [{where}] {o.item.question!r}: want {want}; got {got}")
    return "\n".join(lines)
