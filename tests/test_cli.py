import os
import subprocess
import sys

import httpx
from alembic.script import ScriptDirectory
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from app.db import alembic_config, make_engine, upgrade_schema
from app.extraction import EXTRACTOR_VERSION
from app.ingest.service import ingest_paths
from app.models import Article, Person
from tests.conftest import PROJECT_ROOT, SEEDS_DIR
from tests.seeds_gold import gold_range
from tests.servers import running_server

SEEDS = len(list(SEEDS_DIR.glob("*.txt")))
HEAD = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://"))).get_current_head()


def test_reextract_fills_facts_for_articles_of_another_extractor_version_once(database_url):
    url = database_url
    engine = make_engine(url)
    upgrade_schema(engine)
    ingest_paths(engine=engine, paths=[SEEDS_DIR])  # stored without extraction
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING", "PYTHONPATH": str(PROJECT_ROOT)}

    def run():
        return subprocess.run(
            [sys.executable, "-m", "app", "reextract"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    first, second = run(), run()

    assert first.returncode == 0, first.stderr
    assert f"re-extracted {SEEDS} article(s)" in first.stderr
    assert "re-extracted 0 article(s)" in second.stderr
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Person)) in gold_range("people")
        versions = set(session.scalars(select(Article.extractor_version)))
    assert len(versions) == 1
    assert versions.pop().startswith(f"{EXTRACTOR_VERSION}+")


def _run(env, *args, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _env(url):
    return {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING", "PYTHONPATH": str(PROJECT_ROOT)}


def test_ingest_reports_new_unchanged_and_failed_files_and_exits_1_on_failure(tmp_path, database_url):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01 binary")
    env = _env(database_url)

    first = _run(env, "ingest", str(folder))
    second = _run(env, "ingest", str(SEEDS_DIR))

    assert first.returncode == 1
    assert f"{SEEDS} new, 0 unchanged, 1 failed (of {SEEDS + 1} file(s))" in first.stderr
    assert "broken.txt" in first.stderr
    assert "binary content, not text" in first.stderr
    assert second.returncode == 0
    assert f"0 new, {SEEDS} unchanged, 0 failed (of {SEEDS} file(s))" in second.stderr
    with Session(make_engine(env["DATABASE_URL"])) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == SEEDS
        assert session.scalar(select(func.count()).select_from(Person)) in gold_range("people")


def test_ingest_of_a_missing_path_exits_2_and_stores_nothing(tmp_path, database_url):
    result = _run(_env(database_url), "ingest", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert _run(_env(database_url), "check").returncode == 1  # it did not even create the schema


def test_check_fails_before_the_schema_exists_and_passes_after_and_stats_counts_rows(database_url):
    url = database_url
    env = _env(url)

    before = _run(env, "check")
    ingest_paths(engine=_upgraded(url), paths=[SEEDS_DIR])
    after = _run(env, "check")
    stats = _run(env, "stats")

    assert before.returncode == 1
    assert f"newest is {HEAD}" in before.stderr
    assert after.returncode == 0
    assert f"schema up to date (revision {HEAD})" in after.stdout
    assert stats.returncode == 0
    rows = dict(line.strip("│ ").split("│")[:2] for line in stats.stdout.splitlines() if line.startswith("│"))
    stated = {name.strip(): count.strip() for name, count in rows.items()}
    assert stated["article"] == str(SEEDS)
    with make_engine(url).connect() as connection:  # every table's row count, as the database counts it
        counted = {
            name: str(connection.scalar(select(func.count()).select_from(table)))
            for name, table in SQLModel.metadata.tables.items()
        }
    assert {name: stated.get(name) for name in counted} == counted


def _upgraded(url):
    engine = make_engine(url)
    upgrade_schema(engine)
    return engine


def test_serve_starts_the_api_on_the_given_port(database_url):
    def serve(port: int) -> list[str]:
        return [sys.executable, "-m", "app", "serve", "--port", str(port)]

    with running_server(database_url, command=serve, ready_path="/healthz") as base:
        response = httpx.get(f"{base}/healthz")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"status": "ok"}


def test_ingest_with_two_worker_processes_stores_what_one_process_stores(tmp_path, database_url, extractor):
    articles = PROJECT_ROOT / "tests" / "extraction" / "articles"
    env = _env(database_url)

    result = _run(env, "ingest", "--workers", "2", str(SEEDS_DIR), str(articles))

    alone = f"sqlite:///{tmp_path}/one-process.db"
    upgrade_schema(make_engine(alone))
    ingest_paths(engine=make_engine(alone, for_writes=True), paths=[SEEDS_DIR, articles], extractor=extractor)
    assert result.returncode == 0, result.stderr
    files = len(list(SEEDS_DIR.glob("*.txt"))) + len(list(articles.iterdir()))
    assert f"{files} new, 0 unchanged, 0 failed" in result.stderr
    assert _facts(database_url) == _facts(alone)


def _facts(url):
    with make_engine(url).connect() as connection:
        return {
            table: sorted(connection.exec_driver_sql(query).all())
            for table, query in {
                "people": "SELECT id, name FROM person",
                "meetings": "SELECT id, CAST(date AS VARCHAR(10)), status, summary FROM meeting",
                "timeline": "SELECT id, CAST(date AS VARCHAR(10)), kind FROM timeline_entry",
                "evidence": "SELECT article_id, start_offset, end_offset, extractor_version FROM evidence",
            }.items()
        }
