"""Bad input, table-driven: each gets a 4xx problem (or is harmlessly ignored) and changes nothing."""

import json
import subprocess
import sys

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


@pytest.mark.parametrize(
    "name",
    ["Zoë Ångström-Núñez", "محمد عبد الله", "יוסי כהן", "Ana\u0301 Mari\u0301a Lo\u0301pez", "Kim 🇺🇦 Lee", "李 小龙"],
)
def test_unusual_characters_in_names_are_stored_and_found(app_with_seeds, name):
    body = f"Foreign Minister {name} met Defence Minister Jan Kowalski in Warsaw on Monday."
    response = app_with_seeds.post(
        "/v1/articles",
        content=json.dumps({"body": body, "published_at": "2024-05-06"}),
        headers={"Content-Type": "application/json", **AUTH},
    )
    assert response.status_code == 201, response.text
    article = app_with_seeds.get(f"/v1/articles/{response.json()['id']}").json()
    assert article["body"].endswith("in Warsaw on Monday.")
    for person_id in response.json()["people"]:
        assert app_with_seeds.get(f"/v1/people/{person_id}").status_code == 200
    assert app_with_seeds.get("/v1/people", params={"q": name}).status_code == 200


def test_ingest_paths_that_climb_out_of_a_folder_are_refused_and_store_nothing(tmp_path, database_url):
    import os

    result = subprocess.run(
        [sys.executable, "-m", "app", "ingest", "seeds/../../../../../../etc/passwd"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "unsupported file type" in result.stderr
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
