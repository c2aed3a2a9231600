"""The HTTP layer every route shares: links that no Host header can poison, signed cursors checked value by
value, HEAD, 405 with Allow, revalidation, security headers and a read-only replica."""

import hashlib
import json
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from itsdangerous import URLSafeSerializer
from itsdangerous.encoding import base64_encode
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlmodel import Session

from app.application import create_app
from app.config import SettingsError, load_settings
from app.db import make_engine
from app.models import Article
from app.pagination import _CURSOR_SALT
from tests.databases import ON_POSTGRES
from tests.factories import make_article, make_person, make_timeline_entry
from tests.problems import assert_problem
from tests.seeds_gold import served_counts
from tests.servers import running_server

SECRET = "a-test-secret-of-enough-length"  # noqa: S105
KEY = "http-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
PROBLEM = "application/problem+json"
READ_ONLY = "this instance serves a read-only database: send writes to the primary"
SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY"}


@pytest.fixture
def http_settings(settings):
    return settings.model_copy(update={"cursor_secret": SecretStr(SECRET), "api_keys": [KEY]})


@pytest.fixture
def app_client(http_settings):
    with TestClient(create_app(http_settings), raise_server_exceptions=False) as client:
        yield client


def _seed_timeline(engine, days: int = 3) -> None:
    with Session(engine) as session:
        for day in range(1, days + 1):
            make_timeline_entry(session, day=date(2024, 1, day))


def _next_url(response: httpx.Response) -> str:
    link = response.headers["link"]
    assert link.endswith('>; rel="next"')
    return link[1 : link.index(">")]


# Item 6: the Host header never reaches a link.


def test_a_request_with_a_foreign_host_does_not_poison_the_next_readers_links(app_client):
    _seed_timeline(app_client.app.state.engine)

    poisoned = app_client.get("/v1/timeline", params={"limit": 1}, headers={"Host": "evil.example"})
    honest = app_client.get("/v1/timeline", params={"limit": 1})

    assert poisoned.status_code == honest.status_code == 200
    assert poisoned.json() == honest.json()  # the same page, whatever the Host
    assert [t["date"] for t in honest.json()["items"]] == ["2024-01-01"]
    assert "evil.example" not in poisoned.headers["link"]
    assert "evil.example" not in honest.headers["link"]
    assert _next_url(honest).startswith("/v1/timeline?")  # relative: resolved against the reader's own URL
    assert app_client.get(_next_url(honest)).json()["items"][0]["date"] == "2024-01-02"


def test_with_public_url_every_link_starts_with_it_whatever_the_host(http_settings):
    settings = http_settings.model_copy(update={"public_url": "https://news.example/api"})
    with TestClient(create_app(settings)) as client:
        _seed_timeline(client.app.state.engine)
        with Session(client.app.state.engine, expire_on_commit=False) as session:
            article = make_article(session)
            make_timeline_entry(session, day=date(2024, 2, 1), source=article)
        page = client.get("/v1/timeline", params={"limit": 1}, headers={"Host": "evil.example"})
        calendar = client.get("/v1/timeline.ics", headers={"Host": "evil.example"})

    assert _next_url(page).startswith("https://news.example/api/v1/timeline?")
    assert calendar.status_code == 200
    assert calendar.headers["content-type"] == "text/calendar; charset=utf-8"
    assert calendar.text.startswith("BEGIN:VCALENDAR")
    assert "evil.example" not in calendar.text
    assert f"https://news.example/api/#/articles/{article.id}" in calendar.text.replace("\r\n ", "")


def test_without_public_url_calendar_links_follow_each_requests_own_host(app_client):
    with Session(app_client.app.state.engine, expire_on_commit=False) as session:
        article = make_article(session)
        make_timeline_entry(session, day=date(2024, 2, 1), source=article)

    first = app_client.get("/v1/timeline.ics", headers={"Host": "evil.example"})
    second = app_client.get("/v1/timeline.ics", headers={"Host": "news.example"})

    assert "evil.example" in first.text.replace("\r\n ", "")
    assert "evil.example" not in second.text
    assert "http://news.example/#/articles/" in second.text.replace("\r\n ", "")


@pytest.mark.parametrize("value", ["news.example", "ftp://news.example", "https://news.example/?a=1", "https://"])
def test_a_public_url_that_is_not_an_http_origin_stops_the_start(value):
    with pytest.raises(SettingsError, match="PUBLIC_URL"):
        load_settings(public_url=value)


# Item 8: cursors are signed with the deployment's secret and checked value by value.


def _signed(values: object, scope: str = "timeline:asc", secret: str = SECRET) -> str:
    # Signed as itsdangerous signs, from JSON with escapes, so that even a lone surrogate can be sent.
    payload = json.dumps([scope, values]).encode()
    return URLSafeSerializer(secret, salt=_CURSOR_SALT).make_signer().sign(base64_encode(payload)).decode()


def _assert_invalid_cursor(response: httpx.Response) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["status"] == 422
    assert "cursor" in response.json()["detail"]


def test_a_cursor_survives_another_instance_with_the_same_secret_and_no_other(http_settings):
    with TestClient(create_app(http_settings)) as first:
        _seed_timeline(first.app.state.engine)
        cursor = first.get("/v1/timeline", params={"limit": 1}).json()["next_cursor"]
    with TestClient(create_app(http_settings)) as same_secret:
        followed = same_secret.get("/v1/timeline", params={"limit": 1, "cursor": cursor})
    other = http_settings.model_copy(update={"cursor_secret": SecretStr("another-secret-of-enough-length")})
    with TestClient(create_app(other)) as other_secret:
        refused = other_secret.get("/v1/timeline", params={"limit": 1, "cursor": cursor})

    assert followed.status_code == 200
    assert followed.json()["items"][0]["date"] == "2024-01-02"
    _assert_invalid_cursor(refused)


def test_a_cursor_signed_with_the_salt_alone_is_forged(app_client):
    _assert_invalid_cursor(app_client.get("/v1/timeline", params={"cursor": _signed(["2024-01-01", "t1"], secret="")}))


@pytest.mark.parametrize(
    "values",
    [
        ["1899-12-31", "t1"],  # before any stored date
        ["9999-12-31", "t1"],  # the services step a day past it
        ["2024-01-01", "t\x00"],  # PostgreSQL refuses NUL in text
        ["2024-01-01", "t" * 1001],
        ["2024-01-01", "\ud800"],  # a lone surrogate cannot be encoded
        ["+2024-01-01", "t1"],
        ["2024-01-01", 2**70],
        ["2024-01-01"],
        "not a list",
    ],
)
def test_a_correctly_signed_cursor_with_a_value_out_of_bounds_is_a_422(app_client, values):
    _assert_invalid_cursor(app_client.get("/v1/timeline", params={"cursor": _signed(values)}))


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.dates().map(str),
    lambda children: st.lists(children, max_size=3),
    max_leaves=4,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scope=st.sampled_from(["timeline:asc", "timeline:desc", "meetings", "people", "articles"]),
    values=st.lists(_JSON_VALUES, max_size=3),
    url=st.sampled_from(["/v1/timeline", "/v1/meetings", "/v1/people", "/v1/articles", "/v1/timeline.ics"]),
)
def test_any_correctly_signed_cursor_is_a_page_or_a_422_never_a_5xx(app_client, scope, values, url):
    response = app_client.get(url, params={"cursor": _signed(values, scope=scope), "limit": 2})
    if response.status_code != 200:
        _assert_invalid_cursor(response)


# Item 9: HEAD, 405 with Allow, revalidation, security headers.


def _get_paths(client: TestClient) -> list[str]:
    person = "ada-example"
    with Session(client.app.state.engine, expire_on_commit=False) as session:
        article = make_article(session)
        entry = make_timeline_entry(session, day=date(2024, 1, 1), source=article)
        make_person(session, name="Ada Example")
    ids = {"article_id": article.id, "entry_id": entry.id, "person_id": person, "meeting_id": "missing"}
    paths = [
        path.format(**ids) for path, methods in client.get("/openapi.json").json()["paths"].items() if "get" in methods
    ]
    return [*paths, "/", "/docs", "/openapi.json", "/assets/app.js", "/docs-assets/swagger-ui.css"]


def test_head_answers_every_get_route_with_its_status_and_headers_and_no_body(app_client):
    paths = _get_paths(app_client)
    assert len(paths) >= 19  # the 14 GET operations of the document and the pages outside it
    for path in paths:
        got = app_client.get(path)
        head = app_client.head(path)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        for name in ("content-type", "content-length", "etag", "link", "cache-control", *SECURITY_HEADERS):
            assert head.headers.get(name) == got.headers.get(name), (path, name)
    missing = app_client.head("/v1/meetings/missing")
    assert (missing.status_code, missing.headers["content-type"], missing.content) == (404, PROBLEM, b"")


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/v1/articles", "GET, HEAD, POST"),
        ("PATCH", "/v1/articles/0123456789abcdef", "GET, HEAD, DELETE"),
        ("DELETE", "/v1/people", "GET, HEAD"),
        ("POST", "/v1/timeline.ics", "GET, HEAD"),
        ("POST", "/assets/app.js", "GET, HEAD"),
        ("PUT", "/docs", "GET, HEAD"),
    ],
)
def test_a_wrong_method_is_a_405_problem_naming_every_allowed_method(app_client, method, path, allow):
    response = app_client.request(method, path)

    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["detail"] == f"{method} is not allowed on {path}; use {allow}"


@pytest.mark.parametrize("cache_mb", [32, 0])
def test_a_current_tag_turns_only_a_200_into_a_304(http_settings, cache_mb):
    with TestClient(create_app(http_settings.model_copy(update={"response_cache_mb": cache_mb}))) as client:
        _seed_timeline(client.app.state.engine)
        etag = client.get("/v1/timeline").headers["etag"]
        current = {"If-None-Match": etag}

        revalidated = client.get("/v1/timeline", headers=current)
        unchanged_list = client.get("/v1/people", headers=current)  # never fetched: rendered, then 304
        missing = client.get("/v1/meetings/missing", headers=current)
        invalid = client.get("/v1/timeline", params={"limit": 0}, headers=current)
        head_missing = client.head("/v1/meetings/missing", headers=current)

    assert (revalidated.status_code, revalidated.content, revalidated.headers["etag"]) == (304, b"", etag)
    assert (unchanged_list.status_code, unchanged_list.content, unchanged_list.headers["etag"]) == (304, b"", etag)
    assert_problem(missing, 404, "no meeting with id 'missing'")
    assert_problem(invalid, 422, loc="query.limit")
    assert (head_missing.status_code, head_missing.headers["content-type"], head_missing.content) == (404, PROBLEM, b"")


def test_every_answer_carries_nosniff_and_a_no_framing_policy(app_client):
    _seed_timeline(app_client.app.state.engine)
    etag = app_client.get("/v1/timeline").headers["etag"]
    answers = {
        "list": app_client.get("/v1/timeline"),
        "cached list": app_client.get("/v1/timeline"),
        "304": app_client.get("/v1/timeline", headers={"If-None-Match": etag}),
        "404": app_client.get("/v1/nowhere"),
        "405": app_client.put("/v1/people"),
        "401": app_client.post("/v1/articles", json={}),
        "docs": app_client.get("/docs"),
        "docs asset": app_client.get("/docs-assets/swagger-ui-bundle.js"),
        "asset": app_client.get("/assets/app.js"),
        "openapi": app_client.get("/openapi.json"),
        "explorer": app_client.get("/"),
    }
    for name, response in answers.items():
        for header, value in SECURITY_HEADERS.items():
            assert response.headers.get(header) == value, (name, header)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], name
    assert (answers["304"].status_code, answers["304"].content) == (304, b"")
    # The explorer keeps its own, stricter policy; the docs page gets no script restriction from us.
    assert answers["explorer"].headers["content-security-policy"].startswith("default-src 'self'")
    assert answers["docs"].headers["content-security-policy"] == "frame-ancestors 'none'"


# Item 9: a read-only replica.


def _database_with_one_article(http_settings) -> str:
    with TestClient(create_app(http_settings)) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        created = client.post(
            "/v1/articles",
            json={
                "body": "Finnish President Anna Virtanen met Danish Prime Minister Lars Holm.",
                "published_at": "2024-04-08",
            },
            headers=AUTH,
        )
        assert created.status_code == 201, created.text
    return created.json()["id"]


def _digest(folder) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in sorted(os.listdir(folder))}


@pytest.mark.skipif(ON_POSTGRES, reason="a read-only SQLite file")
def test_a_sqlite_file_opened_read_only_serves_reads_and_refuses_writes_unchanged(http_settings, tmp_path):
    article_id = _database_with_one_article(http_settings)
    path = tmp_path / "db" / "test.db"
    read_only = http_settings.model_copy(
        update={"database_url": f"sqlite:///file:{path}?mode=ro&uri=true", "ingest_on_startup": True}
    )
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with TestClient(create_app(read_only)) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        ready = client.get("/readyz")
        served = served_counts(client)
        people = client.get("/v1/people")
        post = client.post("/v1/articles", json={"body": "x" * 80, "published_at": "2024-04-09"}, headers=AUTH)
        delete = client.delete(f"/v1/articles/{article_id}", headers=AUTH)
        unauthenticated = client.delete(f"/v1/articles/{article_id}")

    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "counts": served}
    assert served["articles"] == 1  # the one article the database was made with
    assert [person["id"] for person in people.json()["items"]] == ["anna-virtanen", "lars-holm"]
    for refused in (post, delete):
        assert_problem(refused, 503, READ_ONLY)
    assert_problem(unauthenticated, 401)
    assert unauthenticated.headers["www-authenticate"].startswith("Bearer")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    engine = make_engine(http_settings.database_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 1
    engine.dispose()


@pytest.mark.skipif(ON_POSTGRES, reason="a read-only SQLite file")
@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="as root, chmod needs setpriv")
def test_the_service_starts_on_a_file_and_folder_it_may_not_write(http_settings, tmp_path):
    _database_with_one_article(http_settings)
    # pytest's own folders are private to their owner: the server may run as another user (below).
    with tempfile.TemporaryDirectory() as public:
        folder = Path(public) / "db"
        folder.mkdir()
        Path(public).chmod(0o755)
        shutil.copy(tmp_path / "db" / "test.db", folder / "test.db")
        (folder / "test.db").chmod(0o444)
        folder.chmod(0o555)
        before = _digest(folder)
        # Root may write whatever the modes say: the server runs as nobody, for whom they hold.
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        try:
            with running_server(
                f"sqlite:///{folder / 'test.db'}",
                command=lambda port: [*as_nobody, sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port)],
                API_KEYS=KEY,
                INGEST_ON_STARTUP="true",
            ) as base:
                meetings = httpx.get(f"{base}/v1/meetings")
                post = httpx.post(
                    f"{base}/v1/articles", json={"body": "x" * 80, "published_at": "2024-04-09"}, headers=AUTH
                )
            after = _digest(folder)
        finally:
            folder.chmod(0o755)

    assert meetings.status_code == 200
    # The one meeting of the one article the database holds.
    assert [[p["id"] for p in m["participants"]] for m in meetings.json()["items"]] == [["anna-virtanen", "lars-holm"]]
    assert post.status_code == 503
    assert post.headers["content-type"] == PROBLEM
    assert post.json()["detail"] == READ_ONLY
    assert after == before  # no lock file, no WAL, not a byte changed
