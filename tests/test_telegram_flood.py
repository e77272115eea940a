"""Per-person flood control, on a clock the test moves by hand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.flood import FloodGate, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_over_the_limit_one_warning_then_silence_until_the_minute_passes():
    clock = Clock()
    gate = FloodGate(3, clock=clock)
    assert [gate.check(1) for _ in range(3)] == [Verdict.ALLOW] * 3
    assert gate.check(1) is Verdict.WARN
    clock.now += 30
    assert [gate.check(1) for _ in range(5)] == [Verdict.IGNORE] * 5
    assert gate.check(2) is Verdict.ALLOW  # another person is not affected
    clock.now += 30.5  # the first three questions are now over a minute old
    assert gate.check(1) is Verdict.ALLOW


def test_ignored_questions_do_not_count():
    clock = Clock()
    gate = FloodGate(2, clock=clock)
    gate.check(1), gate.check(1), gate.check(1)  # allow, allow, warn
    for _ in range(100):
        clock.now += 0.5
        gate.check(1)  # ignored while spamming for 50 s
    clock.now += 11
    assert gate.check(1) is Verdict.ALLOW


def test_idle_people_are_forgotten():
    clock = Clock()
    gate = FloodGate(5, clock=clock)
    for person in range(999):
        gate.check(person)
    clock.now += 61
    gate.check(-1)  # the thousandth check sweeps
    assert len(gate._asked) == 1


@given(st.lists(st.floats(0, 5), max_size=200), st.integers(1, 10))
def test_never_more_than_the_limit_in_any_minute(gaps, limit):
    clock = Clock()
    gate = FloodGate(limit, clock=clock)
    allowed: list[float] = []
    warnings: list[float] = []
    for gap in gaps:
        clock.now += gap
        verdict = gate.check(1)
        if verdict is Verdict.ALLOW:
            allowed.append(clock.now)
        elif verdict is Verdict.WARN:
            warnings.append(clock.now)
    for t in allowed:
        assert sum(1 for u in allowed if t - 60 < u <= t) <= limit
    for t in warnings:
        assert sum(1 for u in warnings if t - 60 < u <= t) == 1


def test_a_question_exactly_a_window_old_no_longer_counts():
    clock = Clock()
    gate = FloodGate(2, clock=clock)
    assert [gate.check(1), gate.check(1)] == [Verdict.ALLOW] * 2
    clock.now += 59.999
    assert gate.check(1) is Verdict.WARN
    clock.now = 1000.0 + 60.0  # the first two are exactly a minute old: out of the window
    assert gate.check(1) is Verdict.ALLOW


def test_inline_queries_get_a_larger_allowance_under_their_own_key():
    gate = FloodGate(2, clock=Clock())
    assert [gate.check(("inline", 1), 3) for _ in range(6)] == [Verdict.ALLOW] * 6
    assert gate.check(("inline", 1), 3) is Verdict.WARN
    assert gate.check(("question", 1)) is Verdict.ALLOW  # questions are counted apart
