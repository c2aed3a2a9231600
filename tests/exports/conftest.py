"""Rows every export test reads: one article, two people, a held and a planned meeting, a timeline entry.

The planned meeting has one named side and two named only by office.
"""

from datetime import date

import pytest

from app.models import DatePrecision, MeetingStatus
from tests.factories import make_article, make_meeting, make_person, make_timeline_entry


@pytest.fixture
def world(db_session):
    article = make_article(
        db_session,
        body="Jane Roe met John Doe in Oslo. They spoke of air defense, sanctions and more.",
        url="https://news.example/oslo",
        published_at=date(2024, 3, 15),
    )
    jane = make_person(db_session, "Jane Roe", aliases=("Roe",), mentioned_in=(article,))
    john = make_person(db_session, "John Doe", mentioned_in=(article,))
    held = make_meeting(
        db_session,
        participants=((jane, "Foreign Minister"), (john, None)),
        day=date(2024, 3, 14),
        location=("Town Hall", "Oslo", "Norway"),
        topics=("air defense", "sanctions"),
        summary="Jane Roe met John Doe in Oslo.",
        source=article,
    )
    planned = make_meeting(
        db_session,
        participants=((jane, None),),
        unnamed=(("Prime Minister", None, "United Kingdom"), ("Secretary-General", "NATO", None)),
        day=date(2024, 7, 1),
        status=MeetingStatus.planned,
        precision=DatePrecision.month,
        summary='=HYPERLINK("http://evil.example") Jane Roe is to visit.',
        source=article,
    )
    entry = make_timeline_entry(
        db_session, day=date(2024, 3, 14), actors=(jane,), summary="Jane Roe backed membership.", source=article
    )
    return {"article": article, "jane": jane, "john": john, "held": held, "planned": planned, "entry": entry}
