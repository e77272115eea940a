"""Two bot processes polling with one token, against a fake Bot API that answers 409 Conflict to
the older getUpdates as Telegram does: each question is still answered, and each bot says
what is wrong in one line instead of a traceback per poll."""

from __future__ import annotations

import time

from fakebotapi import BotProcess, Conversation, FakeBotAPI

QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"


def test_two_bots_on_one_token_say_so_and_still_answer(tmp_path):
    env = {"RATE_LIMIT_PER_MINUTE": "1000"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with FakeBotAPI() as api:
        first = BotProcess(api, tmp_path / "a", env=env).start()
        second = BotProcess(api, tmp_path / "b", env=env).start()
        try:
            chats = range(8101, 8111)
            for chat in chats:
                Conversation(api, chat).say(QUESTION)
            for chat in chats:
                api.wait_for("sendMessage", chat_id=chat)
            deadline = time.monotonic() + 15
            while "409 Conflict" not in first.output + second.output:  # the polls collide
                assert time.monotonic() < deadline, first.output + second.output
                time.sleep(0.05)
        finally:
            codes = (first.stop(), second.stop())
    assert codes == (0, 0)
    outputs = first.output + second.output
    assert "409 Conflict" in outputs and "run exactly one" in outputs
    assert "Traceback" not in outputs
