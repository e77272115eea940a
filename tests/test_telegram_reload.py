"""The running bot picks up a changed corpus without a restart: the real bot process against the
fake Bot API, an article added with `python -m index add`, then SIGHUP (polling mode) or
nothing at all (webhook mode, the folder watched); a broken corpus keeps the old answers.
And, in process, that a question in flight finishes on the answerer it started with."""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from fakebotapi import BotProcess, Conversation, FakeBotAPI, start_webhook_bot

from bot.reload import CorpusReloader, folder_state
from index.answerer import Answerer
from index.corpus import CorpusError

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
BANJIR = ROOT / "tests" / "fixtures" / "corpus_banjir"
SECRET = "reload-test-secret-0123456789"
SEMBAKO = "Berapa paket sembako yang dikirim ke posko pengungsian?"
JEMBATAN = "Apa yang terjadi pada jembatan gantung Rantau Hulu?"
OLD_QUESTION = "Berapa rumah yang terendam banjir?"
OG_URL = "https://suarasampel.example/regional/2025/02/05/bantuan-logistik-posko-banjir-sungailebar"
JSON_LD_URL = "https://lintasfiktif.example/berita/jembatan-gantung-rantau-hulu-putus"
DECLINED = "tidak menjawab"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(BANJIR, folder)
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def api():
    with FakeBotAPI() as fake:
        yield fake


def add_article(corpus: Path, page: str) -> None:
    # --cache-dir: a folder with no index, so the bot's reload is what updates its index.
    no_cache = corpus.parent / "no-index-cache"
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "index", "add", "--corpus", str(corpus), "--cache-dir", str(no_cache)),
            str(PAGES / page),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def wait_for_line(bot: BotProcess, text: str, *, count: int = 1, timeout: float = 30.0) -> None:
    """Wait until the bot has logged `text` `count` times."""
    deadline = time.monotonic() + timeout
    while bot.output.count(text) < count:
        assert bot.process is not None and bot.process.poll() is None, f"the bot exited:\n{bot.output}"
        assert time.monotonic() < deadline, f"no {text!r} within {timeout} s:\n{bot.output}"
        time.sleep(0.02)


def test_sighup_reloads_at_once_and_sumber_lists_the_new_article(api, corpus, data):
    # CORPUS_CHECK_SECONDS=0: the folder is not watched, so only the signal can reload it
    with BotProcess(api, data, env={"CORPUS_DIR": str(corpus), "CORPUS_CHECK_SECONDS": "0"}) as bot:
        wait_for_line(bot, "for changes (on SIGHUP only)")
        ana = Conversation(api, 9101)
        assert DECLINED in ana.ask(SEMBAKO)["text"]
        add_article(corpus, "og_tags.html")
        assert bot.process is not None
        bot.process.send_signal(signal.SIGHUP)
        wait_for_line(bot, "corpus reloaded (SIGHUP): 4 articles (was 3)")
        reply = ana.ask(SEMBAKO)["text"]
        assert "4.800 paket sembako" in reply and f'<a href="{OG_URL}">' in reply
        sources = ana.ask("/sumber")["text"]
        assert "Suara Sampel" in sources and OG_URL in sources
        assert "4 artikel" in ana.ask("/start")["text"]
        # questions of the articles there before are answered as before
        assert DECLINED not in ana.ask(OLD_QUESTION)["text"]
        assert bot.stop() == 0


def test_a_changed_folder_is_picked_up_within_30_s_without_a_signal_in_webhook_mode(api, corpus, data):
    bot, _ = start_webhook_bot(api, data, SECRET, env={"CORPUS_DIR": str(corpus)})  # default interval
    try:
        wait_for_line(bot, "for changes (every 5 s, and on SIGHUP)")
        budi = Conversation(api, 9102)
        assert DECLINED in budi.ask(JEMBATAN)["text"]
        changed = time.monotonic()
        add_article(corpus, "json_ld.html")
        wait_for_line(bot, "corpus reloaded (the corpus folder changed): 4 articles (was 3)", timeout=30)
        assert time.monotonic() - changed < 30
        reply = budi.ask(JEMBATAN)["text"]
        assert "putus diterjang arus" in reply and f'<a href="{JSON_LD_URL}">' in reply
        # the article taken out again: gone from /sumber after the next look at the folder
        subprocess.run(
            [sys.executable, "-m", "index", "remove", "lintas-fiktif", "--corpus", str(corpus)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        wait_for_line(bot, "corpus reloaded (the corpus folder changed): 3 articles (was 4)", timeout=30)
        assert "Lintas Fiktif" not in budi.ask("/sumber")["text"]
    finally:
        assert bot.stop() == 0


def test_a_broken_corpus_keeps_the_old_index_and_says_why_in_one_line(api, corpus, data):
    env = {"CORPUS_DIR": str(corpus), "CORPUS_CHECK_SECONDS": "1"}
    with BotProcess(api, data, env=env) as bot:
        wait_for_line(bot, "for changes (every 1 s, and on SIGHUP)")
        cici = Conversation(api, 9103)
        before = cici.ask(OLD_QUESTION)["text"]
        assert DECLINED not in before
        meta = corpus / "sources.toml"
        good = meta.read_text(encoding="utf-8")
        meta.write_text(good.replace("[[article]]", "[[article]", 1), encoding="utf-8")
        wait_for_line(bot, "corpus not reloaded (the corpus folder changed)")
        assert bot.process is not None
        bot.process.send_signal(signal.SIGHUP)  # asked again by hand: the same refusal
        wait_for_line(bot, "corpus not reloaded (SIGHUP)")
        lines = [line for line in bot.output.splitlines() if "corpus not reloaded" in line]
        assert len(lines) == 2 and "not valid TOML" in lines[0] and "the 3 articles loaded before" in lines[0]
        assert "Traceback" not in bot.output
        assert cici.ask(OLD_QUESTION)["text"] == before  # still answering from the old index
        # fixed: picked up; and an article added after that too
        meta.write_text(good, encoding="utf-8")
        wait_for_line(bot, "corpus reloaded (the corpus folder changed): 3 articles (was 3)")
        add_article(corpus, "og_tags.html")
        wait_for_line(bot, "corpus reloaded (the corpus folder changed): 4 articles (was 3)")
        assert "4.800 paket sembako" in cici.ask(SEMBAKO)["text"]
        assert bot.stop() == 0


# -- in process: the swap itself ----------------------------------------------------------------


class SlowAnswerer:
    """An answerer whose answers wait until told to go, and say which answerer gave them."""

    def __init__(self, name: str, articles: int) -> None:
        self.name = name
        self.go = threading.Event()
        self.started = threading.Event()
        self.corpus = SimpleNamespace(articles=[None] * articles)
        self.index = SimpleNamespace(loaded_from_cache=False)

    def answer(self, question: str, previous: str | None = None) -> str:
        self.started.set()
        assert self.go.wait(10)
        return f"{self.name}: {question}"


async def test_a_question_in_flight_finishes_on_the_old_answerer(tmp_path):
    old, new = SlowAnswerer("old", 3), SlowAnswerer("new", 4)
    new.go.set()
    holder = SimpleNamespace(answerer=old)
    reloader = CorpusReloader(holder, tmp_path, None, interval=0, load=lambda corpus, cache: new)  # type: ignore[arg-type,return-value]
    loop = asyncio.get_running_loop()
    # the handler's way of asking: the bound method is taken when the question is handed over
    in_flight = loop.run_in_executor(None, holder.answerer.answer, "first", None)
    await asyncio.to_thread(old.started.wait, 10)
    assert await reloader.reload("test")
    assert holder.answerer is new
    assert await loop.run_in_executor(None, holder.answerer.answer, "second", None) == "new: second"
    old.go.set()
    assert await in_flight == "old: first"


async def test_a_load_that_fails_leaves_the_answerer_in_place(tmp_path, caplog):
    old = SlowAnswerer("old", 3)
    holder = SimpleNamespace(answerer=old)

    def broken(corpus, cache):
        raise CorpusError(f"{corpus}/sources.toml: not valid TOML (oops)")

    reloader = CorpusReloader(holder, tmp_path, None, interval=0, load=broken)  # type: ignore[arg-type]
    with caplog.at_level("ERROR", logger="bot.reload"):
        assert not await reloader.reload("test")
    assert holder.answerer is old
    (record,) = caplog.records
    assert "\n" not in record.getMessage() and "not valid TOML (oops)" in record.getMessage()


async def test_sighup_in_process_reloads_the_real_corpus(tmp_path, corpus):
    holder = SimpleNamespace(answerer=Answerer.load(corpus))
    reloader = CorpusReloader(holder, corpus, tmp_path / "cache", interval=0)  # type: ignore[arg-type]
    reloader.start()
    try:
        add_article(corpus, "title_byline.html")
        signal.raise_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while reloader.reloads == 0:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.02)
        assert [a.source.id for a in holder.answerer.corpus.articles][-1] == "kabar-rekaan"
    finally:
        await reloader.stop()


async def test_a_reload_brings_the_index_answering_now_up_to_date(tmp_path, corpus, caplog):
    cache = tmp_path / "cache"
    holder = SimpleNamespace(answerer=Answerer.load(corpus, cache))
    reloader = CorpusReloader(holder, corpus, cache, interval=0)  # type: ignore[arg-type]
    add_article(corpus, "og_tags.html")
    with caplog.at_level("INFO", logger="index.build"):
        assert await reloader.reload("test")
    assert "index updated: 1 articles added, 0 removed" in caplog.text  # not built anew
    answer = holder.answerer.answer(SEMBAKO)
    assert answer.answered and OG_URL in [s.url for s in answer.sources]
    # and the next start finds the updated index current
    assert Answerer.load(corpus, cache).index.loaded_from_cache


async def test_a_change_made_before_the_watch_began_is_caught_at_its_start(tmp_path, corpus):
    holder = SimpleNamespace(answerer=Answerer.load(corpus))
    unchanged = CorpusReloader(holder, corpus, None, interval=0)  # type: ignore[arg-type]
    unchanged.start()
    await asyncio.wait_for(unchanged.started.wait(), 30)
    await unchanged.stop()
    assert unchanged.reloads == 0
    add_article(corpus, "json_ld.html")  # while the bot was still reaching Telegram, say
    reloader = CorpusReloader(holder, corpus, None, interval=0)  # type: ignore[arg-type]
    reloader.start()
    try:
        await asyncio.wait_for(reloader.started.wait(), 30)
        assert reloader.reloads == 1
        assert [a.source.id for a in holder.answerer.corpus.articles][-1] == "lintas-fiktif"
    finally:
        await reloader.stop()


def test_the_folder_state_changes_with_any_file_in_it(corpus):
    first = folder_state(corpus)
    assert folder_state(corpus) == first
    (corpus / "baru.txt").write_text("x", encoding="utf-8")
    second = folder_state(corpus)
    assert second != first
    (corpus / "baru.txt").unlink()
    assert folder_state(corpus) != second
    assert folder_state(corpus / "nowhere") != first


def test_how_often_the_folder_is_watched_is_a_setting():
    from bot.settings import SettingsError, load_settings

    assert load_settings({}).corpus_check_seconds == 5
    assert load_settings({"CORPUS_CHECK_SECONDS": "0"}).corpus_check_seconds == 0
    with pytest.raises(SettingsError, match="CORPUS_CHECK_SECONDS must be a whole number"):
        load_settings({"CORPUS_CHECK_SECONDS": "sering"})
