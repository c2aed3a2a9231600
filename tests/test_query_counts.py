"""No N+1: the number of SQL statements a request runs does not grow with the rows it returns."""

from datetime import date

import pytest

from tests.databases import recorded_statements
from tests.factories import make_article, make_meeting, make_person, make_timeline_entry


def _fill(db_session, rows: int, prefix: str, hub=None, article=None):
    """Add `rows` meetings and timeline entries around one hub person, all sourced from one article."""
    article = article or make_article(db_session, body=f"The {prefix} corpus. Officials met and spoke.")
    people = [
        make_person(
            db_session,
            f"{prefix} Number{i:03d}",
            aliases=(f"Number{i:03d}",),
            roles=({"title": "Minister"},),
            mentioned_in=(article,),
        )
        for i in range(rows + 1)
    ]
    hub = hub or people[0]
    for i in range(rows):
        make_article(db_session, body=f"{prefix} filler article {i}. Nothing happened.")
        make_meeting(
            db_session,
            participants=((hub, "Minister"), (people[i + 1], None)),
            day=date(2024, 1, 1 + i % 28),
            topics=("air defense",),
            groups=("officers",),
            unnamed=(("Prime Minister", None, "United Kingdom"),),
            source=article,
        )
        make_timeline_entry(db_session, day=date(2024, 2, 1 + i % 28), actors=(hub, people[i + 1]), source=article)
    return hub, article


URLS = [
    "/v1/articles?limit=200",
    "/v1/people?limit=200",
    "/v1/meetings?limit=200",
    "/v1/timeline?limit=200",
    "/v1/people/alpha-number000/meetings?limit=200",
    "/v1/people/alpha-number000/timeline?limit=200",
    "/v1/people/alpha-number000",
    "/v1/articles/{article}",
    # Exports without a limit: one batch at these sizes, so as few statements as a page.
    "/v1/meetings?format=csv",
    "/v1/people?format=csv",
    "/v1/timeline?format=csv",
    "/v1/meetings.ics",
    "/v1/timeline.ics",
]


@pytest.mark.parametrize("url", URLS)
def test_statements_per_request_do_not_grow_with_rows(client, db_session, url):
    hub, article = _fill(db_session, 2, "Alpha")
    with recorded_statements(client.app.state.engine) as few:
        small = client.get(url.format(article=article.id))

    _fill(db_session, 30, "Beta", hub=hub, article=article)
    with recorded_statements(client.app.state.engine) as many:
        large = client.get(url.format(article=article.id))

    assert small.status_code == large.status_code == 200
    assert len(large.text) > len(small.text)  # the second request really returned more

    assert len(many) == len(few), (len(few), len(many))
    assert len(many) <= 8
