"""A fake Telegram Bot API server on 127.0.0.1, and a runner for the real bot process against it.

The server speaks the Bot API's HTTP shape (`POST /bot<token>/<method>`, `{"ok": ..., "result":
...}`), records every call the bot makes, long-polls `getUpdates` from a queue the test fills,
and delivers updates to a registered webhook the way Telegram does. Faults are injected per
method with `fail()` (the next calls) or `fail_randomly()` (now and then, from a seeded
random draw); add new kinds of fault to `Fault` and `_answer_fault`.

A fault is answered before the method's work is done, so a failed sendMessage sends nothing:
that is what Telegram does when a request fails on the way in (a proxy's 502, an overloaded
front end, a 429), and it is the only case a bot can safely retry. A request Telegram carried
out but whose answer was lost cannot be told apart from one it never saw, so "exactly one
answer" is only provable for the first kind.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:AAFakeTokenForTestsOnly_doNotLeak-42x"
ID_HASH_KEY = "tests-only-id-hash-key-0123456789abcdef"  # the bots' ID_HASH_KEY in the tests
# Request fields whose values PTB sends JSON-encoded.
JSON_FIELDS = {
    "allowed_updates",
    "button",
    "commands",
    "entities",
    "link_preview_options",
    "reply_markup",
    "reply_parameters",
    "results",
    "scope",
}
INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "user_id"}


@dataclass(frozen=True)
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float


@dataclass
class Fault:
    """What the server does instead of answering a method normally."""

    status: int = 500
    description: str = "Internal Server Error"
    times: int | None = 1  # None: every call
    delay: float = 0.0  # seconds to wait before answering (the real answer, if status is 0)
    retry_after: int | None = None
    # "error": Telegram's JSON error body; "not_json": an HTML page, as a proxy in front of
    # Telegram sends (with `status`; 200 too); "timeout": hold the request for `delay` seconds
    # (longer than the bot waits), then hang up without doing the work.
    kind: str = "error"

    @property
    def label(self) -> str:
        """What went wrong, in a word or two (for test summaries)."""
        if self.kind == "timeout":
            return "timeout"
        return f"{self.status}{' not JSON' if self.kind == 'not_json' else ''}"


class _Conflict(Exception):
    """A getUpdates ended by a newer one."""


@dataclass
class _RandomFaults:
    """A pool of faults, one drawn for a share (`rate`) of a method's calls."""

    rate: float
    faults: list[Fault]
    rng: random.Random


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 resets connections when many calls come at once
    fake: FakeBotAPI


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self._handle({})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        content_type = self.headers.get("Content-Type", "")
        if "json" in content_type:
            params = json.loads(body or "{}")
        else:
            params = {k: _decode(k, v) for k, v in parse_qsl(body, keep_blank_values=True)}
        self._handle(params)

    def _handle(self, params: dict[str, Any]) -> None:
        status, payload = self.server.fake.dispatch(self.path, params)
        if isinstance(payload, str):  # a fault's page that is not JSON
            data, content_type = payload.encode(), "text/html"
        else:
            data, content_type = json.dumps(payload).encode(), "application/json"
        # The bot hangs up on a long poll when it stops, or on a request it gave up waiting
        # for; that is not an error.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)


def _decode(key: str, value: str) -> Any:
    if key in JSON_FIELDS:
        return json.loads(value)
    if key in INT_FIELDS:
        try:
            return int(value)
        except ValueError:
            return value
    return value


@dataclass
class FakeBotAPI:
    """The Bot API as far as this bot uses it, on a free loopback port."""

    token: str = TOKEN
    username: str = "berita_test_bot"
    bot_id: int = 123456789
    calls: list[Call] = field(default_factory=list)
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_listening: bool | None = None  # whether the URL took connections at setWebhook
    bind_port: int = 0  # 0: any free port

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._faults: dict[str, list[Fault]] = {}
        self._random_faults: dict[str, _RandomFaults] = {}
        self.injected: list[tuple[str, str]] = []  # (method, fault) for every fault answered
        self.processed: list[Call] = []  # the calls answered with success (the work was done)
        self._chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # (chat, id) -> sent message
        self._stopping = False
        self._polls = 0  # getUpdates calls so far: a newer one ends the one waiting
        self._server = _Server(("127.0.0.1", self.bind_port), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The TELEGRAM_BASE_URL for the bot: the token is appended to it."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Berita",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def start(self) -> FakeBotAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- faults ---------------------------------------------------------------------------

    def fail(self, method: str, **fault: Any) -> None:
        """Answer the next call(s) to `method` with an error (see `Fault` for the options)."""
        with self._lock:
            self._faults.setdefault(method, []).append(Fault(**fault))

    def fail_randomly(
        self, method: str, *, rate: float, faults: list[Fault], seed: int = 0
    ) -> None:
        """Answer a share `rate` of the calls to `method` with one of `faults`, drawn at random
        (seeded, so a run repeats); a fault whose `times` runs out leaves the pool."""
        with self._lock:
            self._random_faults[method] = _RandomFaults(rate, list(faults), random.Random(seed))

    def stop_failing(self) -> None:
        """Answer every call normally from now on."""
        with self._lock:
            self._faults.clear()
            self._random_faults.clear()

    def _take_fault(self, method: str) -> Fault | None:
        with self._lock:
            faults = self._faults.get(method) or []
            chaos = self._random_faults.get(method)
            if faults:
                fault = faults[0]
            elif chaos is not None and chaos.faults and chaos.rng.random() < chaos.rate:
                fault = chaos.rng.choice(chaos.faults)
                faults = chaos.faults
            else:
                return None
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    faults.remove(fault)
            return fault

    # -- updates from "people" ------------------------------------------------------------

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update of `kind` ("message", "callback_query", ...) for the bot."""
        with self._lock:
            update = {"update_id": next(self._update_ids), kind: payload}
            self._updates.append(update)
            self._lock.notify_all()
        if self.webhook_url:
            self.deliver(update)
        return update

    def user(self, user_id: int, language: str = "id") -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
            "language_code": language,
        }

    def chat(self, chat_id: int, chat_type: str = "private") -> dict[str, Any]:
        chat = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = f"Group {chat_id}"
        self._chats[chat_id] = chat
        return chat

    def new_message(
        self,
        text: str | None,
        *,
        user_id: int,
        chat_id: int | None = None,
        chat_type: str = "private",
        language: str = "id",
        entities: list[dict[str, Any]] | None = None,
        reply_to: dict[str, Any] | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A message as a person sends it (not yet queued)."""
        chat_id = user_id if chat_id is None else chat_id
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id, chat_type),
            "from": self.user(user_id, language),
            **extra,
        }
        if text is not None:
            message["text"] = text
        if entities:
            message["entities"] = entities
        elif text is not None and text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return message

    def send(self, text: str | None, **kwargs: Any) -> dict[str, Any]:
        """A person sends `text` (see `new_message`); gives the message."""
        message = self.new_message(text, **kwargs)
        self.push("message", message)
        return message

    def tap(
        self, data: str, *, message: dict[str, Any], user_id: int, language: str = "id"
    ) -> dict[str, Any]:
        """A person taps an inline button carrying `data` under `message`."""
        query = {
            "id": f"cb{next(self._query_ids)}",
            "from": self.user(user_id, language),
            "chat_instance": "fake-instance",
            "message": message,
            "data": data,
        }
        self.push("callback_query", query)
        return query

    def inline(self, query: str, *, user_id: int, language: str = "id") -> dict[str, Any]:
        """A person types `@bot query` in some chat."""
        payload = {
            "id": f"iq{next(self._query_ids)}",
            "from": self.user(user_id, language),
            "query": query,
            "offset": "",
        }
        self.push("inline_query", payload)
        return payload

    # -- webhook delivery -----------------------------------------------------------------

    def post_update(self, update: dict[str, Any], *, url: str, secret: str | None) -> int:
        """POST one update to `url` with the given secret header (None: no header); the status."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(
            url, data=json.dumps(update).encode(), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def deliver(self, update: dict[str, Any]) -> int:
        """Deliver an update to the registered webhook as Telegram would."""
        return self.post_update(update, url=self.webhook_url, secret=self.webhook_secret or None)

    # -- what the bot did -----------------------------------------------------------------

    def calls_to(self, method: str, **match: Any) -> list[Call]:
        """The calls to `method` whose params include `match`."""
        with self._lock:
            calls = list(self.calls)
        return [
            c
            for c in calls
            if c.method == method and all(c.params.get(k) == v for k, v in match.items())
        ]

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] = lambda call: True,
        *,
        timeout: float = 10.0,
        count: int = 1,
        **match: Any,
    ) -> list[Call]:
        """Wait until `count` calls to `method` match; gives them (AssertionError on timeout)."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls_to(method, **match) if predicate(c)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = [(c.method, c.params) for c in self.calls[-10:]]
                raise AssertionError(f"no {count} {method} {match} within {timeout}s; last: {seen}")
            time.sleep(0.02)

    def replies(self, chat_id: int) -> list[dict[str, Any]]:
        """The params of every sendMessage to `chat_id`, in order."""
        return [c.params for c in self.calls_to("sendMessage", chat_id=chat_id)]

    def sent_message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """A message the bot sent, as the Bot API returned it (for replying to it)."""
        return self.messages[(chat_id, message_id)]

    def last_sent(self, chat_id: int) -> dict[str, Any]:
        """The latest message the bot sent to `chat_id`, as the Bot API returned it."""
        return self.messages[(chat_id, max(m for c, m in self.messages if c == chat_id))]

    # -- the API --------------------------------------------------------------------------

    def dispatch(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any] | str]:
        """Answer one HTTP request: (status, JSON body)."""
        prefix, _, method = path.lstrip("/").rpartition("/")
        if prefix != f"bot{self.token}":
            return HTTPStatus.UNAUTHORIZED, {
                "ok": False,
                "error_code": 401,
                "description": "Unauthorized",
            }
        with self._lock:
            self.calls.append(Call(method, params, time.time()))
        fault = self._take_fault(method)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status or fault.kind != "error":
                with self._lock:
                    self.injected.append((method, fault.label))
                return self._answer_fault(fault)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return HTTPStatus.NOT_FOUND, {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        try:
            result = handler(params)
        except _Conflict:
            return HTTPStatus.CONFLICT, {
                "ok": False,
                "error_code": 409,
                "description": "Conflict: terminated by other getUpdates request;"
                " make sure that only one bot instance is running",
            }
        with self._lock:
            self.processed.append(Call(method, params, time.time()))
        return HTTPStatus.OK, {"ok": True, "result": result}

    def _answer_fault(self, fault: Fault) -> tuple[int, dict[str, Any] | str]:
        if fault.kind == "not_json":
            return fault.status, f"<html><body><h1>{fault.description}</h1></body></html>"
        if fault.kind == "timeout":  # the bot has given up by now; nothing was done
            return HTTPStatus.GATEWAY_TIMEOUT, "<html><body>504 Gateway Time-out</body></html>"
        body: dict[str, Any] = {
            "ok": False,
            "error_code": fault.status,
            "description": fault.description,
        }
        if fault.retry_after is not None:
            body["parameters"] = {"retry_after": fault.retry_after}
        return fault.status, body

    def _api_getMe(self, params: dict[str, Any]) -> Any:
        return self.bot_user

    def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        with self._lock:
            # As with Telegram, a new getUpdates ends the one still waiting (a second bot
            # polling with the same token) with 409 Conflict.
            self._polls += 1
            poll = self._polls
            self._lock.notify_all()
            # Confirmed updates are gone for good, as with Telegram.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping:
                if self._polls != poll:
                    raise _Conflict
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._lock.wait(remaining)
            return list(self._updates[: int(params.get("limit") or 100)])

    def _sent(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chats.get(chat_id, {"id": chat_id, "type": "private"}),
            "from": self.bot_user,
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        return self._sent(params)

    def _edited(self, params: dict[str, Any]) -> Any:
        if params.get("inline_message_id"):
            return True
        key = (params["chat_id"], params["message_id"])
        message = dict(self.messages.get(key) or self._sent(params))
        if "text" in params:
            message["text"] = params["text"]
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        self.messages[key] = message
        return message

    _api_editMessageText = _edited
    _api_editMessageReplyMarkup = _edited

    def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        # Telegram posts the pending updates at once: a bot must be listening by now. The URL
        # is taken only once that is known, so whoever sees it sees the answer too.
        url = params.get("url", "")
        listening = _accepts_connections(url)
        self.webhook_secret = params.get("secret_token", "")
        self.webhook_listening = listening
        self.webhook_url = url
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url = ""
        self.webhook_secret = ""
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}

    def _ok(self, params: dict[str, Any]) -> Any:
        return True

    _api_sendChatAction = _ok
    _api_setMyCommands = _ok
    _api_deleteMyCommands = _ok
    _api_answerCallbackQuery = _ok
    _api_answerInlineQuery = _ok
    _api_close = _ok
    _api_logOut = _ok


def _accepts_connections(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 443), timeout=1):
            return True
    except OSError:
        return False


# -- the real bot process -------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_PROCESS_NUMBERS = itertools.count(1)


class BotProcess:
    """`python -m bot run` in a subprocess, configured for `api` and a temporary data folder."""

    def __init__(
        self,
        api: FakeBotAPI,
        data_dir: Path,
        *,
        env: dict[str, str] | None = None,
        args: tuple[str, ...] = ("run",),
        prefix: tuple[str, ...] = (),
    ) -> None:
        self.api = api
        self.data_dir = data_dir
        self.log_path = data_dir / f"bot-{next(_PROCESS_NUMBERS)}.log"  # never reused
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONUNBUFFERED": "1",
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_BASE_URL": api.base_url,
            "CORPUS_DIR": str(ROOT / "corpus"),
            "DATA_DIR": str(data_dir),
            "DATABASE_PATH": str(data_dir / "bot.sqlite3"),
            "INDEX_CACHE_DIR": str(data_dir / "index-cache"),
            "LOG_LEVEL": "INFO",
            "ID_HASH_KEY": ID_HASH_KEY,
            **(env or {}),
        }
        self.args = args
        self.prefix = prefix  # a command that runs the bot, e.g. with fewer privileges
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, *, wait_ready: bool = True) -> BotProcess:
        """Start the process; by default wait until it has registered its command menu."""
        assert self.process is None, "this bot process was started already"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [*self.prefix, sys.executable, "-m", "bot", *self.args],
                cwd=self.data_dir,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if wait_ready:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 15.0) -> None:
        """Wait for the log line the bot writes once it is up (after post_init)."""
        deadline = time.monotonic() + timeout
        while "is up" not in self.output:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(
                    f"the bot exited with {self.process.returncode}:\n{self.output}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot did not start within {timeout}s:\n{self.output}")
            time.sleep(0.02)

    @property
    def output(self) -> str:
        """Everything the process printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM, then wait; gives the exit code (AssertionError if it hangs)."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(
                f"the bot did not exit within {timeout}s:\n{self.output}"
            ) from None

    def wait(self, timeout: float = 15.0) -> int:
        """Wait for the process to exit by itself; gives the exit code."""
        assert self.process is not None
        return self.process.wait(timeout)

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, *exc_info: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return  # stopped by the test itself, which checked how
        if exc_type is not None:  # the test failed already: stop, and keep its error
            with contextlib.suppress(AssertionError):
                self.stop()
            return
        code = self.stop()  # AssertionError when it hangs on SIGTERM
        assert code == 0, f"the bot exited with {code} on SIGTERM:\n{self.output}"


@dataclass
class Conversation:
    """Helpers to talk to the bot as one person and read what came back."""

    api: FakeBotAPI
    user_id: int
    language: str = "id"
    chat_id: int | None = None
    chat_type: str = "private"

    @property
    def chat(self) -> int:
        return self.user_id if self.chat_id is None else self.chat_id

    def say(self, text: str | None, **kwargs: Any) -> dict[str, Any]:
        """Send a message in this conversation's chat."""
        return self.api.send(
            text,
            user_id=self.user_id,
            chat_id=self.chat,
            chat_type=self.chat_type,
            language=self.language,
            **kwargs,
        )

    def reply(self, *, after: int = 0, timeout: float = 10.0) -> dict[str, Any]:
        """The next sendMessage to this chat, past the first `after` ones."""
        calls = self.api.wait_for(
            "sendMessage", chat_id=self.chat, count=after + 1, timeout=timeout
        )
        return calls[after].params

    def ask(self, text: str, **kwargs: Any) -> dict[str, Any]:
        """Send `text` and give the bot's reply to it."""
        before = len(self.api.replies(self.chat))
        self.say(text, **kwargs)
        return self.reply(after=before)


def start_webhook_bot(
    api: FakeBotAPI,
    folder: Path,
    secret: str,
    env: dict[str, str] | None = None,
    *,
    path: str = "/telegram/hook",
    prefix: tuple[str, ...] = (),
) -> tuple[BotProcess, str]:
    """The real bot in webhook mode on a free port, once it has given Telegram its URL.

    `free_port` can only say a port was free a moment ago: when another process took it in
    between, the bot exits with "cannot listen on port" and is started again on another."""
    for _ in range(5):
        port = free_port()
        url = f"http://127.0.0.1:{port}{path}"
        settings = {"WEBHOOK_URL": url, "WEBHOOK_SECRET": secret, "PORT": str(port), **(env or {})}
        process = BotProcess(api, folder, env=settings, prefix=prefix)
        process.start()
        deadline = time.monotonic() + 15
        # Sent once the port listens; taken by the fake once it has checked that it does.
        while api.webhook_url != url:
            assert process.process is not None
            if process.process.poll() is not None:
                break
            assert time.monotonic() < deadline, f"no setWebhook within 15 s:\n{process.output}"
            time.sleep(0.02)
        else:
            return process, url
        if "cannot listen on port" not in process.output:
            raise AssertionError(f"the bot exited with {process.process.returncode}:\n{process.output}")
    raise AssertionError("no free port the bot could listen on, five times over")
