"""Extraction on real articles nobody here wrote: ../shared/corpus, scored by ../shared/eval/score.py.

The texts stay outside the repository; this test reads them in place and skips when they are absent.
The floors are what the extractor reaches today; they go up as it improves and never down.
"""

import json

import pytest

from tests.conftest import PROJECT_ROOT
from tests.databases import fresh_database
from tests.extraction.corpus import right_first_accuracy, scorer_module
from tests.servers import running_server

SHARED = PROJECT_ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"

if not (CORPUS / "articles").is_dir() or not SCORER.is_file():
    pytest.skip(
        f"{CORPUS} not found: the real-article corpus is scored only where it is checked out", allow_module_level=True
    )

# Kind and country accuracy as score.py pairs them sit a pair below the measured figures: it pairs gold
# items with entries one to one in the order served, and two entries from one sentence (one per country)
# trade places with it; one more right entry (Finland's side of a statement on Sweden and Finland) took
# its country figure from 0.89 to 0.85. The right-first figures below are the floors that say more.
FLOORS = {
    ("people", "f1"): 0.98,
    ("people", "role_accuracy"): 0.94,
    ("meetings", "f1"): 0.89,
    ("meetings", "location_accuracy"): 0.96,
    ("timeline", "f1"): 0.90,
    ("timeline", "kind_accuracy"): 0.85,
    ("timeline", "country_accuracy"): 0.84,
    ("articles", "metadata_accuracy"): 0.96,
}
REPORTED: dict[str, dict] = {}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    scorer = scorer_module()
    gold = scorer.merge_gold(sorted(CORPUS.glob("*.gold.json")))
    tmp = tmp_path_factory.mktemp("corpus")
    with (
        fresh_database(tmp) as url,
        running_server(url, INGEST_ON_STARTUP="true", SEEDS_DIR=str(CORPUS / "articles")) as base,
    ):
        result = scorer.score(base, gold)
        result["timeline_items"] = scorer.get_all(base, "/v1/timeline")
    REPORTED["corpus"] = result
    return result


@pytest.mark.parametrize(("category", "measure"), sorted(FLOORS))
def test_corpus_score_holds_its_floor(scores, category, measure):
    assert scores[category][measure] >= FLOORS[category, measure], json.dumps(scores[category], indent=1)


def test_timeline_kinds_and_countries_paired_right_first_hold_their_floor(scores):
    scorer = scorer_module()
    gold = scorer.merge_gold(sorted(CORPUS.glob("*.gold.json")))
    paired = right_first_accuracy(scorer, gold["timeline"], scores["timeline_items"])
    assert paired["kind_accuracy"] >= 0.92, paired
    assert paired["country_accuracy"] >= 0.96, paired


def test_every_corpus_article_is_stored(scores):
    assert scores["articles"]["count"] == scores["articles"]["expected"], scores["articles"]


def test_no_timeline_entry_comes_from_an_article_with_nothing_about_nato(scores):
    from app.ingest.sources import parse_file
    from tests.extraction.corpus import slice_of_files

    unrelated = {
        parse_file(CORPUS / "articles" / name).content_sha256[:16]
        for name, part in slice_of_files().items()
        if part == "non-nato"
    }
    assert len(unrelated) >= 10
    sources = [(item["summary"], s["article_id"]) for item in scores["timeline_items"] for s in item["sources"]]
    assert sources
    assert [summary for summary, article in sources if article in unrelated] == []
