"""The seed files extracted in a child process started before the service is imported."""

import json
import multiprocessing
import shutil
import threading

import httpx
import pytest
from fastapi.testclient import TestClient

from app.application import create_app
from app.config import Settings
from app.db import make_engine, upgrade_schema
from app.extraction import Extractor, load_pipeline
from app.ingest.seed_extraction import SeedExtraction, holds_articles
from app.ingest.service import ingest_paths
from app.ingest.sources import parse_file
from tests.conftest import SEEDS_DIR
from tests.seeds_gold import SEEDS_GOLD, assert_seed_counts, gold_range, served_counts
from tests.servers import running_server

SEED_NAMES = tuple(article["file"] for article in SEEDS_GOLD["articles"])
MODEL = Settings().spacy_model


@pytest.fixture
def seeds_dir(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in SEED_NAMES:
        shutil.copy(SEEDS_DIR / name, folder)
    return folder


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'fresh.db'}"


def started(seeds_dir, model=MODEL):
    seeds = SeedExtraction.start()
    seeds.request(seeds_dir=seeds_dir, model=model)
    return seeds


class RecordingExtractor:
    """Stands in for the in-process model where a test needs to see what reached it."""

    def __init__(self) -> None:
        self.asked: list = []
        self.real = Extractor(load_pipeline(MODEL))

    def extract_many(self, articles):
        articles = list(articles)
        self.asked.extend(articles)
        return self.real.extract_many(articles)


def test_the_child_extracts_every_seed_file_exactly_as_in_process(seeds_dir, sqlite_url):
    texts = [parse_file(seeds_dir / name).text for name in SEED_NAMES]
    expected = list(Extractor(load_pipeline(MODEL)).extract_many(texts))

    seeds = started(seeds_dir)
    try:
        results = seeds.results()
    finally:
        seeds.close()

    assert seeds.outcome == "done"
    assert seeds.failure is None
    assert [results[(text.body, text.published)] for text in texts] == expected
    # Not a vacuous comparison: the seeds' meetings, as many as their gold allows, were extracted.
    assert sum(len(extraction.meetings) for extraction in expected) in gold_range("meetings")


def test_a_skipped_child_is_stopped_without_being_waited_for():
    seeds = SeedExtraction.start()
    seeds.skip()

    assert (seeds.outcome, seeds.results()) == ("skipped", {})
    assert seeds.peak_rss_mib is not None


def test_a_child_that_fails_says_why_and_every_article_goes_to_the_fallback(seeds_dir, sqlite_url):
    seeds = started(seeds_dir, model="no_such_model_package")
    fallback = RecordingExtractor()
    texts = [parse_file(seeds_dir / name).text for name in SEED_NAMES]
    try:
        extractions = list(seeds.extractor(fallback).extract_many(texts))
    finally:
        seeds.close()

    assert seeds.outcome == "failed"
    assert "no_such_model_package" in seeds.failure
    assert fallback.asked == texts
    assert extractions == list(fallback.real.extract_many(texts))


def test_articles_the_child_did_not_see_are_extracted_by_the_fallback_in_their_place(seeds_dir, sqlite_url, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.move(seeds_dir / SEED_NAMES[1], other)
    seen, unseen = parse_file(seeds_dir / SEED_NAMES[0]).text, parse_file(other / SEED_NAMES[1]).text
    seeds = started(seeds_dir)
    fallback = RecordingExtractor()
    try:
        extractions = list(seeds.extractor(fallback).extract_many([unseen, seen]))
    finally:
        seeds.close()

    assert fallback.asked == [unseen]
    assert extractions == list(fallback.real.extract_many([unseen, seen]))


def test_waiting_ends_when_the_service_stops_or_the_child_dies_without_an_answer():
    receiving, _sending = multiprocessing.Pipe(duplex=False)
    stopped = SeedExtraction(None, receiving)
    stop = threading.Event()
    stop.set()
    assert stopped.results(stop) == {}
    assert stopped.outcome == "stopped"

    receiving, sending = multiprocessing.Pipe(duplex=False)
    sending.close()
    died = SeedExtraction(None, receiving)
    assert died.results() == {}
    assert died.outcome == "failed"
    assert died.failure.startswith("the process ended without an answer")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///{tmp}/missing.db", False),
        ("sqlite:///{tmp}/empty.db", False),
        ("sqlite:///{tmp}/schema.db", False),
        ("sqlite:///{tmp}/stored.db", True),
        ("sqlite+pysqlite:///{tmp}/stored.db?timeout=5", True),
        ("sqlite://", False),
        ("sqlite:///:memory:", False),
        ("postgresql+psycopg://user@localhost/newsevents", False),
    ],
)
def test_holds_articles_answers_for_sqlite_files_only(tmp_path, seeds_dir, url, expected):
    (tmp_path / "empty.db").touch()
    upgrade_schema(make_engine(f"sqlite:///{tmp_path / 'schema.db'}"))
    stored = make_engine(f"sqlite:///{tmp_path / 'stored.db'}")
    upgrade_schema(stored)
    ingest_paths(engine=stored, paths=[seeds_dir / SEED_NAMES[0]], extractor=None)

    assert holds_articles(url.format(tmp=tmp_path)) is expected


def test_startup_ingest_stores_the_childs_extractions_and_a_restart_skips_it(seeds_dir, database_url):
    settings = Settings(database_url=database_url, seeds_dir=seeds_dir, ingest_on_startup=True, log_format="console")
    outcomes, bodies, served = [], [], []
    for _ in range(2):
        seeds = started(seeds_dir)
        with TestClient(create_app(settings, seed_extraction=seeds)) as client:
            assert client.app.state.startup.finished.wait(timeout=120)
            bodies.append(client.get("/readyz").json())
            served.append(served_counts(client))
        outcomes.append(seeds.outcome)

    # On the restart the startup ingest finds both seeds stored and stops the child unasked.
    assert outcomes == ["done", "stopped"]
    assert served[0] == served[1]
    assert bodies == [{"status": "ready", "counts": served[0]}] * 2
    assert_seed_counts(served[0], SEED_NAMES)


def test_the_entry_point_extracts_in_the_child_on_a_fresh_database_and_skips_it_on_a_restart(
    seeds_dir, sqlite_url, tmp_path
):
    settings = {"SEEDS_DIR": str(seeds_dir), "INGEST_ON_STARTUP": "true", "LOG_FORMAT": "json", "LOG_LEVEL": "INFO"}
    readiness, served, closed = [], [], []
    for start in ("fresh", "restart"):
        log = tmp_path / f"{start}.log"
        with running_server(sqlite_url, output=log, **settings) as base, httpx.Client(base_url=base) as client:
            readiness.append(client.get("/readyz").json())
            served.append(served_counts(client))
        events = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
        closed += [event for event in events if event["event"] == "seed_extraction.closed"]

    assert served[0] == served[1]
    assert readiness == [{"status": "ready", "counts": served[0]}] * 2
    assert_seed_counts(served[0], SEED_NAMES)
    assert [event["outcome"] for event in closed] == ["done", "skipped"]
    assert closed[0]["peak_rss_mib"] > 50  # the child held the model
