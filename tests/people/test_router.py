from datetime import date

import pytest

from tests.conftest import walk
from tests.factories import make_article, make_meeting, make_person, make_timeline_entry
from tests.problems import assert_problem

SECRETARY_GENERAL = {"title": "Secretary General", "organization": "NATO", "valid_to": date(2024, 10, 1)}
PRESIDENT = {"title": "President", "organization": None, "country": "Ukraine"}


@pytest.fixture
def people(db_session):
    one = make_article(db_session, body="Jane Roe met John Doe.")
    two = make_article(db_session, body="Jane Roe spoke again.")
    jane = make_person(
        db_session, "Jane Roe", aliases=("Roe", "J. Roe"), roles=(SECRETARY_GENERAL,), mentioned_in=(one, two)
    )
    john = make_person(db_session, "John Doe", aliases=("Doe",), roles=(PRESIDENT,), mentioned_in=(one,))
    ann = make_person(db_session, "Ann O_Hara")
    make_meeting(db_session, participants=((jane, "Secretary General"), (john, "President")), day=date(2024, 3, 1))
    make_meeting(db_session, participants=((jane, "Secretary General"),), day=date(2024, 4, 1))
    return {"jane": jane, "john": john, "ann": ann}


def test_list_gives_people_by_name_with_aliases_roles_and_counts(client, people):
    response = client.get("/v1/people")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [p["id"] for p in items] == ["ann-o_hara", "jane-roe", "john-doe"]
    assert items[1] == {
        "id": "jane-roe",
        "name": "Jane Roe",
        "aliases": ["J. Roe", "Roe"],
        "roles": [
            {
                "title": "Secretary General",
                "organization": "NATO",
                "country": None,
                "valid_from": None,
                "valid_to": "2024-10-01",
            }
        ],
        "article_count": 2,
        "meeting_count": 2,
    }
    assert (items[2]["article_count"], items[2]["meeting_count"]) == (1, 1)
    assert (items[0]["article_count"], items[0]["meeting_count"]) == (0, 0)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "roe"}, ["jane-roe"]),
        ({"q": "J. R"}, ["jane-roe"]),
        ({"q": "doe"}, ["john-doe"]),
        ({"q": "_"}, ["ann-o_hara"]),
        ({"q": "%"}, []),
        ({"role": "secretary"}, ["jane-roe"]),
        ({"role": "President"}, ["john-doe"]),
        ({"q": "roe", "role": "president"}, []),
    ],
)
def test_list_filters(client, people, params, expected):
    response = client.get("/v1/people", params=params)
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["items"]] == expected


def test_pagination_walks_every_person_exactly_once(client, people, db_session):
    for i in range(5):
        make_person(db_session, f"Person {i}")
    assert [p["id"] for p in walk(client, "/v1/people")] == [
        "ann-o_hara",
        "jane-roe",
        "john-doe",
        *[f"person-{i}" for i in range(5)],
    ]


def test_detail_and_its_404(client, people):
    response = client.get("/v1/people/john-doe")
    assert response.status_code == 200
    # The detail is the person as listed: roles, aliases and counts alike.
    listed = {p["id"]: p for p in walk(client, "/v1/people")}
    assert response.json() == listed["john-doe"]
    assert response.json()["roles"][0]["country"] == "Ukraine"

    assert_problem(client.get("/v1/people/nobody"), 404, "no person with id 'nobody'")


def test_person_meetings_and_timeline(client, people, db_session):
    make_timeline_entry(db_session, day=date(2023, 7, 1), actors=(people["john"],), summary="John spoke.")
    make_timeline_entry(db_session, day=date(2022, 9, 1), actors=(people["jane"],), summary="Jane spoke.")

    meetings = client.get("/v1/people/jane-roe/meetings").json()["items"]
    assert [m["date"] for m in meetings] == ["2024-04-01", "2024-03-01"]
    assert [len(m["participants"]) for m in meetings] == [1, 2]
    assert [m["date"] for m in walk(client, "/v1/people/john-doe/meetings")] == ["2024-03-01"]

    timeline = client.get("/v1/people/john-doe/timeline").json()["items"]
    assert [t["summary"] for t in timeline] == ["John spoke."]

    for suffix in ("meetings", "timeline"):
        assert_problem(client.get(f"/v1/people/nobody/{suffix}"), 404, "no person with id 'nobody'")
