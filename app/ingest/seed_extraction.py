"""Extract the seed files in a process of its own, started before the service itself is imported.

On a fresh database the service is ready once the seeds are extracted and stored. Importing spaCy, loading
the model and extracting take about as long as importing the service and migrating the database, and both
are CPU-bound Python: run one after the other they make a cold start of over 3 s on two cores, side by side
about 2.5 s (bench/RESULTS.md). This module is imported before the service, so it imports nothing heavy (no
logging, no spaCy, no database driver).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.extraction import ArticleText, BatchExtractor, Extraction

ArticleKey = tuple[str, date]  # body and publication date: all the extractor reads besides offsets derived from them
_POLL_SECONDS = 0.2


def _key(article: ArticleText) -> ArticleKey:
    return (article.body, article.published)


def _sqlite_path(database_url: str) -> Path | None:
    scheme, _, rest = database_url.partition("://")
    path = rest[1:].split("?", 1)[0] if scheme.startswith("sqlite") and rest.startswith("/") else ""
    return Path(path) if path and path != ":memory:" else None


def holds_articles(database_url: str) -> bool:
    """Whether a SQLite database exists with articles in it; False for anything else or when unsure."""
    import sqlite3

    path = _sqlite_path(database_url)
    if path is None or not path.is_file():
        return False
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            return bool(connection.execute("SELECT EXISTS (SELECT 1 FROM article)").fetchone()[0])
    except sqlite3.Error:
        return False


def _extract_seed_files(seeds_dir: Path, model: str, database_url: str, connection: Connection) -> None:
    """In the child: parse and extract every seed file, send {key: extraction}, or why not, back."""
    # One BLAS thread: the other core is busy importing the service.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    try:
        # A restart finds the seeds stored: stop at once rather than compete for the CPU. Only SQLite can be
        # asked this cheaply; on PostgreSQL the parent stops this process once it knows.
        if holds_articles(database_url):
            connection.send(("skipped", {}))
            return

        from app.extraction import Extractor, load_pipeline
        from app.ingest.parsing import ArticleParseError
        from app.ingest.sources import discover_files, parse_file

        texts = []
        for path in discover_files([seeds_dir]):
            try:
                texts.append(parse_file(path).text)
            except (ArticleParseError, OSError):
                continue  # the service's own ingest reports it
        extractions = Extractor(load_pipeline(model)).extract_many(texts)
        connection.send(("done", {_key(text): extraction for text, extraction in zip(texts, extractions, strict=True)}))
    except Exception as exc:  # reported to the parent, which extracts in-process instead
        connection.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()


class SeedExtraction:
    """The seed files' extractions, computed by a child process; `close()` stops it if still running."""

    def __init__(self, process: BaseProcess | None, connection: Connection | None, failure: str | None = None) -> None:
        self._process = process
        self._connection = connection
        self._results: dict[ArticleKey, Extraction] | None = None
        self._lock = threading.Lock()
        self.outcome: str = "pending"  # then done, skipped, failed, or stopped when it was not waited for
        self.failure = failure

    @classmethod
    def start(cls, *, seeds_dir: Path, model: str, database_url: str) -> SeedExtraction | None:
        """Start extracting the seed files in a child process; None when there is no seeds folder."""
        if not seeds_dir.is_dir():
            return None
        try:
            # Spawned, not forked: a fork of a process that has started threads can deadlock in the child.
            context = multiprocessing.get_context("spawn")
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(
                target=_extract_seed_files,
                args=(seeds_dir, model, database_url, sending),
                name="seed-extraction",
                daemon=True,  # never outlives the service, whatever happens to it
            )
            process.start()
        except (OSError, AssertionError) as exc:  # AssertionError: a daemonic process may not start children
            extraction = cls(None, None, failure=f"not started: {type(exc).__name__}: {exc}")
            extraction.outcome = "failed"
            return extraction
        sending.close()  # so that the child's exit is seen as end of file here
        return cls(process, receiving)

    def results(self, stop: threading.Event | None = None) -> dict[ArticleKey, Extraction]:
        """Wait for the child's extractions; empty if it skipped, failed or died, or `stop` was set."""
        with self._lock:
            if self._results is None:
                self._results = self._receive(stop)
            return self._results

    def _receive(self, stop: threading.Event | None, *, wait: bool = True) -> dict[ArticleKey, Extraction]:
        if self._connection is None:
            return {}
        try:
            while not self._connection.poll(_POLL_SECONDS if wait else 0):
                if not wait or (stop is not None and stop.is_set()):
                    self.outcome = "stopped"
                    return {}
            self.outcome, payload = self._connection.recv()
        except (EOFError, OSError):
            exitcode = self._process.exitcode if self._process else None
            self.outcome, payload = "failed", f"the process ended without an answer (exit code {exitcode})"
        if self.outcome == "failed":
            self.failure = payload
            return {}
        return payload

    def extractor(self, fallback: BatchExtractor, stop: threading.Event | None = None) -> BatchExtractor:
        """An extractor answering from the child's extractions, and from `fallback` for any other article."""
        return _PrefetchedExtractor(self, fallback, stop)

    def close(self) -> None:
        """Stop the child if it still runs and release the pipe; `outcome` then says how it ended."""
        with self._lock:
            if self._results is None:
                self._results = self._receive(None, wait=False)
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join(timeout=10)
        if self._connection is not None:
            self._connection.close()


class _PrefetchedExtractor:
    def __init__(self, seeds: SeedExtraction, fallback: BatchExtractor, stop: threading.Event | None) -> None:
        self._seeds = seeds
        self._fallback = fallback
        self._stop = stop

    def extract_many(self, articles: Iterable[ArticleText]) -> Iterator[Extraction]:
        batch = list(articles)
        if not batch:
            return
        known = self._seeds.results(self._stop)
        missing = [article for article in batch if _key(article) not in known]
        extracted = iter(self._fallback.extract_many(missing))
        for article in batch:
            yield known[_key(article)] if _key(article) in known else next(extracted)
