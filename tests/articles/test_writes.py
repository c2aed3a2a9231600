import asyncio
import hashlib
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlmodel import Session

from app.application import create_app
from app.articles import writes
from app.extraction import pipeline
from app.models import Article, Evidence, IdempotencyKey, Meeting, Person, TimelineEntry
from tests.conftest import SEEDS_DIR, walk
from tests.ingest.test_html import PAGES
from tests.problems import assert_problem
from tests.seeds_gold import gold_range

KEY, OTHER_KEY = "test-key-1", "test-key-2"
AUTH = {"Authorization": f"Bearer {KEY}"}
MEETING = {
    "body": "Latvian Foreign Minister Baiba Braze met Swedish Foreign Minister Maria Stenergard in Riga on Monday "
    "to discuss Baltic Sea security.\n\nBraze said Latvia backs Ukraine's membership in NATO.",
    "published_at": "2024-11-18",
    "title": "Ministers meet in Riga",
    "source": "Example Wire",
}


@pytest.fixture
def writer(settings):
    with TestClient(
        create_app(settings.model_copy(update={"api_keys": [KEY, OTHER_KEY], "max_article_bytes": 64 * 1024})),
        raise_server_exceptions=False,
    ) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        yield client


def _post(client, payload, *, media_type="application/json", headers=None):
    data = json.dumps(payload) if isinstance(payload, dict) else payload
    return client.post("/v1/articles", content=data, headers={"Content-Type": media_type, **AUTH, **(headers or {})})


def _counts(client) -> dict[str, int]:
    with Session(client.app.state.engine) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Article, Person, Meeting, TimelineEntry, Evidence, IdempotencyKey)
        }


def test_a_step_told_only_in_the_headline_is_stored_with_its_quote_in_the_title(writer):
    title = "Iceland to Push for Invitation to NATO at Reykjavik Summit"
    response = _post(
        writer,
        {
            "title": title,
            "body": "At the NATO summit in Reykjavik this week, the main question will be whether Iceland "
            "should join the alliance.",
            "published_at": "2024-07-08",
        },
    )

    assert response.status_code == 201, response.text
    [plan] = [t for t in walk(writer, "/v1/timeline") if t["kind"] == "plan"]
    assert (plan["date"], plan["country"]) == ("2024-07-08", "Iceland")
    assert plan["sources"] == [
        {"article_id": response.json()["id"], "quote": title, "part": "title", "start": 0, "end": len(title)}
    ]
    article = writer.get(response.headers["location"]).json()
    assert {e["part"] for e in article["evidence"]} == {"title", "body"}
    for evidence in article["evidence"]:
        assert article[evidence["part"]][evidence["start"] : evidence["end"]] == evidence["quote"]
    with Session(writer.app.state.engine) as session:
        stored = session.scalars(select(Evidence).where(Evidence.timeline_entry_id == plan["id"])).all()
        assert [(e.part, e.quote) for e in stored] == [("title", title)]


def test_posting_json_stores_the_article_and_its_facts(writer):
    response = _post(writer, MEETING)

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"/v1/articles/{body['id']}"
    assert (body["title"], body["source"], body["published_at"]) == (
        "Ministers meet in Riga",
        "Example Wire",
        "2024-11-18",
    )
    assert body["people"] == ["baiba-braze", "maria-stenergard"]
    assert len(body["meetings"]) == 1
    assert len(body["timeline"]) == 1
    meeting = writer.get(f"/v1/meetings/{body['meetings'][0]}").json()
    assert meeting["date"] == "2024-11-18"
    assert meeting["location"]["city"] == "Riga"
    assert writer.get(response.headers["location"]).json()["body"].startswith("Latvian Foreign Minister")
    assert _counts(writer)["article"] == 1
    # The stored facts are the ones the answer names.
    assert [p["id"] for p in walk(writer, "/v1/people")] == body["people"]
    assert [m["id"] for m in walk(writer, "/v1/meetings")] == body["meetings"]
    assert [t["id"] for t in walk(writer, "/v1/timeline")] == body["timeline"]


def test_a_json_article_keeps_the_dateline_it_was_sent_and_serves_it_everywhere(writer):
    payload = MEETING | {"dateline": "  Riga,\u0007 Latvia "}

    response = _post(writer, payload)

    assert response.status_code == 201, response.text
    body = response.json()
    # Whitespace collapsed and control characters dropped, as for source and author.
    assert (body["dateline"], body["source"]) == ("Riga, Latvia", "Example Wire")
    detail = writer.get(response.headers["location"])
    assert detail.status_code == 200
    assert (detail.json()["id"], detail.json()["dateline"]) == (body["id"], "Riga, Latvia")
    listed = writer.get("/v1/articles")
    assert listed.status_code == 200
    assert [(a["id"], a["dateline"]) for a in listed.json()["items"]] == [(body["id"], "Riga, Latvia")]
    # No dateline sent: none stored, even when the body opens with one.
    other = _post(writer, {"body": "OSLO (AP) — Two envoys met.", "published_at": "2024-11-19"})
    assert other.status_code == 201, other.text
    assert other.json()["dateline"] is None


def test_posting_the_same_content_again_is_200_and_changes_nothing(writer):
    first = _post(writer, MEETING)
    before = _counts(writer)
    again = _post(writer, {**MEETING, "title": "Another headline, same story"})

    assert again.status_code == 200
    assert "location" not in again.headers
    assert again.json() == first.json()
    assert _counts(writer) == before


def test_seed_format_text_and_html_pages_are_accepted(writer):
    text = (SEEDS_DIR / "003_09662cb815ed8d2c.txt").read_bytes()
    page = (PAGES / "wire_page.html").read_bytes()

    as_text = _post(writer, text, media_type="text/plain; charset=utf-8")
    as_html = _post(writer, page, media_type="text/html")

    assert as_text.status_code == 201
    assert as_text.json()["title"] == "Zelensky meets with NATO's Stoltenberg in New York"
    # As many meetings as the seed's gold names for it (its required ones at least).
    assert len(as_text.json()["meetings"]) in gold_range("meetings", article="003_09662cb815ed8d2c.txt")
    assert as_html.status_code == 201
    assert (as_html.json()["title"], as_html.json()["author"]) == ("Baltic ministers meet in Tallinn", "Mari Tamm")
    assert "margus-tsahkna" in as_html.json()["people"]
    stored = {a["id"]: a for a in walk(writer, "/v1/articles")}
    assert set(stored) == {as_text.json()["id"], as_html.json()["id"]}
    assert stored[as_html.json()["id"]]["author"] == "Mari Tamm"
    stored_meetings = {m["id"] for m in walk(writer, "/v1/meetings")}
    assert stored_meetings == {*as_text.json()["meetings"], *as_html.json()["meetings"]}


def test_an_idempotency_key_replays_the_first_response_and_refuses_another_body(writer):
    headers = {"Idempotency-Key": "order-42"}
    first = _post(writer, MEETING, headers=headers)
    replay = _post(writer, MEETING, headers=headers)
    conflict = _post(writer, {**MEETING, "body": "Something else entirely happened."}, headers=headers)
    other_key_owner = writer.post(
        "/v1/articles",
        content=json.dumps({**MEETING, "body": "Something else entirely happened."}),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {OTHER_KEY}", **headers},
    )

    assert first.status_code == 201
    assert (replay.status_code, replay.json()) == (201, first.json())
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["location"] == first.headers["location"]
    assert replay.headers["content-type"] == "application/json"
    # A different request under a used key is a client error (the IETF Idempotency-Key draft's 422).
    assert_problem(conflict, 422, loc="header.idempotency-key")
    assert other_key_owner.status_code == 201  # keys are scoped to the API key that sent them
    assert other_key_owner.json()["id"] != first.json()["id"]
    assert {a["id"] for a in walk(writer, "/v1/articles")} == {first.json()["id"], other_key_owner.json()["id"]}
    assert _counts(writer)["article"] == 2
    assert _counts(writer)["idempotency_key"] == 2


def test_delete_removes_the_article_and_only_the_facts_it_alone_supported(writer):
    seed = _post(writer, (SEEDS_DIR / "003_09662cb815ed8d2c.txt").read_bytes(), media_type="text/plain").json()
    other = _post(writer, (SEEDS_DIR / "000_0d754ff0f809e8c7.txt").read_bytes(), media_type="text/plain").json()

    deleted = writer.delete(f"/v1/articles/{other['id']}", headers=AUTH)
    again = writer.delete(f"/v1/articles/{other['id']}", headers=AUTH)

    assert deleted.status_code == 204
    assert deleted.content == b""
    gone = f"no article with id {other['id']!r}"
    assert_problem(again, 404, gone)
    assert_problem(writer.get(f"/v1/articles/{other['id']}"), 404, gone)
    assert [a["id"] for a in walk(writer, "/v1/articles")] == [seed["id"]]
    people = {p["id"] for p in walk(writer, "/v1/people")}
    assert "jens-stoltenberg" in people  # also reported by the remaining article
    assert people <= set(seed["people"])
    for meeting_id in set(other["meetings"]) - set(seed["meetings"]):
        assert_problem(writer.get(f"/v1/meetings/{meeting_id}"), 404, f"no meeting with id {meeting_id!r}")
    for meeting_id in seed["meetings"]:
        meeting = writer.get(f"/v1/meetings/{meeting_id}").json()
        assert meeting["id"] == meeting_id
        assert {s["article_id"] for s in meeting["sources"]} == {seed["id"]}
    assert {m["id"] for m in walk(writer, "/v1/meetings")} == set(seed["meetings"])
    with Session(writer.app.state.engine) as session:
        assert session.scalar(select(func.count()).where(Evidence.article_id == other["id"])) == 0


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": f"Basic {KEY}"}, 401),
        ({"Authorization": "Bearer "}, 401),
    ],
)
def test_writes_without_a_valid_key_are_401_with_www_authenticate_and_change_nothing(writer, headers, status):
    _post(writer, MEETING)
    before = _counts(writer)
    article_id = writer.get("/v1/articles").json()["items"][0]["id"]

    responses = [
        writer.post(
            "/v1/articles", content=json.dumps(MEETING), headers={"Content-Type": "application/json", **headers}
        ),
        writer.delete(f"/v1/articles/{article_id}", headers=headers),
    ]
    for response in responses:
        assert_problem(response, status)
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert _counts(writer) == before


def test_with_no_api_keys_configured_writes_are_403_and_reads_stay_public(client):
    post = client.post(
        "/v1/articles", content=json.dumps(MEETING), headers={"Content-Type": "application/json", **AUTH}
    )
    delete = client.delete("/v1/articles/abc", headers=AUTH)

    disabled = "writes are disabled: the server has no API_KEYS configured"
    assert_problem(post, 403, disabled)
    assert_problem(delete, 403, disabled)
    listed = client.get("/v1/articles")
    assert (listed.status_code, listed.json()) == (200, {"items": [], "next_cursor": None})  # nothing stored


def _chunks(total: int):
    sent = 0
    while sent < total:
        yield b"a" * 8192
        sent += 8192


@pytest.mark.parametrize(
    ("content", "media_type", "status", "field"),
    [
        (b"<a/>", "application/xml", 415, None),
        (b"x", "", 415, None),
        (b"a" * (64 * 1024 + 1), "text/plain", 413, None),
        (b"", "application/json", 422, "body.body"),
        (b"", "text/plain", 422, "body.body"),
        (b"\x00\x01\x02\x03 binary", "text/plain", 422, "body.body"),
        (" date 2024-01-01 Caf\xe9".encode("latin-1"), "text/plain", 422, "body.body"),
        (b"A headline\n\nText without any date.", "text/plain", 422, "body.date"),
        (b" date 2024-02-30 Ministers met.", "text/plain", 422, "body.date"),
        (b'{"body": "Ministers met."}', "application/json", 422, "body.published_at"),
        (b'{"published_at": "2024-01-01"}', "application/json", 422, "body.body"),
        (b'{"body": "Ministers met.", "published_at": "2024-02-30"}', "application/json", 422, "body.published_at"),
        (b'{"body": 5, "published_at": "2024-01-01"}', "application/json", 422, "body.body"),
        (
            b'{"body": "Ministers met.", "published_at": "2024-01-01", "dateline": "' + b"R" * 201 + b'"}',
            "application/json",
            422,
            "body.dateline",
        ),
        (
            b'{"body": "Ministers met.", "published_at": "2024-01-01", "dateline": 5}',
            "application/json",
            422,
            "body.dateline",
        ),
        (b'{"body": ', "application/json", 422, "body.body"),
        (b"[" * 20_000 + b"]" * 20_000, "application/json", 422, "body.body"),
        (b"[1, 2]", "application/json", 422, "body.body"),
        (b"<html><body><p>No date here, and too short.</p></body></html>", "text/html", 422, None),
    ],
)
def test_bad_articles_get_a_problem_naming_the_field_and_change_nothing(writer, content, media_type, status, field):
    before = _counts(writer)
    response = writer.post("/v1/articles", content=content, headers={"Content-Type": media_type, **AUTH})

    assert_problem(response, status, loc=field)
    assert _counts(writer) == before


def test_a_streamed_body_is_cut_off_at_the_limit(writer):
    response = writer.post(
        "/v1/articles", content=_chunks(10 * 1024 * 1024), headers={"Content-Type": "text/plain", **AUTH}
    )
    assert_problem(response, 413)
    assert _counts(writer) == dict.fromkeys(_counts(writer), 0)


def test_while_the_extractor_loads_writes_are_503(writer):
    writer.app.state.extractor = None
    response = _post(writer, MEETING)
    assert_problem(response, 503)
    assert response.headers["retry-after"] == "5"
    assert _counts(writer) == dict.fromkeys(_counts(writer), 0)


def _scope(key: str) -> str:
    # The server scopes a key by a fingerprint of the API key that sent it (app/auth.py).
    return writes.idempotency_scope(writer=hashlib.sha256(KEY.encode()).hexdigest()[:16], key=key)


def _claim(client, key: str, payload: dict):
    """Claim a key as a request in flight would, before its work starts."""
    return writes.claim_key(
        engine=client.app.state.write_engine,
        scope_id=_scope(key),
        fingerprint=writes.request_fingerprint(
            method="POST", path="/v1/articles", media_type="application/json", body=json.dumps(payload).encode()
        ),
    )


def test_a_key_whose_request_is_in_flight_is_409_and_nothing_is_stored(writer):
    claim = _claim(writer, "in-flight", MEETING)
    assert claim.token is not None
    assert claim.replay is None

    same = _post(writer, MEETING, headers={"Idempotency-Key": "in-flight"})
    different = _post(writer, {**MEETING, "body": "Two envoys met in Oslo."}, headers={"Idempotency-Key": "in-flight"})

    assert_problem(same, 409)
    assert "in progress" in same.json()["detail"]
    assert different.status_code == 422
    assert _counts(writer)["article"] == 0
    # Once the first request answers, its twin is a replay.
    writes.complete_key(
        engine=writer.app.state.write_engine, claim=claim, status_code=201, body={"id": "x"}, location="/v1/articles/x"
    )
    replay = _post(writer, MEETING, headers={"Idempotency-Key": "in-flight"})
    assert (replay.status_code, replay.json(), replay.headers["location"]) == (201, {"id": "x"}, "/v1/articles/x")


def test_a_claim_left_by_a_dead_request_is_taken_over_after_its_timeout(writer):
    _claim(writer, "orphan", MEETING)
    with Session(writer.app.state.write_engine) as session:
        record = session.get(IdempotencyKey, _scope("orphan"))
        record.created_at = datetime.now(UTC) - writes.CLAIM_TIMEOUT - timedelta(seconds=1)
        session.commit()

    response = _post(writer, MEETING, headers={"Idempotency-Key": "orphan"})

    assert response.status_code == 201, response.text
    assert _post(writer, MEETING, headers={"Idempotency-Key": "orphan"}).headers["idempotent-replayed"] == "true"


def test_a_failed_keyed_request_gives_its_key_back(writer):
    headers = {"Idempotency-Key": "retry-me"}
    failed = _post(writer, {"body": "Ministers met.", "published_at": "2024-02-30"}, headers=headers)
    writer.app.state.extractor, extractor = None, writer.app.state.extractor
    unavailable = _post(writer, MEETING, headers=headers)
    writer.app.state.extractor = extractor

    assert (failed.status_code, unavailable.status_code) == (422, 503)
    assert _counts(writer)["idempotency_key"] == 0
    fixed = _post(writer, MEETING, headers=headers)
    assert fixed.status_code == 201, fixed.text
    assert _counts(writer)["idempotency_key"] == 1


def test_an_article_whose_text_is_over_the_extraction_limit_is_413_and_changes_nothing(settings):
    app = create_app(settings.model_copy(update={"api_keys": [KEY], "max_article_bytes": 1024 * 1024}))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.app.state.startup.finished.wait(timeout=120)
        # Paragraphs each well under the paragraph limit (a 422 of its own), together over the extraction limit.
        paragraph = "Ministers met in Riga on Monday to discuss air defense. " * 100
        body = "\n\n".join([paragraph] * (writes.MAX_EXTRACTED_CHARS // len(paragraph) + 2))

        response = _post(client, {"body": body, "published_at": "2024-11-18"}, headers={"Idempotency-Key": "big"})

        assert response.status_code == 413, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["loc"] == "body"
        assert str(writes.MAX_EXTRACTED_CHARS) in response.json()["detail"]
        assert _counts(client) == dict.fromkeys(_counts(client), 0)


def test_a_single_paragraph_longer_than_a_doc_keeps_every_evidence_offset_exact(writer):
    # One paragraph of over 20,000 characters: the extractor reads it in several docs, cut at sentence ends.
    filler = "The talks covered air defense, energy and the reconstruction of the ports in some detail. "
    body = (
        filler * 130
        + "Latvian Foreign Minister Baiba Braze met Swedish Foreign Minister Maria Stenergard in Riga on Monday. "
        + filler * 130
        + "Braze said Latvia backs Ukraine's membership in NATO."
    )
    assert len(body) > 4 * pipeline.MAX_DOC_CHARS

    response = _post(writer, {"body": body, "published_at": "2024-11-18"})

    assert response.status_code == 201, response.text
    assert response.json()["people"] == ["baiba-braze", "maria-stenergard"]
    assert len(response.json()["meetings"]) == 1
    detail = writer.get(response.headers["location"]).json()
    quoted = {e["quote"] for e in detail["evidence"]}
    assert any("Baiba Braze met Swedish" in quote for quote in quoted)
    assert any(quote.startswith("Braze said Latvia backs") for quote in quoted)
    for evidence in detail["evidence"]:
        assert detail["body"][evidence["start"] : evidence["end"]] == evidence["quote"]


def test_the_extraction_queue_refuses_writes_beyond_its_waiting_room_and_runs_the_rest():
    queue = writes.ExtractionQueue(1)
    release = threading.Event()
    capacity = 1 + writes.WAITING_WRITES

    def job() -> writes.WriteAnswer:
        release.wait(timeout=60)
        return writes.WriteAnswer(201, {}, {})

    async def flood() -> list[object]:
        admitted = [queue.submit(job) for _ in range(capacity)]
        with pytest.raises(writes.QueueFullError) as refused:
            queue.submit(job)
        release.set()
        answers = await asyncio.gather(*admitted)
        after = await queue.submit(job)  # the room is free again
        return [refused.value, *answers, after]

    try:
        refused, *answers = asyncio.run(flood())
    finally:
        release.set()
        queue.close()
    assert refused.status_code == 503
    assert refused.headers["Retry-After"]
    assert [a.status_code for a in answers] == [201] * (capacity + 1)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=300),
    media_type=st.sampled_from(["application/json", "text/plain", "text/html"]),
    content=st.binary(max_size=300)
    | st.builds(lambda n: json.dumps({**MEETING, "body": f"Envoys met {n}."}).encode(), st.integers(0, 3)),
)
def test_any_idempotency_key_and_body_is_answered_without_a_500_and_twice_the_same(writer, key, media_type, content):
    headers = {"Content-Type": media_type, "Idempotency-Key": key, **AUTH}

    first = writer.post("/v1/articles", content=content, headers=headers)
    second = writer.post("/v1/articles", content=content, headers=headers)

    assert first.status_code in {200, 201, 409, 422}, first.text
    if first.status_code >= 400:
        assert first.headers["content-type"] == "application/problem+json"
        assert second.status_code == first.status_code or first.status_code == 409
    elif key.strip():
        assert (second.status_code, second.json()) == (first.status_code, first.json())
        assert second.headers["idempotent-replayed"] == "true"


def test_a_worker_process_extracts_a_posted_article_as_the_service_itself_would(settings, tmp_path):
    answers = []
    for processes in (1, 0):
        own = settings.model_copy(
            update={
                "api_keys": [KEY],
                "extraction_processes": processes,
                "database_url": f"sqlite:///{tmp_path / f'p{processes}.db'}",
            }
        )
        with TestClient(create_app(own), raise_server_exceptions=False) as client:
            assert client.app.state.startup.finished.wait(timeout=120)
            response = _post(client, MEETING)
            assert response.status_code == 201, response.text
            people = walk(client, "/v1/people")
            meetings = walk(client, "/v1/meetings")
            answers.append((response.json(), people, meetings))
            used_a_process = client.app.state.write_extractor is not None
        assert used_a_process == bool(processes)

    in_process, in_thread = answers
    assert in_process == in_thread
    assert in_process[2], "the posted article names a meeting"
