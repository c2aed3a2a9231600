"""Concurrent writes against a real uvicorn process on a real SQLite file (or PostgreSQL server).

The server is shared by the module; each test posts articles of its own (its own day), so none depends on
what another posted.
"""

import threading

import httpx
import pytest

from tests.databases import fresh_database
from tests.servers import running_server

KEY = "concurrency-key"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with (
        fresh_database(tmp_path_factory.mktemp("server")) as database_url,
        running_server(database_url, API_KEYS=KEY) as base,
    ):
        yield base


def _article(n: int, published_at: str = "2024-10-07") -> dict:
    return {
        "body": f"Estonian Defence Minister Hanno Pevkur met Finnish Defence Minister Antti Hakkanen in Tallinn "
        f"on Monday for round {n} of talks on air defense.",
        "published_at": published_at,
    }


def _meetings_reported_by(base: str, article_ids: set[str]) -> list[dict]:
    meetings = httpx.get(f"{base}/v1/meetings", params={"participant": "hanno-pevkur", "limit": 100}).json()["items"]
    return [m for m in meetings if article_ids & {s["article_id"] for s in m["sources"]}]


def _post_all(base: str, payloads: list[dict], headers: dict[str, str] | None = None) -> list[httpx.Response]:
    barrier = threading.Barrier(len(payloads))
    responses: list[httpx.Response | None] = [None] * len(payloads)

    def post(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            barrier.wait()
            responses[index] = client.post(
                "/v1/articles", json=payloads[index], headers={"Authorization": f"Bearer {KEY}", **(headers or {})}
            )

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(payloads))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def _article_count(base: str) -> int:
    return httpx.get(f"{base}/readyz").json()["counts"]["articles"]


def test_twenty_simultaneous_posts_of_one_article_store_it_once(server):
    before = _article_count(server)
    responses = _post_all(server, [_article(0, "2024-09-02")] * 20)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 19 + [201], [r.text for r in responses if r.status_code >= 300]
    ids = {r.json()["id"] for r in responses}
    assert len(ids) == 1
    assert _article_count(server) == before + 1
    assert len(_meetings_reported_by(server, ids)) == 1


def test_twenty_different_articles_posted_at_once_are_all_stored(server):
    before = _article_count(server)
    responses = _post_all(server, [_article(n, "2024-09-09") for n in range(1, 21)])

    assert [r.status_code for r in responses] == [201] * 20, [r.text for r in responses if r.status_code != 201]
    ids = {r.json()["id"] for r in responses}
    assert len(ids) == 20
    assert _article_count(server) == before + 20
    # Twenty reports of one encounter: one meeting, with every article as a source.
    [meeting] = _meetings_reported_by(server, ids)
    assert {s["article_id"] for s in meeting["sources"]} == ids


def test_one_idempotency_key_with_twenty_different_bodies_at_once_stores_one_article(server):
    before = _article_count(server)
    responses = _post_all(
        server, [_article(n, "2024-09-16") for n in range(100, 120)], headers={"Idempotency-Key": "one-key-20-bodies"}
    )

    stored = [r for r in responses if r.status_code == 201 and "idempotent-replayed" not in r.headers]
    assert len(stored) == 1, [r.text for r in responses]
    # The others found the key in flight (409) or already answered for another body (422).
    others = [r for r in responses if r is not stored[0]]
    assert {r.status_code for r in others} <= {409, 422}, [r.text for r in others]
    assert all(r.headers["content-type"] == "application/problem+json" for r in others)
    assert _article_count(server) == before + 1
    assert len(_meetings_reported_by(server, {stored[0].json()["id"]})) == 1


def test_one_idempotency_key_with_one_body_twenty_times_at_once_answers_once_and_replays_or_refuses(server):
    before = _article_count(server)
    responses = _post_all(server, [_article(200, "2024-09-23")] * 20, headers={"Idempotency-Key": "one-key-1-body"})

    first = [r for r in responses if "idempotent-replayed" not in r.headers and r.status_code < 300]
    assert [r.status_code for r in first] == [201], [r.text for r in responses]
    for response in responses:
        if response.status_code == 409:
            assert "in progress" in response.json()["detail"]
        elif response is not first[0]:
            assert response.headers["idempotent-replayed"] == "true"
            assert (response.status_code, response.json()) == (201, first[0].json())
            assert response.headers["location"] == first[0].headers["location"]
    assert _article_count(server) == before + 1
    again = httpx.post(
        f"{server}/v1/articles",
        json=_article(200, "2024-09-23"),
        headers={"Authorization": f"Bearer {KEY}", "Idempotency-Key": "one-key-1-body"},
    )
    assert (again.status_code, again.headers["idempotent-replayed"], again.json()) == (201, "true", first[0].json())


def test_an_article_posted_to_one_instance_is_read_from_another(tmp_path):
    with (
        fresh_database(tmp_path) as database_url,
        running_server(database_url, API_KEYS=KEY) as first,
        running_server(database_url, API_KEYS=KEY) as second,
    ):
        posted = httpx.post(f"{first}/v1/articles", json=_article(99), headers={"Authorization": f"Bearer {KEY}"})
        assert posted.status_code == 201
        article_id = posted.json()["id"]
        read = httpx.get(f"{second}/v1/articles/{article_id}")
        meetings = httpx.get(f"{second}/v1/meetings", params={"participant": "Hanno Pevkur"}).json()["items"]

    assert read.status_code == 200
    assert read.json()["body"] == _article(99)["body"]
    assert [m["sources"][0]["article_id"] for m in meetings] == [article_id]
