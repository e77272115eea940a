"""Scores the answering object on an evaluation set: top-1, top-3, and how it declines."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.answerer import Answerer


class EvalError(Exception):
    """An evaluation file that cannot be read; the message names it."""


@dataclass(frozen=True)
class Item:
    """One evaluation question: the fact its answer must hold, or that it must be declined."""

    question: str
    kind: str
    expect: tuple[str, ...]
    decline: bool


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


def load_items(path: Path) -> list[Item]:
    """The questions of an evaluation file (TOML, [[question]] tables)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{path}: evaluation file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: not a valid TOML file ({exc})") from None
    items = []
    for number, entry in enumerate(data.get("question", []), start=1):
        question = entry.get("q")
        expect = entry.get("expect", [])
        decline = bool(entry.get("decline", False))
        if not isinstance(question, str) or not question.strip():
            raise EvalError(f"{path}: question #{number} has no `q`")
        if not decline and not expect:
            raise EvalError(f"{path}: question #{number} has neither `expect` nor `decline = true`")
        items.append(Item(question, str(entry.get("kind", "other")), tuple(expect), decline))
    if not items:
        raise EvalError(f"{path}: no [[question]] entries")
    return items


def _holds(text: str, expect: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(e.casefold() in folded for e in expect)


def evaluate(answerer: Answerer, path: Path | None = None) -> Report:
    """Ask every question of the file (default: the one the corpus names) and score the answers."""
    if path is None:
        path = answerer.corpus.event.eval_file
        if path is None:
            raise EvalError("this corpus names no evaluation file; give one with --questions FILE")
    report = Report(path=path)
    for item in load_items(path):
        answer = answerer.answer(item.question)
        quotes = [q.text for q in (*answer.sentences, *answer.more)][:3]
        outcome = Outcome(item=item, declined=not answer.answered, first=quotes[0] if quotes else "")
        if answer.answered and not item.decline:
            outcome.top1 = _holds(quotes[0], item.expect)
            outcome.top3 = any(_holds(q, item.expect) for q in quotes)
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
