"""Servers started for a test: their output kept in a log, and the line that says they are ready
awaited (no polling).
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

_copiers: dict[int, threading.Thread] = {}  # the thread that copies each server's output


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
    contains ``ready``; fail with the log if it exits or ``timeout`` seconds pass first.
    """
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **options)
    said_ready = threading.Event()
    output = process.stdout
    assert output is not None

    def copy() -> None:
        with output, log.open("wb") as kept:
            for line in output:
                kept.write(line)
                kept.flush()
                if ready.encode() in line:
                    said_ready.set()
        said_ready.set()  # the process ended (the check below says so)

    copier = threading.Thread(target=copy, daemon=True)
    copier.start()
    _copiers[process.pid] = copier
    if not said_ready.wait(timeout):
        process.kill()
        pytest.fail(f"not ready after {timeout} s:\n{log.read_text(errors='replace')}")
    if process.poll() is not None:
        pytest.fail(f"{command[0]} stopped:\n{log.read_text(errors='replace')}")
    return process


def wait_until_listening(port: int, timeout: float = 30) -> None:
    """Return once 127.0.0.1:``port`` accepts a connection. For a server that says it is ready
    just before it binds its port (Jupyter Server binds it on its event loop's first turn),
    this is the only sign there is: a connection tried every 50 ms, for ``timeout`` at most.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"nothing listens on port {port} after {timeout} s")
            time.sleep(0.05)
        else:
            return


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server started for a test, killing it if it does not stop within 30 s."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    copier = _copiers.pop(process.pid, None)
    if copier is not None:
        copier.join(timeout=30)  # its output has ended: the log is complete and closed
