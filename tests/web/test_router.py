"""The explorer page's files as served, without a browser."""

import re

import pytest

from app.models import TimelineKind
from tests.problems import assert_problem


def test_the_root_serves_the_page_with_a_same_origin_policy(client):
    response = client.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert '<script type="module" src="/assets/app.js"></script>' in response.text
    # Nothing is loaded from elsewhere: every src and stylesheet is a path on this origin.
    for reference in re.findall(r'(?:src|href)="([^"]+)"', response.text):
        assert reference.startswith(("/", "#", "data:")), reference


@pytest.mark.parametrize(
    ("path", "media_type"),
    [("/assets/app.js", "text/javascript"), ("/assets/app.css", "text/css")],
)
def test_the_assets_are_served_with_their_types(client, path, media_type):
    response = client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "etag" in response.headers
    assert "http://" not in response.text
    assert "https://" not in response.text


def test_a_missing_asset_is_a_problem_not_a_page(client):
    response = client.get("/assets/nothing.js")

    assert_problem(response, 404)
    assert "etag" not in response.headers


def test_the_page_is_not_part_of_the_api_document(client):
    assert "/" not in client.get("/openapi.json").json()["paths"]


def test_the_timeline_view_offers_every_kind_and_a_country_filter(client):
    script = client.get("/assets/app.js").text

    kinds = re.search(r"const TIMELINE_KINDS = \[([^\]]*)\]", script).group(1)
    assert set(re.findall(r'"(\w+)"', kinds)) == {kind.value for kind in TimelineKind}
    assert 'el("input", { name: "country"' in script  # the filter, carried into the CSV and iCalendar links
    assert "countryBadge(entry)" in script  # the label on each entry
