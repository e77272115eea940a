"""What the bot keeps: questions asked, feedback, per-chat state, the update ids it handled and
what its answers' buttons need, in one database behind a `Database` protocol. SQLite (one file,
bot.storage_sqlite) is the default; DATABASE_URL chooses PostgreSQL (bot.storage_postgres),
which several processes can share. `make_store` chooses from the settings.

Telegram ids are never written: each is replaced by an HMAC under ID_HASH_KEY, a key kept
outside the database; without that key nothing written can be linked to a person at all.

A database that cannot be opened or reached keeps the bot working without it: the bot goes on
answering, follow-ups and buttons are remembered in memory, the failure is logged once (and
again only when its reason changes), and opening is tried again with a growing pause until it
works. Reads made before a
reply (is this update new? the chat's last question, an older answer's buttons) give up after
`QUICK_SECONDS` and fall back to memory; writes come after the reply.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import hashlib
import hmac
import logging
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "ChatRow",
    "Database",
    "Forgot",
    "QuestionRow",
    "SavedAnswer",
    "Stats",
    "StorageError",
    "Store",
    "make_store",
    "pseudonym",
]

log = logging.getLogger(__name__)

T = TypeVar("T")


def pseudonym(key: bytes, telegram_id: int) -> str:
    """The keyed hash (HMAC-SHA256, 128 bits) stored instead of a Telegram id."""
    return hmac.new(key, str(telegram_id).encode(), hashlib.sha256).hexdigest()[:32]


class StorageError(Exception):
    """The database cannot be opened, upgraded or written; the message says why."""


@dataclass(frozen=True)
class Day:
    """One day's questions."""

    day: str  # UTC date, ISO
    questions: int
    declined: int


@dataclass(frozen=True)
class Stats:
    """What `python -m bot stats` prints."""

    days: tuple[Day, ...]
    questions: int
    declined: int
    average_ms: float
    thumbs_up: int
    thumbs_down: int
    most_declined: tuple[tuple[str, int], ...]  # (question, times declined)


@dataclass(frozen=True)
class QuestionRow:
    """One row of the question log, pseudonyms already applied."""

    asked_at: str  # UTC, ISO 8601
    chat: str
    chat_type: str
    user_hash: str
    text: str
    kind: str
    answered: bool
    sources: str
    ms: float


@dataclass(frozen=True)
class ChatRow:
    """A chat's last question as stored: pseudonyms of the chat, the asker and its people."""

    chat: str
    user_hash: str
    question: str
    at: float
    people: str  # space-separated pseudonyms


@dataclass(frozen=True)
class SavedAnswer:
    """What the buttons under one answer need, by the key the buttons carry."""

    key: str
    owner: int | None  # who asked (a Telegram id; stored as its pseudonym), for /lupakan
    question_id: int | None
    language: str
    more: str  # the next best evidence, as Telegram HTML; "" when there is none
    inline_text: str = ""  # an inline result's whole message, which "more" extends in place
    saved_at: float = 0.0


class Database(Protocol):
    """One backend's SQL. Its methods raise one of `errors` on failure; Store catches them."""

    name: str  # for log lines: the file, or the URL without its password
    errors: tuple[type[BaseException], ...]

    async def open(self) -> None:
        """Connect and migrate, or raise StorageError with one line that says why."""

    async def close(self) -> None:
        """Disconnect; safe to call twice."""

    def gone(self, exc: BaseException | None = None) -> bool:
        """Whether the connection is lost (after `exc`, or at all): the Store opens it anew."""

    async def insert_question(self, row: QuestionRow) -> int: ...

    async def upsert_feedback(
        self, *, given_at: str, answer_key: str, question_id: int | None, voter: str, value: int
    ) -> None: ...

    async def upsert_chat(self, row: ChatRow) -> None: ...

    async def chat(self, chat: str) -> ChatRow | None:
        """A chat's stored state, read on the quick path."""

    async def chats_since(self, since: float) -> list[ChatRow]: ...

    async def claim_update(self, update_id: int, now: float, prune_before: float) -> bool:
        """Record `update_id` as handled, atomically: True for the one caller that recorded it."""

    async def seen_since(self, since: float) -> list[int]: ...

    async def save_answer(self, answer: SavedAnswer, owner: str, prune_before: float) -> None: ...

    async def answer(self, key: str) -> tuple[SavedAnswer, bool] | None:
        """The stored answer behind a button and whether its "more" was sent, on the quick path."""

    async def count_sent(self, sender: str, budget: str, now: float, since: float) -> int:
        """Record one update of `sender` let through now; gives how many were since `since`."""

    async def claim_more(self, key: str, now: float) -> bool:
        """Mark the answer's "more" as sent, atomically: True for the one caller that did."""

    async def forget(self, person: str) -> None:
        """Delete every row of `person` (a pseudonym) and leave no readable copy where possible."""

    async def stats(self, most_declined: int) -> Stats: ...


QUICK_SECONDS = 1.0  # a read before a reply waits at most this long, then memory answers
RETRY_FIRST, RETRY_MAX = 1.0, 60.0  # seconds between attempts to open an unusable database
MEMORY_CHATS = 10_000  # follow-up states kept in memory at most
VOTE_TOKENS = 20_000  # without a key: the random stand-ins of recent voters, per answer
SEEN_SECONDS = 3600.0  # how long a handled update id is remembered
SAVED_CHATS_SECONDS = 24 * 3600.0  # follow-up states read back at opening (CONTEXT_MINUTES' top)
ANSWER_SECONDS = 7 * 24 * 3600.0  # how long an answer's buttons keep working
RECENT_ANSWERS = 2000  # answers whose buttons are served from memory, without the database
# The shared flood window is this much shorter than a process's own, so that the two clocks
# (wall time there, monotonic here) never make the shared count the stricter one for a
# single process.
SHARED_FLOOD_SLACK = 1.0


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Forgot(enum.Enum):
    """What /lupakan could do."""

    DONE = "done"  # every row and memory of the person deleted
    NOTHING_LINKED = "nothing_linked"  # no key: nothing stored can be traced to anyone
    UNAVAILABLE = "unavailable"  # the database could not be reached: nothing deleted there


@dataclass
class _Held:
    """An answer held in memory, and whether this process sent its "more"."""

    answer: SavedAnswer
    more_sent: bool = False


@dataclass(frozen=True)
class ChatState:
    """A chat's last answered question, for follow-ups."""

    question: str
    at: float  # seconds since the epoch
    people: frozenset[int]  # whose words it carries: the asker, and whoever it followed
    stored: bool = False  # written to the database (so its absence there means it was deleted)


class Store:
    """Everything the bot keeps, in `database`; without it, chat state and buttons in memory only."""

    def __init__(
        self,
        database: Database,
        *,
        store_questions: bool = True,
        id_key: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.database = database
        self.store_questions = store_questions
        self._key = id_key.encode() if id_key else None
        self._clock = clock
        self._open = False
        self._wanted = False  # open() was called: keep trying to (re)open
        self._retry_at = 0.0
        self._retry_delay = RETRY_FIRST
        self._last_failure = ""  # why the last attempt to open failed, said once
        # pseudonym of a chat -> its state, as found at opening: the states from before a
        # restart, for when the database cannot be read at the moment of a follow-up.
        self._saved: dict[str, ChatRow] = {}
        # chat id -> its last question. Every state written since opening is here, so a
        # follow-up never depends on the database.
        self._chats: OrderedDict[int, ChatState] = OrderedDict()
        # (answer key, user id) -> a random stand-in, for one vote per person without a key.
        self._voters: OrderedDict[tuple[str, int], str] = OrderedDict()
        # key -> an answer this process sent lately, with whether its "more" was sent.
        self._answers: OrderedDict[str, _Held] = OrderedDict()
        # keys of answers forgotten by /lupakan, so that a save still on its way is not made
        self._dropped: OrderedDict[str, None] = OrderedDict()

    @property
    def name(self) -> str:
        """The database, as log lines name it (never with a password)."""
        return self.database.name

    @property
    def links_people(self) -> bool:
        """Whether rows are written under pseudonyms (ID_HASH_KEY is set), so /lupakan finds them."""
        return self._key is not None

    async def open(self) -> None:
        """Open and upgrade the database; StorageError when it cannot be used now (it is tried
        again, with a growing pause, whenever it is needed)."""
        self._wanted = True
        try:
            await self._connect()
        except StorageError as exc:
            self._last_failure = str(exc)
            self._retry_later()
            raise

    async def _connect(self) -> None:
        await self.database.open()
        self._open = True
        self._retry_delay = RETRY_FIRST
        self._last_failure = ""
        if self.store_questions and self.links_people:
            try:
                rows = await self.database.chats_since(time.time() - SAVED_CHATS_SECONDS)
            except self.database.errors as exc:
                log.error("storage: reading the chats' last questions from %s failed: %s", self.name, exc)
                rows = []
            self._saved = {row.chat: row for row in rows}

    async def close(self) -> None:
        """Close the database (safe to call twice, or when it never opened)."""
        self._wanted = False
        await self._disconnect()

    async def _disconnect(self) -> None:
        self._open = False
        try:
            await self.database.close()
        except self.database.errors as exc:
            log.error("storage: closing %s failed: %s", self.name, exc)

    async def __aenter__(self) -> Store:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def pseudonym(self, telegram_id: int) -> str:
        """A stable stand-in for a Telegram user or chat id, keyed by ID_HASH_KEY; "" without it.

        A private chat's id is its person's id, so the two pseudonyms are equal too."""
        return "" if self._key is None else pseudonym(self._key, telegram_id)

    async def _usable(self, *, reopen: bool = True) -> bool:
        """Whether the database is open; reopens one that was lost or could not be opened, when
        its time has come and `reopen` (never on the quick path: connecting may take seconds)."""
        if self._open and self.database.gone():
            log.error("STORAGE: %s was deleted or replaced under the bot; opening it anew", self.name)
            await self._disconnect()
            self._retry_at = 0.0
        if reopen and not self._open and self._wanted and self._clock() >= self._retry_at:
            try:
                await self._connect()
                log.warning("storage: %s is usable again", self.name)
            except StorageError as exc:
                if str(exc) == self._last_failure:  # said already: not again at every attempt
                    log.warning(
                        "storage: %s is still unusable, as before; trying again in %.0f s",
                        self.name,
                        self._retry_later(),
                    )
                else:
                    log.error(
                        "STORAGE UNAVAILABLE: %s. Trying again in %.0f s; answering meanwhile.",
                        exc,
                        self._retry_later(),
                    )
                self._last_failure = str(exc)
        return self._open

    def _retry_later(self) -> float:
        """Schedule the next attempt to open, each pause twice the last (to RETRY_MAX); gives it."""
        delay = self._retry_delay
        self._retry_at = self._clock() + delay
        self._retry_delay = min(delay * 2, RETRY_MAX)
        return delay

    async def _safely(
        self, what: str, action: Callable[[], Awaitable[T]], *, quick: bool = False
    ) -> T | None:
        """Run `action` on the open database; on failure log it and give None. `quick`: a step
        before a reply, given up after QUICK_SECONDS (a timeout logged at DEBUG, a failure at
        WARNING: memory answers instead) and never reopening the database (that may take
        seconds; the writes after the reply do it)."""
        if not await self._usable(reopen=not quick):
            return None
        try:
            if quick:
                return await asyncio.wait_for(action(), QUICK_SECONDS)
            return await action()
        except TimeoutError:
            log.log(logging.DEBUG if quick else logging.ERROR, "storage: %s timed out on %s", what, self.name)
            return None
        except self.database.errors as exc:
            if self.database.gone(exc):
                log.error(
                    "STORAGE UNAVAILABLE: %s failed on %s: %s. Trying again in %.0f s; answering meanwhile.",
                    what,
                    self.name,
                    exc,
                    self._retry_later(),
                )
                await self._disconnect()
            else:  # before a reply, memory answers instead: a warning, not an error
                log.log(
                    logging.WARNING if quick else logging.ERROR,
                    "storage: %s failed on %s: %s (carrying on without it)",
                    what,
                    self.name,
                    exc,
                )
            return None

    # -- the question log -----------------------------------------------------------------

    async def log_question(
        self,
        *,
        chat_id: int,
        chat_type: str,
        user_id: int,
        text: str,
        kind: str,
        answered: bool,
        sources: tuple[str, ...],
        ms: float,
    ) -> int | None:
        """Record one question; gives its row id (None when the log is off or unavailable)."""
        if not self.store_questions:
            return None
        row = QuestionRow(
            asked_at=_now_iso(),
            chat=self.pseudonym(chat_id),
            chat_type=chat_type,
            user_hash=self.pseudonym(user_id),
            text=text,
            kind=kind,
            answered=answered,
            sources=" ".join(sources),
            ms=round(ms, 2),
        )
        return await self._safely("logging a question", lambda: self.database.insert_question(row))

    def _voter(self, answer_key: str, user_id: int) -> str:
        if self._key is not None:
            return self.pseudonym(user_id)
        # No key: a random stand-in, the same for this person's second tap on this answer only.
        token = self._voters.pop((answer_key, user_id), None) or secrets.token_hex(16)
        self._voters[(answer_key, user_id)] = token
        while len(self._voters) > VOTE_TOKENS:
            self._voters.popitem(last=False)
        return token

    async def record_feedback(
        self, *, answer_key: str, question_id: int | None, user_id: int, value: int
    ) -> bool:
        """Record 👍 (1) or 👎 (-1) for one answer; a second tap by the same person replaces it."""
        voter = self._voter(answer_key, user_id)

        async def upsert() -> bool:
            await self.database.upsert_feedback(
                given_at=_now_iso(), answer_key=answer_key, question_id=question_id, voter=voter, value=value
            )
            return True

        return bool(await self._safely("recording feedback", upsert))

    # -- per-chat state -------------------------------------------------------------------

    async def remember(
        self, *, chat_id: int, user_id: int, question: str, at: float, follows: bool = False
    ) -> None:
        """Keep `question` as the chat's last question, for follow-ups; `follows` when it was
        understood in the context of the one before (so it carries that person's words too)."""
        before = self._chats.pop(chat_id, None)
        people = frozenset({user_id} | (before.people if follows and before else set()))
        self._chats[chat_id] = ChatState(question, at, people)
        while len(self._chats) > MEMORY_CHATS:
            self._chats.popitem(last=False)
        if not (self.store_questions and self.links_people):
            return
        row = ChatRow(
            chat=self.pseudonym(chat_id),
            user_hash=self.pseudonym(user_id),
            question=question,
            at=at,
            people=" ".join(sorted(self.pseudonym(p) for p in people)),
        )


        async def upsert() -> bool:
            await self.database.upsert_chat(row)
            return True

        if await self._safely("remembering a chat's question", upsert):
            state = self._chats.get(chat_id)
            if state is not None and state.at == at and state.question == question:
                self._chats[chat_id] = replace(state, stored=True)

    async def recall(self, *, chat_id: int, now: float, max_age: float) -> str | None:
        """The chat's last question if it was asked within `max_age` seconds, else None: the
        newest of this process's memory and the database (where another process may have
        answered the chat since), which is waited for at most QUICK_SECONDS."""
        candidates: list[tuple[float, str]] = []
        state = self._chats.get(chat_id)
        if state is not None:
            candidates.append((state.at, state.question))
        if self.store_questions and self.links_people:
            chat = self.pseudonym(chat_id)

            async def read() -> list[ChatRow | None]:
                return [await self.database.chat(chat)]

            found = await self._safely("reading a chat's last question", read, quick=True)
            stored = self._saved.get(chat) if found is None else found[0]
            if found == [None] and state is not None and state.stored:
                # It was in the database and is not any more: /lupakan, in another process.
                del self._chats[chat_id]
                return None
            if stored is not None and (state is None or stored.at > state.at):
                candidates.append((stored.at, stored.question))
        if not candidates:
            return None
        at, question = max(candidates)
        return question if now - at <= max_age else None

    # -- duplicate deliveries -------------------------------------------------------------

    async def claim_update(self, update_id: int, now: float) -> bool | None:
        """Record `update_id` as handled: True when this call is the first to, False when it was
        handled before (by this process or another), None when the database could not say in
        time (then the update is answered: a rare double answer beats a lost one)."""
        return await self._safely(
            "recording an update id",
            lambda: self.database.claim_update(update_id, now, now - SEEN_SECONDS),
            quick=True,
        )

    async def seen_since(self, since: float) -> list[int]:
        """The update ids handled since `since` (seconds since the epoch), oldest first."""
        return await self._safely("reading recent update ids", lambda: self.database.seen_since(since)) or []

    # -- flood control across processes ---------------------------------------------------

    async def count_sent(self, sender: int, budget: str, now: float, window: float) -> int | None:
        """Record one update of `sender` (a Telegram id) on `budget` let through by this
        process; gives how many every process sharing the database let through in the last
        `window` seconds, this one included. None without ID_HASH_KEY (no ids are stored then)
        or when the database cannot say in time: then this process's own count decides."""
        if not self.links_people:
            return None
        person = self.pseudonym(sender)
        since = now - window + SHARED_FLOOD_SLACK
        return await self._safely(
            "counting a sender's updates",
            lambda: self.database.count_sent(person, budget, now, since),
            quick=True,
        )

    # -- the answers' buttons -------------------------------------------------------------

    def keep_answer(self, answer: SavedAnswer) -> None:
        """Hold `answer` in memory at once, so its buttons work before it is saved."""
        self._answers[answer.key] = _Held(answer)
        while len(self._answers) > RECENT_ANSWERS:
            self._answers.popitem(last=False)

    async def save_answer(self, answer: SavedAnswer) -> None:
        """Hold `answer` in memory and store it (after the reply), for its buttons."""
        if answer.key in self._dropped:  # /lupakan came between the reply and this write
            return
        answer = replace(answer, saved_at=time.time())
        held = self._answers.get(answer.key)
        if held is None:
            self.keep_answer(answer)
        else:
            held.answer = answer  # its "more" may have been sent meanwhile
        owner = self.pseudonym(answer.owner) if answer.owner is not None else ""
        await self._safely(
            "saving an answer's buttons",
            lambda: self.database.save_answer(answer, owner, answer.saved_at - ANSWER_SECONDS),
        )

    async def answer(self, key: str) -> SavedAnswer | None:
        """The answer behind a button: from memory, else from the database (any process's, up
        to ANSWER_SECONDS old); None when it was never sent, has expired or was forgotten."""
        held = self._answers.get(key)
        if held is not None:
            return held.answer
        stored = await self._safely(
            "reading an answer's buttons", lambda: self.database.answer(key), quick=True
        )
        if stored is None:
            return None
        answer, _ = stored
        return answer if time.time() - answer.saved_at <= ANSWER_SECONDS else None

    async def claim_more(self, key: str) -> bool:
        """Whether this tap sends the answer's "more": True once per answer, across processes."""
        held = self._answers.get(key)
        if held is not None:
            if held.more_sent:
                return False
            held.more_sent = True  # taps that race this one stop here, before any await
        claimed = await self._safely(
            "marking 'more' as sent", lambda: self.database.claim_more(key, time.time()), quick=True
        )
        # Unknown (no database): this process's memory decides.
        return held is not None if claimed is None else claimed

    # -- /lupakan -------------------------------------------------------------------------

    async def forget_user(self, user_id: int) -> Forgot:
        """Delete every question, feedback, chat state and answer of one person, in the
        database and in memory."""
        chats = [c for c, state in self._chats.items() if user_id in state.people or c == user_id]
        for chat in chats:
            del self._chats[chat]
        for vote in [v for v in self._voters if v[1] == user_id]:
            del self._voters[vote]
        for key in [k for k, held in self._answers.items() if held.answer.owner == user_id]:
            del self._answers[key]
            self._dropped[key] = None
        while len(self._dropped) > RECENT_ANSWERS:
            self._dropped.popitem(last=False)
        if not self.links_people:
            return Forgot.NOTHING_LINKED
        person = self.pseudonym(user_id)
        for saved in [c for c, row in self._saved.items() if c == person or person in row.people.split()]:
            del self._saved[saved]

        async def delete() -> Forgot:
            await self.database.forget(person)
            return Forgot.DONE

        return await self._safely("forgetting a person", delete) or Forgot.UNAVAILABLE

    # -- python -m bot stats --------------------------------------------------------------

    async def stats(self, *, most_declined: int = 10) -> Stats:
        """Questions per day, share declined, feedback counts and the most declined questions."""
        if not self._open:
            raise StorageError(f"{self.name}: not open")
        try:
            return await self.database.stats(most_declined)
        except self.database.errors as exc:
            raise StorageError(f"{self.name}: {exc}") from exc


def make_database(settings: Settings) -> Database:
    """PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH."""
    if settings.database_url:
        from bot.storage_postgres import PostgresDatabase

        return PostgresDatabase(settings.database_url)
    from bot.storage_sqlite import SqliteDatabase

    return SqliteDatabase(settings.database_path)


def make_store(settings: Settings) -> Store:
    """The bot's Store on the database the settings choose (see `make_database`)."""
    return Store(
        make_database(settings), store_questions=settings.store_questions, id_key=settings.id_hash_key
    )
