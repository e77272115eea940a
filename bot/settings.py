"""The one place that reads the environment. Every setting is listed in the README's table."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_BASE_URL = "https://api.telegram.org/bot"


class SettingsError(Exception):
    """A setting that is missing or malformed; the message names it and says what is expected."""


@dataclass(frozen=True)
class Settings:
    """Every setting the bot and the CLI use, with the README's defaults."""

    corpus_dir: Path
    data_dir: Path
    database_path: Path
    index_cache_dir: Path
    log_level: str
    telegram_bot_token: str | None
    telegram_base_url: str
    webhook_url: str | None
    webhook_secret: str | None
    port: int
    store_questions: bool
    rate_limit_per_minute: int
    context_minutes: float

    def __repr__(self) -> str:  # never let the token reach a log line
        token = "***" if self.telegram_bot_token else None
        return f"Settings(corpus_dir={self.corpus_dir!s}, token={token}, webhook_url={self.webhook_url})"


def _int(env: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name} must be 0 or 1, got {raw!r}")


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from `env` (default: the process environment) or raise SettingsError."""
    env = os.environ if env is None else env
    data_dir = Path(env.get("DATA_DIR", "").strip() or "data")
    log_level = (env.get("LOG_LEVEL", "").strip() or "INFO").upper()
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}")
    webhook_url = env.get("WEBHOOK_URL", "").strip() or None
    if webhook_url is not None:
        parts = urlsplit(webhook_url)
        if parts.scheme not in {"https", "http"} or not parts.netloc:
            raise SettingsError("WEBHOOK_URL must be a full URL such as https://example.org/telegram")
    base_url = env.get("TELEGRAM_BASE_URL", "").strip() or DEFAULT_BASE_URL
    if urlsplit(base_url).scheme not in {"https", "http"}:
        raise SettingsError("TELEGRAM_BASE_URL must start with https:// or http://")
    return Settings(
        corpus_dir=Path(env.get("CORPUS_DIR", "").strip() or "corpus"),
        data_dir=data_dir,
        database_path=Path(env.get("DATABASE_PATH", "").strip() or data_dir / "bot.sqlite3"),
        index_cache_dir=Path(env.get("INDEX_CACHE_DIR", "").strip() or data_dir / "index-cache"),
        log_level=log_level,
        telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
        telegram_base_url=base_url,
        webhook_url=webhook_url,
        webhook_secret=env.get("WEBHOOK_SECRET", "").strip() or None,
        port=_int(env, "PORT", 8080, 1, 65535),
        store_questions=_bool(env, "STORE_QUESTIONS", True),
        rate_limit_per_minute=_int(env, "RATE_LIMIT_PER_MINUTE", 20, 1, 10_000),
        context_minutes=float(_int(env, "CONTEXT_MINUTES", 5, 0, 24 * 60)),
    )
