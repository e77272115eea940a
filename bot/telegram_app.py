"""The Telegram bot wired: python-telegram-bot's Application with the handlers of
`bot.telegram_handlers`, the outgoing rate limiter, and how it runs (webhook or polling).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram._utils.types import JSONDict
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.flood import FloodGate
from bot.logs import configure_logging
from bot.messages import text
from bot.reachability import Reachability, WatchedRequest
from bot.reload import start_reloading, stop_reloading
from bot.settings import Settings
from bot.storage import SEEN_SECONDS, StorageError, make_store
from bot.telegram_handlers import (
    SERVICES,
    BotContext,
    Services,
    ask,
    error_handler,
    example_button,
    feedback_button,
    forget,
    gate,
    group_text,
    help_command,
    inline_query,
    more_button,
    not_text,
    private_text,
    sources,
    start,
    summary,
    summary_button,
    timeline,
    unknown_button,
)
from bot.webhook import WebhookServer
from index.answerer import Answerer

log = logging.getLogger(__name__)

# Update kinds the bot asks Telegram for: the ones it handles, plus the two it must ignore.
ALLOWED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CHANNEL_POST,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
)
# New messages only: an edited question is not asked again, and channel posts are ignored.
NEW_MESSAGE = filters.UpdateType.MESSAGE
# What a person waits for: these calls are sent again when Telegram did not take them.
# getUpdates, getMe and setWebhook have PTB's own retry loops; "typing" is not worth a delay.
RETRIED_METHODS = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "answerInlineQuery",
    }
)
RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0, 4.0)  # seconds; under 8 s in all, within SIGTERM's 10 s


class RetryingRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (Telegram's limits, retry_after honoured) that also sends an answer
    again when Telegram did not take it: a 5xx, a proxy's error page, a dropped connection or
    a timeout (NetworkError; not its subclass BadRequest, Telegram's considered refusal).

    Without this, one 502 from Telegram lost the answer and the person got "something went
    wrong" instead. A timeout is retried too, although Telegram may have sent the message
    before the answer was lost: a rare duplicate is better than a question left unanswered.

    "Typing" goes out at once, outside the limits: Telegram's 30 a second is a limit on
    messages, and counting each answer's chat action against it halved the answers per second
    under load (benchmarks/load.py). If Telegram refuses one, `_typing` logs it and answers.
    """

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint == "sendChatAction":
            return await callback(*args, **kwargs)
        for delay in RETRY_DELAYS if endpoint in RETRIED_METHODS else ():
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except NetworkError as exc:
                if isinstance(exc, BadRequest):
                    raise
                log.warning("%s failed (%s); sending it again in %.2f s", endpoint, exc, delay)
                await asyncio.sleep(delay)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)


async def _register_commands(application: Application) -> None:
    """The command menu, in Indonesian (the default) and English; failures only logged."""
    names = (("id", "bantuan", "ringkasan", "kronologi"), ("en", "help", "summary", "timeline"))
    for language, help_name, summary_name, timeline_name in names:
        commands = [
            BotCommand("start", text(language, "cmd_start")),
            BotCommand("tanya", text(language, "cmd_tanya")),
            BotCommand(summary_name, text(language, "cmd_ringkasan")),
            BotCommand(timeline_name, text(language, "cmd_kronologi")),
            BotCommand("sumber", text(language, "cmd_sumber")),
            BotCommand(help_name, text(language, "cmd_help")),
            BotCommand("lupakan", text(language, "cmd_lupakan")),
        ]
        try:
            await application.bot.set_my_commands(
                commands, language_code=None if language == "id" else language
            )
        except TelegramError as exc:
            log.warning("setMyCommands (%s) failed: %s; the bot works without the menu", language, exc)


async def _post_init(application: Application) -> None:
    services: Services = application.bot_data[SERVICES]
    store = services.store
    try:
        await store.open()
    except StorageError as exc:
        log.error(
            "STORAGE UNAVAILABLE: %s. The bot keeps answering, but questions, feedback and"
            " /lupakan are not recorded until this is fixed.",
            exc,
        )
    for update_id in await store.seen_since(time.time() - SEEN_SECONDS):
        services.seen.first(update_id)
    if not store.links_people:
        log.warning(
            "ID_HASH_KEY is not set: questions and votes are stored without any id or pseudonym,"
            " so /lupakan can only clear what the bot holds in memory"
        )
    await _register_commands(application)
    start_reloading(application.bot_data, services, services.settings)
    log.info("bot @%s is up", application.bot.username)


async def _post_shutdown(application: Application) -> None:
    services: Services = application.bot_data[SERVICES]
    await stop_reloading(application.bot_data)
    await services.store.close()
    services.worker.shutdown()


def application_builder(settings: Settings) -> ApplicationBuilder:
    """The transport every bot of this project shares (the load benchmark's echo bot too):
    token, Bot API base, HTML without link previews, the retrying rate limiter, concurrency;
    whether Telegram can be reached is logged once per change (bot.reachability)."""
    reachability = Reachability()
    bot = SkippingBot(
        settings.telegram_bot_token or "",
        base_url=settings.telegram_base_url,
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            allow_sending_without_reply=True,
        ),
        rate_limiter=RetryingRateLimiter(max_retries=2),
        # ApplicationBuilder's own pool sizes: 256 connections for calls, 1 for getUpdates
        request=WatchedRequest(reachability, connection_pool_size=256),
        get_updates_request=WatchedRequest(reachability, connection_pool_size=1),
    )
    return ApplicationBuilder().bot(bot).concurrent_updates(True)


class SkippingBot(ExtBot[int]):
    """PTB's ExtBot, except that an update it cannot read is skipped rather than fatal.

    One such update in a getUpdates batch made PTB's get_updates raise each time, so polling
    fetched the same batch about 120 times a second, logging it whole (ids and text) at
    CRITICAL each time. Here it is replaced by an empty update with the same id (so the
    offset moves past it and no handler sees it) and logged in one line without its content.
    """

    async def _post(self, endpoint: str, data: JSONDict | None = None, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            result = [self._readable(update) for update in result]
        return result

    def _readable(self, data: Any) -> Any:
        try:
            Update.de_json(data, self)
        except Exception as exc:  # whatever PTB trips on in someone's update
            update_id = data.get("update_id") if isinstance(data, dict) else None
            log.warning("skipped update %s: PTB cannot read it (%s)", update_id, type(exc).__name__)
            return {"update_id": update_id}
        return data


def serve(application: Application, settings: Settings, webhook_url: str | None) -> None:
    """Run until SIGTERM: a webhook on 0.0.0.0:$PORT at WEBHOOK_URL's path, or long polling."""
    if webhook_url:
        log.info("webhook mode")
        asyncio.run(_serve_webhook(application, settings, webhook_url))
    else:
        log.info("polling mode")
        application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)


async def _until_done(what: str, call: Callable[[], Coroutine[Any, Any, Any]], stop: asyncio.Event) -> bool:
    """Call `call` until Telegram takes it, pausing 1, 2, 4... up to 30 s between tries; False
    when SIGTERM came first. A rejected token is raised at once (InvalidToken)."""
    pause = 1.0
    while not stop.is_set():
        try:
            await call()
            return True
        except (NetworkError, RetryAfter) as exc:
            # Not reaching Telegram at all is told once by bot.reachability, not per try.
            unreachable = isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)
            log.log(
                logging.DEBUG if unreachable else logging.WARNING,
                "%s failed (%s); trying again in %.0f s",
                what,
                exc,
                pause,
            )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
        pause = min(pause * 2, 30.0)
    return False


async def _serve_webhook(application: Application, settings: Settings, webhook_url: str) -> None:
    """The webhook's life: start-up, serving until SIGTERM or SIGINT, and a clean stop.

    python-telegram-bot's Application with a server of our own (its custom-webhook pattern):
    PTB's built-in server reads any body whole before checking the secret and has no limits on
    slow or idle connections (bot.webhook has them). The port listens before setWebhook is sent."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    server = WebhookServer(
        path=settings.webhook_path,
        secret=settings.webhook_secret or "",
        queue=application.update_queue,
        bot=application.bot,
    )
    try:
        if not await _until_done("getMe", application.initialize, stop):
            return
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        server.listen(settings.port)
        await _until_done(
            "setWebhook",
            lambda: application.bot.set_webhook(
                webhook_url,
                secret_token=settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            ),
            stop,
        )
        await stop.wait()
    finally:
        server.stop_accepting()
        if application.running:
            await application.stop()  # finishes the updates in flight
        await server.close()
        if application._initialized:
            await application.shutdown()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)


def build_application(settings: Settings, answerer: Answerer) -> Application:
    """The bot, wired: handlers, shared objects, HTML defaults and the outgoing rate limiter."""
    application = (
        application_builder(settings)
        .context_types(ContextTypes(context=BotContext))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data[SERVICES] = Services(
        settings=settings,
        answerer=answerer,
        store=make_store(settings),
        flood=FloodGate(settings.rate_limit_per_minute),
    )
    private = filters.ChatType.PRIVATE
    # Cross-cutting rules first, for every update: redeliveries, other bots, flood control.
    application.add_handler(TypeHandler(Update, gate), group=-1)
    application.add_handler(CommandHandler("start", start, NEW_MESSAGE))
    application.add_handler(CommandHandler(["bantuan", "help"], help_command, NEW_MESSAGE))
    application.add_handler(CommandHandler("sumber", sources, NEW_MESSAGE))
    application.add_handler(CommandHandler("lupakan", forget, NEW_MESSAGE))
    application.add_handler(CommandHandler("tanya", ask, NEW_MESSAGE))
    application.add_handler(CommandHandler(["ringkasan", "summary"], summary, NEW_MESSAGE))
    application.add_handler(CommandHandler(["kronologi", "timeline"], timeline, NEW_MESSAGE))
    application.add_handler(
        MessageHandler(NEW_MESSAGE & private & filters.TEXT & ~filters.COMMAND, private_text)
    )
    application.add_handler(MessageHandler(NEW_MESSAGE & private & filters.COMMAND, help_command))
    application.add_handler(
        MessageHandler(NEW_MESSAGE & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, group_text)
    )
    application.add_handler(
        MessageHandler(NEW_MESSAGE & private & ~filters.TEXT & ~filters.StatusUpdate.ALL, not_text)
    )
    application.add_handler(CallbackQueryHandler(example_button, pattern=r"^ask:"))
    application.add_handler(CallbackQueryHandler(summary_button, pattern=r"^digest:"))
    application.add_handler(CallbackQueryHandler(feedback_button, pattern=r"^(up|down):[\w-]+$"))
    application.add_handler(CallbackQueryHandler(more_button, pattern=r"^more:[\w-]+$"))
    application.add_handler(CallbackQueryHandler(unknown_button))
    application.add_handler(InlineQueryHandler(inline_query))
    application.add_error_handler(error_handler)
    return application


def _refuse(reason: str) -> int:
    print(f"error: {reason}", file=sys.stderr)
    return 2


def run_bot(settings: Settings, *, force_polling: bool = False) -> int:
    """Run the bot (webhook when WEBHOOK_URL is set, else long polling) until SIGTERM; exit code."""
    if not settings.telegram_bot_token:
        return _refuse("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
    webhook_url = None if force_polling else settings.webhook_url
    if webhook_url and not settings.webhook_secret:
        return _refuse("WEBHOOK_URL is set but WEBHOOK_SECRET is not: refusing to accept unsigned updates")
    configure_logging(settings)
    answerer = Answerer.load(settings.corpus_dir, settings.index_cache_dir)
    application = build_application(settings, answerer)
    try:
        serve(application, settings, webhook_url)
    except InvalidToken:
        return _refuse("Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather")
    except OSError as exc:  # the webhook's port: taken, or not ours to bind
        return _refuse(f"cannot listen on port {settings.port}: {exc.strerror or exc}")
    return 0
