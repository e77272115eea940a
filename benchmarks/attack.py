"""The webhook under attack, measured on the real bot process (`python -m bot run` in webhook
mode) against the fake Bot API (tests/fakebotapi.py). Two attacks from issue 10:

1. memory: 8 concurrent posts of 95 MB each without the secret (someone who found the URL).
   Measured: the bot's peak RSS (VmHWM) before and after. Target: under 150 MB.
2. files: 2,000 connections that send half a request and stall, while the bot runs under a
   1,024-file limit (prlimit). Measured: how long a real update then takes to be answered,
   and how much the bot logged. Targets: answered within 2 s, log under 100 kB.

    .venv/bin/python benchmarks/attack.py     (about 30 s)
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
SECRET = "attack-Secret_0123456789"
QUESTION = "Di mana Kim Jong Un dan Putin bertemu?"


def _load_fake() -> ModuleType:
    """The fake Bot API lives with the tests; load that file rather than keep a copy here."""
    spec = importlib.util.spec_from_file_location("fakebotapi", ROOT / "tests" / "fakebotapi.py")
    if spec is None or spec.loader is None:
        raise SystemExit("tests/fakebotapi.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fakebotapi"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


fake = _load_fake()


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def big_post(url: str, size: int) -> str:
    """POST `size` bytes of JSON-looking junk without the secret, as fast as the bot takes them;
    gives what happened (the status line, or how the connection ended)."""
    parts = urlsplit(url)
    chunk = b"[" + b"1," * (MB // 2)
    sent = 0
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(
            f"POST {parts.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {size}\r\n\r\n".encode()
        )
        try:
            while sent < size:
                sock.sendall(chunk[: size - sent])
                sent += len(chunk)
        except OSError as exc:
            return f"cut off after {sent // MB} MB ({type(exc).__name__})"
        return sock.recv(100).split(b"\r\n")[0].decode(errors="replace")


def memory_attack() -> None:
    with tempfile.TemporaryDirectory() as folder, fake.FakeBotAPI() as api:
        process, url = fake.start_webhook_bot(api, Path(folder), SECRET)
        try:
            assert process.process is not None
            pid = process.process.pid
            fake.Conversation(api, 1).ask(QUESTION)  # warm: the first answer loads what it needs
            before = peak_rss_mb(pid)
            results: list[str] = []
            threads = [
                threading.Thread(target=lambda: results.append(big_post(url, 95 * MB))) for _ in range(8)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            took = time.monotonic() - started
            reply = fake.Conversation(api, 2).ask(QUESTION)
            after = peak_rss_mb(pid)
        finally:
            process.stop()
    print("1. eight concurrent 95 MB posts without the secret")
    print(f"   what the attacker saw: {sorted(set(results))} in {took:.2f} s")
    print(f"   bot peak RSS: {before:.1f} MB before, {after:.1f} MB after  [target < 150 MB: "
          f"{'ok' if after < 150 else 'MISSED'}]")
    answered = "answered" if "<b>Sumber</b>" in reply["text"] else "NOT answered"
    print(f"   a real question afterwards: {answered}")


def files_attack(stalled_count: int = 2000, file_limit: int = 1024) -> None:
    with tempfile.TemporaryDirectory() as folder, fake.FakeBotAPI() as api:
        process, url = fake.start_webhook_bot(
            api, Path(folder), SECRET, prefix=("prlimit", f"--nofile={file_limit}:{file_limit}")
        )
        parts = urlsplit(url)
        stalled: list[socket.socket] = []
        try:
            for _ in range(stalled_count):
                sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
                sock.sendall(b"POST /telegram/hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n")
                stalled.append(sock)
            started = time.monotonic()
            reply = fake.Conversation(api, 3).ask(QUESTION, timeout=30)
            took = time.monotonic() - started
            closed = 0
            for sock in stalled:  # how many the bot closed to make room (or timed out)
                sock.setblocking(False)
                try:
                    closed += sock.recv(1) == b""
                except BlockingIOError:
                    pass
                except ConnectionResetError:
                    closed += 1
        finally:
            for sock in stalled:
                sock.close()
            process.stop()
        log_bytes = len(process.output.encode())
        too_many = process.output.count("Too many open files")
    print(f"2. {stalled_count} stalled connections, bot limited to {file_limit} files")
    print(f"   a real update answered in {took:.2f} s  [target < 2 s: {'ok' if took < 2 else 'MISSED'}]"
          f" ({'answered' if '<b>Sumber</b>' in reply['text'] else 'NOT answered'})")
    print(f"   stalled connections the bot had closed by then: {closed}")
    print(f"   log: {log_bytes / 1024:.1f} kB, 'Too many open files' {too_many} times"
          f"  [target < 100 kB: {'ok' if log_bytes < 100_000 else 'MISSED'}]")


def main() -> None:
    memory_attack()
    files_attack()


if __name__ == "__main__":
    main()
