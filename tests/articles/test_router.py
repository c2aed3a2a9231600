from datetime import date

import pytest

from app.ingest.parsing import parse_seed_text
from app.ingest.service import store_parsed
from app.ingest.sources import parse_file
from tests.conftest import SEEDS_DIR, walk
from tests.factories import make_article, make_meeting, make_person, make_timeline_entry, quote_evidence


@pytest.fixture
def seeded(client):
    engine = client.app.state.engine
    ids = [store_parsed(engine=engine, parsed=parse_file(p)).article_id for p in sorted(SEEDS_DIR.glob("*.txt"))]
    return dict(zip(("wire", "page"), ids, strict=True))


def test_list_gives_the_documented_fields_newest_first(client, seeded):
    response = client.get("/v1/articles")

    assert response.status_code == 200
    body = response.json()
    assert body["next_cursor"] is None
    assert [a["id"] for a in body["items"]] == [seeded["page"], seeded["wire"]]
    assert body["items"][1] == {
        "id": seeded["wire"],
        # The wire copy has no headline: it is listed under its lead's first sentence.
        "title": "President of Ukraine Volodymyr Zelensky and NATO Secretary General Jens Stoltenberg met with "
        "officers who are undergoing professional military training courses…",
        "source": "Ukrinform",
        "author": None,
        "dateline": None,
        "url": None,
        "published_at": "2024-04-30",
        # Counted from the body the API serves for it, not copied from a run.
        "word_count": len(client.get(f"/v1/articles/{seeded['wire']}").json()["body"].split()),
        "content_sha256": body["items"][1]["content_sha256"],
    }
    assert body["items"][1]["word_count"] > 0
    assert body["items"][1]["content_sha256"].startswith(seeded["wire"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "Blenheim"}, ["page"]),
        ({"q": "university exhibition"}, ["wire"]),
        ({"q": "meets"}, ["page", "wire"]),
        ({"q": "stoltenberg zzzunknown"}, []),
        ({"q": '"unbalanced AND ( *'}, []),
        ({"q": "%"}, []),
        ({"source": "ukrinform"}, ["wire"]),
        ({"source": "The Kyiv Independent"}, ["page"]),
        ({"published_from": "2024-05-01"}, ["page"]),
        ({"published_to": "2024-04-30"}, ["wire"]),
        ({"published_from": "2024-04-30", "published_to": "2024-09-25"}, ["page", "wire"]),
    ],
)
def test_list_filters(client, seeded, params, expected):
    response = client.get("/v1/articles", params=params)
    assert response.status_code == 200, response.text
    assert [a["id"] for a in response.json()["items"]] == [seeded[name] for name in expected]


def test_person_filter_matches_id_name_or_alias(client, db_session):
    first = make_article(db_session, body="Jane Roe met officials in Oslo.", published_at=date(2024, 1, 1))
    make_article(db_session, body="Nobody met anybody.", published_at=date(2024, 1, 2))
    make_person(db_session, "Jane Roe", aliases=("Roe",), mentioned_in=(first,))

    for reference in ("jane-roe", "JANE ROE", "roe"):
        items = client.get("/v1/articles", params={"person": reference}).json()["items"]
        assert [a["id"] for a in items] == [first.id], reference
    assert client.get("/v1/articles", params={"person": "someone-else"}).json()["items"] == []


def test_pagination_walks_every_article_exactly_once(client, db_session):
    ids = {make_article(db_session, published_at=date(2024, 1, 1 + i % 3)).id for i in range(7)}
    items = walk(client, "/v1/articles")
    assert len(items) == len(ids)  # none twice
    assert {a["id"] for a in items} == ids
    keys = [(a["published_at"], a["id"]) for a in items]
    assert keys == sorted(keys, reverse=True)


def test_detail_adds_the_body_paragraphs_and_the_facts_with_their_evidence(client, db_session, seeded):
    page = client.get(f"/v1/articles/{seeded['page']}").json()
    assert page["paragraphs"][0]["kind"] == "caption"
    assert page["body"][page["paragraphs"][1]["start"] : page["paragraphs"][1]["end"]].startswith(
        "President Volodymyr Zelensky met"
    )

    article = make_article(db_session, body="Jane Roe met John Doe in Oslo. They spoke of NATO.")
    jane = make_person(db_session, "Jane Roe", mentioned_in=(article,))
    john = make_person(db_session, "John Doe")
    meeting = make_meeting(db_session, participants=((jane, None), (john, None)), day=date(2024, 3, 1), source=article)
    entry = make_timeline_entry(db_session, day=date(2024, 3, 1), actors=(jane,), source=article, country="Norway")
    db_session.add(quote_evidence(article, "They spoke of NATO.", person_id=john.id))
    db_session.commit()

    response = client.get(f"/v1/articles/{article.id}")

    assert response.status_code == 200
    body = response.json()
    assert body["body"] == "Jane Roe met John Doe in Oslo. They spoke of NATO."
    assert body["paragraphs"] == [{"kind": "text", "start": 0, "end": 50}]
    assert body["facts"]["people"] == [
        {"id": "jane-roe", "name": "Jane Roe"},
        {"id": "john-doe", "name": "John Doe"},
    ]
    assert [m["id"] for m in body["facts"]["meetings"]] == [meeting.id]
    assert [(t["id"], t["country"]) for t in body["facts"]["timeline"]] == [(entry.id, "Norway")]
    assert {(e["fact_type"], e["fact_id"]) for e in body["evidence"]} == {
        ("person", "jane-roe"),
        ("person", "john-doe"),
        ("meeting", meeting.id),
        ("timeline_entry", entry.id),
    }
    for evidence in body["evidence"]:
        assert body["body"][evidence["start"] : evidence["end"]] == evidence["quote"]


def test_list_and_detail_give_the_dateline_place_a_page_names(client):
    engine = client.app.state.engine
    page = " date 2024-05-02 Envoys meet\n\nVALLETTA, Malta (AP) — Two envoys met on Thursday.\n"
    filed = store_parsed(engine=engine, parsed=parse_seed_text(page)).article_id
    undated = store_parsed(
        engine=engine, parsed=parse_seed_text(" date 2024-05-01 Envoys meet\n\nTwo envoys met on Wednesday.\n")
    ).article_id

    listed = client.get("/v1/articles")

    assert listed.status_code == 200
    items = listed.json()["items"]
    assert [(a["id"], a["dateline"]) for a in items] == [(filed, "Valletta, Malta"), (undated, None)]
    assert items[0] == {
        "id": filed,
        "title": "Envoys meet",
        "source": "AP",
        "author": None,
        "dateline": "Valletta, Malta",
        "url": None,
        "published_at": "2024-05-02",
        "word_count": len(client.get(f"/v1/articles/{filed}").json()["body"].split()),
        "content_sha256": items[0]["content_sha256"],
    }

    detail = client.get(f"/v1/articles/{filed}")

    assert detail.status_code == 200
    body = detail.json()
    assert (body["id"], body["dateline"], body["source"]) == (filed, "Valletta, Malta", "AP")
    # The place is read from the lead, which keeps its dateline as written.
    assert body["body"] == "VALLETTA, Malta (AP) — Two envoys met on Thursday."
    assert client.get(f"/v1/articles/{undated}").json()["dateline"] is None


def test_unknown_article_is_a_404_problem(client):
    response = client.get("/v1/articles/ffffffffffffffff")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "no article with id 'ffffffffffffffff'",
        "instance": "/v1/articles/ffffffffffffffff",
    }


@pytest.mark.parametrize(
    "params",
    [{"published_from": "2024-02-30"}, {"published_to": "yesterday"}, {"limit": 0}, {"q": "x" * 201}],
)
def test_bad_filters_are_422_problems(client, params):
    response = client.get("/v1/articles", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422
    assert body["title"] == "Unprocessable Entity"
    assert body["errors"][0]["loc"] == f"query.{next(iter(params))}"
