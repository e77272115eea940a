"""The real bot process in webhook mode: it registers its URL and secret, and refuses forgeries."""

from __future__ import annotations

import time

import pytest
from fakebotapi import Conversation, start_webhook_bot
from telegram_html_check import assert_telegram_html

SECRET = "webhook-Secret_123"
QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"


@pytest.fixture(scope="module")
def webhook(api, tmp_path_factory):
    process, url = start_webhook_bot(api, tmp_path_factory.mktemp("webhook"), SECRET)
    yield process, url
    started = time.monotonic()
    assert process.stop() == 0
    assert time.monotonic() - started < 10
    assert SECRET not in process.output and api.token not in process.output
    for call in api.calls_to("sendMessage"):
        assert_telegram_html(call.params["text"])


def test_the_webhook_is_registered_with_its_secret(api, webhook):
    _, url = webhook
    (call,) = api.calls_to("setWebhook")
    assert call.params["url"] == url
    assert call.params["secret_token"] == SECRET
    assert "callback_query" in call.params["allowed_updates"]
    assert api.calls_to("getUpdates") == []


def test_an_update_with_the_secret_is_answered(api, webhook):
    reply = Conversation(api, 2001).ask(QUESTION)  # the fake delivers it with the secret
    assert "<b>Sumber</b>" in reply["text"]


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + "x"])
def test_an_update_without_the_right_secret_gets_403_and_is_not_processed(api, webhook, secret):
    _, url = webhook
    chat = 2100 + len(secret or "")
    update = {"update_id": 999_000 + chat, "message": api.new_message(QUESTION, user_id=chat)}
    assert api.post_update(update, url=url, secret=secret) == 403
    time.sleep(0.3)
    assert api.replies(chat) == []
    # the bot is still there for real updates
    assert Conversation(api, 2002).ask("/sumber")["text"]
