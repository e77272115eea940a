"""What the real bot process writes to its log when asked to say more (LOG_LEVEL=DEBUG), and
when Telegram hands it an update python-telegram-bot cannot read."""

from __future__ import annotations

import time

from fakebotapi import BotProcess, Conversation, FakeBotAPI

SECRET_WORDS = "Rahasia-Pribadi-Sekali"


def test_debug_logs_hold_no_ids_and_no_question_text(tmp_path):
    with FakeBotAPI() as api:
        bot = BotProcess(api, tmp_path, env={"LOG_LEVEL": "DEBUG"}).start()
        reply = Conversation(api, 918273645).ask(f"Di mana Kim bertemu Putin? {SECRET_WORDS}")
        assert reply["text"]
        assert bot.stop() == 0
    assert "918273645" not in bot.output and SECRET_WORDS not in bot.output


def test_an_update_ptb_cannot_read_is_skipped_in_one_line_and_polling_goes_on(tmp_path):
    with FakeBotAPI() as api:
        bot = BotProcess(api, tmp_path).start()
        polls_before = len(api.calls_to("getUpdates"))
        api.push("message", {"message_id": 1, "text": SECRET_WORDS, "from": {"id": 918273646}})
        reply = Conversation(api, 4501).ask("Di mana Kim Jong Un dan Putin bertemu?")
        assert "<b>Sumber</b>" in reply["text"]
        started = time.monotonic()
        assert bot.stop() == 0
        polls = len(api.calls_to("getUpdates")) - polls_before
    assert polls < 10 + 10 * (time.monotonic() - started), polls  # not ~120 a second
    assert bot.output.count("skipped update") == 1
    assert "CRITICAL" not in bot.output
    assert SECRET_WORDS not in bot.output and "918273646" not in bot.output
