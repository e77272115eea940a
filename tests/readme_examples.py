"""The README's terminal examples, run for real.

A fenced block whose first line starts with `$ ` is an example: each `$ command` line is run
with bash from the repository's root (the venv's `python` first on PATH, a fresh DATA_DIR, no
token), and the lines up to the next `$ ` are what it prints: its output when it succeeds,
output and errors when it fails. A last line `...` means the rest is left out.

    .venv/bin/python tests/readme_examples.py          # lists the examples that differ
    .venv/bin/python tests/readme_examples.py --write  # puts what the commands print now
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MORE = "..."


@dataclass
class Example:
    line: int  # of the `$ command` line in the README, from 1
    command: str
    expected: list[str]

    @property
    def truncated(self) -> bool:
        return bool(self.expected) and self.expected[-1] == MORE


def examples(text: str) -> list[Example]:
    """Every `$ command` of every example block, with the lines it is shown printing."""
    found: list[Example] = []
    lines = text.splitlines()
    inside = False
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            if inside and block and block[0][1].startswith("$ "):
                for at, entry in block:
                    if entry.startswith("$ "):
                        found.append(Example(at, entry[2:], []))
                    else:
                        found[-1].expected.append(entry)
            inside, block = not inside, []
        elif inside:
            block.append((number, line))
    for example in found:
        while example.expected and not example.expected[-1].strip():
            example.expected.pop()
    return found


def run(command: str, data_dir: Path) -> list[str]:
    """What `command` prints, as the README shows it: output, plus errors when it fails."""
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "CORPUS_DIR"}}
    for name in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS"):  # a make inside `make test` is no sub-make
        env.pop(name, None)
    env |= {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        "DATA_DIR": str(data_dir),
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )
    printed = result.stdout if result.returncode == 0 else result.stdout + result.stderr
    return printed.rstrip().splitlines()


def differs(example: Example, printed: list[str]) -> bool:
    """Whether the README shows something else than `printed`."""
    if example.truncated:
        shown = example.expected[:-1]
        return printed[: len(shown)] != shown or len(printed) == len(shown)
    return printed != example.expected


def check(text: str) -> list[tuple[Example, list[str]]]:
    """The examples whose commands print something else now, with what they print."""
    wrong = []
    with tempfile.TemporaryDirectory() as data_dir:
        for example in examples(text):
            printed = run(example.command, Path(data_dir))
            if differs(example, printed):
                wrong.append((example, printed))
    return wrong


def rewrite(text: str, wrong: list[tuple[Example, list[str]]]) -> str:
    """`text` with each wrong example's lines replaced by what its command prints."""
    lines = text.splitlines()
    for example, printed in sorted(wrong, key=lambda pair: -pair[0].line):
        start = example.line  # index of the first line after `$ command`
        end = start + len(example.expected)
        shown = [*printed[: len(example.expected) - 1], MORE] if example.truncated else printed
        lines[start:end] = shown
    return "\n".join(lines) + "\n"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    wrong = check(text)
    for example, _ in wrong:
        print(f"README.md:{example.line}: $ {example.command}", file=sys.stderr)
    if "--write" in sys.argv[1:] and wrong:
        README.write_text(rewrite(text, wrong), encoding="utf-8")
        print(f"rewrote {len(wrong)} example(s)", file=sys.stderr)
        return 0
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
