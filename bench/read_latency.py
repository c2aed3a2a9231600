"""Cold start to ready, resident memory when ready, and read latency per endpoint.

Starts the real service (uvicorn, one worker) on a fresh SQLite file with the seeds, then sends
sequential requests from one httpx client on loopback. Prints one table. Not part of the test suite.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "500"))
BASE = f"http://127.0.0.1:{PORT}"


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _wait_ready(client: httpx.Client, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if client.get("/readyz").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.01)
    raise SystemExit("service did not become ready in time")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
            "SEEDS_DIR": str(ROOT / "seeds"),
            "LOG_LEVEL": "WARNING",
        }
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(PORT), "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )
        try:
            with httpx.Client(base_url=BASE, timeout=10) as client:
                _wait_ready(client, started + 60)
                cold_start = time.monotonic() - started
                rss = _rss_mib(server.pid)
                article_id = client.get("/v1/articles").json()["items"][0]["id"]
                endpoints = [
                    "/v1/articles?limit=50",
                    f"/v1/articles/{article_id}",
                    "/v1/articles?q=air+defense",
                    "/v1/people",
                    "/v1/meetings?limit=50",
                    "/v1/timeline",
                ]
                print(f"cold start to ready: {cold_start:.2f} s; resident memory when ready: {rss:.0f} MiB")
                print(f"{'endpoint':40} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
                for path in endpoints:
                    samples = []
                    for _ in range(REQUESTS):
                        t0 = time.perf_counter()
                        response = client.get(path)
                        samples.append((time.perf_counter() - t0) * 1000)
                        assert response.status_code == 200, (path, response.status_code)
                    p50, p99 = _percentiles(samples)
                    print(f"{path:40} {1000 * len(samples) / sum(samples):8.0f} {p50:8.2f} {p99:8.2f}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
