"""The Telegram handlers: each reads the update, asks the one answering object, renders
Telegram HTML and replies. Shared objects live in `application.bot_data`, reached through
`BotContext.services` (python-telegram-bot's contexttypesbot pattern).
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass

from telegram import (
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
from telegram.error import TelegramError
from telegram.ext import CallbackContext, ExtBot

from bot.flood import FloodGate, Verdict
from bot.messages import text
from bot.settings import Settings
from bot.storage import Store
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
EXAMPLE_BUTTONS = 3
RECENT_ANSWERS = 2000  # answers whose buttons still work; older ones say "expired"


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
