"""What the seeds' gold annotation fixes about them, for tests that ingest the seeds.

Counts a test asserts on the seeds are derived here rather than copied from a run: the number of
articles is the gold's, and each fact count must lie between the gold's required items (which the
acceptance test holds the extractor to finding) and every item the gold names (anything more is an
item a careful reader would not extract). A correct change in extraction keeps the counts in those
bounds; a duplicate, a lost fact or a spurious one leaves them.
"""

import json
from pathlib import Path

from tests.conftest import walk

SEEDS_GOLD = json.loads((Path(__file__).parent / "extraction" / "gold" / "seeds.gold.json").read_text("utf-8"))

# The readiness body's names for the gold's categories, and the list endpoint serving each.
CATEGORIES = {"people": "people", "meetings": "meetings", "timeline_entries": "timeline"}
LISTS = {
    "articles": "/v1/articles",
    "people": "/v1/people",
    "meetings": "/v1/meetings",
    "timeline_entries": "/v1/timeline",
}


def gold_range(category: str, article: str | None = None) -> range:
    """How many items of a gold category (people, meetings, timeline) a correct extraction yields."""
    items = [i for i in SEEDS_GOLD[category] if article is None or i.get("article") == article]
    return range(sum(1 for i in items if i.get("required")), len(items) + 1)


def assert_seed_counts(counts: dict[str, int], seed_names=None) -> None:
    """A readiness `counts` body for the seeds (all of them, or those named) agrees with their gold."""
    names = [a["file"] for a in SEEDS_GOLD["articles"]] if seed_names is None else list(seed_names)
    assert set(counts) == {"articles", *CATEGORIES}, counts
    assert counts["articles"] == len(names), counts
    if sorted(names) == sorted(a["file"] for a in SEEDS_GOLD["articles"]):
        for key, category in CATEGORIES.items():
            assert counts[key] in gold_range(category), (key, counts[key], gold_range(category))


def served_counts(client) -> dict[str, int]:
    """How many items each list endpoint serves, its pages followed to the end."""
    return {key: len(walk(client, url)) for key, url in LISTS.items()}
