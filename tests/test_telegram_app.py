"""How the application is wired, without a network: handlers, defaults, rate limiter."""

from __future__ import annotations

from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, CallbackQueryHandler, CommandHandler, InlineQueryHandler

from bot.settings import load_settings
from bot.telegram_app import build_application
from bot.telegram_handlers import SERVICES, Asked, BotContext, RecentAnswers, RecentTopics, Services, Topic
from index.answers import Answer, Kind


def test_build_application_wires_handlers_defaults_and_shared_objects(answerer, tmp_path):
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": "1:fake", "DATA_DIR": str(tmp_path), "RATE_LIMIT_PER_MINUTE": "7"}
    )
    application = build_application(settings, answerer)
    services = application.bot_data[SERVICES]
    assert isinstance(services, Services)
    assert services.answerer is answerer and services.flood.limit == 7
    assert services.store.path == tmp_path / "bot.sqlite3"
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


def test_recent_answers_forget_the_oldest_and_keys_are_unguessable():
    recent = RecentAnswers(size=2)
    asked = Asked(Answer(question="q", kind=Kind.ANSWER, language="id"), question_id=None)
    keys = [recent.add(asked) for _ in range(3)]
    assert recent.get(keys[0]) is None and recent.get(keys[2]) is asked
    assert len(set(keys)) == 3 and all(len(k) >= 8 for k in keys)
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
