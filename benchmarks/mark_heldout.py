"""Marks every fourth question of an evaluation file as held out (`split = "heldout"`).

Run once on a freshly written tuning file, before anyone reads its questions against the
bot's answers: `python benchmarks/mark_heldout.py tests/eval/gempa.toml`. The choice is by
position (the 4th, 8th, 12th... question), so it is not a choice of easy or hard questions;
the writers order questions by kind, so each kind gives about a quarter.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def mark(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    if re.search(r'^split\s*=', text, re.MULTILINE):
        raise SystemExit(f"{path}: already split")
    pieces = re.split(r"(?m)^(?=\[\[question\]\]\s*$)", text)
    marked = 0
    for n, piece in enumerate(pieces[1:], start=1):
        if n % 4 == 0:
            pieces[n] = piece.replace("[[question]]\n", '[[question]]\nsplit = "heldout"\n', 1)
            marked += 1
    path.write_text("".join(pieces), encoding="utf-8")
    return marked


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, mark(Path(name)), "held out")
