"""Real server processes for tests that need them (uvicorn on loopback, a free port each)."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(
    database_url: str,
    *,
    command: Callable[[int], list[str]] | None = None,
    ready_path: str = "/readyz",
    output: Path | None = None,
    **env: str,
) -> Iterator[str]:
    """Start the service (or `command(port)`) on a database; yield its base URL once `ready_path` is 200.

    `output`, when given, receives the server's stdout and stderr.
    """
    port = free_port()
    out = output.open("w") if output else None
    process = subprocess.Popen(
        command(port)
        if command
        else [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--log-level", "warning"],
        cwd=PROJECT_ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "INGEST_ON_STARTUP": "false",
            "LOG_LEVEL": "WARNING",
            **env,
        },
        stdout=out,
        stderr=subprocess.STDOUT if out else None,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        with httpx.Client(base_url=base) as client:
            # Waiting for another process to start serving; the tests themselves never sleep.
            while True:
                assert process.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not become ready"
                try:
                    if client.get(ready_path).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        if out:
            out.close()
