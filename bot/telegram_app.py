"""The Telegram bot: python-telegram-bot handlers around the one answering object.

Each handler reads the update, asks the answerer, renders Telegram HTML and replies. Shared
objects live in `application.bot_data`, reached through `BotContext.services`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
    User,
)
from telegram.constants import ChatAction, MessageLimit, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.flood import FloodGate, Verdict
from bot.messages import text
from bot.settings import Settings
from bot.storage import StorageError, Store
from bot.telegram_html import (
    render_answer,
    render_help,
    render_more,
    render_plain,
    render_sources,
    render_start,
)
from index.answerer import Answerer
from index.answers import Answer, Kind

log = logging.getLogger(__name__)

SERVICES = "services"  # the bot_data key of the shared objects
MAX_LOG_LINE = 20_000  # characters of one log record, traceback included
EXAMPLE_BUTTONS = 3
RECENT_ANSWERS = 2000  # answers whose buttons still work; older ones say "expired"
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


@dataclass(frozen=True)
class Asked:
    """An answer the bot sent, kept so its buttons can be served."""

    answer: Answer
    question_id: int | None


class RecentAnswers:
    """The last few thousand answers, by the random key their buttons carry."""

    def __init__(self, size: int = RECENT_ANSWERS) -> None:
        self.size = size
        self._items: OrderedDict[str, Asked] = OrderedDict()

    def add(self, asked: Asked) -> str:
        """Keep `asked`; gives the key for its buttons."""
        key = secrets.token_urlsafe(6)
        self._items[key] = asked
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Asked | None:
        """The answer behind a button, or None when it was never sent or has expired."""
        return self._items.get(key)


@dataclass
class Services:
    """What every handler needs."""

    settings: Settings
    answerer: Answerer
    store: Store
    flood: FloodGate
    recent: RecentAnswers


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """The handlers' context, with the shared objects typed (PTB's contexttypesbot pattern)."""

    @property
    def services(self) -> Services:
        """The answerer, the store, the flood gate and the recent answers."""
        return self.bot_data[SERVICES]


# -- small helpers ------------------------------------------------------------------------


def _message(update: Update) -> Message:
    """The update's message (the handler's filters let no other update through)."""
    if update.effective_message is None:
        raise ValueError(f"a message handler got an update without one: {update.update_id}")
    return update.effective_message


def _button(update: Update) -> CallbackQuery:
    """The update's tapped button (CallbackQueryHandler lets no other update through)."""
    if update.callback_query is None:
        raise ValueError(f"a button handler got an update without one: {update.update_id}")
    return update.callback_query


def _language(user: User | None) -> str:
    code = (user.language_code or "") if user else ""
    return "en" if code.lower().startswith("en") else "id"


def _event(services: Services, language: str) -> str:
    return services.answerer.corpus.event.title_in(language)


def _examples(services: Services, language: str) -> tuple[str, ...]:
    return services.answerer.corpus.event.examples_in(language)[:EXAMPLE_BUTTONS]


def _answer_buttons(key: str, answer: Answer) -> InlineKeyboardMarkup:
    row = [
        InlineKeyboardButton("👍", callback_data=f"up:{key}"),
        InlineKeyboardButton("👎", callback_data=f"down:{key}"),
    ]
    if answer.more:
        row.append(InlineKeyboardButton(text(answer.language, "more_button"), callback_data=f"more:{key}"))
    return InlineKeyboardMarkup([row])


async def _typing(context: BotContext, chat_id: int) -> None:
    """Show "typing"; an error here is logged and the answer goes out anyway."""
    try:
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError as exc:
        log.warning("sendChatAction failed (%s); answering without it", exc)


async def _admit(update: Update, context: BotContext) -> bool:
    """Flood control: True to go on; else one polite "slow down", then silence."""
    user = update.effective_user
    if user is None:
        return True
    verdict = context.services.flood.check(user.id)
    if verdict is Verdict.ALLOW:
        return True
    log.info("flood control: %s for one person", verdict.value)
    note = text(_language(user), "slow_down", limit=context.services.flood.limit)
    if update.callback_query is not None:  # a tapped button must be answered, if only silently
        await update.callback_query.answer(note if verdict is Verdict.WARN else None)
    elif verdict is Verdict.WARN and update.effective_message is not None:
        await update.effective_message.reply_html(render_plain(note))
    return False


async def _answer_question(
    context: BotContext,
    *,
    chat: Chat,
    user: User | None,
    question: str,
    reply_to: Message | None,
    show_question: bool = False,
) -> None:
    """Answer `question` in `chat`, in reply to `reply_to` in groups, with the answer's buttons."""
    if len(question) > MessageLimit.MAX_TEXT_LENGTH:
        # Telegram delivers at most 4,096 characters a message, so this one was posted to the
        # webhook by someone else; answering and logging it would let a forger fill the
        # database (a 1 MB question was stored whole).
        log.warning("ignored a %d-character message: Telegram sends no such thing", len(question))
        return
    services = context.services
    await _typing(context, chat.id)
    now = time.time()
    context_seconds = services.settings.context_minutes * 60
    previous = None
    if context_seconds > 0:
        previous = await services.store.recall(chat_id=chat.id, now=now, max_age=context_seconds)
    started = time.perf_counter()
    answer = services.answerer.answer(question, previous)
    ms = (time.perf_counter() - started) * 1000
    user_id = user.id if user is not None else chat.id
    question_id = await services.store.log_question(
        chat_id=chat.id,
        chat_type=chat.type,
        user_id=user_id,
        text=question,
        kind=answer.kind.value,
        answered=answer.answered,
        sources=tuple(s.id for s in answer.sources),
        ms=ms,
    )
    log.info("%s question: %s in %.1f ms", chat.type, answer.kind.value, ms)
    markup = None
    if answer.answered:
        # The question as understood, so that a chain of follow-ups keeps its topic.
        topic = answer.topic or question
        await services.store.remember(chat_id=chat.id, user_id=user_id, question=topic, at=now)
        markup = _answer_buttons(services.recent.add(Asked(answer, question_id)), answer)
    html = render_answer(
        answer,
        event=_event(services, answer.language),
        asked=question if show_question else None,
    )
    if reply_to is not None:
        await reply_to.reply_html(html, reply_markup=markup)
    else:
        await context.bot.send_message(chat.id, html, reply_markup=markup)


def _question_for_bot(message: Message, bot: ExtBot) -> str | None:
    """The question in a group message meant for the bot, or None for ordinary chatter."""
    question = message.text or ""
    mentioned = False
    for entity in message.entities:
        if entity.type == MessageEntity.MENTION:
            is_bot = message.parse_entity(entity).lower() == f"@{bot.username}".lower()
        elif entity.type == MessageEntity.TEXT_MENTION:
            is_bot = entity.user is not None and entity.user.id == bot.id
        else:
            continue
        if is_bot:
            mentioned = True
            question = question.replace(message.parse_entity(entity), " ", 1)
    replied = message.reply_to_message
    if mentioned or (replied is not None and replied.from_user and replied.from_user.id == bot.id):
        return " ".join(question.split())
    return None


# -- handlers -----------------------------------------------------------------------------


async def start(update: Update, context: BotContext) -> None:
    """Greet, say what the bot knows and offer example questions as buttons."""
    if not await _admit(update, context):
        return
    services = context.services
    language = _language(update.effective_user)
    buttons = [
        [InlineKeyboardButton(example, callback_data=f"ask:{language}:{n}")]
        for n, example in enumerate(_examples(services, language))
    ]
    html = render_start(_event(services, language), services.answerer.corpus.sources, language)
    await _message(update).reply_html(html, reply_markup=InlineKeyboardMarkup(buttons) if buttons else None)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask, in private chats, groups and inline."""
    if not await _admit(update, context):
        return
    language = _language(update.effective_user)
    html = render_help(_event(context.services, language), context.bot.username, language)
    await _message(update).reply_html(html)


async def sources(update: Update, context: BotContext) -> None:
    """List the articles the bot has read, with their links where known."""
    if not await _admit(update, context):
        return
    language = _language(update.effective_user)
    html = render_sources(context.services.answerer.corpus.sources, language)
    await _message(update).reply_html(html)


async def forget(update: Update, context: BotContext) -> None:
    """Delete everything stored about the sender (/lupakan) and say so."""
    user = update.effective_user
    if user is None:
        return
    forgot = await context.services.store.forget_user(user.id)
    note = text(_language(user), f"forget_{forgot.value}")
    await _message(update).reply_html(render_plain(note))


async def ask(update: Update, context: BotContext) -> None:
    """Answer the question after /tanya (how groups ask)."""
    if not await _admit(update, context):
        return
    message = _message(update)
    parts = (message.text or "").split(maxsplit=1)
    question = parts[1].strip() if len(parts) > 1 else ""
    if not question:
        language = _language(update.effective_user)
        example = next(iter(_examples(context.services, language)), "…")
        await message.reply_html(render_plain(text(language, "tanya_usage", example=example)))
        return
    await _answer_question(
        context, chat=message.chat, user=update.effective_user, question=question, reply_to=message
    )


async def private_text(update: Update, context: BotContext) -> None:
    """In a private chat, any text is a question."""
    if not await _admit(update, context):
        return
    message = _message(update)
    await _answer_question(
        context,
        chat=message.chat,
        user=update.effective_user,
        question=message.text or "",
        reply_to=message,
    )


async def group_text(update: Update, context: BotContext) -> None:
    """In a group, answer a mention of the bot or a reply to it; stay silent otherwise."""
    message = _message(update)
    question = _question_for_bot(message, context.bot)
    if question is None or not await _admit(update, context):
        return
    await _answer_question(
        context, chat=message.chat, user=update.effective_user, question=question, reply_to=message
    )


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice...: say that the bot reads text questions."""
    if not await _admit(update, context):
        return
    note = text(_language(update.effective_user), "non_text")
    await _message(update).reply_html(render_plain(note))


async def example_button(update: Update, context: BotContext) -> None:
    """Ask the example question whose button was tapped."""
    query = _button(update)
    match = re.fullmatch(r"ask:(id|en):(\d+)", query.data or "")
    examples = _examples(context.services, match.group(1)) if match else ()
    number = int(match.group(2)) if match else len(examples)
    if number >= len(examples) or query.message is None:
        await query.answer(text(_language(query.from_user), "button_unknown"))
        return
    if not await _admit(update, context):
        return
    await query.answer()
    await _answer_question(
        context,
        chat=query.message.chat,
        user=query.from_user,
        question=examples[number],
        reply_to=None,
        show_question=True,
    )


async def feedback_button(update: Update, context: BotContext) -> None:
    """Record 👍 or 👎 for an answer and thank with a toast."""
    query = _button(update)
    vote, _, key = (query.data or "").partition(":")
    language = _language(query.from_user)
    asked = context.services.recent.get(key)
    if asked is None:
        await query.answer(text(language, "button_expired"))
        return
    await context.services.store.record_feedback(
        answer_key=key,
        question_id=asked.question_id,
        user_id=query.from_user.id,
        value=1 if vote == "up" else -1,
    )
    await query.answer(text(language, "feedback_up" if vote == "up" else "feedback_down"))


async def more_button(update: Update, context: BotContext) -> None:
    """Send the next best evidence for an answer, and take the spent button away."""
    query = _button(update)
    key = (query.data or "").partition(":")[2]
    asked = context.services.recent.get(key)
    if asked is None or query.message is None:
        await query.answer(text(_language(query.from_user), "button_expired"))
        return
    await query.answer()
    await context.bot.send_message(
        query.message.chat.id,
        render_more(asked.answer),
        reply_parameters=ReplyParameters(query.message.message_id, allow_sending_without_reply=True),
    )
    buttons = _answer_buttons(key, asked.answer).inline_keyboard[0][:2]
    try:
        await query.edit_message_reply_markup(InlineKeyboardMarkup([buttons]))
    except TelegramError as exc:
        log.warning("could not remove the spent 'more' button: %s", exc)


async def unknown_button(update: Update, context: BotContext) -> None:
    """Refuse, politely, callback data this bot did not make."""
    query = _button(update)
    await query.answer(text(_language(query.from_user), "button_unknown"))


async def inline_query(update: Update, context: BotContext) -> None:
    """Offer the answer to what follows @bot as a result that can be sent into any chat."""
    query = update.inline_query
    if query is None:
        raise ValueError(f"the inline handler got an update without a query: {update.update_id}")
    services = context.services
    typed = " ".join(query.query.split())
    questions = [typed] if typed else list(_examples(services, _language(query.from_user)))
    results = []
    for number, question in enumerate(questions):
        answer = services.answerer.answer(question)
        html = render_answer(answer, event=_event(services, answer.language), asked=question)
        if answer.sentences:
            description = answer.sentences[0].text
        elif answer.kind is Kind.DECLINE:
            description = text(answer.language, "decline")
        else:
            description = text(answer.language, "examples_heading")
        results.append(
            InlineQueryResultArticle(
                id=str(number),
                title=question[:100],
                description=description[:200],
                input_message_content=InputTextMessageContent(
                    html,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                ),
            )
        )
    await query.answer(results, cache_time=60)


async def error_handler(update: object, context: BotContext) -> None:
    """Log the failure with its traceback; where a person is waiting, apologise briefly."""
    kind = next((k for k in Update.ALL_TYPES if getattr(update, k, None) is not None), "no update")
    log.error("failure while handling %s", kind, exc_info=context.error)
    if not isinstance(update, Update):
        return
    language = _language(update.effective_user)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text(language, "error"))
        elif update.message is not None:
            await update.message.reply_html(render_plain(text(language, "error")))
    except TelegramError as exc:
        log.warning("could not tell the person about the failure: %s", exc)


# -- wiring -------------------------------------------------------------------------------


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
    for language, help_name in (("id", "bantuan"), ("en", "help")):
        commands = [
            BotCommand("start", text(language, "cmd_start")),
            BotCommand("tanya", text(language, "cmd_tanya")),
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
    store: Store = application.bot_data[SERVICES].store
    try:
        await store.open()
    except StorageError as exc:
        log.error(
            "STORAGE UNAVAILABLE: %s. The bot keeps answering, but questions, feedback and"
            " /lupakan are not recorded until this is fixed.",
            exc,
        )
    if not store.links_people:
        log.warning(
            "ID_HASH_KEY is not set: questions and votes are stored without any id or pseudonym,"
            " so /lupakan can only clear what the bot holds in memory"
        )
    await _register_commands(application)
    log.info("bot @%s is up", application.bot.username)


async def _post_shutdown(application: Application) -> None:
    await application.bot_data[SERVICES].store.close()


def application_builder(settings: Settings) -> ApplicationBuilder:
    """The transport every bot of this project shares (the load benchmark's echo bot too):
    token, Bot API base, HTML without link previews, the retrying rate limiter, concurrency."""
    return (
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
    )


def serve(application: Application, settings: Settings, webhook_url: str | None) -> None:
    """Run until SIGTERM: a webhook on 0.0.0.0:$PORT at WEBHOOK_URL's path, or long polling."""
    if webhook_url:
        log.info("webhook mode: listening on port %d", settings.port)
        application.run_webhook(
            listen="0.0.0.0",
            port=settings.port,
            url_path=urlsplit(webhook_url).path,
            webhook_url=webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=-1,
        )
    else:
        log.info("polling mode")
        application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)


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
        store=Store(
            settings.database_path,
            store_questions=settings.store_questions,
            id_key=settings.id_hash_key,
        ),
        flood=FloodGate(settings.rate_limit_per_minute),
        recent=RecentAnswers(),
    )
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("start", start, NEW_MESSAGE))
    application.add_handler(CommandHandler(["bantuan", "help"], help_command, NEW_MESSAGE))
    application.add_handler(CommandHandler("sumber", sources, NEW_MESSAGE))
    application.add_handler(CommandHandler("lupakan", forget, NEW_MESSAGE))
    application.add_handler(CommandHandler("tanya", ask, NEW_MESSAGE))
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
    application.add_handler(CallbackQueryHandler(feedback_button, pattern=r"^(up|down):[\w-]+$"))
    application.add_handler(CallbackQueryHandler(more_button, pattern=r"^more:[\w-]+$"))
    application.add_handler(CallbackQueryHandler(unknown_button))
    application.add_handler(InlineQueryHandler(inline_query))
    application.add_error_handler(error_handler)
    return application


class _Redacting(logging.Formatter):
    """Replaces secrets in every formatted line, tracebacks included (PTB puts the token in
    its InvalidToken message and in its request URLs)."""

    def __init__(self, fmt: str, secrets_: tuple[str, ...]) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets_ if s)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        for secret in self._secrets:
            line = line.replace(secret, "<redacted>")
        if len(line) > MAX_LOG_LINE:
            # PTB logs a webhook body it cannot read whole: a hostile 1 MB post must not
            # become 1 MB of log.
            line = f"{line[:MAX_LOG_LINE]}… [{len(line) - MAX_LOG_LINE} more characters]"
        return line


def _configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        _Redacting(
            "%(asctime)s %(levelname)s %(name)s: %(message)s",
            (settings.telegram_bot_token or "", settings.webhook_secret or ""),
        )
    )
    # A rejected token is reported in one line by run_bot; PTB's traceback for it adds nothing.
    handler.addFilter(lambda record: not (record.exc_info and isinstance(record.exc_info[1], InvalidToken)))
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


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
    _configure_logging(settings)
    answerer = Answerer.load(settings.corpus_dir, settings.index_cache_dir)
    application = build_application(settings, answerer)
    try:
        serve(application, settings, webhook_url)
    except InvalidToken:
        return _refuse("Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather")
    return 0
