"""Never a 500: generated values for every path and query parameter of every GET route, and generated
article bodies and ids for the writes, on the real app over a real database (SQLite, or PostgreSQL in
the PostgreSQL pass). Each answer is a 2xx or a 4xx problem; a refused write changes no row.

Text is drawn from every code point, NUL and lone surrogates included, and sent as raw UTF-8 bytes
(percent-encoded in URLs, `\\ud800` escapes in JSON), as a hostile client would send it.
"""

import json
from datetime import date
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from app.application import create_app
from app.config import Settings
from app.models import DataVersion
from tests.conftest import SEEDS_DIR
from tests.databases import fresh_database

KEY = "property-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROUTE_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=80)

ANY_CHARACTER = st.characters(codec=None)  # every code point: NUL, lone surrogates, RTL marks
RTL = ["\u202eevil\u202c", "مرحبا بالعالم", "שלום", "\u200f\u200e\u061c"]
SPECIAL_TEXT = st.sampled_from(["", " ", "\x00", "a\x00b", "\ud800", "\udfff", "\u200b" * 20, "%", "_", "..", *RTL])


def _long_text(alphabet: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=4).map(lambda unit: (unit * 10_000)[:10_000])


ANY_TEXT = st.one_of(SPECIAL_TEXT, st.text(alphabet=ANY_CHARACTER, max_size=40), _long_text(ANY_CHARACTER))
# In a URL, 10,000 characters of up to two UTF-8 bytes: percent-encoded, that is what fits in one.
URL_TEXT = st.one_of(
    SPECIAL_TEXT,
    st.text(alphabet=ANY_CHARACTER, max_size=40),
    _long_text(st.characters(codec=None, max_codepoint=0x7FF)),
)
URL_LIMIT = 65_536
BOUNDARY_DATES = st.one_of(
    st.sampled_from(
        [
            "1899-12-31",
            "1900-01-01",
            "9998-12-31",
            "9999-12-31",
            "0001-01-01",
            "10000-01-01",
            "2024-02-29",
            "2023-02-29",
            "86400",
            "2024-01-01T00:00:00",
            "2024-01-01T12:30:00+02:00",
            "2024-1-1",
        ]
    ),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
)
NUMBERS = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str), st.sampled_from(["1", "200", "201"]))


def _raw(text: str) -> str:
    """Percent-encode the UTF-8 bytes of a text, lone surrogates included, so they reach the server as sent."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def _snapshot(client: TestClient) -> dict[str, int]:
    """Rows per table and the data version: what any write would change."""
    with Session(client.app.state.engine) as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(table))
            for name, table in SQLModel.metadata.tables.items()
        }
        counts["data_version"] = session.scalar(select(DataVersion.version))
    return counts


def _assert_answered(response) -> None:
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json", response.text[:500]
        problem = response.json()
        assert problem["status"] == response.status_code
        assert {"type", "title", "detail"} <= set(problem)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The app over the seeds, with the ids of what they stored to put into paths."""
    tmp = tmp_path_factory.mktemp("properties")
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
        ids = {
            name: [item["id"] for item in client.get(f"/v1/{name}", params={"limit": 5}).json()["items"]]
            for name in ("articles", "people", "meetings", "timeline")
        }
        assert all(ids.values()), ids  # every path below gets a real id among its values
        yield client, ids


GET_ROUTES = [
    "/healthz",
    "/readyz",
    "/v1/articles",
    "/v1/articles/{article_id}",
    "/v1/people",
    "/v1/people/{person_id}",
    "/v1/people/{person_id}/meetings",
    "/v1/people/{person_id}/timeline",
    "/v1/meetings",
    "/v1/meetings.ics",
    "/v1/meetings/{meeting_id}",
    "/v1/timeline",
    "/v1/timeline.ics",
    "/v1/timeline/{entry_id}",
]


# The reproductions of issue 17, tried first on each route; the generated values follow.
REPORTED = {
    "/v1/articles": "/v1/articles?q=nato&published_to=9999-12-31",
    "/v1/articles/{article_id}": "/v1/articles/%00",
    "/v1/people/{person_id}": "/v1/people/%00",
    "/v1/people/{person_id}/meetings": "/v1/people/%00/meetings",
    "/v1/people/{person_id}/timeline": "/v1/people/a%00/timeline",
    "/v1/meetings/{meeting_id}": "/v1/meetings/%00",
    "/v1/timeline/{entry_id}": "/v1/timeline/%00",
    "/v1/meetings": "/v1/meetings?date_from=86400",
    "/v1/timeline": "/v1/timeline?date_to=2024-01-01T00:00:00",
}


def test_the_routes_below_are_every_get_route_of_the_api(seeded):
    client, _ = seeded
    paths = client.app.openapi()["paths"]
    assert sorted(path for path, operations in paths.items() if "get" in operations) == sorted(GET_ROUTES)


def _parameter_values(parameter: dict, ids: dict[str, list[str]]) -> st.SearchStrategy[str]:
    """Anything at all, boundary dates and numbers, and the values the parameter is documented to take."""
    schema = parameter["schema"]
    documented = [value for option in schema.get("anyOf", [schema]) for value in option.get("enum", [])]
    known = [stored_id for values in ids.values() for stored_id in values]
    anything = st.one_of(URL_TEXT, BOUNDARY_DATES, NUMBERS, st.sampled_from(documented + known + ["csv", "NATO"]))
    if any(option.get("format") == "date" for option in schema.get("anyOf", [schema])):
        return st.one_of(BOUNDARY_DATES, anything)
    return anything


@st.composite
def get_requests(draw, path: str, parameters: list[dict], ids: dict[str, list[str]]) -> str:
    query = []
    for parameter in parameters:
        if parameter["in"] == "path":
            path = path.replace(f"{{{parameter['name']}}}", _raw(draw(_parameter_values(parameter, ids))))
        elif draw(st.booleans()):
            query.append(f"{parameter['name']}={_raw(draw(_parameter_values(parameter, ids)))}")
    url = path + ("?" + "&".join(query) if query else "")
    while len(url) > URL_LIMIT - 100:  # the longest URL a client sends; the last parameters give way
        query.pop()
        url = path + ("?" + "&".join(query) if query else "")
    return url


@pytest.mark.parametrize("route", GET_ROUTES)
def test_every_get_route_answers_any_parameter_with_a_2xx_or_a_4xx_problem(seeded, route):
    client, ids = seeded
    parameters = client.app.openapi()["paths"][route]["get"].get("parameters", [])

    @ROUTE_SETTINGS
    @given(url=get_requests(route, parameters, ids))
    @example(url=REPORTED.get(route, route.replace("{", "").replace("}", "")))
    def check(url: str) -> None:
        before = _snapshot(client)
        response = client.get(url)
        _assert_answered(response)
        assert _snapshot(client) == before

    check()


ORDINARY_DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
OPTIONAL_FIELD = st.one_of(
    st.none(),
    ANY_TEXT,
    st.integers(),
    st.text(alphabet="ab ", min_size=195, max_size=310),  # around the source, dateline and author lengths
    st.sampled_from(["javascript:alert(1)", "data:text/html,<b>x</b>", "http://", "https://news.example/a", "ftp://x"]),
)
SENTENCES = st.sampled_from(
    [
        "Foreign Minister Anna Berg met Defence Minister Jan Kowalski in Warsaw on Monday.",
        "President Alar Karis will meet Prime Minister Kristen Michal tomorrow.",
        "Sweden applied to join NATO next month.",
    ]
)
ARTICLE_BODY = st.one_of(
    st.lists(st.one_of(SENTENCES, ANY_TEXT), min_size=1, max_size=4).map("\n".join),
    ANY_TEXT,
)


@st.composite
def article_payloads(draw) -> tuple[bytes, str]:
    """A POST body as JSON, seed-format text or an HTML page, with generated text and dates."""
    published = draw(st.one_of(ORDINARY_DATES, BOUNDARY_DATES))
    body = draw(ARTICLE_BODY)
    media_type = draw(st.sampled_from(["application/json", "text/plain", "text/html"]))
    if media_type == "application/json":
        fields = {"body": body, "published_at": published}
        for name in ("title", "source", "url", "author", "dateline"):
            if draw(st.integers(0, 3)) == 0:  # most articles leave most fields out, so that many are stored
                fields[name] = draw(OPTIONAL_FIELD)
        return json.dumps(fields).encode(), media_type  # ensure_ascii: a lone surrogate goes as "\ud800"
    if media_type == "text/plain":
        return f" date {published} {body}".encode("utf-8", "surrogatepass"), media_type
    lead = draw(SENTENCES)  # a page needs some prose before trafilatura takes it for an article
    page = f'<html><head><meta name="date" content="{published}"></head><body><article><p>{lead}</p><p>{body}</p>'
    return page.encode("utf-8", "surrogatepass"), media_type


def test_any_article_body_is_stored_or_refused_with_a_problem_that_changes_nothing(seeded):
    client, _ = seeded

    @PROPERTY_SETTINGS
    @given(payload=article_payloads())
    def check(payload: tuple[bytes, str]) -> None:
        content, media_type = payload
        before = _snapshot(client)
        response = client.post("/v1/articles", content=content, headers={**AUTH, "Content-Type": media_type})
        event(f"{media_type} {response.status_code}")
        _assert_answered(response)
        if response.status_code >= 400:
            assert _snapshot(client) == before
        else:
            assert response.status_code in (200, 201)
            stored = client.get(f"/v1/articles/{response.json()['id']}")
            assert stored.status_code == 200
            assert date(1900, 1, 1) <= date.fromisoformat(stored.json()["published_at"]) <= date(9998, 12, 31)

    check()


def test_deleting_any_id_answers_a_404_problem_and_changes_nothing(seeded):
    client, _ = seeded

    @PROPERTY_SETTINGS
    @given(article_id=URL_TEXT.filter(lambda text: text not in ("", ".", "..")))
    def check(article_id: str) -> None:
        before = _snapshot(client)
        response = client.delete(f"/v1/articles/{_raw(article_id)}", headers=AUTH)
        _assert_answered(response)
        assert response.status_code in (404, 405), response.text
        assert _snapshot(client) == before

    check()
