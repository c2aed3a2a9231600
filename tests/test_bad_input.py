"""Bad input, table-driven: each gets a 4xx problem (or is harmlessly ignored) and changes nothing."""

import json
import subprocess
import sys
import unicodedata

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from app.application import create_app
from tests.conftest import PROJECT_ROOT, SEEDS_DIR

KEY = "bad-input-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
LISTS = ["/v1/articles", "/v1/people", "/v1/meetings", "/v1/timeline", "/v1/people/jens-stoltenberg/meetings"]
TEXT_FILTERS = [
    ("/v1/articles", "q"),
    ("/v1/articles", "source"),
    ("/v1/articles", "person"),
    ("/v1/people", "q"),
    ("/v1/people", "role"),
    ("/v1/meetings", "participant"),
    ("/v1/meetings", "location"),
    ("/v1/meetings", "topic"),
    ("/v1/timeline", "actor"),
]
NASTY_TEXT = ["' OR 1=1 --", '"; DROP TABLE article; --', "%", "_", "%_%", "\\", "NEAR(a b)", "a* OR b*"]


@pytest.fixture(scope="module")
def app_with_seeds(tmp_path_factory):
    from app.config import Settings
    from tests.databases import fresh_database

    tmp = tmp_path_factory.mktemp("bad")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        (seeds / seed.name).write_bytes(seed.read_bytes())
    with (
        fresh_database(tmp) as url,
        TestClient(
            create_app(Settings(database_url=url, seeds_dir=seeds, api_keys=[KEY], log_format="console")),
            raise_server_exceptions=False,
        ) as client,
    ):
        assert client.app.state.startup.finished.wait(timeout=120)
        yield client


def _snapshot(client) -> dict[str, int]:
    with Session(client.app.state.engine) as session:
        return {
            name: session.scalar(select(func.count()).select_from(table))
            for name, table in SQLModel.metadata.tables.items()
        }


def _assert_problem(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert "Traceback" not in response.text


BAD_REQUESTS = [
    *[(("GET", url, {"limit": limit}, None, None), 422) for url in LISTS for limit in ("0", "-1", "1000000000", "x")],
    *[(("GET", url, {"cursor": cursor}, None, None), 422) for url in LISTS for cursor in ("garbage", "a.b", "=" * 40)],
    (("GET", "/v1/meetings", {"date_from": "2024-02-30"}, None, None), 422),
    (("GET", "/v1/meetings", {"date_from": "1899-12-31"}, None, None), 422),
    (("GET", "/v1/timeline", {"date_to": "10000-01-01"}, None, None), 422),
    (("GET", "/v1/articles", {"published_from": "yesterday"}, None, None), 422),
    (("GET", "/v1/meetings", {"status": "cancelled"}, None, None), 422),
    (("GET", "/v1/timeline", {"kind": "rumour", "order": "up"}, None, None), 422),
    (("GET", "/v1/articles", {"q": "x" * 201}, None, None), 422),
    *[(("GET", url, {name: "a\x00b"}, None, None), 422) for url, name in TEXT_FILTERS],
    (("POST", "/v1/articles", None, b"{not json", "application/json"), 422),
    (("POST", "/v1/articles", None, b'{"body": ["a"], "published_at": 5}', "application/json"), 422),
    (("POST", "/v1/articles", None, b'{"body": "Text.", "published_at": "2024-02-30"}', "application/json"), 422),
    (("POST", "/v1/articles", None, b'{"body": "Text.", "published_at": "1899-12-31"}', "application/json"), 422),
    (("POST", "/v1/articles", None, b'{"body": "Text.", "published_at": "10000-01-01"}', "application/json"), 422),
    (("POST", "/v1/articles", None, b"[" * 50_000 + b"]" * 50_000, "application/json"), 422),
    (("POST", "/v1/articles", None, b" date 2024-01-01 Caf\xe9 \xff\xfe", "text/plain"), 422),
    (("POST", "/v1/articles", None, b"x" * (10 * 1024 * 1024), "text/plain"), 413),
    (("POST", "/v1/articles", None, b"<x/>", "application/xml"), 415),
    (("DELETE", "/v1/articles/..%2F..%2Fetc%2Fpasswd", None, None, None), 404),
    (("GET", "/v1/people/..%2F..%2Fetc%2Fpasswd", None, None, None), 404),
    (("PUT", "/v1/articles", None, b"{}", "application/json"), 405),
]


@pytest.mark.parametrize(("request_parts", "status"), BAD_REQUESTS, ids=lambda v: str(v)[:60])
def test_bad_requests_get_a_problem_and_change_nothing(app_with_seeds, request_parts, status):
    method, url, params, content, media_type = request_parts
    before = _snapshot(app_with_seeds)
    headers = {**AUTH, **({"Content-Type": media_type} if media_type else {})}
    response = app_with_seeds.request(method, url, params=params, content=content, headers=headers)

    _assert_problem(response, status)
    assert _snapshot(app_with_seeds) == before


def _article(**fields: object) -> bytes:
    return json.dumps(
        {"body": "Two ministers met in Vilnius on Monday.", "published_at": "2024-05-06"} | fields
    ).encode()


# The reproductions of issue 17 (items 2, 3, 4 and 9): each a 4xx problem naming the field, and nothing stored.
ISSUE_17 = [
    (("POST", "/v1/articles", None, _article(published_at="9999-12-31"), "application/json"), 422, "body.published_at"),
    (("POST", "/v1/articles", None, b" date 9999-12-31 Two ministers met on Monday.", "text/plain"), 422, "body.date"),
    (("POST", "/v1/articles", None, _article(source="s" * 201), "application/json"), 422, "body.source"),
    (("POST", "/v1/articles", None, _article(author="a" * 301), "application/json"), 422, "body.author"),
    (("POST", "/v1/articles", None, _article(dateline="d" * 201), "application/json"), 422, "body.dateline"),
    (("POST", "/v1/articles", None, _article(body="Ministers met.\ud800"), "application/json"), 422, "body.body"),
    (("POST", "/v1/articles", None, _article(title="\udfff"), "application/json"), 422, "body.title"),
    (("POST", "/v1/articles", None, _article(body="\u200b" * 50), "application/json"), 422, "body.body"),
    (("POST", "/v1/articles", None, _article(body="word " * 200_001), "application/json"), 422, "body.body"),
    (("POST", "/v1/articles", None, _article(url="javascript:alert(1)"), "application/json"), 422, "body.url"),
    (("POST", "/v1/articles", None, _article(url="data:text/html,<b>x</b>"), "application/json"), 422, "body.url"),
    (
        (
            "POST",
            "/v1/articles",
            None,
            b" date 2024-05-06 Ministers met on Monday. " + b"x" * 9000 + b"\x00",
            "text/plain",
        ),
        422,
        "body.body",
    ),
    (("GET", "/v1/articles", {"q": "nato", "published_to": "9999-12-31"}, None, None), 422, "query.published_to"),
    (("GET", "/v1/meetings", {"date_from": "86400"}, None, None), 422, "query.date_from"),
    (("GET", "/v1/timeline", {"date_to": "2024-01-01T00:00:00"}, None, None), 422, "query.date_to"),
    (("GET", "/v1/articles/%00", None, None, None), 404, None),
    (("GET", "/v1/articles/" + "a" * 33, None, None, None), 404, None),
    (("GET", "/v1/people/%00", None, None, None), 404, None),
    (("GET", "/v1/people/%00/meetings", None, None, None), 404, None),
    (("GET", "/v1/people/%00/timeline", None, None, None), 404, None),
    (("GET", "/v1/meetings/%00", None, None, None), 404, None),
    (("GET", "/v1/timeline/%00", None, None, None), 404, None),
    (("DELETE", "/v1/articles/%00", None, None, None), 404, None),
]


@pytest.mark.parametrize(("request_parts", "status", "field"), ISSUE_17, ids=lambda v: str(v)[:60])
def test_issue_17_reproductions_get_a_problem_naming_the_field_and_change_nothing(
    app_with_seeds, request_parts, status, field
):
    method, url, params, content, media_type = request_parts
    before = _snapshot(app_with_seeds)
    headers = {**AUTH, **({"Content-Type": media_type} if media_type else {})}
    response = app_with_seeds.request(method, url, params=params, content=content, headers=headers)

    _assert_problem(response, status)
    if field is not None:
        assert field in [error["loc"] for error in response.json()["errors"]], response.text
    assert _snapshot(app_with_seeds) == before


def test_an_article_of_the_last_day_kept_resolves_its_tomorrow_to_no_date_and_keeps_calendars_whole(app_with_seeds):
    body = "President Alar Karis will meet Prime Minister Kristen Michal in Tallinn tomorrow."
    response = _post_json(app_with_seeds, {"body": body, "published_at": "9998-12-31"})

    assert response.status_code == 201, response.text
    assert app_with_seeds.get(f"/v1/articles/{response.json()['id']}").json()["published_at"] == "9998-12-31"
    (meeting_id,) = response.json()["meetings"]
    meeting = app_with_seeds.get(f"/v1/meetings/{meeting_id}").json()
    # "tomorrow" would be 9999-01-01, past the last date kept: the meeting keeps the article's date instead.
    assert (meeting["date"], meeting["status"]) == ("9998-12-31", "planned")
    for calendar in ("/v1/meetings.ics", "/v1/timeline.ics"):
        answer = app_with_seeds.get(calendar)
        assert answer.status_code == 200, answer.text
        assert answer.content.startswith(b"BEGIN:VCALENDAR")
    assert f"UID:meeting-{meeting_id}@newsevents" in app_with_seeds.get("/v1/meetings.ics").text


@pytest.mark.parametrize(("url", "name"), TEXT_FILTERS)
@pytest.mark.parametrize("text", NASTY_TEXT)
def test_sql_and_like_metacharacters_in_text_filters_are_searched_for_literally(app_with_seeds, url, name, text):
    before = _snapshot(app_with_seeds)
    response = app_with_seeds.get(url, params={name: text})

    assert response.status_code == 200, response.text
    assert response.json() == {"items": [], "next_cursor": None}
    assert _snapshot(app_with_seeds) == before


def test_unknown_query_parameters_are_ignored(app_with_seeds):
    plain = app_with_seeds.get("/v1/meetings").json()
    assert app_with_seeds.get("/v1/meetings", params={"colour": "blue", "limit[]": "9"}).json() == plain


def _post_json(client, payload: dict):
    return client.post(
        "/v1/articles", content=json.dumps(payload), headers={"Content-Type": "application/json", **AUTH}
    )


@pytest.mark.parametrize(
    "name",
    ["Zoë Ångström-Núñez", "محمد عبد الله", "יוסי כהן", "Ana\u0301 Mari\u0301a Lo\u0301pez", "Kim 🇺🇦 Lee", "李 小龙"],
)
def test_unusual_characters_in_names_are_stored_and_found(app_with_seeds, name):
    body = f"Foreign Minister {name} met Defence Minister Jan Kowalski in Warsaw on Monday."
    response = _post_json(app_with_seeds, {"body": body, "published_at": "2024-05-06", "source": name, "author": name})

    assert response.status_code == 201, response.text
    stored = unicodedata.normalize("NFC", name)
    article = app_with_seeds.get(f"/v1/articles/{response.json()['id']}").json()
    assert (article["body"], article["source"], article["author"]) == (
        unicodedata.normalize("NFC", body),
        stored,
        stored,
    )
    found = app_with_seeds.get("/v1/articles", params={"source": name}).json()["items"]
    assert [item["id"] for item in found] == [article["id"]]


def test_a_person_whose_name_has_capitals_outside_ascii_is_found_by_it(app_with_seeds):
    body = "Foreign Minister Åsa Öberg met Defence Minister Jan Kowalski in Warsaw on Tuesday."
    response = _post_json(app_with_seeds, {"body": body, "published_at": "2024-05-07"})

    assert response.status_code == 201, response.text
    assert "asa-oberg" in response.json()["people"]
    for query in ("Åsa Öberg", "Öberg", unicodedata.normalize("NFD", "Åsa Öberg")):
        found = app_with_seeds.get("/v1/people", params={"q": query}).json()["items"]
        assert [person["id"] for person in found] == ["asa-oberg"], query


def test_ingesting_a_path_that_climbs_to_a_file_that_is_no_article_stores_nothing(tmp_path, database_url):
    """The CLI reads the paths its operator names; a climbing path to a system file is refused by content."""
    import os

    inside, outside = tmp_path / "inside", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    # A supported suffix, so that only what the file holds can refuse it.
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/bin/sh\n")
    result = subprocess.run(
        [sys.executable, "-m", "app", "ingest", str(inside / ".." / "outside" / "passwd.txt")],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "no publication date" in result.stderr
    assert "0 new, 0 unchanged, 1 failed" in result.stderr


def test_control_characters_inside_an_article_are_dropped_not_stored(app_with_seeds):
    payload = {
        "body": "Two ministers\u0000 met in Vilnius\u0007 on Monday.",
        "published_at": "2024-05-06",
        "title": "T\u0000",
    }
    response = app_with_seeds.post(
        "/v1/articles", content=json.dumps(payload), headers={"Content-Type": "application/json", **AUTH}
    )
    assert response.status_code == 201, response.text
    article = app_with_seeds.get(f"/v1/articles/{response.json()['id']}").json()
    assert article["body"] == "Two ministers met in Vilnius on Monday."
    assert article["title"] == "T"
