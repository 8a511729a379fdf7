"""Servers started for a test: their output kept in a log, and the line that says they are ready
awaited (no polling)."""

from __future__ import annotations

import socket
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(
    command: list[str], log: Path, ready: str, timeout: float = 120, **options: Any
) -> subprocess.Popen[bytes]:
    """Start ``command`` with its output copied to ``log``, and return once a line of that output
    contains ``ready``; fail with the log if it exits or ``timeout`` seconds pass first."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **options)
    said_ready = threading.Event()
    output = process.stdout
    assert output is not None

    def copy() -> None:
        with log.open("wb") as kept:
            for line in output:
                kept.write(line)
                kept.flush()
                if ready.encode() in line:
                    said_ready.set()
        said_ready.set()  # the process ended (the check below says so)

    threading.Thread(target=copy, daemon=True).start()
    if not said_ready.wait(timeout):
        process.kill()
        pytest.fail(f"not ready after {timeout} s:\n{log.read_text(errors='replace')}")
    if process.poll() is not None:
        pytest.fail(f"{command[0]} stopped:\n{log.read_text(errors='replace')}")
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server started for a test, killing it if it does not stop within 30 s."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
