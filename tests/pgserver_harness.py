"""A real PostgreSQL 16 server for the tests (and the load benchmark), on loopback TCP.

The binaries come from the `pgserver` wheel (requirements-dev.txt), so a fresh machine has
them after `make test`'s install; pgserver's own `get_server` is not used because it listens
on a Unix socket only and trusts every connection, while the bot must be tested against a
`DATABASE_URL` like a host's: TCP, a user and a password. PostgreSQL refuses to run as root:
under root the binaries are copied to a folder `nobody` can read and run as `nobody`.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import asyncpg

USER, PASSWORD = "berita", "test-password-of-the-tests"
NOBODY = 65534


def _binaries() -> Path:
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        raise RuntimeError("the pgserver package is missing: `make test` installs it (requirements-dev.txt)")
    return Path(spec.origin).parent / "pginstall"


class PortTaken(RuntimeError):
    """Another process listens on the port the server was to use."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder; `start`, `stop` and `start` again."""

    def __init__(self, *, fsync: bool = False) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="berita-pg-"))
        self.folder.chmod(0o755)
        self.fsync = fsync  # off for the tests (speed); the benchmark keeps PostgreSQL's default
        self.as_root = os.geteuid() == 0
        install = _binaries()
        if self.as_root:  # a copy `nobody` can reach whatever the checkout's folder allows
            package = self.folder / "package"
            shutil.copytree(
                install, package / "pgserver" / "pginstall", ignore=shutil.ignore_patterns("include")
            )
            # the wheel's shared libraries, found by the binaries at $ORIGIN/../../../pgserver.libs
            shutil.copytree(install.parent.parent / "pgserver.libs", package / "pgserver.libs")
            install = package / "pgserver" / "pginstall"
        self.bin = install / "bin"
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._initdb()

    def _run_as(self) -> list[str]:
        if not self.as_root:
            return []
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            raise RuntimeError("running PostgreSQL under root needs setpriv (util-linux)")
        return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]

    def _own(self, path: Path) -> None:
        if self.as_root:
            os.chown(path, NOBODY, NOBODY)

    def _initdb(self) -> None:
        password = self.folder / "password"
        password.write_text(PASSWORD)
        for path in (self.folder, password):
            self._own(path)
        self.sockets.mkdir()
        self._own(self.sockets)
        subprocess.run(
            [
                *self._run_as(),
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                USER,
                f"--pwfile={password}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )

    @property
    def admin_url(self) -> str:
        """The URL of the `postgres` database, for creating and dropping test databases."""
        return self.url("postgres")

    def url(self, database: str, *, password: str = PASSWORD, scheme: str = "postgresql") -> str:
        """A DATABASE_URL as a host hands it out."""
        return f"{scheme}://{USER}:{password}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def start(self, timeout: float = 30.0) -> PostgresServer:
        """Start the server (again) on its port; returns once it accepts connections. The port
        was free when chosen; if another process took it since, a first start moves to another,
        a restart (whose URL the test holds) tries the same one again."""
        first = self.process is None
        for _ in range(5):
            try:
                return self._start(timeout)
            except PortTaken:
                time.sleep(0.5)
                if first:
                    self.port = _free_port()
        raise RuntimeError(f"PostgreSQL could not bind port {self.port}, five times over")

    def _start(self, timeout: float) -> PostgresServer:
        assert self.process is None or self.process.poll() is not None, "already running"
        log = (self.folder / "server.log").open("ab")
        options = ["-c", "fsync=off", "-c", "synchronous_commit=off"] if not self.fsync else []
        self.process = subprocess.Popen(
            [
                *self._run_as(),
                str(self.bin / "postgres"),
                "-D",
                str(self.data),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-k",
                str(self.sockets),
                "-c",
                "max_connections=300",
                *options,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while not self._ready():
            if self.process.poll() is not None:
                log = (self.folder / "server.log").read_text()[-3000:]
                if "could not bind" in log or "could not create any TCP/IP sockets" in log:
                    (self.folder / "server.log").write_text("")
                    raise PortTaken(log)
                raise RuntimeError(f"PostgreSQL exited:\n{log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start within {timeout} s")
            time.sleep(0.05)
        return self

    def _ready(self) -> bool:
        ready = subprocess.run(
            [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-q"],
            check=False,
        )
        return ready.returncode == 0

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are ended) and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def close(self) -> None:
        """Stop the server and delete its folder."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def create_database(self, name: str) -> str:
        """A new, empty database; gives its URL."""
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self, sql: str) -> None:
        async def run() -> None:
            connection = await asyncpg.connect(self.admin_url)
            try:
                await connection.execute(sql)
            finally:
                await connection.close()

        asyncio.run(run())

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()
