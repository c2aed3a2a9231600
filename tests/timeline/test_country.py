"""GET /v1/timeline?country=...: by name or ISO code in any case, in date order, paginated under the filter."""

from datetime import date
from pathlib import Path

import pytest

from app.models import TimelineKind
from tests.factories import make_article, make_timeline_entry
from tests.problems import CURSOR_REFUSED, assert_problem

# Whose step, when, and of what kind; two of Sweden's share a day, so the order falls to the id.
STEPS = [
    ("Finland", date(2022, 5, 18), TimelineKind.application),
    ("Sweden", date(2022, 5, 18), TimelineKind.application),
    ("NATO", date(2022, 6, 29), TimelineKind.summit),
    ("Sweden", date(2022, 6, 29), TimelineKind.invitation),
    ("Finland", date(2023, 4, 4), TimelineKind.accession),
    (None, date(2023, 7, 11), TimelineKind.summit),
    ("Ukraine", date(2023, 7, 11), TimelineKind.summit),
    ("Sweden", date(2024, 2, 26), TimelineKind.ratification),
    ("Sweden", date(2024, 2, 26), TimelineKind.statement),
    ("Sweden", date(2024, 3, 7), TimelineKind.accession),
]


@pytest.fixture
def steps(db_session) -> list[dict]:
    source = make_article(db_session, body="Sweden became NATO's 32nd member. More text.")
    for country, day, kind in STEPS:
        make_timeline_entry(
            db_session, day=day, kind=kind, country=country, summary=f"{country}: {kind}.", source=source
        )
    return list(STEPS)


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def _walk(client, limit: int, **params) -> list[dict]:
    """Every item of a list, page by page, following `next_cursor`."""
    items, cursor = [], None
    for _ in range(100):
        response = client.get(
            "/v1/timeline", params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize("given", ["Sweden", "sweden", "SWEDEN", "SE", "se", "SWE", "swe", " Sweden "])
def test_the_country_filter_takes_a_name_or_an_iso_code_in_any_case(client, steps, given):
    response = client.get("/v1/timeline", params={"country": given})

    assert response.status_code == 200
    items = response.json()["items"]
    # STEPS is in (date, id) order: the factory's ids grow in the order the entries are made.
    assert [(i["country"], i["date"], i["kind"]) for i in items] == [
        (c, d.isoformat(), k) for c, d, k in STEPS if c == "Sweden"
    ]


@pytest.mark.parametrize(("given", "country"), [("fin", "Finland"), ("UA", "Ukraine"), ("nato", "NATO")])
def test_other_countries_and_nato_itself(client, steps, given, country):
    items = client.get("/v1/timeline", params={"country": given}).json()["items"]

    assert items
    assert {i["country"] for i in items} == {country}
    assert len(items) == sum(1 for c, _, _ in STEPS if c == country)


@pytest.mark.parametrize("given", ["Narnia", "XX", "ZZZ", "Swedenx"])
def test_a_country_no_gazetteer_knows_gives_an_empty_list(client, steps, given):
    response = client.get("/v1/timeline", params={"country": given})

    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}


@pytest.mark.parametrize("path", ["/v1/timeline.ics", "/v1/timeline?format=csv"])
def test_the_exports_of_an_unknown_country_are_empty(client, steps, path):
    response = client.get(path, params={"country": "Narnia"})

    assert response.status_code == 200
    assert "Sweden" not in response.text


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("limit", [1, 2])
@pytest.mark.parametrize("given", ["Sweden", "fi", "NATO"])
def test_walking_the_filtered_list_to_the_end_is_the_whole_list_restricted_to_that_country(
    client, steps, order, limit, given
):
    everything = _walk(client, 200, order=order)
    country = {"Sweden": "Sweden", "fi": "Finland", "NATO": "NATO"}[given]

    walked = _walk(client, limit, order=order, country=given)

    assert [i["id"] for i in walked] == [i["id"] for i in everything if i["country"] == country]
    keys = [(i["date"], i["id"]) for i in walked]
    assert keys == sorted(keys, reverse=order == "desc")


def test_a_cursor_of_another_country_or_of_the_whole_list_is_refused(client, steps):
    sweden = client.get("/v1/timeline", params={"country": "Sweden", "limit": 1}).json()["next_cursor"]
    everything = client.get("/v1/timeline", params={"limit": 1}).json()["next_cursor"]

    for params in (
        {"country": "Finland", "cursor": sweden},
        {"cursor": sweden},
        {"country": "SE", "cursor": everything},
    ):
        response = client.get("/v1/timeline", params=params)
        assert_problem(response, 422, CURSOR_REFUSED, loc="query.cursor")
    # The same country however it is written is the same list.
    assert _ids(client.get("/v1/timeline", params={"country": "swe", "limit": 1, "cursor": sweden}))


def test_the_country_combines_with_the_other_filters(client, steps):
    response = client.get("/v1/timeline", params={"country": "Sweden", "kind": "accession", "date_from": "2023-01-01"})

    assert [(i["country"], i["date"]) for i in response.json()["items"]] == [("Sweden", "2024-03-07")]


def test_the_detail_names_the_country(client, steps):
    entry_id = _ids(client.get("/v1/timeline", params={"country": "Finland", "kind": "accession"}))[0]

    response = client.get(f"/v1/timeline/{entry_id}")

    assert response.status_code == 200
    assert response.json()["country"] == "Finland"
    assert response.json()["kind"] == "accession"


def test_openapi_documents_the_filter_the_field_and_every_kind_with_an_example(client):
    spec = client.get("/openapi.json").json()

    parameters = {p["name"]: p for p in spec["paths"]["/v1/timeline"]["get"]["parameters"]}
    assert "ISO 3166" in parameters["country"]["description"]
    entry = spec["components"]["schemas"]["TimelineEntryRead"]
    assert "country" in entry["properties"]
    assert entry["examples"][0]["country"] == "Sweden"
    kinds = spec["components"]["schemas"]["TimelineKind"]
    assert set(kinds["enum"]) == {k.value for k in TimelineKind}
    for kind in TimelineKind:
        # "- kind: what it records. "a real phrasing""
        line = next(line for line in kinds["description"].split("\n- ") if line.startswith(f"{kind.value}:"))
        assert line.count('"') >= 2, kind


def test_the_readme_gives_every_kind_an_example():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

    for kind in TimelineKind:
        rows = [line for line in readme.splitlines() if line.startswith(f"| `{kind.value}` |")]
        assert len(rows) == 1, kind
        assert rows[0].count('"') >= 2, kind
