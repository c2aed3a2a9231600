"""The source filter ignores case, pages in list order, and reads its page off an index (migration 0007)."""

from datetime import date, timedelta

import pytest

from tests.conftest import walk
from tests.databases import ON_POSTGRES, recorded_statements
from tests.factories import make_article


def _articles_by_source(db_session) -> dict[str, list[str]]:
    """Eleven articles over three spellings of one source and two other sources, ids newest first."""
    stored: dict[str, list[tuple[date, str]]] = {"wire": [], "other": []}
    for day in range(11):
        published = date(2024, 1, 1) + timedelta(days=day // 2)  # two articles on most days
        source = ("Example Wire", "EXAMPLE WIRE", "example wire")[day % 3]
        stored["wire"].append((published, make_article(db_session, published_at=published, source=source).id))
        other = make_article(db_session, published_at=published, source="Other Daily" if day % 2 else None)
        stored["other"].append((published, other.id))
    return {name: [i for _, i in sorted(rows, reverse=True)] for name, rows in stored.items()}


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_source_filter_ignores_case_and_pages_in_list_order(client, db_session, limit):
    expected = _articles_by_source(db_session)

    found = walk(client, "/v1/articles", source="eXample WIRE", limit=limit)

    assert [a["id"] for a in found] == expected["wire"]
    assert {a["source"] for a in found} == {"Example Wire", "EXAMPLE WIRE", "example wire"}


def test_source_filter_matching_nothing_gives_an_empty_page(client, db_session):
    _articles_by_source(db_session)

    response = client.get("/v1/articles", params={"source": "Nobody's Gazette"})

    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response.json()["next_cursor"] is None


@pytest.mark.skipif(ON_POSTGRES, reason="the plan of a table this small says nothing on PostgreSQL")
def test_source_filter_reads_its_page_off_the_source_index(client, db_session):
    expected = _articles_by_source(db_session)
    first = client.get("/v1/articles", params={"source": "example wire", "limit": 2}).json()
    engine = client.app.state.engine
    with recorded_statements(engine) as executed:
        response = client.get(
            "/v1/articles", params={"source": "example wire", "limit": 2, "cursor": first["next_cursor"]}
        )
    assert [a["id"] for a in response.json()["items"]] == expected["wire"][2:4]

    statement, parameters = next((s, p) for s, p in executed if "lower(article.source)" in s)
    with engine.connect() as connection:
        plan = " | ".join(row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
    assert "USING INDEX ix_article_source_lower" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # the index gives the list order: no sort
