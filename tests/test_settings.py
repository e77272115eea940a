"""Settings: every variable, its default, and one clear line for a bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_BASE_URL, SettingsError, load_settings


def test_defaults():
    settings = load_settings({})
    assert settings.corpus_dir == Path("corpus")
    assert settings.data_dir == Path("data")
    assert settings.database_path == Path("data/bot.sqlite3")
    assert settings.index_cache_dir == Path("data/index-cache")
    assert settings.log_level == "INFO"
    assert settings.telegram_bot_token is None
    assert settings.telegram_base_url == DEFAULT_BASE_URL == "https://api.telegram.org/bot"
    assert settings.webhook_url is None and settings.webhook_secret is None
    assert settings.port == 8080
    assert settings.store_questions is True
    assert settings.rate_limit_per_minute == 20
    assert settings.context_minutes == 5


def test_every_variable_is_read():
    settings = load_settings(
        {
            "CORPUS_DIR": "/c",
            "DATA_DIR": "/d",
            "DATABASE_PATH": "/db/x.sqlite3",
            "INDEX_CACHE_DIR": "/cache",
            "LOG_LEVEL": "debug",
            "TELEGRAM_BOT_TOKEN": " 1:abc ",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
            "WEBHOOK_URL": "https://example.org/telegram",
            "WEBHOOK_SECRET": "s3cret-0123456789",
            "PORT": "5000",
            "STORE_QUESTIONS": "0",
            "RATE_LIMIT_PER_MINUTE": "3",
            "CONTEXT_MINUTES": "0",
        }
    )
    assert settings.corpus_dir == Path("/c")
    assert settings.database_path == Path("/db/x.sqlite3")
    assert settings.index_cache_dir == Path("/cache")
    assert settings.log_level == "DEBUG"
    assert settings.telegram_bot_token == "1:abc"
    assert settings.telegram_base_url == "http://127.0.0.1:8081/bot"
    assert settings.webhook_url == "https://example.org/telegram"
    assert settings.webhook_secret == "s3cret-0123456789"
    assert (settings.port, settings.store_questions) == (5000, False)
    assert (settings.rate_limit_per_minute, settings.context_minutes) == (3, 0)


def test_database_and_cache_follow_data_dir():
    settings = load_settings({"DATA_DIR": "/persistent"})
    assert settings.database_path == Path("/persistent/bot.sqlite3")
    assert settings.index_cache_dir == Path("/persistent/index-cache")


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"RATE_LIMIT_PER_MINUTE": "0"}, "RATE_LIMIT_PER_MINUTE"),
        ({"CONTEXT_MINUTES": "-1"}, "CONTEXT_MINUTES"),
        ({"STORE_QUESTIONS": "maybe"}, "STORE_QUESTIONS"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"WEBHOOK_URL": "example.org/telegram"}, "WEBHOOK_URL"),
        ({"TELEGRAM_BASE_URL": "ftp://x"}, "TELEGRAM_BASE_URL"),
        # malformed URLs are the one-line error too, not a traceback
        ({"TELEGRAM_BASE_URL": "http://[::1/bot"}, "TELEGRAM_BASE_URL"),
        ({"TELEGRAM_BASE_URL": "http://host:port/bot"}, "TELEGRAM_BASE_URL"),
        ({"WEBHOOK_URL": "https://[::1/hook"}, "WEBHOOK_URL"),
        # Telegram posts only to HTTPS (plain http is for loopback tests only)
        ({"WEBHOOK_URL": "http://example.org/telegram"}, "WEBHOOK_URL"),
        # the path is matched literally: characters that mean something elsewhere are refused
        ({"WEBHOOK_URL": "https://example.org/hook("}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://example.org/a+b"}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://example.org/hook?x=1"}, "WEBHOOK_URL"),
        # a secret that can be guessed, and one Telegram would refuse
        ({"WEBHOOK_SECRET": "x"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "fifteen-chars-x"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "has spaces in it, sixteen+"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "x" * 257}, "WEBHOOK_SECRET"),
        ({"ID_HASH_KEY": "short"}, "ID_HASH_KEY"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_setting(env, names):
    with pytest.raises(SettingsError) as raised:
        load_settings(env)
    message = str(raised.value)
    assert names in message and "\n" not in message


def test_the_token_never_shows_in_repr():
    settings = load_settings({"TELEGRAM_BOT_TOKEN": "123:SECRET"})
    assert "SECRET" not in repr(settings) and "SECRET" not in str(settings)


def test_the_webhook_path_and_its_limits():
    settings = load_settings({"WEBHOOK_URL": "https://example.org/hook.v1/x_y-z~"})
    assert settings.webhook_path == "/hook.v1/x_y-z~"
    assert load_settings({"WEBHOOK_URL": "https://example.org"}).webhook_path == "/"
    assert load_settings({"WEBHOOK_URL": "http://127.0.0.1:8443/t"}).webhook_url == "http://127.0.0.1:8443/t"
    assert load_settings({"WEBHOOK_SECRET": "a" * 256}).webhook_secret == "a" * 256


def test_id_hash_key_is_read_and_never_shown():
    key = "k" * 40
    settings = load_settings({"ID_HASH_KEY": key})
    assert settings.id_hash_key == key and key not in repr(settings)
    assert load_settings({}).id_hash_key is None


@pytest.mark.parametrize(
    "url",
    [
        "postgres://u:p4ss@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d8abc",  # as Heroku hands it out
        "postgresql://u:p4ss@localhost/berita?sslmode=require",
    ],
)
def test_database_url_is_read_as_hosts_give_it_and_never_shown(url):
    settings = load_settings({"DATABASE_URL": f" {url} "})
    assert settings.database_url == url
    assert "p4ss" not in repr(settings)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://u:p4ss@host/db", "must start with postgres:// or postgresql://"),
        ("postgres://u:p4ss@host", "must name a host and a database"),
        ("postgres://u:p4ss@host:port/db", "not a valid URL"),
        ("postgresql://u:p4ss@host/db?sslmode=sometimes", "sslmode must be one of"),
    ],
)
def test_a_bad_database_url_is_one_line_without_its_password(url, says):
    with pytest.raises(SettingsError) as raised:
        load_settings({"DATABASE_URL": url})
    message = str(raised.value)
    assert message.startswith("DATABASE_URL") and says in message and "p4ss" not in message
