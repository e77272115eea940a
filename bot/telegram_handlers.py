"""The Telegram handlers: each reads the update, asks the one answering object, renders
Telegram HTML and replies. Shared objects live in `application.bot_data`, reached through
`BotContext.services` (python-telegram-bot's contexttypesbot pattern).
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

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
from telegram.error import BadRequest, Conflict, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop, CallbackContext, ExtBot

from bot.flood import FloodGate, Verdict
from bot.framing import clarify, shown_quotes, without_quotes
from bot.messages import text
from bot.settings import Settings
from bot.storage import SavedAnswer, Store
from bot.telegram_html import (
    render_answer,
    render_help,
    render_more,
    render_plain,
    render_sources,
    render_start,
)
from index.answerer import Answerer
from index.answers import QUOTING, Answer, Kind

log = logging.getLogger(__name__)

SERVICES = "services"  # the bot_data key of the shared objects
EXAMPLE_BUTTONS = 3
SEEN_UPDATES = 10_000  # update ids remembered in memory, to answer a redelivery once
RECENT_TOPICS = 2000  # answers whose topic a reply to them follows, kept in memory
INLINE_ALLOWANCE = 3  # inline queries come one per keystroke: this many times the limit


@dataclass(frozen=True)
class Topic:
    """What an answer was about, and whose words that carries (the asker, and the askers of
    the questions it followed)."""

    question: str
    people: frozenset[int]


class RecentTopics:
    """The topic of each of the bot's last few thousand answers, by chat and message id, so a
    message replying to one of them follows that answer rather than the chat's last question."""

    def __init__(self, size: int = RECENT_TOPICS) -> None:
        self.size = size
        self._topics: OrderedDict[tuple[int, int], Topic] = OrderedDict()

    def add(self, chat_id: int, message_id: int, topic: Topic) -> None:
        """Keep the topic of the answer sent as `message_id` in `chat_id`."""
        self._topics[(chat_id, message_id)] = topic
        while len(self._topics) > self.size:
            self._topics.popitem(last=False)

    def get(self, chat_id: int, message_id: int) -> Topic | None:
        """The topic of that answer; None for a message that answered nothing, or was forgotten."""
        return self._topics.get((chat_id, message_id))

    def last(self, chat_id: int) -> Topic | None:
        """The topic of the chat's latest answer kept here."""
        return next((t for (chat, _), t in reversed(self._topics.items()) if chat == chat_id), None)

    def forget(self, person: int) -> None:
        """Drop every topic that carries `person`'s words (/lupakan)."""
        for key in [k for k, topic in self._topics.items() if person in topic.people]:
            del self._topics[key]


class SeenUpdates:
    """The update ids handled lately, so that an update Telegram delivers again is answered once."""

    def __init__(self, size: int = SEEN_UPDATES) -> None:
        self.size = size
        self._ids: OrderedDict[int, None] = OrderedDict()

    def first(self, update_id: int) -> bool:
        """Record `update_id`; False when it was seen before."""
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


@dataclass
class Services:
    """What every handler needs."""

    settings: Settings
    answerer: Answerer
    store: Store
    flood: FloodGate
    seen: SeenUpdates = field(default_factory=SeenUpdates)
    topics: RecentTopics = field(default_factory=RecentTopics)
    # Answering is CPU work: one worker thread does it, so the event loop (every other chat,
    # the webhook, the buttons) never waits for a long question.
    worker: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="answerer")
    )

    async def answer(self, question: str, previous: str | None = None) -> Answer:
        """The answerer's answer to `question`, computed in the worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.worker, self.answerer.answer, question, previous)

    async def overview(self, what: str, language: str) -> Answer:
        """The digest ("digest") or the timeline ("timeline") of the corpus, computed in the
        worker thread like an answer."""
        loop = asyncio.get_running_loop()
        make = self.answerer.digest if what == "digest" else self.answerer.timeline
        return await loop.run_in_executor(self.worker, make, language)


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """The handlers' context, with the shared objects typed (PTB's contexttypesbot pattern)."""

    @property
    def services(self) -> Services:
        """The answerer, the store and the flood gate."""
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


def _answer_buttons(key: str, language: str, more: bool) -> InlineKeyboardMarkup:
    row = [
        InlineKeyboardButton("👍", callback_data=f"up:{key}"),
        InlineKeyboardButton("👎", callback_data=f"down:{key}"),
    ]
    if more:
        row.append(InlineKeyboardButton(text(language, "more_button"), callback_data=f"more:{key}"))
    return InlineKeyboardMarkup([row])


def _buttons_for(answer: Answer, owner: int | None, inline_text: str = "") -> SavedAnswer:
    """What the buttons under `answer` need, under a new random key (stored by the Store)."""
    more = render_more(answer) if answer.more else ""
    return SavedAnswer(secrets.token_urlsafe(6), owner, None, answer.language, more, inline_text)


async def _typing(context: BotContext, chat_id: int) -> None:
    """Show "typing"; an error here is logged and the answer goes out anyway."""
    try:
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError as exc:
        log.warning("sendChatAction failed (%s); answering without it", exc)


def _identity(update: Update) -> int | None:
    """Who sent the update: the chat an anonymous admin or a channel posts as, else the person.

    Telegram shows every anonymous group admin as one user (1087968824) and every post made as
    a channel as another (136817688), so their `from` is shared across all groups."""
    message = update.effective_message
    if update.message is not None and message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    user = update.effective_user
    return user.id if user is not None else None


def _costs(update: Update, bot: ExtBot) -> str | None:
    """The flood budget an update draws on ("question" or "inline"), or None when it is free:
    group chatter not addressed to the bot, edits, channel posts, anything not handled."""
    if update.callback_query is not None:
        return "question"
    if update.inline_query is not None:
        return "inline"
    message = update.message
    if message is None:
        return None
    if message.chat.type == Chat.PRIVATE:
        return "question"
    command = (message.text or "").split(maxsplit=1)[0] if message.text else ""
    if command.startswith("/"):
        _, _, addressee = command.partition("@")
        return "question" if not addressee or addressee.lower() == (bot.username or "").lower() else None
    return "question" if message.text and _question_for_bot(message, bot) is not None else None


async def gate(update: Update, context: BotContext) -> None:
    """Every update passes here first (group -1): a redelivered update, a message from another
    bot, and anything over the flood limit stop here (ApplicationHandlerStop)."""
    services = context.services
    if not services.seen.first(update.update_id):
        log.info("dropped update %d: delivered before", update.update_id)
        raise ApplicationHandlerStop
    budget = _costs(update, context.bot)
    if budget is None:
        return
    user = update.effective_user
    message = update.effective_message
    if user is not None and user.is_bot and (message is None or message.sender_chat is None):
        raise ApplicationHandlerStop  # another bot: bots answering bots is a loop waiting to happen
    # Claimed in the database too, atomically: another process given the same update, or this
    # one after a restart, then leaves it (a claim the database cannot make in time lets it by).
    if await services.store.claim_update(update.update_id, time.time()) is False:
        log.info("dropped update %d: handled before, here or by another process", update.update_id)
        raise ApplicationHandlerStop
    person = _identity(update)
    if person is None:
        return
    allowance = INLINE_ALLOWANCE if budget == "inline" else 1
    verdict = services.flood.check((budget, person), allowance)
    if verdict is Verdict.ALLOW:
        # Processes sharing the database hold a sender to one limit between them.
        count = await services.store.count_sent(person, budget, time.time(), services.flood.window)
        verdict = Verdict.ALLOW if count is None else services.flood.shared(count, allowance)
    if verdict is Verdict.ALLOW:
        return
    log.info("flood control: %s for one sender (%s)", verdict.value, budget)
    note = text(_language(user), "slow_down", limit=services.flood.limit)
    if update.callback_query is not None:  # a tapped button must be answered, if only silently
        await update.callback_query.answer(note if verdict is Verdict.WARN else None)
    elif verdict is Verdict.WARN and update.message is not None:
        await update.message.reply_html(render_plain(note))
    raise ApplicationHandlerStop


async def _previous(context: BotContext, update: Update, chat: Chat, now: float) -> Topic | None:
    """What a follow-up follows: the topic of the bot's answer the message replies to (none
    when it replies to a message that answered nothing), else the chat's last answered
    question if it came within CONTEXT_MINUTES; never anything when that is 0."""
    services = context.services
    context_seconds = services.settings.context_minutes * 60
    if context_seconds <= 0:
        return None
    replied = update.message.reply_to_message if update.message is not None else None
    if replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id:
        return services.topics.get(chat.id, replied.message_id)
    question = await services.store.recall(chat_id=chat.id, now=now, max_age=context_seconds)
    if not question:
        return None
    last = services.topics.last(chat.id)
    return Topic(question, last.people if last is not None and last.question == question else frozenset())


async def _answer_question(
    context: BotContext,
    *,
    update: Update,
    chat: Chat,
    question: str,
    reply_to: Message | None,
    show_question: bool = False,
    overview: str = "",
    language: str | None = None,
) -> None:
    """Answer `question` in `chat`, in reply to `reply_to` in groups, with the answer's buttons;
    with `overview` ("digest" or "timeline"), send that instead, in `language` (by default the
    person's). The reply goes first; the question log and the chat's state are written after."""
    if len(question) > MessageLimit.MAX_TEXT_LENGTH:
        # Telegram delivers at most 4,096 characters a message, so this one was posted to the
        # webhook by someone else; answering and logging it would let a forger fill the
        # database (a 1 MB question was stored whole).
        log.warning("ignored a %d-character message: Telegram sends no such thing", len(question))
        return
    services = context.services
    person = _identity(update)
    who = person if person is not None else chat.id
    await _typing(context, chat.id)
    now = time.time()
    follows = None if overview else await _previous(context, update, chat, now)
    previous = follows.question if follows is not None else None
    started = time.perf_counter()
    if overview:
        answer = await services.overview(overview, language or _language(update.effective_user))
    else:
        answer = await services.answer(question, previous)
    ms = (time.perf_counter() - started) * 1000
    log.info("%s question: %s in %.1f ms", chat.type, answer.kind.value, ms)
    buttons = _buttons_for(answer, who) if answer.answered else None
    markup = None
    if buttons is not None:
        services.store.keep_answer(buttons)  # its buttons work at once; stored after the reply
        markup = _answer_buttons(buttons.key, buttons.language, bool(buttons.more))
    html = render_answer(
        answer,
        event=_event(services, answer.language),
        asked=question if show_question else None,
    )
    # The question as understood, so that a chain of follow-ups keeps its topic.
    topic = answer.topic or question if answer.answered and not overview else ""
    try:
        if reply_to is not None:
            sent = await reply_to.reply_html(html, reply_markup=markup)
        else:
            sent = await context.bot.send_message(chat.id, html, reply_markup=markup)
        if topic:
            people = frozenset({who}) | (follows.people if follows is not None else frozenset())
            services.topics.add(chat.id, sent.message_id, Topic(topic, people))
    finally:
        if topic:
            await services.store.remember(
                chat_id=chat.id, user_id=who, question=topic, at=now, follows=previous is not None
            )
        elif overview or answer.kind in (Kind.DECLINE, Kind.CLARIFY):
            # Nothing to follow now: "kapan itu?" next is asked back, not read as an older question.
            await services.store.remember(chat_id=chat.id, user_id=who, question="", at=now)
        question_id = await services.store.log_question(
            chat_id=chat.id,
            chat_type=chat.type,
            user_id=who,
            text=question,
            kind=answer.kind.value,
            answered=answer.answered,
            sources=tuple(s.id for s in answer.sources),
            ms=ms,
        )
        if buttons is not None:
            await services.store.save_answer(replace(buttons, question_id=question_id))


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
    """Greet, say what the bot knows and offer example questions and the summary as buttons."""
    services = context.services
    language = _language(update.effective_user)
    buttons = [
        [InlineKeyboardButton(example, callback_data=f"ask:{language}:{n}")]
        for n, example in enumerate(_examples(services, language))
    ]
    gist = InlineKeyboardButton(text(language, "summary_button"), callback_data=f"digest:{language}")
    buttons.append([gist])
    corpus = services.answerer.corpus
    html = render_start(
        _event(services, language), corpus.sources, language, bool(corpus.event.examples_in(language))
    )
    await _message(update).reply_html(html, reply_markup=InlineKeyboardMarkup(buttons))


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask, in private chats, groups and inline."""
    language = _language(update.effective_user)
    html = render_help(_event(context.services, language), context.bot.username, language)
    await _message(update).reply_html(html)


async def sources(update: Update, context: BotContext) -> None:
    """List the articles the bot has read, with their links where known."""
    language = _language(update.effective_user)
    html = render_sources(context.services.answerer.corpus.sources, language)
    await _message(update).reply_html(html)


async def forget(update: Update, context: BotContext) -> None:
    """Delete everything stored about the sender (/lupakan) and say so."""
    person = _identity(update)
    if person is None:
        return
    context.services.topics.forget(person)
    forgot = await context.services.store.forget_user(person)
    note = text(_language(update.effective_user), f"forget_{forgot.value}")
    await _message(update).reply_html(render_plain(note))


async def ask(update: Update, context: BotContext) -> None:
    """Answer the question after /tanya (how groups ask)."""
    message = _message(update)
    parts = (message.text or "").split(maxsplit=1)
    question = parts[1].strip() if len(parts) > 1 else ""
    if not question:
        language = _language(update.effective_user)
        example = next(iter(_examples(context.services, language)), "…")
        await message.reply_html(render_plain(text(language, "tanya_usage", example=example)))
        return
    await _answer_question(context, update=update, chat=message.chat, question=question, reply_to=message)


async def private_text(update: Update, context: BotContext) -> None:
    """In a private chat, any text is a question."""
    message = _message(update)
    await _answer_question(
        context, update=update, chat=message.chat, question=message.text or "", reply_to=message
    )


async def group_text(update: Update, context: BotContext) -> None:
    """In a group, answer a mention of the bot or a reply to it; stay silent otherwise."""
    message = _message(update)
    question = _question_for_bot(message, context.bot)
    if question is None:
        return
    await _answer_question(context, update=update, chat=message.chat, question=question, reply_to=message)


async def summary(update: Update, context: BotContext) -> None:
    """Send the gist of the news, from several outlets (/ringkasan, /summary)."""
    message = _message(update)
    question = message.text or ""
    await _answer_question(
        context, update=update, chat=message.chat, question=question, reply_to=message, overview="digest"
    )


async def timeline(update: Update, context: BotContext) -> None:
    """Send the dated statements in date order (/kronologi, /timeline)."""
    message = _message(update)
    question = message.text or ""
    await _answer_question(
        context, update=update, chat=message.chat, question=question, reply_to=message, overview="timeline"
    )


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice...: say that the bot reads text questions."""
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
    await query.answer()
    await _answer_question(
        context,
        update=update,
        chat=query.message.chat,
        question=examples[number],
        reply_to=None,
        show_question=True,
    )


async def summary_button(update: Update, context: BotContext) -> None:
    """Send the gist of the news when the "Ringkasan" button under /start is tapped."""
    query = _button(update)
    match = re.fullmatch(r"digest:(id|en)", query.data or "")
    if match is None or query.message is None:
        await query.answer(text(_language(query.from_user), "button_unknown"))
        return
    await query.answer()
    await _answer_question(
        context,
        update=update,
        chat=query.message.chat,
        question="/ringkasan",
        reply_to=None,
        overview="digest",
        language=match.group(1),
    )


async def feedback_button(update: Update, context: BotContext) -> None:
    """Thank for 👍 or 👎 with a toast, then record it."""
    query = _button(update)
    vote, _, key = (query.data or "").partition(":")
    language = _language(query.from_user)
    asked = await context.services.store.answer(key)
    if asked is None:
        await query.answer(text(language, "button_expired"))
        return
    await query.answer(text(language, "feedback_up" if vote == "up" else "feedback_down"))
    await context.services.store.record_feedback(
        answer_key=key,
        question_id=asked.question_id,
        user_id=query.from_user.id,
        value=1 if vote == "up" else -1,
    )


async def more_button(update: Update, context: BotContext) -> None:
    """Send the next best evidence for an answer, and take the spent button away. Under an
    inline result (no chat to send to), the message itself is extended with it."""
    query = _button(update)
    key = (query.data or "").partition(":")[2]
    store = context.services.store
    asked = await store.answer(key)
    if asked is None or not asked.more or (query.message is None and not asked.inline_text):
        await query.answer(text(_language(query.from_user), "button_expired"))
        return
    await query.answer()
    if not await store.claim_more(key):  # taps that raced the first (on any process)
        return
    buttons = InlineKeyboardMarkup([_answer_buttons(key, asked.language, False).inline_keyboard[0][:2]])
    if query.message is None:
        extended = f"{asked.inline_text}\n\n{asked.more}"
        await query.edit_message_text(
            extended if len(extended) <= MessageLimit.MAX_TEXT_LENGTH else asked.more, reply_markup=buttons
        )
        return
    await context.bot.send_message(
        query.message.chat.id,
        asked.more,
        reply_parameters=ReplyParameters(query.message.message_id, allow_sending_without_reply=True),
    )
    try:
        await query.edit_message_reply_markup(buttons)
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
    owner = _identity(update)
    kept = []
    for number, question in enumerate(questions):
        answer = await services.answer(question)
        html = render_answer(answer, event=_event(services, answer.language), asked=question)
        buttons = _buttons_for(answer, owner, inline_text=html) if answer.answered else None
        if buttons is not None:
            services.store.keep_answer(buttons)
            kept.append(buttons)
        if answer.sentences:
            description = shown_quotes(answer.sentences)[0].text
        elif answer.kind is Kind.CLARIFY:
            description = clarify(answer)
        elif answer.kind in QUOTING or answer.kind is Kind.DECLINE:
            description = without_quotes(answer)
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
                reply_markup=None
                if buttons is None
                else _answer_buttons(buttons.key, buttons.language, bool(buttons.more)),
            )
        )
    await query.answer(results, cache_time=60)
    for buttons in kept:  # stored after the reply, so that they work after a restart too
        await services.store.save_answer(buttons)


async def error_handler(update: object, context: BotContext) -> None:
    """Log the failure with its traceback; where a person is waiting, apologise briefly."""
    unreachable = isinstance(context.error, NetworkError) and not isinstance(context.error, BadRequest)
    if update is None and unreachable:  # getUpdates: bot.reachability says so once, not per retry
        log.debug("getUpdates failed: %s", context.error)
        return
    if update is None and isinstance(context.error, Conflict):
        # Telegram ends one getUpdates when another starts: a second process polls with this
        # token. Said in one line (a minute at most, see bot.logs), not a traceback per poll.
        log.error(
            "another process is polling with this bot's token (Telegram answered 409 Conflict):"
            " run exactly one web or one worker, or questions are answered twice"
        )
        return
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
