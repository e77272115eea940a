"""The webhook's HTTP server: a tornado server that gives Telegram's updates to the
Application's update queue (python-telegram-bot's "custom webhook server" shape), hardened
against whoever else finds the URL.

What it refuses, and when:
- a path other than WEBHOOK_URL's (compared literally): 404; a method other than POST: 405;
- a content type other than JSON, or a missing or wrong secret: 403, from the headers alone,
  before a byte of the body is read;
- a body declared or found to be over MAX_BODY: 413, without reading it whole;
- a body that is not an update: 400, logged in one line without its content.
Connections that send nothing, or their body too slowly, are closed after TIMEOUT seconds,
and at most `max_connections` are open at once: the oldest is closed to make room, so a
flood of stalled connections cannot use up the process's files and lock Telegram out.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import resource
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from tornado import iostream
from tornado.httpserver import HTTPServer

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # bytes; Telegram's updates are a few kB (a message is <= 4,096 chars)
TIMEOUT = 10.0  # seconds for the headers, for the body, and of idleness between requests
MAX_CONNECTIONS = 1000  # at most; fewer when the file limit is low (see connection_cap)


def connection_cap(limit: int = MAX_CONNECTIONS) -> int:
    """Connections the server keeps open at most: half the process's file limit, so the
    database, the outgoing requests and the log always have files left."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return limit
    return max(8, min(limit, soft // 2))


class _UpdateHandler(tornado.web.RequestHandler):
    """Takes one POSTed update; every check that needs no body is done before reading it."""

    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, path: str, secret: str, queue: asyncio.Queue[object], bot: Any) -> None:
        self._path = path
        self._secret = secret.encode()
        self._queue = queue
        self._bot = bot
        self._body = bytearray()

    def prepare(self) -> None:
        if self.request.path.rstrip("/") != self._path.rstrip("/"):
            raise tornado.web.HTTPError(HTTPStatus.NOT_FOUND)
        media_type = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        given = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode()
        if not hmac.compare_digest(given, self._secret):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        declared = self.request.headers.get("Content-Length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        self._body += chunk
        if len(self._body) > MAX_BODY:  # a chunked body that keeps coming
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    async def post(self) -> None:
        try:
            data = json.loads(self._body)
            update = Update.de_json(data, self._bot)
            if update is None:
                raise ValueError("empty")
        except Exception as exc:  # anything PTB cannot read is this request's fault, not ours
            log.warning("webhook: refused a body that is not an update (%s)", type(exc).__name__)
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        await self._queue.put(update)
        self.set_status(HTTPStatus.OK)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish()  # the status says it all; no page, no traceback

    def log_exception(self, *args: Any) -> None:
        pass  # refusals are the job; the one worth a line is logged in post()


class _Application(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        pass  # one line per request would let anyone fill the log


# tornado's stream_request_body decorator, applied where mypy can see the class.
_StreamingUpdateHandler = tornado.web.stream_request_body(_UpdateHandler)


class _BoundedServer(HTTPServer):
    """tornado's HTTPServer with a cap on open connections: the oldest makes room."""

    max_connections: int
    _order: dict[object, None]

    def handle_stream(self, stream: iostream.IOStream, address: tuple[Any, ...]) -> None:
        while len(self._order) >= self.max_connections:
            oldest = next(iter(self._order))
            del self._order[oldest]
            oldest.stream.close()  # type: ignore[attr-defined]
        before = set(self._connections)
        super().handle_stream(stream, address)
        for connection in self._connections - before:
            self._order[connection] = None

    def on_close(self, server_conn: object) -> None:
        self._order.pop(server_conn, None)
        super().on_close(server_conn)


class WebhookServer:
    """Listens on `port` for Telegram's updates to `path`, puts them on `queue`."""

    def __init__(
        self,
        *,
        path: str,
        secret: str,
        queue: asyncio.Queue[object],
        bot: Any,
        max_connections: int | None = None,
    ) -> None:
        handler_args = {"path": path, "secret": secret, "queue": queue, "bot": bot}
        app = _Application([(r".*", _StreamingUpdateHandler, handler_args)])
        self._server = _BoundedServer(
            app,
            idle_connection_timeout=TIMEOUT,  # also tornado's limit for the headers to arrive
            body_timeout=TIMEOUT,
            max_body_size=MAX_BODY,
            max_header_size=16 * 1024,
        )
        self._server.max_connections = max_connections or connection_cap()
        self._server._order = {}

    def listen(self, port: int, address: str = "0.0.0.0") -> None:
        """Start accepting connections."""
        self._server.listen(port, address=address)
        log.info("webhook: listening on port %d, %d connections at most", port, self._server.max_connections)

    def stop_accepting(self) -> None:
        """Accept no new connection (the open ones finish)."""
        self._server.stop()

    async def close(self) -> None:
        """Close every connection still open."""
        await self._server.close_all_connections()
