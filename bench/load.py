"""Load: mixed reads at 64 connections for 60 s against uvicorn with 2 workers (wrk on loopback).

Starts the service on a fresh SQLite file with the seeds, waits until it is ready, runs wrk with
bench/mixed_reads.lua, and prints requests, errors (non-2xx and socket errors), p50 and p99.
BENCH_SECONDS and BENCH_CONNECTIONS change the defaults. Needs wrk (Debian: apt-get install wrk).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
PORT = int(os.environ.get("BENCH_PORT", "8766"))


def main() -> int:
    if shutil.which("wrk") is None:
        print("load benchmark skipped: wrk is not installed (apt-get install wrk)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/load.db",
            "SEEDS_DIR": str(ROOT / "seeds"),
            "LOG_LEVEL": "WARNING",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--port",
                str(PORT),
                "--workers",
                "2",
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            deadline = time.monotonic() + 120
            with httpx.Client() as client:  # one client: httpx.get builds a TLS context per call
                while True:
                    if time.monotonic() > deadline:
                        raise SystemExit("the service did not become ready")
                    try:
                        # Both workers ingest the seeds; either may answer, so wait until readiness holds.
                        if all(client.get(f"http://127.0.0.1:{PORT}/readyz").status_code == 200 for _ in range(6)):
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.2)
            result = subprocess.run(
                [
                    "wrk",
                    "-t",
                    "2",
                    "-c",
                    str(CONNECTIONS),
                    "-d",
                    f"{SECONDS}s",
                    "--latency",
                    "-s",
                    str(ROOT / "bench" / "mixed_reads.lua"),
                    f"http://127.0.0.1:{PORT}",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT"))
    figures = dict(re.findall(r"(\w+)=([\d.]+)", line))
    print(f"mixed reads, {CONNECTIONS} connections, {SECONDS} s, uvicorn --workers 2 (wrk on loopback):")
    errors = int(figures["non2xx"]) + int(figures["socket_errors"])
    print(
        f"  requests {figures['requests']}, {figures['rps']} req/s, errors {errors} (non-2xx {figures['non2xx']}, "
        f"socket {figures['socket_errors']}), p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
