"""The one place that reads the environment. Every setting is listed in the README's table."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
# Telegram allows 1-256 of these characters in a webhook secret; fewer than 16 can be guessed.
WEBHOOK_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{16,256}")
# The webhook path is compared character for character; these characters need no escaping.
WEBHOOK_PATH_RE = re.compile(r"/[A-Za-z0-9._~/-]*")
ID_HASH_KEY_MIN = 32  # characters (`openssl rand -hex 32` gives 64)
# Hosts Telegram could never post to: plain http is allowed there (tests, a local proxy).
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


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
    id_hash_key: str | None
    port: int
    store_questions: bool
    rate_limit_per_minute: int
    context_minutes: float
    # How often the running bot looks at the corpus folder for a change (0: only on SIGHUP).
    corpus_check_seconds: int = 5
    # PostgreSQL instead of the SQLite file at database_path (Heroku Postgres and the like).
    database_url: str | None = None

    def __repr__(self) -> str:  # never let the token reach a log line
        token = "***" if self.telegram_bot_token else None
        database = "***" if self.database_url else None  # it holds a password
        return (
            f"Settings(corpus_dir={self.corpus_dir!s}, token={token}, webhook_url={self.webhook_url},"
            f" database_url={database})"
        )

    @property
    def webhook_path(self) -> str:
        """The path of WEBHOOK_URL, which the webhook answers at (and nowhere else)."""
        return urlsplit(self.webhook_url or "").path or "/"


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
        _check_webhook_url(webhook_url)
    base_url = env.get("TELEGRAM_BASE_URL", "").strip() or DEFAULT_BASE_URL
    if _url_parts(base_url, "TELEGRAM_BASE_URL")[0] not in {"https", "http"}:
        raise SettingsError("TELEGRAM_BASE_URL must start with https:// or http://")
    webhook_secret = env.get("WEBHOOK_SECRET", "").strip() or None
    if webhook_secret is not None and not WEBHOOK_SECRET_RE.fullmatch(webhook_secret):
        raise SettingsError(
            f"WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and -"
            f" (got {len(webhook_secret)} characters)"
        )
    id_hash_key = env.get("ID_HASH_KEY", "").strip() or None
    if id_hash_key is not None and len(id_hash_key) < ID_HASH_KEY_MIN:
        raise SettingsError(
            f"ID_HASH_KEY must be at least {ID_HASH_KEY_MIN} characters (try `openssl rand -hex 32`),"
            f" got {len(id_hash_key)}"
        )
    database_url = env.get("DATABASE_URL", "").strip() or None
    if database_url is not None:
        check_database_url(database_url)
    return Settings(
        corpus_dir=Path(env.get("CORPUS_DIR", "").strip() or "corpus"),
        data_dir=data_dir,
        database_path=Path(env.get("DATABASE_PATH", "").strip() or data_dir / "bot.sqlite3"),
        index_cache_dir=Path(env.get("INDEX_CACHE_DIR", "").strip() or data_dir / "index-cache"),
        log_level=log_level,
        telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
        telegram_base_url=base_url,
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        id_hash_key=id_hash_key,
        port=_int(env, "PORT", 8080, 1, 65535),
        store_questions=_bool(env, "STORE_QUESTIONS", True),
        rate_limit_per_minute=_int(env, "RATE_LIMIT_PER_MINUTE", 20, 1, 10_000),
        context_minutes=float(_int(env, "CONTEXT_MINUTES", 5, 0, 24 * 60)),
        corpus_check_seconds=_int(env, "CORPUS_CHECK_SECONDS", 5, 0, 3600),
        database_url=database_url,
    )


def _url_parts(url: str, name: str) -> tuple[str, str, str]:
    """(scheme, host, path) of `url`, or SettingsError naming `name` when it does not parse."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
        host = parts.hostname or ""
    except ValueError as exc:
        raise SettingsError(f"{name} is not a valid URL ({exc}): {url!r}") from None
    return parts.scheme, host, parts.path


def _check_webhook_url(url: str) -> None:
    scheme, host, path = _url_parts(url, "WEBHOOK_URL")
    parts = urlsplit(url)
    if scheme not in {"https", "http"} or not host:
        raise SettingsError("WEBHOOK_URL must be a full URL such as https://example.org/telegram")
    if scheme != "https" and host not in LOOPBACK:
        raise SettingsError("WEBHOOK_URL must start with https:// (Telegram posts only to HTTPS)")
    if parts.query or parts.fragment or not WEBHOOK_PATH_RE.fullmatch(path or "/"):
        raise SettingsError(
            "WEBHOOK_URL's path may hold only A-Z, a-z, 0-9, '.', '_', '~', '-' and '/',"
            f" and no query: got {url!r}"
        )


SSLMODES = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}


def check_database_url(url: str, name: str = "DATABASE_URL") -> None:
    """postgres:// or postgresql:// with a host and a database, as hosts hand them out, or
    SettingsError naming `name`; the message never repeats the URL, which holds a password."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError as exc:
        raise SettingsError(f"{name} is not a valid URL ({exc})") from None
    if parts.scheme not in {"postgres", "postgresql"}:
        raise SettingsError(
            f"{name} must start with postgres:// or postgresql:// (leave it empty for SQLite),"
            f" got {parts.scheme or 'no scheme'}://"
        )
    if not parts.hostname or not parts.path.strip("/"):
        raise SettingsError(
            f"{name} must name a host and a database: postgresql://user:password@host:5432/name"
        )
    for option in parts.query.split("&") if parts.query else ():
        key, _, value = option.partition("=")
        if key == "sslmode" and value not in SSLMODES:
            raise SettingsError(
                f"{name}'s sslmode must be one of {', '.join(sorted(SSLMODES))}, got {value!r}"
            )
