import os
import subprocess
import sys

from sqlalchemy import func, select
from sqlmodel import Session

from app.db import make_engine, upgrade_schema
from app.ingest.service import ingest_paths
from app.models import Article, Person
from tests.conftest import PROJECT_ROOT, SEEDS_DIR


def test_reextract_fills_facts_for_articles_of_another_extractor_version_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
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
    assert "re-extracted 2 article(s)" in first.stderr
    assert "re-extracted 0 article(s)" in second.stderr
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 5
        versions = set(session.scalars(select(Article.extractor_version)))
    assert len(versions) == 1
    assert versions.pop().startswith("1.")
