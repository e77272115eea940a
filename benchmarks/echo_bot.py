"""A bare echo bot with the real bot's python-telegram-bot set-up: the floor for benchmarks/load.py.

Run by load.py with the same environment as `python -m bot run`. It builds its Application with
the real bot's own `application_builder` (token, base_url, HTML defaults without link
previews, the same rate limiter, concurrent updates) and runs it with the real bot's `serve`
(webhook when WEBHOOK_URL is set, else polling), so the only difference is the handler: it
replies with the escaped text instead of answering.
"""

from __future__ import annotations

import html
import logging

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler
from telegram.ext import filters as f

from bot.settings import load_settings
from bot.telegram_app import NEW_MESSAGE, application_builder, serve

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
    application = application_builder(settings).post_init(_post_init).build()
    application.add_handler(MessageHandler(NEW_MESSAGE & f.TEXT & ~f.COMMAND, echo))
    serve(application, settings, settings.webhook_url)


if __name__ == "__main__":
    main()
