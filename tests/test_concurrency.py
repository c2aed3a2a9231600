"""Concurrent writes against a real uvicorn process on a real SQLite file."""

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


def _article(n: int) -> dict:
    return {
        "body": f"Estonian Defence Minister Hanno Pevkur met Finnish Defence Minister Antti Hakkanen in Tallinn "
        f"on Monday for round {n} of talks on air defense.",
        "published_at": "2024-10-07",
    }


def _post_all(base: str, payloads: list[dict]) -> list[httpx.Response]:
    barrier = threading.Barrier(len(payloads))
    responses: list[httpx.Response | None] = [None] * len(payloads)

    def post(index: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            barrier.wait()
            responses[index] = client.post(
                "/v1/articles", json=payloads[index], headers={"Authorization": f"Bearer {KEY}"}
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
    responses = _post_all(server, [_article(0)] * 20)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 19 + [201], [r.text for r in responses if r.status_code >= 300]
    assert len({r.json()["id"] for r in responses}) == 1
    assert _article_count(server) == before + 1
    meetings = httpx.get(f"{server}/v1/meetings", params={"participant": "hanno-pevkur"}).json()["items"]
    assert len(meetings) == 1


def test_twenty_different_articles_posted_at_once_are_all_stored(server):
    before = _article_count(server)
    responses = _post_all(server, [_article(n) for n in range(1, 21)])

    assert [r.status_code for r in responses] == [201] * 20, [r.text for r in responses if r.status_code != 201]
    assert len({r.json()["id"] for r in responses}) == 20
    assert _article_count(server) == before + 20
    # Twenty reports of one encounter: still one meeting, now with every article as a source.
    meeting = httpx.get(f"{server}/v1/meetings", params={"participant": "hanno-pevkur"}).json()["items"][0]
    assert len({s["article_id"] for s in meeting["sources"]}) == 21


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
