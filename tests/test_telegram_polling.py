"""The real bot process, long-polling the fake Bot API: what people see in private and groups.

One bot process serves the whole module; each test talks as its own person (its own user
id), so tests do not share flood counts or follow-up state.
"""

from __future__ import annotations

import sqlite3
import time

import pytest
from fakebotapi import ID_HASH_KEY, BotProcess, Conversation
from telegram_html_check import assert_telegram_html

from bot.storage import pseudonym
from bot.telegram_html import render_answer
from index.answerer import Answerer
from index.answers import Answer

RATE_LIMIT = 5
QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"
UNANSWERABLE = "Cuaca di Jakarta besok?"


@pytest.fixture(scope="module")
def bot(api, tmp_path_factory):
    process = BotProcess(
        api, tmp_path_factory.mktemp("polling"), env={"RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)}
    )
    process.start()
    yield process
    assert process.stop() == 0
    assert api.token not in process.output
    assert api.token.split(":")[1] not in process.output
    for call in api.calls:  # every reply the bot sent, in any form, is Telegram HTML
        if call.method in {"sendMessage", "editMessageText"}:
            assert call.params.get("parse_mode") == "HTML"
            assert call.params["link_preview_options"] == {"is_disabled": True}
            assert_telegram_html(call.params["text"])
        if call.method == "answerInlineQuery":
            for result in call.params["results"]:
                assert_telegram_html(result["input_message_content"]["message_text"])


def person(api, user_id, **kwargs) -> Conversation:
    return Conversation(api, user_id, **kwargs)


def database(bot) -> sqlite3.Connection:
    return sqlite3.connect(bot.env["DATABASE_PATH"])


def rows_when(bot, sql: str, params: tuple, expected, timeout: float = 10.0):
    """The rows of `sql` once they equal `expected`: the bot writes them just after replying."""
    deadline = time.monotonic() + timeout
    while True:
        with database(bot) as db:
            found = db.execute(sql, params).fetchall()
        if found == expected or time.monotonic() > deadline:
            return found
        time.sleep(0.02)


def buttons(reply) -> list[tuple[str, str]]:
    keyboard = reply.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in keyboard for b in row]


def test_the_bot_starts_polling_with_its_command_menu_in_two_languages(api, bot):
    api.wait_for("deleteWebhook")
    menus = api.wait_for("setMyCommands", count=2)
    by_language = {call.params.get("language_code"): call.params["commands"] for call in menus}
    assert set(by_language) == {None, "en"}
    id_commands = [c["command"] for c in by_language[None]]
    en_commands = [c["command"] for c in by_language["en"]]
    assert {"start", "tanya", "ringkasan", "kronologi", "sumber", "bantuan", "lupakan"} <= set(id_commands)
    assert {"help", "summary", "timeline"} <= set(en_commands)
    assert by_language[None][0]["description"] != by_language["en"][0]["description"]


def test_start_says_what_the_bot_knows_and_offers_three_example_buttons(api, bot):
    reply = person(api, 1001).ask("/start")
    assert "Halo!" in reply["text"]
    assert "5 artikel" in reply["text"] and "Kontan" in reply["text"]
    *examples, summary = buttons(reply)
    assert len(examples) == 3
    assert examples[0] == ("Di mana Kim Jong Un dan Putin bertemu?", "ask:id:0")
    assert summary == ("Ringkasan", "digest:id")


def test_start_speaks_english_to_an_english_telegram(api, bot):
    reply = person(api, 1002, language="en-GB").ask("/start")
    assert "Hello!" in reply["text"] and "5 articles" in reply["text"]
    assert buttons(reply)[0][1] == "ask:en:0"
    assert buttons(reply)[0][0].startswith("Where")
    assert buttons(reply)[-1] == ("Summary", "digest:en")


def test_tapping_an_example_asks_it(api, bot):
    alice = person(api, 1003)
    start = alice.ask("/start")
    message = api.last_sent(alice.chat)
    assert buttons(message) == buttons(start)
    query = api.tap("ask:id:1", message=message, user_id=alice.user_id)
    answer = alice.reply(after=1)
    assert answer["text"].startswith("❓ <b>Naik apa Kim Jong Un ke Rusia?</b>")
    assert "[1]" in answer["text"] and "<b>Sumber</b>" in answer["text"]
    (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    assert "text" not in toast.params  # just stops the button's spinner


def test_a_private_question_gets_quotes_sources_links_and_buttons(api, bot):
    alice = person(api, 1004)
    reply = alice.ask(QUESTION)
    text = reply["text"]
    assert text.startswith("“") and "” [1]" in text
    assert "<b>Sumber</b>\n[1] " in text and '<a href="https://' in text
    assert [label for label, _ in buttons(reply)] == ["👍", "👎", "Lebih lengkap"]
    # "typing" was shown before the answer went out
    typing = api.calls_to("sendChatAction", chat_id=alice.chat)
    answer = api.calls_to("sendMessage", chat_id=alice.chat)
    assert typing and typing[0].params["action"] == "typing"
    assert typing[0].at <= answer[0].at


def test_a_question_full_of_html_is_answered_safely(api, bot):
    for question in ("<b>Di mana</b> Kim & Putin <script>bertemu</script>?", "<<>>&&;;"):
        reply = person(api, 1005).ask(question)
        assert_telegram_html(reply["text"])
        assert "<script>" not in reply["text"]


def test_a_decline_offers_examples_and_no_buttons(api, bot):
    reply = person(api, 1006).ask(UNANSWERABLE)
    assert "tidak menjawab" in reply["text"] and "• " in reply["text"]
    assert buttons(reply) == []


def answered(api, conversation, question=QUESTION):
    """Ask, and give the bot's answer as the Bot API returned it (with its message id)."""
    conversation.ask(question)
    return api.last_sent(conversation.chat)


def test_thumbs_are_recorded_and_acknowledged(api, bot):
    alice = person(api, 1007)
    message = answered(api, alice)
    up, down, _ = (data for _, data in buttons(message))
    query = api.tap(up, message=message, user_id=alice.user_id)
    (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    assert "penilaian" in toast.params["text"]
    query = api.tap(down, message=message, user_id=2007)  # someone else in the chat disagrees
    (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    assert "catat" in toast.params["text"]
    votes = rows_when(
        bot,
        "SELECT value FROM feedback WHERE answer_key = ? ORDER BY value",
        (up.split(":")[1],),
        [(-1,), (1,)],
    )
    assert votes == [(-1,), (1,)]


def test_more_sends_the_next_evidence_and_retires_its_button(api, bot):
    alice = person(api, 1008)
    message = answered(api, alice)
    more = buttons(message)[2][1]
    api.tap(more, message=message, user_id=alice.user_id)
    extra = alice.reply(after=1)
    assert extra["text"].startswith("<b>Kutipan lain:</b>")
    assert extra["reply_parameters"]["message_id"] == message["message_id"]
    (edit,) = api.wait_for("editMessageReplyMarkup", message_id=message["message_id"])
    assert [b["text"] for b in edit.params["reply_markup"]["inline_keyboard"][0]] == ["👍", "👎"]


@pytest.mark.parametrize(
    ("data", "toast"),
    [
        ("up:neverMadeByTheBot", "kedaluwarsa"),
        ("more:neverMadeByTheBot", "kedaluwarsa"),
        ("ask:id:9", "tidak mengenali"),
        ("ask:xx:0", "tidak mengenali"),
        ("'; DROP TABLE feedback; --", "tidak mengenali"),
        ("", "tidak mengenali"),
    ],
)
def test_callback_data_the_bot_did_not_make_is_refused_politely(api, bot, data, toast):
    alice = person(api, 1900 + len(data))  # a person per case: taps count against the limit too
    message = answered(api, alice) if not data.startswith("ask") else {
        "message_id": 1, "date": 0, "chat": {"id": alice.chat, "type": "private"}, "text": "x"
    }  # fmt: skip
    query = api.tap(data, message=message, user_id=alice.user_id)
    (call,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    assert toast in call.params["text"]


def test_sumber_lists_every_article_and_invents_no_link(api, bot):
    reply = person(api, 1010).ask("/sumber")
    text = reply["text"]
    for outlet in ("DW Indonesia", "Kompas.com", "kumparan", "VIVA", "Kontan"):
        assert outlet in text
    assert text.count("<a href=") == 4
    assert "[5] Kontan, 25 April 2019 (terjemahan dari Reuters; tautan tidak diketahui)" in text


@pytest.mark.parametrize(("command", "word"), [("/bantuan", "/tanya"), ("/help", "/tanya"),
                                               ("/apaini", "/sumber")])  # fmt: skip
def test_help_explains_groups_and_inline(api, bot, command, word):
    reply = person(api, 1011).ask(command)
    assert word in reply["text"] and "@berita_test_bot" in reply["text"]
    assert "/ringkasan:" in reply["text"] and "/kronologi:" in reply["text"]


def test_groups_stay_silent_on_chatter_and_answer_tanya_mentions_and_replies(api, bot):
    group = -100_500
    bob = person(api, 1012, chat_id=group, chat_type="supergroup")
    bob.say("halo semua, ada yang tahu tempat makan enak?")
    bob.say(QUESTION)  # not addressed to the bot: ordinary chatter
    asked = bob.say(f"/tanya {QUESTION}")
    first = bob.reply()
    assert first["reply_parameters"]["message_id"] == asked["message_id"]
    assert "<b>Sumber</b>" in first["text"]

    mention = "@berita_test_bot"
    text = f"{mention} naik apa Kim ke Rusia?"
    asked = bob.say(text, entities=[{"type": "mention", "offset": 0, "length": len(mention)}])
    second = bob.reply(after=1)
    assert second["reply_parameters"]["message_id"] == asked["message_id"]

    bot_message = api.last_sent(group)
    asked = bob.say("berapa buruh Korea Utara di Rusia?", reply_to=bot_message)
    third = bob.reply(after=2)
    assert third["reply_parameters"]["message_id"] == asked["message_id"]

    bob.say("/tanya@berita_test_bot")  # no question: say how to ask
    assert "/tanya " in bob.reply(after=3)["text"]
    time.sleep(0.3)
    assert len(api.replies(group)) == 4  # nothing for the chatter


def test_inline_mode_offers_the_answer_with_citations(api, bot):
    query = api.inline("di mana mereka bertemu", user_id=1013)
    (call,) = api.wait_for("answerInlineQuery", inline_query_id=query["id"])
    (result,) = call.params["results"]
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["link_preview_options"] == {"is_disabled": True}
    assert content["message_text"].startswith("❓ <b>di mana mereka bertemu</b>")
    assert "[1]" in content["message_text"] and "<a href=" in content["message_text"]
    assert result["title"] == "di mana mereka bertemu"


def test_an_empty_inline_query_offers_the_examples(api, bot):
    query = api.inline("", user_id=1014, language="en")
    (call,) = api.wait_for("answerInlineQuery", inline_query_id=query["id"])
    titles = [r["title"] for r in call.params["results"]]
    assert len(titles) == 3 and titles[0].startswith("Where")


def said(answerer: Answerer, answer: Answer) -> str:
    """The HTML the bot sends for `answer`."""
    return render_answer(answer, event=answerer.corpus.event.title_in(answer.language))


def test_a_follow_up_is_understood_in_the_chats_context(api, bot, answerer):
    alone = said(answerer, answerer.answer("kapan itu?"))
    assert person(api, 1015).ask("kapan itu?")["text"] == alone  # alone: no context
    carol = person(api, 1016)
    carol.ask(QUESTION)
    follow_up = carol.ask("kapan itu?")
    assert follow_up["text"] == said(answerer, answerer.answer("kapan itu?", previous=QUESTION))
    assert follow_up["text"] != alone and "<b>Sumber</b>" in follow_up["text"]


def test_after_a_decline_a_follow_up_follows_nothing(api, bot, answerer):
    dora = person(api, 1030)
    dora.ask(QUESTION)
    assert "tidak menjawab" in dora.ask(UNANSWERABLE)["text"]
    reply = dora.ask("kapan itu?")
    assert reply["text"] == said(answerer, answerer.answer("kapan itu?"))  # not about QUESTION
    assert reply["text"] != said(answerer, answerer.answer("kapan itu?", previous=QUESTION))


def test_in_a_group_a_reply_follows_the_answer_it_replies_to(api, bot, answerer):
    group = -100_600
    ed = person(api, 1031, chat_id=group, chat_type="supergroup")
    ed.ask(f"/tanya {QUESTION}")
    meeting = api.last_sent(group)
    second = "Berapa buruh Korea Utara di Rusia?"
    ed.ask(f"/tanya {second}")  # the chat's last question is now about the workers
    workers = answerer.answer(second, previous=QUESTION).topic
    asked = ed.say("kapan itu?", reply_to=meeting)
    reply = ed.reply(after=2)
    assert reply["reply_parameters"]["message_id"] == asked["message_id"]
    assert reply["text"] == said(answerer, answerer.answer("kapan itu?", previous=QUESTION))
    assert reply["text"] != said(answerer, answerer.answer("kapan itu?", previous=workers))
    # a reply to a message that answered nothing (here /sumber's list) follows nothing either
    ed.ask("/sumber")
    listing = api.last_sent(group)
    ed.say("kapan itu?", reply_to=listing)
    assert ed.reply(after=4)["text"] == said(answerer, answerer.answer("kapan itu?"))


def test_ringkasan_sends_the_digest_with_buttons(api, bot, answerer):
    reply = person(api, 1032).ask("/ringkasan")
    assert reply["text"] == said(answerer, answerer.digest("id"))
    assert reply["text"].startswith("<b>Ringkasan</b>\n\n• “")
    assert 3 <= reply["text"].count("\n• “") <= 6 and "\n\n<b>Sumber</b>\n[1] " in reply["text"]
    assert [label for label, _ in buttons(reply)][:2] == ["👍", "👎"]
    english = person(api, 1033, language="en").ask("/summary")
    assert english["text"] == said(answerer, answerer.digest("en"))
    assert english["text"].startswith("<b>Summary</b>\n\n• “")


def test_the_summary_button_under_start_sends_the_digest(api, bot, answerer):
    fay = person(api, 1034)
    fay.ask("/start")
    start = api.last_sent(fay.chat)
    query = api.tap("digest:id", message=start, user_id=fay.user_id)
    assert fay.reply(after=1)["text"] == said(answerer, answerer.digest("id"))
    (toast,) = api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    assert "text" not in toast.params


def test_kronologi_in_a_group_replies_with_the_timeline(api, bot, answerer):
    group = -100_700
    gus = person(api, 1035, chat_id=group, chat_type="supergroup")
    asked = gus.say("/kronologi")
    reply = gus.reply()
    assert reply["reply_parameters"]["message_id"] == asked["message_id"]
    assert reply["text"] == said(answerer, answerer.timeline("id"))
    assert reply["text"].startswith("<b>Kronologi</b>\n\n<b>")
    gus.say("/timeline@berita_test_bot")
    assert gus.reply(after=1)["text"] == reply["text"]  # the person's Telegram is Indonesian
    gus.say("/ringkasan@another_bot")  # for another bot: not ours to answer
    time.sleep(0.3)
    assert len(api.replies(group)) == 2


def test_non_text_messages_get_a_short_note(api, bot):
    dave = person(api, 1017)
    sticker = {
        "file_id": "s",
        "file_unique_id": "s",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 10, "height": 10}]
    voice = {"file_id": "v", "file_unique_id": "v", "duration": 3}
    for n, kind in enumerate(({"sticker": sticker}, {"photo": photo}, {"voice": voice})):
        before = len(api.replies(dave.chat))
        dave.say(None, **kind)
        assert "teks" in dave.reply(after=before)["text"]
        assert before == n


def test_edited_messages_and_channel_posts_are_ignored_without_failure(api, bot):
    erin = person(api, 1018)
    original = api.new_message(QUESTION, user_id=erin.user_id)
    api.push("edited_message", {**original, "edit_date": int(time.time())})
    channel = {"message_id": 5, "date": 0, "chat": {"id": -100_777, "type": "channel"}, "text": "x"}
    api.push("channel_post", channel)
    api.push("edited_channel_post", {**channel, "edit_date": 1})
    assert "<b>Sumber</b>" in erin.ask(QUESTION)["text"]
    time.sleep(0.2)
    assert len(api.replies(erin.chat)) == 1 and api.replies(-100_777) == []
    assert "failure while handling" not in bot.output


def test_flood_control_one_polite_slow_down_then_silence(api, bot):
    frank = person(api, 1019)
    for _ in range(RATE_LIMIT + 3):
        frank.say(QUESTION)
    replies = api.wait_for("sendMessage", chat_id=frank.chat, count=RATE_LIMIT + 1)
    time.sleep(0.5)
    replies = api.replies(frank.chat)
    assert len(replies) == RATE_LIMIT + 1
    slow_down = [r for r in replies if "Pelan-pelan" in r["text"]]
    assert len(slow_down) == 1 and f"{RATE_LIMIT} pertanyaan per menit" in slow_down[0]["text"]
    assert person(api, 1020).ask(QUESTION)  # others are unaffected


def test_a_failing_typing_action_does_not_stop_the_answer(api, bot):
    api.fail("sendChatAction", status=500, description="Internal Server Error")
    assert "<b>Sumber</b>" in person(api, 1021).ask(QUESTION)["text"]
    assert "sendChatAction failed" in bot.output


def test_a_failure_in_a_handler_is_logged_and_the_person_told(api, bot):
    api.fail("sendMessage", status=400, description="Bad Request: something odd")
    henry = person(api, 1022)
    henry.say(QUESTION)
    assert "<b>Sumber</b>" in henry.reply()["text"]  # the answer the fake API refused
    assert "ada yang salah" in henry.reply(after=1)["text"]
    assert "failure while handling message" in bot.output
    assert "Traceback" in bot.output
    assert "<b>Sumber</b>" in henry.ask(QUESTION)["text"]  # and it carries on


def test_questions_are_logged_and_lupakan_deletes_them(api, bot):
    gina = person(api, 1023)
    message = answered(api, gina)
    query = api.tap(buttons(message)[0][1], message=message, user_id=gina.user_id)
    api.wait_for("answerCallbackQuery", callback_query_id=query["id"])
    gina_id = pseudonym(ID_HASH_KEY.encode(), gina.user_id)
    for table in ("questions", "chat_state", "feedback"):  # written just after the replies
        count = f"SELECT COUNT(*) FROM {table} WHERE user_hash = ?"
        assert rows_when(bot, count, (gina_id,), [(1,)]) == [(1,)], table
    with database(bot) as db:
        (row,) = db.execute(
            "SELECT text, kind, answered, sources, ms, chat_type FROM questions WHERE chat = ?",
            (gina_id,),
        ).fetchall()
        assert row[:3] == (QUESTION, "answer", 1) and row[3] and row[4] >= 0
        assert row[5] == "private"
        assert str(gina.user_id) not in str(db.execute("SELECT * FROM questions").fetchall())

    reply = gina.ask("/lupakan")
    assert "Sudah saya hapus" in reply["text"]
    with database(bot) as db:
        for table in ("questions", "chat_state", "feedback"):
            count = db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_hash = ?", (gina_id,))
            assert count.fetchone() == (0,), table
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone()[0] > 0  # others' remain


def test_telegram_asking_to_retry_later_is_honoured(api, bot):
    api.fail("sendMessage", status=429, description="Too Many Requests: retry after 1", retry_after=1)
    reply = person(api, 1024).ask(QUESTION)  # the refused attempt
    assert reply["text"].startswith("“")
    (first, second) = api.wait_for("sendMessage", chat_id=1024, count=2)
    assert second.params["text"] == first.params["text"]  # sent again by the rate limiter
    assert second.at - first.at >= 1


def test_an_inline_query_full_of_html_gives_safe_results(api, bot):
    query = api.inline("<b>di mana</b> Kim & Putin <a href='x'>bertemu</a>?", user_id=1025)
    (call,) = api.wait_for("answerInlineQuery", inline_query_id=query["id"])
    (result,) = call.params["results"]
    text = result["input_message_content"]["message_text"]
    assert_telegram_html(text)
    assert text.startswith("❓ <b>&lt;b&gt;di mana&lt;/b&gt; Kim &amp; Putin &lt;a href=")


def test_after_lupakan_a_reply_to_the_persons_answer_follows_nothing(api, bot, answerer):
    group = -100_800
    ivy = person(api, 1036, chat_id=group, chat_type="supergroup")
    jon = person(api, 1037, chat_id=group, chat_type="supergroup")
    ivy.ask(f"/tanya {QUESTION}")
    answered_ivy = api.last_sent(group)
    ivy.ask("/lupakan")
    jon.say("kapan itu?", reply_to=answered_ivy)
    assert jon.reply(after=2)["text"] == said(answerer, answerer.answer("kapan itu?"))
