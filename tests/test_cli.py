"""The command line as a person and a script use it: real processes, real output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, data: Path):
    """Run `python -m <args>` from the project root with its data folder in `data`."""
    environment = {**os.environ, "DATA_DIR": str(data), "LOG_LEVEL": "WARNING", **(env or {})}
    environment.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_ask_prints_quotes_marks_and_linked_sources(tmp_path: Path) -> None:
    result = run("bot", "ask", "Di mana Kim Jong Un dan Putin bertemu?", data=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Vladivostok" in out
    assert "[1]" in out and "Sumber:" in out
    assert "https://" in out


def test_ask_json_one_object_per_question(tmp_path: Path) -> None:
    result = run("bot", "ask", "--json", "Naik apa Kim ke Rusia?", "Berapa harga bitcoin?", data=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["answered"] is True and "kereta" in first["sentences"][0]["text"]
    for source in first["sources"]:
        assert source["url"] is None or source["url"].startswith("https://")
        assert source["url"] is not None or source["id"] == "kontan"  # the one link not known
    assert second["answered"] is False and second["sentences"] == []


def test_ask_json_gives_each_answers_kind_and_framing(tmp_path: Path) -> None:
    questions = ("kapan itu?", "Apakah Kim naik pesawat ke Rusia?", "Menurut DW, di mana mereka bertemu?")
    result = run("bot", "ask", "--json", *questions, data=tmp_path)
    assert result.returncode == 0, result.stderr
    clarify, yes_no, outlet = (json.loads(line) for line in result.stdout.splitlines())
    assert (clarify["kind"], clarify["answered"], clarify["sentences"]) == ("clarify", False, [])
    assert yes_no["kind"] == "answer" and yes_no["lead"] in {"ya", "tidak", ""}
    assert outlet["kind"] == "outlet" and outlet["outlet"] == "dw"
    for shape in (clarify, yes_no, outlet):
        assert {"kind", "lead", "read_as", "outlet", "notes"} <= set(shape)
        for sentence in shape["sentences"]:
            assert isinstance(sentence["context"], bool) and {"when", "day"} <= set(sentence)


def test_english_question_gets_english_framing(tmp_path: Path) -> None:
    result = run("bot", "ask", "where did they meet?", data=tmp_path)
    assert "Sources:" in result.stdout
    declined = run("bot", "ask", "What is the weather in Jakarta?", data=tmp_path)
    assert "do not answer" in declined.stdout


def test_repl_reads_one_question_per_line_from_a_pipe(tmp_path: Path) -> None:
    result = run(
        "bot",
        "repl",
        stdin="Di mana Kim dan Putin bertemu?\n:sumber\nSiapa presiden Indonesia?\n",
        data=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Vladivostok" in result.stdout
    assert "https://p.dw.com/p/3HONg" in result.stdout  # :sumber
    assert "tidak menjawab" in result.stdout
    assert "Traceback" not in result.stderr


def test_make_run_without_a_token_is_the_repl(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.fail("make is required by the README's quick start")
    result = subprocess.run(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        input="Di mana Kim dan Putin bertemu?\n",
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"} | {"DATA_DIR": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Vladivostok" in result.stdout and "[1]" in result.stdout


def test_a_broken_corpus_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "002_493df48a9f6184ad.txt").unlink()
    result = run("bot", "--corpus", str(corpus), "ask", "Di mana?", data=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "002_493df48a9f6184ad.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_setting_is_one_line(tmp_path: Path) -> None:
    result = run("bot", "ask", "halo", env={"LOG_LEVEL": "LOUD"}, data=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: LOG_LEVEL")


def test_index_build_then_reuse(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run("index", "build", "--cache-dir", str(cache), data=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "built" in first.stdout and "5 articles" in first.stdout
    second = run("index", "build", "--cache-dir", str(cache), data=tmp_path)
    assert "already current" in second.stdout
    assert len(list(cache.glob("index-*.pickle"))) == 1


def test_eval_on_the_second_corpus(tmp_path: Path) -> None:
    result = run("bot", "--corpus", str(ROOT / "tests/fixtures/corpus_banjir"), "eval", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "banjir.toml" in result.stdout and "total" in result.stdout


def test_version_of_both_commands(tmp_path: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for package in ("bot", "index"):
        result = run(package, "--version", data=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"berita-bot {version}"


def test_no_command_prints_help_instead_of_waiting_for_a_question(tmp_path: Path) -> None:
    result = run("bot", stdin="Di mana Kim dan Putin bertemu?\n", data=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("usage: python -m bot ")
    for command in ("ask", "repl", "eval", "run", "stats"):
        assert f"    {command} " in result.stderr


def test_the_console_script_names_itself_and_finds_the_corpus_from_anywhere(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("berita-bot")
    if not script.exists():
        pytest.fail(f"{script} missing: the project is not installed in this environment")
    environment = {k: v for k, v in os.environ.items() if k not in {"CORPUS_DIR", "TELEGRAM_BOT_TOKEN"}}
    environment |= {"DATA_DIR": str(tmp_path / "data"), "LOG_LEVEL": "WARNING"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def berita_bot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args], cwd=elsewhere, capture_output=True, text=True, env=environment, timeout=60
        )

    usage = berita_bot("ask", "--help")
    assert usage.stdout.startswith("usage: berita-bot ask ")
    answer = berita_bot("ask", "Di mana Kim dan Putin bertemu?")
    assert answer.returncode == 0, answer.stderr
    assert "Vladivostok" in answer.stdout and "[1]" in answer.stdout
    missing = berita_bot("--corpus", "nowhere", "ask", "halo")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "error: nowhere: corpus folder not found"


def test_without_the_shipped_corpus_the_error_says_how_to_set_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CORPUS_DIR", raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(cli, "SHIPPED_CORPUS", tmp_path / "not-shipped")  # as in an installed wheel
    assert cli.main(["ask", "halo"]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "set CORPUS_DIR or pass --corpus DIR" in error


def test_stats_on_a_corrupt_database_is_one_line_and_status_2(tmp_path: Path) -> None:
    (tmp_path / "bot.sqlite3").write_bytes(b"this is not an SQLite database " * 100)
    result = run("bot", "stats", data=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_declines_without_examples_print_no_empty_examples_heading(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    sources = corpus / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    text = re.sub(r"^examples(_en)? = \[.*?\]\n", "", text, flags=re.M | re.S)
    text = text.replace('eval = "../', f'eval = "{ROOT}/')
    sources.write_text(text, encoding="utf-8")
    asked = ("Siapa presiden Indonesia?", "halo", "?")
    result = run("bot", "--corpus", str(corpus), "ask", *asked, data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "tidak menjawab" in result.stdout and "Halo" in result.stdout
    assert "Contoh pertanyaan" not in result.stdout
    assert "misalnya:" not in result.stdout
    assert not re.search(r":\s*$", result.stdout.strip(), re.M), result.stdout
