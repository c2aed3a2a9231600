from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.application import create_app
from app.config import Settings
from tests.databases import fresh_database

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
GOLD_FILE = PROJECT_ROOT.parent / "shared" / "gold" / "seeds.gold.json"


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """An empty database for this test (SQLite, or PostgreSQL when TEST_DATABASE_URL is set)."""
    with fresh_database(tmp_path) as url:
        yield url


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings for a fresh database and an empty seeds folder, no startup ingest."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    return Settings(
        database_url=database_url,
        seeds_dir=seeds,
        ingest_on_startup=False,
        log_format="console",
        # Extracted on the writes' own thread: a worker process per test app would load the model each
        # time; tests/articles/test_writes.py covers the worker process itself.
        extraction_processes=0,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def db_session(client: TestClient) -> Iterator[Session]:
    """A session on the same database file the app under test uses."""
    with Session(client.app.state.engine, expire_on_commit=False) as session:
        yield session


def walk(client: TestClient, url: str, **params: object) -> list[dict]:
    """Follow `next` links one item at a time to the end and return every item seen."""
    items: list[dict] = []
    response = client.get(url, params={**params, "limit": 1})
    for _ in range(10_000):
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body["items"])
        assert len(body["items"]) <= 1
        if body["next_cursor"] is None:
            assert "link" not in response.headers
            return items
        link = response.headers["link"]
        assert link.endswith('>; rel="next"')
        assert f"cursor={body['next_cursor']}" in link
        response = client.get(link[1 : link.index(">")])
    raise AssertionError("pagination did not end")


def pytest_terminal_summary(terminalreporter):
    """Print the extraction scores of the acceptance test, so every run reports its figures."""
    from tests.extraction.test_corpus import REPORTED as CORPUS
    from tests.extraction.test_gold import REPORTED

    for name, result in CORPUS.items():
        terminalreporter.section(f"extraction scores on the real-article {name} (../shared/eval/score.py)")
        for category in ("people", "meetings", "timeline", "articles"):
            figures = {k: v for k, v in result[category].items() if k not in ("missed", "extra")}
            terminalreporter.write_line(f"{category:9} {figures}")
    if REPORTED:
        terminalreporter.section("extraction scores against gold annotations")
        for name, scores in sorted(REPORTED.items()):
            for score in scores.values():
                terminalreporter.write_line(f"{name:6} {score.line()}")


@pytest.fixture(scope="session")
def extractor():
    """The real extractor with the real spaCy model, loaded once for the session."""
    from app.config import Settings
    from app.extraction import Extractor, load_pipeline

    return Extractor(load_pipeline(Settings().spacy_model))
