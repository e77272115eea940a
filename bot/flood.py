"""Flood control: at most N updates per sender in any minute, then one warning, then silence."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from enum import Enum


class Verdict(Enum):
    """What to do with one incoming question."""

    ALLOW = "allow"  # answer it
    WARN = "warn"  # over the limit: say "slow down" once
    IGNORE = "ignore"  # over the limit and already warned: stay silent


class FloodGate:
    """A sliding window of the times each person asked; refused questions are not counted."""

    def __init__(
        self,
        limit: int,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._asked: dict[Hashable, deque[float]] = {}
        self._warned: dict[Hashable, float] = {}
        self._checks = 0

    def check(self, person: Hashable, allowance: int = 1) -> Verdict:
        """Whether `person` (any key: a sender, or a sender and a kind of update) may go on now,
        within `allowance` times the limit; an allowed update is counted against it."""
        now = self._clock()
        self._checks += 1
        if self._checks % 1000 == 0:
            self._forget_idle(now)
        asked = self._asked.setdefault(person, deque())
        while asked and asked[0] <= now - self.window:
            asked.popleft()
        if len(asked) < self.limit * allowance:
            asked.append(now)
            return Verdict.ALLOW
        warned = self._warned.get(person)
        if warned is not None and now - warned < self.window:
            return Verdict.IGNORE
        self._warned[person] = now
        return Verdict.WARN

    def shared(self, count: int, allowance: int = 1) -> Verdict:
        """The verdict on an update that makes `count` in the window over every process sharing
        the database: allowed up to the limit, one warning just past it, then silence."""
        limit = self.limit * allowance
        if count <= limit:
            return Verdict.ALLOW
        return Verdict.WARN if count == limit + 1 else Verdict.IGNORE

    def _forget_idle(self, now: float) -> None:
        # Without this, every person who ever asked would keep an entry for the process's life.
        for person in [p for p, asked in self._asked.items() if not asked or asked[-1] <= now - self.window]:
            del self._asked[person]
        for person in [p for p, at in self._warned.items() if at <= now - self.window]:
            del self._warned[person]
