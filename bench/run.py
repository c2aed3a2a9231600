"""`make bench`: every comparison of the service measured side by side in one run, printed as one table.

1. Read throughput at 32 connections (wrk on loopback, one wrk thread, one server process each) of
   our service against (a) the ceiling, bench/ceiling.py, a bare Starlette app on the same uvicorn
   returning the bytes ours returned, and (b) Datasette serving the same SQLite file for the
   equivalent table query. The database is the synthetic corpus of 1k articles (bench/corpus.py).
2. Scale: p50 and p99 of list, filtered list and a cursor page 90% deep, at 1k and at 100k articles
   (50k meetings, 10k people), sequential requests, with the response cache off (RESPONSE_CACHE_MB=0).
3. Extraction: articles per second of the pipeline against bare nlp.pipe on one core
   (bench/extraction_speed.py), the time of one 10 KB, 100 KB and 1 MB article per KB (linear in
   length: the ratio of each to 10 KB's should stay near 1, our rules' share too), and bulk ingest
   (`python -m app ingest`) with one and two processes.
   Writes: p50 / p99 of uncached GET /v1/people (and /healthz) while 8 clients post articles without
   pause, against the same reads idle (the 1k corpus).
4. Cold start to ready with the seeds on a fresh database and on a restart (median of 7), as started
   (app.main: the seeds extracted in a child process) against create_app alone (extracted in-process),
   interleaved; resident memory when ready and once the model is loaded.
5. Places: the gazetteer's import, first lookup and later lookups, and the resident memory it adds, each
   measured in a fresh interpreter (median of 5; tracemalloc in a sixth run, as it slows what it traces).
6. Reextract: `reextract --force` of 400 articles against 200 (bench/reextract.py, prepared facts, no
   spaCy): removing and storing an article's facts costs what the article holds, so the ratio stays near 2.

Writes the table, with the machine it ran on, to bench/RESULTS.md (BENCH_RESULTS to change).
`python bench/run.py scale cold_start` runs only the sections named, and records nothing.
BENCH_SECONDS sets each wrk run (default 10). Needs wrk (Debian: apt-get install wrk).
"""

import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.ingest.sources import parse_file as _parse_file  # noqa: E402
from app.pagination import encode_cursor  # noqa: E402
from bench.corpus import write_corpus  # noqa: E402
from bench.reextract import scaling as reextract_scaling  # noqa: E402

PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 32
PORT = int(os.environ.get("BENCH_PORT", "8770"))
BASE = f"http://127.0.0.1:{PORT}"
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "RESULTS.md"))

Row = tuple[str, str, str, str, str]  # measure, ours, reference, ratio, target


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT), **extra}


@contextmanager
def _serving(command: list[str], env: dict[str, str], ready: str, log: Path) -> Iterator[subprocess.Popen]:
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            # One client for all polls: httpx.get builds a TLS context per call, about 26 ms of CPU, which
            # at this rate took most of a core from the server starting on this 2-core machine.
            with httpx.Client(timeout=5) as client:
                while True:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(f"{command[:4]} did not become ready; see {log}:\n{log.read_text()[-2000:]}")
                    try:
                        if client.get(BASE + ready).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.01)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)


def _uvicorn(app: str, *extra: str) -> list[str]:
    return [PYTHON, "-m", "uvicorn", app, "--port", str(PORT), "--log-level", "warning", "--no-access-log", *extra]


def _ours(url: str, log: Path, **settings: str) -> Iterator[subprocess.Popen]:
    env = _env(DATABASE_URL=url, INGEST_ON_STARTUP="false", **settings)
    return _serving(_uvicorn("app.main:app"), env, "/readyz", log)


def _wrk(path: str) -> float:
    """Requests per second over SECONDS at CONNECTIONS connections, after a 2 s warm-up; refuses errors."""
    for duration in (2, SECONDS):
        result = subprocess.run(
            ["wrk", "-t", "1", "-c", str(CONNECTIONS), "-d", f"{duration}s", BASE + path],
            capture_output=True,
            text=True,
            check=True,
        )
    if re.search(r"Non-2xx or 3xx responses|Socket errors", result.stdout):
        raise SystemExit(f"wrk saw errors on {path}:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def throughput(tmp: Path, database: Path) -> list[Row]:
    url = f"sqlite:///{database}"
    person = "p000000"
    paths = ["/v1/meetings?limit=50", f"/v1/people/{person}", "/v1/timeline?limit=50"]
    db = database.stem
    datasette_paths = [
        f"/{db}/meeting.json?_size=50&_sort_desc=date&_nocount=1&_nofacet=1",
        f"/{db}/person/{person}.json",
        f"/{db}/timeline_entry.json?_size=50&_sort=date&_nocount=1&_nofacet=1",
    ]
    with _ours(url, tmp / "ours.log"):
        bodies = {path: httpx.get(BASE + path).text for path in paths}
        ours = [_wrk(path) for path in paths]
    (tmp / "bodies.json").write_text(json.dumps(bodies))
    env = _env(CEILING_BODIES=str(tmp / "bodies.json"))
    with _serving(_uvicorn("bench.ceiling:app"), env, paths[0], tmp / "ceiling.log"):
        ceiling = [_wrk(path) for path in paths]
    datasette = [PYTHON, "-m", "datasette", "serve", str(database), "-h", "127.0.0.1", "-p", str(PORT)]
    with _serving(datasette, _env(), datasette_paths[0], tmp / "datasette.log"):
        peer = [_wrk(path) for path in datasette_paths]
    rows: list[Row] = []
    for path, mine, top, other in zip(paths, ours, ceiling, peer, strict=True):
        target = ">= 0.70 of ceiling, > Datasette" if "meetings" in path else ""
        rows.append((f"GET {path} req/s", f"{mine:,.0f}", f"ceiling {top:,.0f}", f"{mine / top:.2f}", target))
        rows.append(("", "", f"Datasette {other:,.0f}", f"{mine / other:.2f}", ""))
    return rows


def _deep_cursor(database: Path, scope: str, table: str, columns: str) -> str:
    with sqlite3.connect(database) as connection:
        count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (our names)
        row = connection.execute(
            f"SELECT {columns} FROM {table} ORDER BY {columns.replace(',', ' DESC,')} DESC LIMIT 1 OFFSET ?",  # noqa: S608
            (int(count * 0.9),),
        ).fetchone()
    return encode_cursor(scope, tuple(row))


def _latencies(path: str, requests: int = 500) -> tuple[float, float]:
    with httpx.Client(base_url=BASE, timeout=30) as client:
        for _ in range(20):
            client.get(path).raise_for_status()
        samples = []
        for _ in range(requests):
            t0 = time.perf_counter()
            client.get(path).raise_for_status()
            samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def scale(tmp: Path, small: Path, large: Path) -> list[Row]:
    figures: dict[str, list[tuple[float, float]]] = {}
    for database in (small, large):
        paths = {
            "meetings, list": "/v1/meetings?limit=50",
            "meetings, by participant": "/v1/meetings?participant=p000007&limit=50",
            "meetings, by city": "/v1/meetings?location=Vilnius&limit=50",
            "meetings, page 90% deep": "/v1/meetings?limit=50&cursor="
            + _deep_cursor(database, "meetings", "meeting", "date,id"),
            "articles, list": "/v1/articles?limit=50",
            "articles, full text": "/v1/articles?q=sanctions&limit=50",
            "articles, page 90% deep": "/v1/articles?limit=50&cursor="
            + _deep_cursor(database, "articles", "article", "published_at,id"),
        }
        with _ours(f"sqlite:///{database}", tmp / f"scale-{database.stem}.log", RESPONSE_CACHE_MB="0"):
            for name, path in paths.items():
                figures.setdefault(name, []).append(_latencies(path))
    rows: list[Row] = []
    for name, ((p50_small, p99_small), (p50_large, p99_large)) in figures.items():
        rows.append(
            (
                f"{name}: p50 / p99 ms",
                f"100k {p50_large:.1f} / {p99_large:.1f}",
                f"1k {p50_small:.1f} / {p99_small:.1f}",
                f"p99 {p99_large / p99_small:.2f}",
                "p99 ratio <= 1.5",
            )
        )
    return rows


def _article_files(folder: Path, count: int) -> None:
    from app.ingest.sources import parse_file

    paragraphs = [p.text for seed in sorted((ROOT / "seeds").glob("*.txt")) for p in parse_file(seed).paragraphs]
    rng = random.Random(count)
    folder.mkdir()
    for n in range(count):
        chosen = rng.sample(paragraphs, min(8, len(paragraphs)))
        body = "\n\n".join([*chosen, f"This is report number {n} of the bulk ingest benchmark."])
        article = {"title": f"Report {n}", "body": body, "published_at": f"2024-{n % 12 + 1:02d}-15"}
        (folder / f"article-{n:04d}.json").write_text(json.dumps(article))


def extraction(tmp: Path) -> list[Row]:
    speed = json.loads(
        subprocess.run(
            ["taskset", "-c", "0", PYTHON, "bench/extraction_speed.py", "--json", "--sizes"],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    folder = tmp / "bulk"
    _article_files(folder, 160)
    rates = {}
    for workers in (1, 2):
        env = _env(DATABASE_URL=f"sqlite:///{tmp}/bulk-{workers}.db")
        t0 = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "app", "ingest", "--workers", str(workers), str(folder)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        rates[workers] = 160 / (time.perf_counter() - t0)
    base = speed["sizes"][0]
    sizes = [
        (
            f"one {size['kb'] // 1024} MB article ({size['paragraphs']} paragraphs), s; ms per KB"
            if size["kb"] >= 1024
            else f"one {size['kb']} KB article ({size['paragraphs']} paragraphs), s; ms per KB",
            f"{size['seconds']:.2f} s; {size['ms_per_kb']:.1f} (rules {size['rules_ms_per_kb']:.2f})",
            f"10 KB: {base['ms_per_kb']:.1f} (rules {base['rules_ms_per_kb']:.2f})",
            f"{size['ms_per_kb'] / base['ms_per_kb']:.2f} "
            f"(rules {size['rules_ms_per_kb'] / base['rules_ms_per_kb']:.2f})",
            "per-KB ratio ~1 (linear)",
        )
        for size in speed["sizes"]
    ]
    single = [
        (
            f"one {_size_name(size['kb'])} single-paragraph article ({size['docs']} docs), s",
            f"{size['seconds']:.2f} s; {size['ms_per_kb']:.1f} ms per KB",
            f"10 KB: {speed['single_paragraph_sizes'][0]['ms_per_kb']:.1f} ms per KB",
            f"{size['ms_per_kb'] / speed['single_paragraph_sizes'][0]['ms_per_kb']:.2f}",
            "1 MB < 10 s, or refused: POST takes <= 100,000 characters (413)",
        )
        for size in speed["single_paragraph_sizes"]
    ]
    return [
        (
            "extraction, articles/s (one core)",
            f"pipeline {speed['pipeline_per_s']:.1f}",
            f"bare nlp.pipe {speed['bare_per_s']:.1f}",
            f"{speed['pipeline_per_s'] / speed['bare_per_s']:.2f}",
            ">= 0.70",
        ),
        (
            f"one {speed['words']}-word article, ms",
            f"median {speed['median_ms']:.0f}, p95 {speed['p95_ms']:.0f}",
            "",
            "",
            "< 100",
        ),
        *sizes,
        *single,
        (
            "bulk ingest of 160 articles, articles/s (with start-up)",
            f"2 processes {rates[2]:.1f}",
            f"1 process {rates[1]:.1f}",
            f"{rates[2] / rates[1]:.2f}",
            "",
        ),
    ]


def _size_name(kb: int) -> str:
    return f"{kb // 1024} MB" if kb >= 1024 else f"{kb} KB"


WRITERS = 8


def _keep_posting(stop: threading.Event, writer: int, posted: list[int]) -> None:
    paragraphs = [p.text for seed in sorted((ROOT / "seeds").glob("*.txt")) for p in _parse_file(seed).paragraphs]
    with httpx.Client(base_url=BASE, timeout=120, headers={"Authorization": "Bearer bench"}) as client:
        n = 0
        while not stop.is_set():
            body = "\n\n".join([*paragraphs[:6], f"Report {n} of writer {writer} of the write benchmark."])
            response = client.post("/v1/articles", json={"body": body, "published_at": "2024-06-03"})
            if response.status_code == 201:
                posted[writer] += 1
            elif response.status_code != 503:  # a full waiting room is an answer; anything else is a fault
                raise SystemExit(f"a write failed: {response.status_code} {response.text[:300]}")
            n += 1


def writes(tmp: Path, database: Path) -> list[Row]:
    """Uncached reads while 8 clients post articles as fast as they are answered, against the same reads idle."""
    path = "/v1/people?limit=50"
    with _ours(f"sqlite:///{database}", tmp / "writes.log", RESPONSE_CACHE_MB="0", API_KEYS="bench"):
        idle = _latencies(path, requests=300)
        health_idle = _latencies("/healthz", requests=300)
        stop, posted = threading.Event(), [0] * WRITERS
        writers = [threading.Thread(target=_keep_posting, args=(stop, n, posted)) for n in range(WRITERS)]
        for thread in writers:
            thread.start()
        try:
            t0 = time.perf_counter()
            busy = _latencies(path, requests=300)
            health_busy = _latencies("/healthz", requests=300)
            elapsed = time.perf_counter() - t0
        finally:
            stop.set()
            for thread in writers:
                thread.join()
    return [
        (
            f"GET {path} uncached, {WRITERS} writers posting: p50 / p99 ms",
            f"{busy[0]:.1f} / {busy[1]:.1f}",
            f"idle {idle[0]:.1f} / {idle[1]:.1f}",
            f"p99 {busy[1] / idle[1]:.2f}",
            "p99 ratio <= 3",
        ),
        (
            f"GET /healthz, {WRITERS} writers posting: p50 / p99 ms",
            f"{health_busy[0]:.1f} / {health_busy[1]:.1f}",
            f"idle {health_idle[0]:.1f} / {health_idle[1]:.1f}",
            f"p99 {health_busy[1] / health_idle[1]:.2f}",
            f"({sum(posted)} articles stored meanwhile, {sum(posted) / elapsed:.1f}/s)",
        ),
    ]


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start_until_ready(app: str, env: dict[str, str], log: Path) -> tuple[float, float, float, float]:
    """Seconds from start to /readyz 200; RSS then, once the log says the model is loaded, and the child's peak."""
    started = time.monotonic()
    with _serving(_uvicorn(app, *(["--factory"] if app.endswith("create_app") else [])), env, "/readyz", log) as server:
        seconds, rss_ready = time.monotonic() - started, _rss_mib(server.pid)
        deadline = time.monotonic() + 60
        while '"extractor.loaded"' not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        child = re.search(r'"peak_rss_mib": ([\d.]+)', log.read_text())
        return seconds, rss_ready, _rss_mib(server.pid), float(child.group(1)) if child else 0.0


def cold_start(tmp: Path) -> list[Row]:
    """Ours (app.main, the seeds extracted in a child process) against create_app alone (extracted in-process)."""
    apps = {"ours": "app.main:app", "in-process": "app.application:create_app"}
    fresh, restart, ready_rss, model_rss, child_rss = ({name: [] for name in apps} for _ in range(5))
    for run in range(7):
        for name, app in apps.items():  # interleaved, so that a slow spell of the machine hits both alike
            env = _env(
                DATABASE_URL=f"sqlite:///{tmp}/cold-{name}-{run}.db",
                SEEDS_DIR=str(ROOT / "seeds"),
                LOG_LEVEL="INFO",
                LOG_FORMAT="json",
            )
            seconds, rss, loaded, child = _start_until_ready(app, env, tmp / "cold.log")
            fresh[name].append(seconds)
            ready_rss[name].append(rss)
            model_rss[name].append(loaded)
            child_rss[name].append(child)
            restart[name].append(_start_until_ready(app, env, tmp / "cold.log")[0])

    def row(measure: str, values: dict[str, list[float]], target: str) -> Row:
        ours, reference = statistics.median(values["ours"]), statistics.median(values["in-process"])
        spread = f"min {min(values['ours']):.2f}, max {max(values['ours']):.2f}"
        ratio = f"{ours / reference:.2f}"
        return (measure, f"median {ours:.2f} ({spread})", f"in-process {reference:.2f}", ratio, target)

    return [
        row("start to ready, fresh database (seeds extracted), s", fresh, "< 3"),
        row("start to ready, restart (seeds stored), s", restart, "< 3"),
        (
            "resident memory when ready / with the model loaded (/ the seed child's peak), MiB",
            f"{statistics.median(ready_rss['ours']):.0f} / {statistics.median(model_rss['ours']):.0f} "
            f"/ {statistics.median(child_rss['ours']):.0f}",
            f"in-process {statistics.median(ready_rss['in-process']):.0f} / "
            f"{statistics.median(model_rss['in-process']):.0f}",
            "",
            "< 300",
        ),
    ]


_PLACES_PROBE = """
import json, sys, time, tracemalloc
from pathlib import Path

def rss(field="VmRSS:"):
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith(field))
    return int(line.split()[1]) / 1024

import app.extraction  # the package (and spaCy) is the baseline: the lead's code imports it anyway

traced = sys.argv[1] == "traced"
if traced:
    tracemalloc.start()
before, high_before = rss(), rss("VmHWM:")
t0 = time.perf_counter()
import app.extraction.places as places
t1 = time.perf_counter()
imported = rss()
places.city_country("Kyiv")
t2 = time.perf_counter()
after = rss()
t3 = time.perf_counter()
for name in ("Kharkiv", "Austin", "the Netherlands", "Ukrainian") * 25_000:
    places.city_country(name)
    places.country(name)
t4 = time.perf_counter()
held, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_s": t2 - t1, "lookup_us": (t4 - t3) / 200_000 * 1e6,
                  "rss_import": imported - before, "rss_first": after - imported, "rss_total": after,
                  "rss_peak": rss("VmHWM:") - high_before,
                  "held_mib": held / 2**20, "peak_mib": peak / 2**20}))
"""


def places() -> list[Row]:
    """The gazetteer (app/extraction/places.py), each run in a fresh interpreter: what importing it and its
    first lookup cost in time and resident memory (VmRSS), and what tracemalloc sees held and at peak."""

    def probe(mode: str) -> dict[str, float]:
        out = subprocess.run(
            [PYTHON, "-c", _PLACES_PROBE, mode], cwd=ROOT, env=_env(), capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)

    runs = [probe("plain") for _ in range(5)]
    traced = probe("traced")

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    return [
        (
            "places: import / first lookup (loads the gazetteer) / later lookups",
            f"{median('import_ms'):.1f} ms / {median('first_s'):.2f} s / {median('lookup_us'):.1f} µs",
            "",
            "",
            "first < 1 s",
        ),
        (
            "places: resident memory added by import / first lookup (peak while loading; tracemalloc held, peak), MiB",
            f"{median('rss_import'):.1f} / {median('rss_first'):.1f} ({median('rss_peak'):.0f}; "
            f"{traced['held_mib']:.1f}, {traced['peak_mib']:.0f})",
            f"whole process after {median('rss_total'):.0f}",
            "",
            "< 20 added",
        ),
    ]


def reextract(tmp: Path) -> list[Row]:
    small, large = reextract_scaling(tmp, 200, 400)
    return [
        ("reextract --force, 400 articles vs 200", f"{large:.1f} s", f"{small:.1f} s", f"{large / small:.2f}", "≈ 2")
    ]


def _machine() -> str:
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in lines if "model name" in line), platform.processor())
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return (
        f"{cpu}, {os.cpu_count()} cores, {int(memory) / 1024**2:.0f} GiB; {platform.platform()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}"
    )


def _table(rows: list[Row]) -> str:
    lines = ["| measure | ours | reference | ratio | target |", "| --- | --- | --- | --- | --- |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    sections = sys.argv[1:] or ["throughput", "scale", "writes", "extraction", "cold_start", "places", "reextract"]
    if "throughput" in sections and shutil.which("wrk") is None:
        raise SystemExit("make bench needs wrk: apt-get install wrk")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        small, large = tmp / "corpus1k.db", tmp / "corpus100k.db"
        if {"throughput", "scale", "writes"} & set(sections):
            write_corpus(f"sqlite:///{small}", articles=1_000)
        if "scale" in sections:
            write_corpus(f"sqlite:///{large}", articles=100_000)
        rows = []
        if "throughput" in sections:
            rows += throughput(tmp, small)
        if "scale" in sections:
            rows += scale(tmp, small, large)
        if "writes" in sections:
            rows += writes(tmp, small)
        if "extraction" in sections:
            rows += extraction(tmp)
        if "cold_start" in sections:
            rows += cold_start(tmp)
        if "places" in sections:
            rows += places()
        if "reextract" in sections:
            rows += reextract(tmp)
    report = (
        f"# Benchmark results\n\nMeasured by `make bench` (bench/run.py) on {datetime.now(UTC):%Y-%m-%d}.\n\n"
        f"Machine: {_machine()}.\n\nRead throughput: wrk, 1 thread, {CONNECTIONS} connections, {SECONDS} s after a "
        "2 s warm-up, each server one uvicorn process on loopback.\n\n" + _table(rows) + "\n"
    )
    print(report)
    if not sys.argv[1:]:  # only a whole run is a record
        RESULTS.write_text(report)


if __name__ == "__main__":
    main()
