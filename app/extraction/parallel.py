"""Extraction in worker processes, for bulk ingest on a machine with several cores."""

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from types import TracebackType

from app.extraction.pipeline import ArticleText, Extractor, load_pipeline
from app.extraction.records import Extraction

_worker_extractor: Extractor | None = None


def _start_worker(model: str) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(load_pipeline(model))


def _extract_batch(articles: list[ArticleText]) -> list[Extraction]:
    if _worker_extractor is None:
        raise RuntimeError("the worker was started without its model")
    return list(_worker_extractor.extract_many(articles))


class ProcessPoolExtractor:
    """Extracts like `Extractor`, spreading batches over worker processes that each load the model once."""

    def __init__(self, model: str, *, workers: int, batch_size: int = 8) -> None:
        # One BLAS thread per worker: N workers with a thread per core each fight over the cores
        # (160 articles on 2 cores: 20.1 s with 2 workers, 13.2 s with one BLAS thread each).
        # Spawned children take the environment as it is when the pool starts them.
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        # Spawned, not forked: the parent may hold threads (progress bar, connection pool) a fork would copy.
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(model,),
        )
        self.batch_size = batch_size

    def extract_many(self, articles: Iterable[ArticleText]) -> Iterator[Extraction]:
        """Extract many articles, in the order given, several batches at once."""
        iterator = iter(articles)
        batches = list(iter(lambda: list(islice(iterator, self.batch_size)), []))
        for extractions in self._pool.map(_extract_batch, batches):
            yield from extractions

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "ProcessPoolExtractor":
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


class ProcessExtractor:
    """Extracts posted articles in worker processes of their own, started at the first one.

    Extraction holds the interpreter lock for most of its time: in a thread of the service it made every
    read wait its turn. In another process it only costs the service a wait on a pipe.
    """

    def __init__(self, model: str, *, workers: int) -> None:
        self.model = model
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(variable, "1")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.model,),
            )
        return self._pool

    def extract(self, article: ArticleText) -> Extraction:
        """Extract one article in a worker process; the calling thread waits without holding the lock."""
        return self._started().submit(_extract_batch, [article]).result()[0]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
