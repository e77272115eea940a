"""How the application is wired, without a network: handlers, defaults, rate limiter."""

from __future__ import annotations

from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, CallbackQueryHandler, CommandHandler, InlineQueryHandler

from bot.settings import load_settings
from bot.storage import RECENT_ANSWERS, Store
from bot.storage_postgres import PostgresDatabase
from bot.storage_sqlite import SqliteDatabase
from bot.telegram_app import build_application
from bot.telegram_handlers import SERVICES, BotContext, RecentTopics, Services, Topic, _buttons_for
from index.answers import Answer, Kind


def test_build_application_wires_handlers_defaults_and_shared_objects(answerer, tmp_path):
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": "1:fake", "DATA_DIR": str(tmp_path), "RATE_LIMIT_PER_MINUTE": "7"}
    )
    application = build_application(settings, answerer)
    services = application.bot_data[SERVICES]
    assert isinstance(services, Services)
    assert services.answerer is answerer and services.flood.limit == 7
    assert isinstance(services.store.database, SqliteDatabase)
    assert services.store.database.path == tmp_path / "bot.sqlite3"
    assert application.context_types.context is BotContext
    assert isinstance(application.bot.rate_limiter, AIORateLimiter)
    assert application.bot.defaults.parse_mode == ParseMode.HTML
    assert application.bot.defaults.link_preview_options.is_disabled is True
    handlers = [h for group in application.handlers.values() for h in group]
    commands = set().union(*(h.commands for h in handlers if isinstance(h, CommandHandler)))
    assert commands == {"start", "bantuan", "help", "sumber", "lupakan", "tanya"} | {
        "ringkasan", "summary", "kronologi", "timeline"
    }
    assert any(isinstance(h, InlineQueryHandler) for h in handlers)
    buttons = [h for h in handlers if isinstance(h, CallbackQueryHandler)]
    assert buttons[-1].pattern is None  # the catch-all that refuses unknown buttons comes last
    assert len(application.error_handlers) == 1


def test_database_url_chooses_postgresql_and_no_sqlite_file(answerer, tmp_path):
    url = "postgres://someone:secret@db.example.org:5432/berita?sslmode=require"  # as Heroku's
    settings = load_settings({"TELEGRAM_BOT_TOKEN": "1:fake", "DATA_DIR": str(tmp_path), "DATABASE_URL": url})
    store = build_application(settings, answerer).bot_data[SERVICES].store
    assert isinstance(store.database, PostgresDatabase) and store.database.url == url
    assert store.name == "postgres://someone@db.example.org:5432/berita"  # for logs: no password


async def test_recent_answers_in_memory_forget_the_oldest_and_keys_are_unguessable(tmp_path):
    store = Store(SqliteDatabase(tmp_path / "never-opened.sqlite3"))
    answer = Answer(question="q", kind=Kind.ANSWER, language="id")
    kept = [_buttons_for(answer, owner=1) for _ in range(RECENT_ANSWERS + 1)]
    for buttons in kept:
        store.keep_answer(buttons)
    assert await store.answer(kept[0].key) is None and await store.answer(kept[-1].key) == kept[-1]
    keys = [buttons.key for buttons in kept]
    assert len(set(keys)) == len(keys) and all(len(k) >= 8 for k in keys)
    assert all(len(f"more:{k}".encode()) <= 64 for k in keys)  # Telegram's callback_data limit


def test_recent_topics_forget_the_oldest_and_whatever_carries_a_persons_words():
    topics = RecentTopics(size=3)
    topics.add(-1, 10, Topic("Di mana mereka bertemu?", frozenset({7})))
    topics.add(-1, 11, Topic("Di mana mereka bertemu? kapan itu?", frozenset({7, 8})))  # 8 followed 7
    topics.add(-2, 12, Topic("Naik apa Kim?", frozenset({8})))
    assert topics.get(-1, 10) == Topic("Di mana mereka bertemu?", frozenset({7}))
    assert topics.get(-2, 10) is None
    assert topics.last(-1) == topics.get(-1, 11) and topics.last(-3) is None
    topics.add(-2, 13, Topic("Kapan?", frozenset({9})))
    assert topics.get(-1, 10) is None  # the oldest went
    topics.forget(7)
    assert topics.get(-1, 11) is None  # carried 7's words under 8's follow-up
    assert topics.get(-2, 12) == Topic("Naik apa Kim?", frozenset({8}))
