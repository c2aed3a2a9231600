"""Faults: a database that refuses writes, and a server killed in the middle of a bulk ingest."""

import fcntl
import json
import os
import signal
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from app.application import create_app
from app.models import Article, Evidence
from tests.conftest import PROJECT_ROOT
from tests.databases import ON_POSTGRES, SERVER_URL, fresh_database
from tests.problems import assert_problem
from tests.servers import free_port, running_server

KEY = "fault-key"
PIPE_PAGE = 4096  # the smallest pipe Linux makes
AUTH = {"Authorization": f"Bearer {KEY}"}
ARTICLE = {
    "body": "Czech Foreign Minister Jan Lipavsky met Slovak Foreign Minister Juraj Blanar in Prague on Monday.",
    "published_at": "2024-06-03",
}


@pytest.fixture
def writer(settings):
    with TestClient(
        create_app(settings.model_copy(update={"api_keys": [KEY]})), raise_server_exceptions=False
    ) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        yield client


def _refuse_writes(client, how: str) -> None:
    """Make the database itself refuse the service's writes (the same file or server, new connections)."""
    engine = client.app.state.write_engine
    if ON_POSTGRES:
        name = make_url(str(engine.url)).database
        admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        admin.dispose()
    else:
        pragma = "PRAGMA query_only = 1" if how == "read-only" else None

        @event.listens_for(engine, "connect")
        def _limit(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            if pragma:
                cursor.execute(pragma)
            else:  # full: the file may not grow by a single page
                pages = cursor.execute("PRAGMA page_count").fetchone()[0]
                cursor.execute(f"PRAGMA max_page_count = {pages}")
            cursor.close()

    engine.dispose()


@pytest.mark.parametrize("how", ["read-only", "full"])
def test_a_database_that_refuses_writes_gives_503_on_writes_while_reads_keep_working(writer, how):
    if ON_POSTGRES and how == "full":
        pytest.skip("a full disk is simulated on SQLite only")
    existing = writer.post("/v1/articles", json=ARTICLE, headers=AUTH).json()
    _refuse_writes(writer, how)
    big = {"body": " ".join(["Ministers met again in Prague on Tuesday."] * 400), "published_at": "2024-06-04"}

    post = writer.post("/v1/articles", json=big, headers=AUTH)
    delete = writer.delete(f"/v1/articles/{existing['id']}", headers=AUTH)
    keyed = writer.post("/v1/articles", json=big, headers={**AUTH, "Idempotency-Key": "k"})

    # A full disk still lets a delete through (it frees pages); a read-only database refuses it too.
    refused = (post, keyed, delete) if how == "read-only" else (post, keyed)
    for response in refused:
        assert_problem(response, 503, "the database is not accepting writes right now")
    if how == "full":
        assert (delete.status_code, delete.content) == (204, b"")
        assert_problem(writer.get(f"/v1/articles/{existing['id']}"), 404, f"no article with id {existing['id']!r}")
    else:
        assert writer.get(f"/v1/articles/{existing['id']}").json()["id"] == existing["id"]
    # Reads keep working, and serve exactly what the refused writes left: no part of the big article.
    kept = [] if how == "full" else [existing]
    articles, people, meetings = (writer.get(f"/v1/{name}") for name in ("articles", "people", "meetings"))
    assert (articles.status_code, people.status_code, meetings.status_code) == (200, 200, 200)
    assert [a["id"] for a in articles.json()["items"]] == [a["id"] for a in kept]
    assert [p["id"] for p in people.json()["items"]] == [p for a in kept for p in a["people"]]
    assert [m["id"] for m in meetings.json()["items"]] == [m for a in kept for m in a["meetings"]]


def _corpus(folder, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:04}.json").write_text(
            json.dumps(
                {
                    "body": f"Polish Defence Minister Piotr Nowak met Czech Defence Minister Jana Dvorak in Warsaw "
                    f"on Monday for round {n} of talks on air defense.\n\nNowak said Poland backs Ukraine's "
                    f"membership in NATO.",
                    "published_at": "2024-03-04",
                }
            )
        )


def _count(url: str) -> tuple[int, int, int]:
    engine = create_engine(url, poolclass=NullPool)
    with Session(engine) as session:
        articles = session.scalar(select(func.count()).select_from(Article))
        without_facts = session.scalar(
            select(func.count()).where(
                (Article.extractor_version.is_(None)) | ~Article.id.in_(select(Evidence.article_id))
            )
        )
        orphans = session.scalar(select(func.count()).where(~Evidence.article_id.in_(select(Article.id))))
    engine.dispose()
    return articles, without_facts, orphans


def test_kill_9_during_bulk_ingest_leaves_no_half_stored_article_and_a_restart_finishes(tmp_path):
    total, killed_after = 120, 10
    _corpus(tmp_path / "corpus", total)
    with fresh_database(tmp_path) as url:
        env = {**os.environ, "DATABASE_URL": url, "SEEDS_DIR": str(tmp_path / "corpus"), "LOG_LEVEL": "INFO"}
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--port",
            str(free_port()),
            "--log-level",
            "warning",
        ]
        server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stderr=subprocess.PIPE, text=True)
        try:
            # The server logs each stored article on stderr, into a pipe of one page that this test stops
            # reading at the 10th: however fast the ingest, it blocks on its log a few articles later.
            fcntl.fcntl(server.stderr, fcntl.F_SETPIPE_SZ, PIPE_PAGE)
            ingested = 0
            for line in server.stderr:
                ingested += '"article.ingested"' in line
                if ingested == killed_after:
                    break
            assert ingested == killed_after, "the server stopped before ingesting"
            os.kill(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
            server.stderr.close()

        articles, without_facts, orphans = _count(url)
        assert killed_after <= articles < killed_after + PIPE_PAGE // 200
        assert (without_facts, orphans) == (0, 0)

        with running_server(url, SEEDS_DIR=str(tmp_path / "corpus"), INGEST_ON_STARTUP="true"):
            assert _count(url) == (total, 0, 0)
