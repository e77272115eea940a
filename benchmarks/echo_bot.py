"""A bare echo bot with the real bot's python-telegram-bot set-up: the floor for benchmarks/load.py.

Run by load.py with the same environment as `python -m bot run`. It builds its Application with
the options `bot.telegram_app.build_application` uses (token, base_url, HTML defaults without
link previews, the same rate limiter, concurrent updates) and runs it the way `run_bot` does
(webhook when WEBHOOK_URL is set, else polling), so the only difference is the handler: it
replies with the escaped text instead of answering. Keep it in step with build_application.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults, MessageHandler
from telegram.ext import filters as f

from bot.settings import load_settings
from bot.telegram_app import ALLOWED_UPDATES, NEW_MESSAGE, RetryingRateLimiter

log = logging.getLogger("echo_bot")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the message's own text."""
    message = update.effective_message
    if message is not None:
        await message.reply_html(html.escape(message.text or ""))


async def _post_init(application: Application) -> None:
    log.info("echo bot @%s is up", application.bot.username)


def main() -> None:
    settings = load_settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token or "")
        .base_url(settings.telegram_base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .rate_limiter(RetryingRateLimiter(max_retries=2))
        .concurrent_updates(True)
        .post_init(_post_init)
        .build()
    )
    application.add_handler(MessageHandler(NEW_MESSAGE & f.TEXT & ~f.COMMAND, echo))
    if settings.webhook_url:
        application.run_webhook(
            listen="0.0.0.0",
            port=settings.port,
            url_path=urlsplit(settings.webhook_url).path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=-1,
        )
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)


if __name__ == "__main__":
    main()
