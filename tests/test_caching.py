"""Reads are cached by data version: ETag and If-None-Match give 304; every write invalidates."""

import pytest
from fastapi.testclient import TestClient

from app.application import create_app
from app.caching import answer_cache
from tests.databases import recorded_statements
from tests.problems import assert_problem

KEY = "cache-key"
AUTH = {"Authorization": f"Bearer {KEY}"}


def _article(n: int) -> dict:
    return {
        "body": f"Finnish President Anna Virtanen met Danish Prime Minister Lars Holm in Oslo for talk {n}.",
        "published_at": "2024-04-08",
    }


@pytest.fixture
def writer(settings):
    with TestClient(create_app(settings.model_copy(update={"api_keys": [KEY]}))) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        yield client


def _answer_queries(statements: list[tuple[str, object]]) -> list[str]:
    """The statements an endpoint ran: all but the data version check (which SQLite runs off the pool)."""
    return [statement for statement, _ in statements if "data_version" not in statement]


def test_a_matching_if_none_match_is_a_304_without_running_the_endpoint(writer):
    writer.post("/v1/articles", json=_article(1), headers=AUTH)
    with recorded_statements(writer.app.state.engine) as rendering:
        first = writer.get("/v1/meetings")
    etag = first.headers["etag"]

    with recorded_statements(writer.app.state.engine) as statements:
        revalidated = writer.get("/v1/meetings", headers={"If-None-Match": etag})

    assert first.status_code == 200
    assert first.headers["cache-control"] == "no-cache"
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == etag
    assert any("FROM meeting" in statement for statement in _answer_queries(rendering))  # the recorder sees it
    assert _answer_queries(statements) == []  # the endpoint did not run


def test_a_cached_answer_is_the_same_as_a_fresh_one(writer):
    for n in range(3):
        writer.post("/v1/articles", json=_article(n), headers=AUTH)
    with recorded_statements(writer.app.state.engine) as rendering:
        fresh = writer.get("/v1/articles", params={"limit": 1})
    with recorded_statements(writer.app.state.engine) as statements:
        cached = writer.get("/v1/articles", params={"limit": 1})

    assert cached.content == fresh.content
    assert cached.headers["link"] == fresh.headers["link"]
    assert cached.headers["etag"] == fresh.headers["etag"]
    assert any("FROM article" in statement for statement in _answer_queries(rendering))
    assert _answer_queries(statements) == []


def test_every_write_changes_the_etag_and_the_answer(writer):
    writer.post("/v1/articles", json=_article(1), headers=AUTH)
    before = writer.get("/v1/articles")
    created = writer.post("/v1/articles", json=_article(2), headers=AUTH).json()
    after_post = writer.get("/v1/articles", headers={"If-None-Match": before.headers["etag"]})
    writer.delete(f"/v1/articles/{created['id']}", headers=AUTH)
    after_delete = writer.get("/v1/articles", headers={"If-None-Match": after_post.headers["etag"]})

    assert after_post.status_code == 200
    assert len(after_post.json()["items"]) == len(before.json()["items"]) + 1
    assert after_delete.status_code == 200
    assert after_delete.json() == before.json()
    assert len({before.headers["etag"], after_post.headers["etag"], after_delete.headers["etag"]}) == 3


def test_a_write_through_another_instance_invalidates_this_ones_cache(settings):
    settings = settings.model_copy(update={"api_keys": [KEY]})
    with TestClient(create_app(settings)) as reader, TestClient(create_app(settings)) as other:
        assert other.app.state.startup.finished.wait(timeout=120)
        assert reader.get("/v1/people").json()["items"] == []  # now cached by the reader
        other.post("/v1/articles", json=_article(7), headers=AUTH)
        people = reader.get("/v1/people").json()["items"]
    assert [p["id"] for p in people] == ["anna-virtanen", "lars-holm"]


def test_errors_and_other_methods_are_not_cached(writer):
    missing = writer.get("/v1/meetings/nope")
    assert_problem(missing, 404, "no meeting with id 'nope'")
    assert "etag" not in missing.headers
    health = writer.get("/healthz")
    assert health.json() == {"status": "ok"}
    assert health.headers.get("etag") is None


def test_with_no_cache_memory_every_read_runs_its_endpoint_and_still_gets_304s(settings):
    settings = settings.model_copy(update={"api_keys": [KEY], "response_cache_mb": 0})
    with TestClient(create_app(settings)) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        created = client.post("/v1/articles", json=_article(1), headers=AUTH).json()
        first = client.get("/v1/meetings")
        with recorded_statements(client.app.state.engine) as statements:
            second = client.get("/v1/meetings")
        revalidated = client.get("/v1/meetings", headers={"If-None-Match": first.headers["etag"]})

    assert second.json() == first.json()
    assert any("FROM meeting" in statement for statement in _answer_queries(statements))
    assert [m["sources"][0]["article_id"] for m in first.json()["items"]] == [created["id"]]
    assert second.headers["etag"] == first.headers["etag"]
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == first.headers["etag"]


def test_the_cache_keeps_the_most_recently_used_answers_within_its_bytes():
    cache = answer_cache(max_bytes=300)
    for n in range(4):
        cache[("k", n)] = ([(b"etag", b'"1"')], bytes(100 - 9))
    assert cache.get(("k", 1)) is not None
    cache[("k", 4)] = ([], bytes(100))
    with pytest.raises(ValueError, match="too large"):
        cache[("too big",)] = ([], bytes(301))

    kept = [n for n in range(5) if cache.get(("k", n)) is not None]
    assert kept == [1, 3, 4]  # 0 went first, then 2; 1 was read since
    assert cache.currsize <= 300
    assert cache.get(("too big",)) is None
