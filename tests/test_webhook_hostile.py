"""Requests to the webhook that are not Telegram's updates: each is refused or ignored without
side effects (no message sent, no row stored), and the next real update is still answered."""

from __future__ import annotations

import json
import socket
import sqlite3
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from fakebotapi import BotProcess, Conversation, start_webhook_bot

SECRET = "hostile-Secret_42"
QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def webhook(api, tmp_path_factory):
    process, url = start_webhook_bot(api, tmp_path_factory.mktemp("hostile"), SECRET)
    yield process, url
    assert process.stop() == 0
    assert SECRET not in process.output


def post(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST `body` as it is, the way a careful client does (`Expect: 100-continue`): the body
    goes only once the server has said it wants it; gives the final HTTP status."""
    parts = urlsplit(url)
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(
            f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n"
            f"Content-Length: {len(body)}\r\nExpect: 100-continue\r\n{head}\r\n".encode()
        )
        stream = sock.makefile("rb")
        status = int(stream.readline().split()[1])
        if status == 100:
            while stream.readline() not in {b"\r\n", b""}:
                pass
            sock.sendall(body)
            status = int(stream.readline().split()[1])
        return status


def update(text: str = QUESTION, chat_id: int = 5001) -> bytes:
    """A real-looking update, as JSON."""
    message = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Mallory"},
        "text": text,
    }
    return json.dumps({"update_id": 900_001, "message": message}).encode()


JSON = {"Content-Type": "application/json"}
SIGNED = {**JSON, "X-Telegram-Bot-Api-Secret-Token": SECRET}
REFUSED_AT_THE_DOOR = {"no secret", "wrong secret", "form content type", "no content type"}
HOSTILE: dict[str, tuple[bytes, dict[str, str]]] = {  # what: (body, headers)
    "no secret": (update(), JSON),
    "wrong secret": (update(), {**JSON, "X-Telegram-Bot-Api-Secret-Token": "guess"}),
    "form content type": (
        update(),
        {**SIGNED, "Content-Type": "application/x-www-form-urlencoded"},
    ),
    "no content type": (update(), {"X-Telegram-Bot-Api-Secret-Token": SECRET}),
    "empty body": (b"", SIGNED),
    "invalid JSON": (b'{"update_id": 1, "message": {', SIGNED),
    "1 MB of junk": (b"\xff<html>" * (MB // 7), SIGNED),
    "1 MB question": (update("Putin? " * (MB // 7)), SIGNED),
    "JSON list": (b"[1, 2, 3]", SIGNED),
    "JSON string": (b'"update"', SIGNED),
    "JSON null": (b"null", SIGNED),
    "object without update_id": (b'{"hello": "world"}', SIGNED),
    "update of nothing": (b'{"update_id": 77}', SIGNED),
    "message without chat": (b'{"update_id": 78, "message": {"message_id": 1}}', SIGNED),
    "message not an object": (b'{"update_id": 79, "message": "hi"}', SIGNED),
}


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait for `condition` to hold (AssertionError after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        time.sleep(0.02)


def stored_questions(process: BotProcess) -> int:
    with sqlite3.connect(f"file:{process.env['DATABASE_PATH']}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_request_has_no_effect_and_the_next_update_is_answered(api, webhook, case):
    process, url = webhook
    body, headers = HOSTILE[case]
    sent_before = len(api.calls_to("sendMessage"))
    rows_before = stored_questions(process)
    status = post(url, body, headers)
    time.sleep(0.3)  # time for any effect to show
    assert status in {200, 400, 403, 413, 500}
    if case in REFUSED_AT_THE_DOOR:
        assert status == 403
    assert len(api.calls_to("sendMessage")) == sent_before, api.calls[-1]
    assert stored_questions(process) == rows_before
    reply = Conversation(api, 5002).ask(QUESTION)
    assert "<b>Sumber</b>" in reply["text"]
    wait_until(lambda: stored_questions(process) == rows_before + 1)  # logged after the reply
    assert process.process is not None and process.process.poll() is None
