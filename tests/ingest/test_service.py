import shutil
import threading
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from app.db import make_engine, upgrade_schema
from app.ingest.service import ingest_paths
from app.models import Article
from tests.conftest import SEEDS_DIR


def _engine(url):
    engine = make_engine(url, for_writes=True)
    upgrade_schema(engine)
    return engine


def _article_count(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()


def test_ingesting_twice_stores_each_article_once(tmp_path, database_url):
    engine = _engine(database_url)

    first = ingest_paths(engine=engine, paths=[SEEDS_DIR])
    second = ingest_paths(engine=engine, paths=[SEEDS_DIR])

    assert first.counts == {"new": 2}
    assert second.counts == {"unchanged": 2}
    assert [r.article_id for r in first.results] == [r.article_id for r in second.results]
    assert _article_count(engine) == 2
    with Session(engine) as session:
        stored = session.get(Article, first.results[1].article_id)
    assert stored.title == "Zelensky meets with NATO's Stoltenberg in New York"
    assert stored.origin == "003_09662cb815ed8d2c.txt"
    assert stored.raw_text == (SEEDS_DIR / "003_09662cb815ed8d2c.txt").read_text(encoding="utf-8")
    assert stored.id == stored.content_sha256[:16]


def test_bad_files_are_skipped_with_their_reason_and_nothing_of_them_is_stored(tmp_path, database_url):
    engine = _engine(database_url)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS_DIR / "000_0d754ff0f809e8c7.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "latin1.txt").write_bytes(" date 2024-01-01 Caf\xe9".encode("latin-1"))
    (folder / "undated.txt").write_text("Headline\n\nText without a date.\n")

    report = ingest_paths(engine=engine, paths=[folder])

    assert report.counts == {"new": 1, "failed": 4}
    assert {(Path(r.origin).name, r.reason.split(" (")[0]) for r in report.failed} == {
        ("empty.txt", "empty file"),
        ("image.txt", "binary content, not text"),
        ("latin1.txt", "not UTF-8 text"),
        ("undated.txt", "no publication date"),
    }
    assert _article_count(engine) == 1


def test_two_concurrent_ingests_of_one_folder_store_each_article_once(tmp_path, database_url):
    engine = _engine(database_url)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:03}.txt").write_text(f" date 2024-01-01 Ministers met for round {i} of talks.\n")
    other_engine = make_engine(database_url, for_writes=True)
    barrier = threading.Barrier(2)
    reports = []

    def run(target_engine):
        barrier.wait()
        reports.append(ingest_paths(engine=target_engine, paths=[folder]))

    threads = [threading.Thread(target=run, args=(e,)) for e in (engine, other_engine)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert _article_count(engine) == 30
    assert sum(report.counts["new"] for report in reports) == 30
    assert all(report.counts["failed"] == 0 for report in reports)


def test_a_stop_request_ends_the_ingest_between_articles(tmp_path, database_url):
    engine = _engine(database_url)
    stop = threading.Event()
    stop.set()

    report = ingest_paths(engine=engine, paths=[SEEDS_DIR], stop=stop)

    assert report.results == []
    assert _article_count(engine) == 0
