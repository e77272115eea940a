"""The Makefile as a newcomer meets it: `make` lists the targets, a Python that is too old gets
one line, a venv made by another Python is made anew, `make run` installs no dev tools."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def fake_python(folder: Path, version: str) -> Path:
    """A stand-in interpreter that reports `version` and fails any version check."""
    path = folder / "python"
    path.write_text(f'#!/bin/sh\ncase "$*" in *exit*) exit 1;; *) echo {version};; esac\n')
    path.chmod(0o755)
    return path


def test_make_alone_lists_every_target_one_line_each() -> None:
    result = make()
    assert result.returncode == 0, result.stderr
    phony = re.search(r"^\.PHONY: (.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert phony is not None
    targets = [t for t in phony.group(1).split() if t != "FORCE"]
    lines = result.stdout.splitlines()
    for target in targets:
        assert [line for line in lines if line.split()[:2] == ["make", target]], (target, result.stdout)
    assert len(lines) == len(targets)
    assert result.stderr == ""  # listing installs nothing


def test_a_python_older_than_3_11_gets_one_line_and_no_venv(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path)
    old = fake_python(tmp_path, "3.10")
    for target in ("run", "test"):
        result = make(target, f"PYTHON={old}", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "needs Python 3.11 or newer, found 3.10" in result.stderr
        assert f"make {target} PYTHON=python3.11" in result.stderr
    assert not (tmp_path / ".venv").exists()


def test_a_venv_made_by_another_python_is_made_anew(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path)
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    fake_python(tmp_path / ".venv" / "bin", "3.10")
    result = make(".venv/.python", f"PYTHON={sys.executable}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ".venv was made by Python 3.10" in result.stderr
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    venv_python = subprocess.run(
        [tmp_path / ".venv/bin/python", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
    )
    assert venv_python.stdout.strip() == current
    again = make(".venv/.python", f"PYTHON={sys.executable}", cwd=tmp_path)
    assert again.returncode == 0 and again.stderr == ""  # kept once it matches


def test_make_run_installs_the_runtime_only() -> None:
    result = make("-n", "-B", "run")
    assert result.returncode == 0, result.stderr
    installs = [line for line in result.stdout.splitlines() if "pip install" in line]
    assert installs and all("requirements.txt" in line for line in installs)
    assert "requirements-dev" not in result.stdout and "[dev]" not in result.stdout


def test_dev_tools_are_pinned_exactly() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "requirements-dev.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "-r requirements.txt"
    pins = dict(line.split("==") for line in lines[1:])
    assert all(re.fullmatch(r"[0-9][0-9a-z.]*", version) for version in pins.values()), pins
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    for requirement in extras:
        name = re.split(r"[<>=\[ ]", requirement)[0]
        assert name.lower() in {pin.lower() for pin in pins}, f"{name} is not pinned in requirements-dev.txt"


def test_every_script_a_target_runs_exists() -> None:
    scripts = re.findall(r"\b((?:benchmarks|tests)/[\w/]+\.py)\b", (ROOT / "Makefile").read_text())
    missing = [script for script in scripts if not (ROOT / script).is_file()]
    assert not missing, f"the Makefile runs scripts that do not exist: {missing}"


def test_the_readme_shows_the_line_make_prints(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path)
    fake_python(tmp_path, "3.10").rename(tmp_path / "python3")
    result = subprocess.run(
        ["make", "--no-print-directory", "run"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin"},
        timeout=60,
    )
    line = result.stderr.strip().split(": *** ", 1)[1]
    assert f"\n{line}\n" in (ROOT / "README.md").read_text(encoding="utf-8")
