"""The evaluation set holds the line: top-1 >= 95%, every off-topic question declined,
no answerable question declined, on the real corpus and on the second corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.answerer import Answerer
from index.evaluation import EvalError, evaluate, format_report, load_items

ROOT = Path(__file__).resolve().parent.parent


def test_the_evaluation_set_is_big_and_varied() -> None:
    items = load_items(ROOT / "tests/eval/questions.toml")
    kinds = {item.kind for item in items}
    assert len(items) >= 80
    assert {"formal", "informal", "english", "typo", "decline"} <= kinds
    assert sum(item.decline for item in items) >= 15
    assert len({item.question for item in items}) == len(items)


@pytest.mark.parametrize("fixture", ["answerer", "banjir_answerer"])
def test_scores_hold_the_line(fixture: str, request: pytest.FixtureRequest) -> None:
    report = evaluate(request.getfixturevalue(fixture))
    total = report.total()
    detail = format_report(report)
    assert total.top1 >= 0.95 * total.answerable, detail
    assert total.declined_correctly == total.must_decline, detail
    assert total.declined_wrongly == 0, detail


def test_a_broken_evaluation_file_is_named(tmp_path: Path, answerer: Answerer) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[question]]\nq = "Di mana?"\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.toml: question #1 has neither"):
        evaluate(answerer, bad)
