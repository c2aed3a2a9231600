"""Extract the seed files in a process of its own, started before the service itself is imported.

On a fresh database the service is ready once the seeds are extracted and stored. Importing spaCy, loading
the model and extracting take about as long as importing the service and migrating the database, and both
are CPU-bound Python: side by side on two cores a cold start takes about two thirds of the time it takes one
after the other (bench/RESULTS.md). This module is imported before the service, so it imports nothing heavy (no
logging, no spaCy, no SQLAlchemy).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import sqlite3
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
    path = _sqlite_path(database_url)
    if path is None or not path.is_file():
        return False
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            return bool(connection.execute("SELECT EXISTS (SELECT 1 FROM article)").fetchone()[0])
    except sqlite3.Error:
        return False


def _extract_seed_files(connection: Connection) -> None:
    """In the child: import spaCy, take the job, parse and extract every seed file, send the extractions back."""
    # One BLAS thread: the other core is busy importing the service.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    try:
        # Imported before the job arrives, while the parent reads its settings: most of this process's work.
        import spacy  # noqa: F401

        from app.extraction import Extractor, load_pipeline
        from app.ingest.parsing import ArticleParseError
        from app.ingest.sources import discover_files, parse_file

        try:
            seeds_dir, model = connection.recv()
        except EOFError:
            return  # nothing to extract after all
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
    """The seed files' extractions, computed by a child process; `close()` stops it if still running.

    `start()` spawns the child, which begins importing spaCy at once; `request()` then names the seeds
    folder and the model, or `skip()` says there is nothing to extract.
    """

    def __init__(self, process: BaseProcess | None, connection: Connection | None, failure: str | None = None) -> None:
        self._process = process
        self._connection = connection
        self._results: dict[ArticleKey, Extraction] | None = None
        self._lock = threading.Lock()
        # pending, then done, skipped, failed, or stopped when it was not waited for
        self.outcome: str = "failed" if failure else "pending"
        self.failure = failure
        self.peak_rss_mib: float | None = None  # the child's, once closed

    @classmethod
    def start(cls) -> SeedExtraction:
        """Spawn the child; it imports spaCy while the caller decides what it should extract."""
        try:
            # Spawned, not forked: a fork of a process that has started threads can deadlock in the child.
            context = multiprocessing.get_context("spawn")
            here, there = context.Pipe()
            process = context.Process(
                target=_extract_seed_files,
                args=(there,),
                name="seed-extraction",
                daemon=True,  # never outlives the service, whatever happens to it
            )
            process.start()
        except (OSError, AssertionError) as exc:  # AssertionError: a daemonic process may not start children
            return cls(None, None, failure=f"not started: {type(exc).__name__}: {exc}")
        there.close()  # so that the child's exit is seen as end of file here
        return cls(process, here)

    def request(self, *, seeds_dir: Path, model: str) -> None:
        """Have the child extract every article file in `seeds_dir` with the spaCy package `model`."""
        if self._connection is not None:
            with contextlib.suppress(OSError):  # the child is gone already: results() reports how
                self._connection.send((seeds_dir, model))

    def skip(self) -> None:
        """Stop the child: there is nothing for it to extract."""
        with self._lock:
            self._results, self.outcome = {}, "skipped"
        self.close()

    def results(self, stop: threading.Event | None = None) -> dict[ArticleKey, Extraction]:
        """Wait for the child's extractions; empty if skipped, if it failed or died, or once `stop` is set."""
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
            # The largest of this process's finished children, in KiB on Linux: the service starts no other.
            self.peak_rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
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
