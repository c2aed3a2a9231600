"""Every list answers CSV too, chosen by Accept or ?format=csv, streamed batch by batch."""

import csv
import io
from datetime import date

import pytest

from app import exports
from app.models import TimelineKind
from tests.factories import make_article, make_meeting, make_person, make_timeline_entry


def rows_of(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.text)))


def test_meetings_as_csv_carry_every_field_in_list_order(client, world):
    response = client.get("/v1/meetings", params={"format": "csv"})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="meetings.csv"'
    assert response.text.startswith("id,date,date_precision,status,location_name,")
    assert response.text.endswith("\r\n")
    planned, held = rows_of(response)
    assert held == {
        "id": world["held"].id,
        "date": "2024-03-14",
        "date_precision": "day",
        "status": "held",
        "location_name": "Town Hall",
        "location_city": "Oslo",
        "location_country": "Norway",
        "participant_ids": "jane-roe; john-doe",
        "participant_names": "Jane Roe; John Doe",
        "unnamed_participants": "",
        "participant_groups": "",
        "topics": "air defense; sanctions",
        "summary": "Jane Roe met John Doe in Oslo.",
        "article_ids": world["article"].id,
        "quotes": "Jane Roe met John Doe in Oslo",
    }
    assert planned["id"] == world["planned"].id
    assert planned["status"] == "planned"
    assert planned["location_city"] == ""
    assert planned["participant_names"] == "Jane Roe"
    assert planned["unnamed_participants"] == "Prime Minister (United Kingdom); Secretary-General (NATO)"


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_quoted_out(client, world):
    planned = rows_of(client.get("/v1/meetings", params={"format": "csv", "status": "planned"}))

    assert [row["summary"] for row in planned] == ['\'=HYPERLINK("http://evil.example") Jane Roe is to visit.']


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/*", "text/csv; charset=utf-8"),
        ("application/json;q=0.5, text/csv", "text/csv; charset=utf-8"),
        ("text/csv;q=0.5, application/json", "application/json"),
        ("text/csv, application/json", "application/json"),
        ("*/*", "application/json"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/json"),
        ("", "application/json"),
    ],
)
def test_the_accept_header_chooses_json_or_csv(client, world, accept, expected):
    response = client.get("/v1/meetings", headers={"Accept": accept})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == expected
    if expected == "application/json":
        assert [m["id"] for m in response.json()["items"]] == [world["planned"].id, world["held"].id]
    else:
        assert [row["id"] for row in rows_of(response)] == [world["planned"].id, world["held"].id]


def test_the_format_parameter_wins_over_accept(client, world):
    as_csv = client.get("/v1/meetings", params={"format": "csv"}, headers={"Accept": "application/json"})
    as_json = client.get("/v1/meetings", params={"format": "json"}, headers={"Accept": "text/csv"})

    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert as_json.headers["content-type"] == "application/json"
    assert [m["id"] for m in as_json.json()["items"]] == [r["id"] for r in rows_of(as_csv)]


def test_an_unacceptable_type_or_unknown_format_is_a_problem(client, world):
    refused = client.get("/v1/meetings", headers={"Accept": "application/xml, text/csv;q=0"})
    unknown = client.get("/v1/meetings", params={"format": "xml"})

    assert refused.status_code == 406
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["title"] == "Not Acceptable"
    assert "application/json or text/csv" in refused.json()["detail"]
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["loc"] == "query.format"


def test_a_bad_cursor_is_a_problem_before_any_csv_is_sent(client, world):
    response = client.get("/v1/meetings", params={"format": "csv", "cursor": "forged.0000"})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_without_a_limit_csv_streams_the_whole_list_in_batches(client, db_session, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_BATCH", 2)
    person = make_person(db_session, "Jane Roe")
    meetings = [make_meeting(db_session, participants=((person, None),), day=date(2024, 1, 1 + n)) for n in range(7)]

    response = client.get("/v1/meetings", params={"format": "csv"})

    assert response.status_code == 200
    assert "link" not in response.headers
    assert [row["id"] for row in rows_of(response)] == [m.id for m in reversed(meetings)]


def test_with_a_limit_csv_is_one_page_with_a_link_to_the_next(client, db_session):
    person = make_person(db_session, "Jane Roe")
    meetings = [make_meeting(db_session, participants=((person, None),), day=date(2024, 1, 1 + n)) for n in range(3)]

    first = client.get("/v1/meetings", params={"format": "csv", "limit": 2})
    link = first.headers["link"]
    second = client.get(link[1 : link.index(">")])

    assert [row["id"] for row in rows_of(first)] == [meetings[2].id, meetings[1].id]
    assert "format=csv" in link
    assert [row["id"] for row in rows_of(second)] == [meetings[0].id]
    assert "link" not in second.headers


@pytest.mark.parametrize(
    "path",
    [
        "/v1/articles",
        "/v1/meetings",
        "/v1/people",
        "/v1/timeline",
        "/v1/people/jane-roe/meetings",
        "/v1/people/jane-roe/timeline",
    ],
)
def test_every_list_answers_csv_with_the_rows_of_its_json(client, world, path):
    as_json = client.get(path)
    as_csv = client.get(path, headers={"Accept": "text/csv"})

    assert as_csv.status_code == 200, as_csv.text
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    ids = [item["id"] for item in as_json.json()["items"]]
    assert ids
    assert [row["id"] for row in rows_of(as_csv)] == ids


def test_articles_csv_carries_the_dateline_column(client, db_session):
    filed = make_article(db_session, body="Two envoys met.", dateline="Valletta, Malta", published_at=date(2024, 5, 2))
    unfiled = make_article(db_session, body="Two envoys met again.", published_at=date(2024, 5, 1))

    response = client.get("/v1/articles", params={"format": "csv"})

    assert response.status_code == 200
    rows = rows_of(response)
    assert list(rows[0]) == [
        "id", "published_at", "title", "source", "author", "dateline", "url", "word_count", "content_sha256"
    ]  # fmt: skip
    assert [(row["id"], row["dateline"]) for row in rows] == [(filed.id, "Valletta, Malta"), (unfiled.id, "")]


def test_people_and_timeline_csv_flatten_their_lists(client, world):
    people = {row["id"]: row for row in rows_of(client.get("/v1/people", params={"format": "csv"}))}
    (entry,) = rows_of(client.get("/v1/timeline", params={"format": "csv"}))

    assert people["jane-roe"]["aliases"] == "Roe"
    assert people["jane-roe"]["meeting_count"] == "2"
    assert entry["actor_names"] == "Jane Roe"
    assert entry["kind"] == "statement"
    assert entry["quotes"] == "Jane Roe met John Doe in Oslo"


def test_json_and_csv_of_one_url_have_different_etags(client, world):
    as_json = client.get("/v1/meetings")
    as_csv = client.get("/v1/meetings", headers={"Accept": "text/csv", "If-None-Match": as_json.headers["etag"]})

    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert as_csv.headers["etag"] != as_json.headers["etag"]
    assert as_csv.headers["vary"] == "Accept"
    again = client.get("/v1/meetings", headers={"Accept": "text/csv", "If-None-Match": as_csv.headers["etag"]})
    assert again.status_code == 304


def test_timeline_csv_has_the_country_and_takes_the_country_filter(client, db_session, world):
    accession = make_timeline_entry(
        db_session, day=date(2024, 3, 7), kind=TimelineKind.accession, country="Sweden", summary="Sweden joined."
    )

    rows = {row["id"]: row for row in rows_of(client.get("/v1/timeline", params={"format": "csv"}))}
    only_sweden = client.get("/v1/timeline", params={"format": "csv", "country": "SWE"})

    assert list(rows[accession.id])[:6] == ["id", "date", "date_precision", "kind", "country", "summary"]
    assert (rows[accession.id]["kind"], rows[accession.id]["country"]) == ("accession", "Sweden")
    assert rows[world["entry"].id]["country"] == ""
    assert only_sweden.status_code == 200
    assert [row["id"] for row in rows_of(only_sweden)] == [accession.id]
