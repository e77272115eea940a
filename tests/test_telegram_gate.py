"""The gate every update passes first, against the real bot process: flood control on every kind
of update (buttons, /lupakan, inline), anonymous admins told apart by the chat they post as,
other bots ignored, an update delivered twice answered once (across a restart too), and what
/lupakan clears in memory."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from fakebotapi import ID_HASH_KEY, BotProcess, Conversation, FakeBotAPI, start_webhook_bot

from bot.flood import FloodGate
from bot.settings import load_settings
from bot.storage import Store, pseudonym
from bot.storage_sqlite import SqliteDatabase
from bot.telegram_handlers import Services
from index.answers import Answer, Kind

RATE_LIMIT = 5
QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"
ANONYMOUS_ADMIN = 1087968824  # the one user Telegram shows for every group's anonymous admins
SETTLE = 0.5  # seconds to let anything that should not happen show itself


@pytest.fixture(scope="module")
def bot(api, tmp_path_factory):
    process = BotProcess(api, tmp_path_factory.mktemp("gate"), env={"RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)})
    process.start()
    yield process
    assert process.stop() == 0


def buttons(reply) -> dict[str, str]:
    keyboard = reply.get("reply_markup", {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in keyboard for b in row}


def answered(api, who: Conversation) -> dict:
    """Ask QUESTION; gives the bot's answer as a message that buttons can be tapped under."""
    who.ask(QUESTION)
    return api.last_sent(who.chat)


def test_thirty_taps_on_more_send_one_message(api, bot):
    ana = Conversation(api, 7001)
    message = answered(api, ana)
    more = buttons(message)["Lebih lengkap"]
    queries = [api.tap(more, message=message, user_id=ana.user_id) for _ in range(30)]
    for query in queries:  # every tap is answered, if only to stop its spinner
        api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    time.sleep(SETTLE)
    assert len(api.replies(ana.chat)) == 2  # the answer and one "more"


def test_lupakan_is_flood_controlled(api, bot):
    budi = Conversation(api, 7002)
    for _ in range(50):
        budi.say("/lupakan")
    api.wait_for("sendMessage", chat_id=budi.chat, count=RATE_LIMIT + 1)
    time.sleep(SETTLE)
    replies = api.replies(budi.chat)
    assert len(replies) == RATE_LIMIT + 1
    assert sum("Pelan-pelan" in r["text"] for r in replies) == 1


def test_inline_queries_are_flood_controlled_with_room_for_typing(api, bot):
    queries = [api.inline(f"di mana kim {n}", user_id=7003) for n in range(60)]
    ids = {q["id"] for q in queries}

    def mine(call) -> bool:
        return call.params["inline_query_id"] in ids

    api.wait_for("answerInlineQuery", mine, count=3 * RATE_LIMIT)
    time.sleep(SETTLE)
    assert len([c for c in api.calls_to("answerInlineQuery") if mine(c)]) == 3 * RATE_LIMIT


def test_anonymous_admins_of_two_groups_are_two_senders(api, bot):
    def admin_of(group: int) -> Conversation:
        return Conversation(api, ANONYMOUS_ADMIN, chat_id=group, chat_type="supergroup")

    def sender(group: int) -> dict:
        return {
            "from": {
                "id": ANONYMOUS_ADMIN,
                "is_bot": True,
                "first_name": "Group",
                "username": "GroupAnonymousBot",
            },
            "sender_chat": {"id": group, "type": "supergroup", "title": f"Group {group}"},
        }

    first, second = -1007101, -1007102
    for _ in range(RATE_LIMIT + 1):  # the first group's admin uses up its budget, and is told
        admin_of(first).say(f"/tanya {QUESTION}", **sender(first))
    replies = api.wait_for("sendMessage", chat_id=first, count=RATE_LIMIT + 1)
    assert sum("Pelan-pelan" in r.params["text"] for r in replies) == 1
    # the other group's anonymous admin is someone else
    reply = admin_of(second).ask(f"/tanya {QUESTION}", **sender(second))
    assert "<b>Sumber</b>" in reply["text"]
    # /lupakan from the second deletes its rows and not the first's
    database = bot.env["DATABASE_PATH"]
    key = ID_HASH_KEY.encode()
    count = "SELECT COUNT(*) FROM questions WHERE user_hash = ?"
    with sqlite3.connect(database) as db:  # the rows are written just after the replies
        deadline = time.monotonic() + 10
        while db.execute(count, (pseudonym(key, second),)).fetchone() != (1,):
            assert time.monotonic() < deadline
            time.sleep(0.02)
    assert "Sudah saya hapus" in admin_of(second).ask("/lupakan", **sender(second))["text"]
    with sqlite3.connect(database) as db:
        assert db.execute(count, (pseudonym(key, second),)).fetchone() == (0,)
        assert db.execute(count, (pseudonym(key, first),)).fetchone() == (RATE_LIMIT,)
        assert db.execute(count, (pseudonym(key, ANONYMOUS_ADMIN),)).fetchone() == (0,)


def test_other_bots_are_not_answered(api, bot):
    group = -1007201
    mention = f"@{api.username} {QUESTION}"
    other_bot = {"from": {"id": 7202, "is_bot": True, "first_name": "Echo", "username": "echo_bot"}}
    entities = [{"type": "mention", "offset": 0, "length": len(api.username) + 1}]
    Conversation(api, 7202, chat_id=group, chat_type="supergroup").say(
        mention, entities=entities, **other_bot
    )
    Conversation(api, 7202, chat_id=group, chat_type="supergroup").say(f"/tanya {QUESTION}", **other_bot)
    # a person in the same group, after the bot: answered
    reply = Conversation(api, 7203, chat_id=group, chat_type="supergroup").ask(mention, entities=entities)
    assert "<b>Sumber</b>" in reply["text"]
    time.sleep(SETTLE)
    assert len(api.replies(group)) == 1


def test_after_lupakan_the_persons_buttons_have_expired(api, bot):
    cita = Conversation(api, 7004)
    message = answered(api, cita)
    assert "Sudah saya hapus" in cita.ask("/lupakan")["text"]
    query = api.tap(buttons(message)["👍"], message=message, user_id=cita.user_id)
    (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    assert "kedaluwarsa" in toast.params["text"]


def test_an_update_delivered_twice_is_answered_once_even_across_a_restart(tmp_path):
    with FakeBotAPI() as api:
        process, url = start_webhook_bot(api, tmp_path, "gate-Secret_0123456789")
        update = {"update_id": 7_300_001, "message": api.new_message(QUESTION, user_id=7301)}
        for _ in range(3):  # Telegram sends it again when the first answer was late
            assert api.post_update(update, url=url, secret=api.webhook_secret) == 200
        api.wait_for("sendMessage", chat_id=7301)
        time.sleep(SETTLE)
        assert process.stop() == 0
        process, url = start_webhook_bot(api, tmp_path, "gate-Secret_0123456789")
        assert api.post_update(update, url=url, secret=api.webhook_secret) == 200
        reply = Conversation(api, 7302).ask(QUESTION)  # a new update is answered
        assert "<b>Sumber</b>" in reply["text"]
        time.sleep(SETTLE)
        assert process.stop() == 0
        assert len(api.replies(7301)) == 1
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (2,)


async def test_answering_runs_off_the_event_loop(tmp_path):
    threads = []

    class Recording:
        def answer(self, question: str, previous: str | None = None) -> Answer:
            threads.append(threading.current_thread())
            return Answer(question=question, kind=Kind.DECLINE, language="id")

    settings = load_settings({"DATA_DIR": str(tmp_path)})
    services = Services(
        settings=settings,
        answerer=Recording(),  # type: ignore[arg-type]
        store=Store(SqliteDatabase(tmp_path / "bot.sqlite3")),
        flood=FloodGate(5),
    )
    answer = await services.answer("q?")
    services.worker.shutdown()
    assert answer.question == "q?"
    assert threads and threads[0] is not threading.main_thread()
