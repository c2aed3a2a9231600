from datetime import date

import pytest

from app.models import DatePrecision, TimelineKind
from tests.conftest import walk
from tests.factories import make_article, make_person, make_timeline_entry
from tests.problems import CURSOR_REFUSED, assert_problem


@pytest.fixture
def entries(db_session):
    source = make_article(db_session, body="Ukraine applied for NATO membership in September 2022. More text.")
    jane = make_person(db_session, "Jane Roe", aliases=("Roe",))
    john = make_person(db_session, "John Doe")
    application = make_timeline_entry(
        db_session,
        day=date(2022, 9, 1),
        precision=DatePrecision.month,
        kind=TimelineKind.application,
        summary="Ukraine applied for NATO membership.",
        source=source,
        country="Ukraine",
    )
    summit = make_timeline_entry(
        db_session, day=date(2024, 7, 1), precision=DatePrecision.month, kind=TimelineKind.summit
    )
    statement = make_timeline_entry(db_session, day=date(2024, 9, 24), actors=(jane, john))
    return {"application": application, "summit": summit, "statement": statement, "source": source}


def test_list_is_ascending_by_default_with_every_field(client, entries):
    response = client.get("/v1/timeline")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [t["id"] for t in items] == [entries[k].id for k in ("application", "summit", "statement")]
    quote = "Ukraine applied for NATO membership in September 2022"
    assert items[0] == {
        "id": entries["application"].id,
        "date": "2022-09-01",
        "date_precision": "month",
        "kind": "application",
        "country": "Ukraine",
        "summary": "Ukraine applied for NATO membership.",
        "actors": [],
        "sources": [
            {"article_id": entries["source"].id, "quote": quote, "part": "body", "start": 0, "end": len(quote)}
        ],
    }
    assert items[2]["actors"] == [
        {"id": "jane-roe", "name": "Jane Roe"},
        {"id": "john-doe", "name": "John Doe"},
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"order": "desc"}, ["statement", "summit", "application"]),
        ({"kind": "summit"}, ["summit"]),
        ({"date_from": "2024-01-01"}, ["summit", "statement"]),
        ({"date_to": "2024-07-01"}, ["application", "summit"]),
        ({"actor": "roe"}, ["statement"]),
        ({"actor": "john-doe", "kind": "application"}, []),
    ],
)
def test_list_filters_and_order(client, entries, params, expected):
    response = client.get("/v1/timeline", params=params)
    assert response.status_code == 200
    assert [t["id"] for t in response.json()["items"]] == [entries[name].id for name in expected]


def test_pagination_walks_both_orders_exactly_once(client, entries):
    ascending = [t["id"] for t in walk(client, "/v1/timeline")]
    descending = [t["id"] for t in walk(client, "/v1/timeline", order="desc")]
    assert ascending == [entries[k].id for k in ("application", "summit", "statement")]
    assert descending == ascending[::-1]


def test_a_cursor_of_one_order_is_refused_by_the_other(client, entries):
    cursor = client.get("/v1/timeline", params={"limit": 1}).json()["next_cursor"]
    response = client.get("/v1/timeline", params={"order": "desc", "cursor": cursor})
    assert_problem(response, 422, CURSOR_REFUSED, loc="query.cursor")


def test_detail_and_its_404(client, entries):
    response = client.get(f"/v1/timeline/{entries['summit'].id}")
    assert response.status_code == 200
    # The detail is the entry as listed, every field alike.
    listed = {t["id"]: t for t in walk(client, "/v1/timeline")}
    assert response.json() == listed[entries["summit"].id]
    assert (response.json()["kind"], response.json()["date"]) == ("summit", "2024-07-01")
    assert_problem(client.get("/v1/timeline/nope"), 404, "no timeline entry with id 'nope'")


@pytest.mark.parametrize("params", [{"kind": "rumour"}, {"order": "sideways"}, {"date_to": "2024-02-30"}])
def test_bad_parameters_are_422_problems(client, params):
    response = client.get("/v1/timeline", params=params)
    assert_problem(response, 422, loc=f"query.{next(iter(params))}")
