"""The webhook under attack, against the real bot process: bodies refused from their headers,
slow and idle connections closed, open connections capped below the file limit, the path
matched literally, and the port listening before Telegram is told the URL."""

from __future__ import annotations

import json
import socket
import time
from urllib.parse import urlsplit

import pytest
from fakebotapi import Conversation, FakeBotAPI, start_webhook_bot

SECRET = "limits-Secret_0123456789"
QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"
MB = 1024 * 1024


def connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=15)


def headers_only(url: str, length: int, *, secret: str | None, path: str | None = None) -> int:
    """Send a POST's headers announcing `length` bytes, and none of the body; the status."""
    head = f"POST {path or urlsplit(url).path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    if secret is not None:
        head += f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n"
    with connect(url) as sock:
        sock.sendall(f"{head}Content-Length: {length}\r\n\r\n".encode())
        return int(sock.makefile("rb").readline().split()[1])


def closed_by_server(sock: socket.socket) -> bool:
    """Wait (up to the socket's timeout) for the server to hang up."""
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True


@pytest.fixture(scope="module")
def webhook(api, tmp_path_factory):
    process, url = start_webhook_bot(api, tmp_path_factory.mktemp("limits"), SECRET, path="/hook.v1")
    yield process, url
    assert process.stop() == 0


def test_the_port_listens_before_telegram_is_told_the_url(api, webhook):
    assert api.webhook_listening is True


@pytest.mark.parametrize("secret", [None, "wrong-secret-0123456789"])
def test_a_huge_body_without_the_secret_is_refused_from_the_headers(webhook, secret):
    _, url = webhook
    assert headers_only(url, 95 * MB, secret=secret) == 403  # no byte of the body was needed


def test_a_body_over_1_mb_is_refused_from_the_headers(webhook):
    _, url = webhook
    assert headers_only(url, MB + 1, secret=SECRET) == 413


def test_the_path_is_matched_literally(api, webhook):
    _, url = webhook
    assert headers_only(url, 10, secret=SECRET, path="/hookXv1") == 404
    assert headers_only(url, 10, secret=SECRET, path="/hook") == 404
    assert "<b>Sumber</b>" in Conversation(api, 6001).ask(QUESTION)["text"]  # /hook.v1 works


def test_json_with_a_charset_is_json(api, webhook):
    _, url = webhook
    update = {"update_id": 6_100_001, "message": api.new_message(QUESTION, user_id=6002)}
    body = json.dumps(update).encode()
    with connect(url) as sock:
        sock.sendall(
            f"POST /hook.v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; charset=utf-8\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        assert int(sock.makefile("rb").readline().split()[1]) == 200
    api.wait_for("sendMessage", chat_id=6002)


def test_slow_and_idle_connections_are_closed(webhook):
    _, url = webhook
    idle, slow = connect(url), connect(url)
    with idle, slow:
        started = time.monotonic()
        slow.sendall(
            f"POST /hook.v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\nContent-Length: 100\r\n\r\n{{".encode()
        )
        assert closed_by_server(slow) and closed_by_server(idle)
        assert time.monotonic() - started < 13  # 10 s for the body, or for the headers


def test_stalled_connections_past_the_file_limit_leave_updates_answered(tmp_path):
    with FakeBotAPI() as api:
        process, url = start_webhook_bot(api, tmp_path, SECRET, prefix=("prlimit", "--nofile=256:256"))
        stalled = []
        try:
            for _ in range(400):  # more than the bot has files for
                sock = connect(url)
                sock.sendall(b"POST /telegram/hook HTTP/1.1\r\nHost: x\r\n")  # and no more
                stalled.append(sock)
            started = time.monotonic()
            reply = Conversation(api, 6003).ask(QUESTION)
            assert "<b>Sumber</b>" in reply["text"]
            assert time.monotonic() - started < 2
        finally:
            for sock in stalled:
                sock.close()
            exit_code = process.stop()
        assert exit_code == 0
        assert "128 connections at most" in process.output
        assert "Too many open files" not in process.output
        assert len(process.output) < 100_000
