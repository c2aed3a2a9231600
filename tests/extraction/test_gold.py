"""Acceptance: ingest annotated articles through the app and score what the API serves."""

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.application import create_app
from app.ingest.sources import parse_file
from tests.conftest import SEEDS_DIR, walk
from tests.databases import fresh_database
from tests.extraction.scoring import score_all

HERE = Path(__file__).parent
GOLD_SETS = {
    "seeds": (HERE / "gold" / "seeds.gold.json", SEEDS_DIR),
    "own": (HERE / "gold" / "own.gold.json", HERE / "articles"),
    "holdout": (HERE / "gold" / "holdout.gold.json", HERE / "holdout"),
    "holdout2": (HERE / "gold" / "holdout2.gold.json", HERE / "holdout2"),
    "holdout3": (HERE / "gold" / "holdout3.gold.json", HERE / "holdout3"),
}
# Held-out articles are never used to tune the rules: their scores estimate unseen articles,
# so they are held to a regression floor rather than to the acceptance bar. holdout2's misses were
# read once (see its "about"), so its floor guards the fixes and no longer estimates anything.
# holdout3's floors are its first scores; its meetings, each with one field wrong, have none. These sets
# are ours, written in the rules' style: the real-article corpus (test_corpus.py) carries the real floors.
FLOORS = {
    "holdout": (0.3, 0.7),
    "holdout2": (0.9, 0.9),
    "holdout3": {"people": (0.9, 0.8), "timeline": (0.5, 1.0)},
}
REPORTED: dict[str, dict] = {}


@pytest.fixture(scope="module", params=sorted(GOLD_SETS))
def served(request, tmp_path_factory):
    gold_path, folder = GOLD_SETS[request.param]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    tmp = tmp_path_factory.mktemp(request.param)
    seeds = tmp / "seeds"
    seeds.mkdir()
    for article in gold["articles"]:
        shutil.copy(folder / article["file"], seeds)
    from app.config import Settings

    with (
        fresh_database(tmp) as url,
        TestClient(create_app(Settings(database_url=url, seeds_dir=seeds, log_format="console"))) as client,
    ):
        assert client.app.state.startup.finished.wait(timeout=120)
        assert client.app.state.startup.error is None
        article_ids = {a["file"]: parse_file(seeds / a["file"]).content_sha256[:16] for a in gold["articles"]}
        yield {
            "name": request.param,
            "gold": gold,
            "client": client,
            "article_ids": article_ids,
            "people": walk(client, "/v1/people"),
            "meetings": walk(client, "/v1/meetings"),
            "timeline": walk(client, "/v1/timeline"),
        }


def test_people_meetings_and_timeline_score_against_the_gold(served):
    scores = score_all(
        served["gold"],
        people=served["people"],
        meetings=served["meetings"],
        timeline=served["timeline"],
        article_ids=served["article_ids"],
    )
    REPORTED[served["name"]] = scores
    report = "\n".join(f"{s.line()}  missed={s.missed} spurious={s.spurious}" for s in scores.values())
    floors = FLOORS.get(served["name"], (1.0, 0.9))
    for category, score in scores.items():
        if isinstance(floors, dict) and category not in floors:
            continue
        min_recall, min_precision = floors[category] if isinstance(floors, dict) else floors
        assert score.recall >= min_recall, report
        assert score.precision >= min_precision, report


def test_every_source_quote_sits_at_its_offsets_in_the_article_body_or_title(served):
    client = served["client"]
    articles = {aid: client.get(f"/v1/articles/{aid}").json() for aid in served["article_ids"].values()}
    sources = [s for item in served["meetings"] + served["timeline"] for s in item["sources"]]
    assert sources
    for source in sources:
        text = articles[source["article_id"]][source["part"]]
        assert text[source["start"] : source["end"]] == source["quote"]
    for item in served["meetings"] + served["timeline"]:
        assert item["sources"], item


def test_article_metadata_matches_the_gold(served):
    client = served["client"]
    for gold in served["gold"]["articles"]:
        article = client.get(f"/v1/articles/{served['article_ids'][gold['file']]}").json()
        assert article["published_at"] == gold["published"]
        for field, key in (("source", "source_any_of"), ("title", "title_any_of"), ("author", "author_any_of")):
            if gold.get(key):
                assert any(v.lower() in (article[field] or "").lower() for v in gold[key]), (gold["file"], field)


def test_reextraction_keeps_every_id(served, tmp_path):
    from app.ingest.service import reextract

    client = served["client"]
    before = {name: sorted(i["id"] for i in served[name]) for name in ("people", "meetings", "timeline")}
    counts = reextract(engine=client.app.state.engine, extractor=client.app.state.extractor, force=True)
    assert counts["reextracted"] == len(served["article_ids"])
    after = {name: sorted(i["id"] for i in walk(client, f"/v1/{name}")) for name in ("people", "meetings", "timeline")}
    assert after == before
