"""Meetings and the timeline as iCalendar files, each event with its source links."""

from datetime import date

import pytest
from icalendar import Calendar

from app import exports
from app.models import DatePrecision, Evidence, TextPart, TimelineKind
from tests.factories import make_meeting, make_person, make_timeline_entry


def events_of(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_meetings_ics_has_an_event_per_meeting_with_its_sources(client, world):
    response = client.get("/v1/meetings.ics")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="meetings.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    events = events_of(response)
    held = events[f"meeting-{world['held'].id}@newsevents"]
    assert held.decoded("dtstart") == date(2024, 3, 14)
    assert held.decoded("dtend") == date(2024, 3, 15)
    assert str(held["summary"]) == "Jane Roe met John Doe in Oslo."
    assert str(held["location"]) == "Town Hall, Oslo, Norway"
    assert str(held["status"]) == "CONFIRMED"
    assert str(held["url"]) == "https://news.example/oslo"
    description = str(held["description"])
    assert "Participants: Jane Roe (Foreign Minister); John Doe" in description
    assert "Topics: air defense; sanctions" in description
    assert "Unnamed participants" not in description
    assert "\u201cJane Roe met John Doe in Oslo\u201d" in description
    assert "https://news.example/oslo" in description
    article_id = world["article"].id
    assert f"http://testserver/#/articles/{article_id}?start=0&end=29" in description


def test_a_planned_meeting_known_to_the_month_spans_the_month_tentatively(client, world):
    events = events_of(client.get("/v1/meetings.ics", params={"status": "planned"}))

    assert list(events) == [f"meeting-{world['planned'].id}@newsevents"]
    (planned,) = events.values()
    assert planned.decoded("dtstart") == date(2024, 7, 1)
    assert planned.decoded("dtend") == date(2024, 8, 1)
    assert str(planned["status"]) == "TENTATIVE"
    assert "Date known to the month only." in str(planned["description"])
    assert "Participants: Jane Roe\n" in str(planned["description"])
    assert "Unnamed participants: Prime Minister (United Kingdom); Secretary-General (NATO)" in str(
        planned["description"]
    )


def test_timeline_ics_spans_a_year_for_a_year_and_links_each_source(client, db_session, world):
    yearly = make_timeline_entry(
        db_session,
        day=date(2022, 1, 1),
        kind=TimelineKind.application,
        precision=DatePrecision.year,
        summary="Ukraine applied.",
        source=world["article"],
    )

    response = client.get("/v1/timeline.ics")

    assert response.status_code == 200
    events = events_of(response)
    assert set(events) == {f"timeline-{world['entry'].id}@newsevents", f"timeline-{yearly.id}@newsevents"}
    year = events[f"timeline-{yearly.id}@newsevents"]
    assert (year.decoded("dtstart"), year.decoded("dtend")) == (date(2022, 1, 1), date(2023, 1, 1))
    assert "Kind: application" in str(year["description"])
    assert f"/#/articles/{world['article'].id}?start=" in str(year["description"])
    statement = events[f"timeline-{world['entry'].id}@newsevents"]
    assert "Actors: Jane Roe" in str(statement["description"])


def test_calendars_take_the_list_filters_and_refuse_bad_ones(client, world):
    only_john = events_of(client.get("/v1/meetings.ics", params={"participant": "John Doe"}))
    bad = client.get("/v1/timeline.ics", params={"date_from": "yesterday"})

    assert list(only_john) == [f"meeting-{world['held'].id}@newsevents"]
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    assert bad.json()["errors"][0]["loc"] == "query.date_from"


def test_an_empty_calendar_is_still_a_calendar(client):
    response = client.get("/v1/meetings.ics")

    assert response.status_code == 200
    assert events_of(response) == {}
    assert response.text.startswith("BEGIN:VCALENDAR\r\n")
    assert response.text.endswith("END:VCALENDAR\r\n")


def test_a_long_calendar_streams_in_batches_and_renders_alike_twice(client, db_session, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_BATCH", 2)
    person = make_person(db_session, "Jane Roe")
    meetings = [make_meeting(db_session, participants=((person, None),), day=date(2024, 1, 1 + n)) for n in range(5)]

    first = client.get("/v1/meetings.ics")
    second = client.get("/v1/meetings.ics", headers={"Accept": "text/calendar"})

    assert sorted(events_of(first)) == sorted(f"meeting-{m.id}@newsevents" for m in meetings)
    assert first.content == second.content


@pytest.mark.parametrize("path", ["/v1/meetings.ics", "/v1/timeline.ics"])
def test_calendars_are_described_in_the_openapi_document(client, path):
    operation = client.get("/openapi.json").json()["paths"][path]["get"]

    assert "text/calendar" in operation["responses"]["200"]["content"]


def test_timeline_events_are_titled_with_their_country_and_kind_and_take_the_country_filter(client, db_session, world):
    accession = make_timeline_entry(
        db_session,
        day=date(2024, 3, 7),
        kind=TimelineKind.accession,
        country="Sweden",
        summary="Sweden became NATO's 32nd member.",
        source=world["article"],
    )

    every = events_of(client.get("/v1/timeline.ics"))
    only_sweden = client.get("/v1/timeline.ics", params={"country": "se"})

    assert str(every[f"timeline-{accession.id}@newsevents"]["summary"]) == (
        "[Sweden] accession: Sweden became NATO's 32nd member."
    )
    # An entry whose sources do not say whose step it is has no bracket.
    assert str(every[f"timeline-{world['entry'].id}@newsevents"]["summary"]) == (
        "statement: Jane Roe backed membership."
    )
    assert only_sweden.status_code == 200
    assert list(events_of(only_sweden)) == [f"timeline-{accession.id}@newsevents"]


@pytest.mark.parametrize("precision", list(DatePrecision))
def test_a_meeting_stored_in_the_last_days_a_calendar_holds_does_not_break_the_calendar(
    client, db_session, world, precision
):
    """Rows stored before dates were bounded may lie in 9999: their event has no DTEND past 9999-12-31."""
    last = make_meeting(
        db_session,
        participants=((world["jane"], None),),
        day=date(9999, 12, 31),
        precision=precision,
        summary="Jane Roe meets everyone at the end of time.",
        source=world["article"],
    )

    response = client.get("/v1/meetings.ics")

    assert response.status_code == 200, response.text
    event = events_of(response)[f"meeting-{last.id}@newsevents"]
    starts = {DatePrecision.day: date(9999, 12, 31), DatePrecision.month: date(9999, 12, 1)}
    assert event.decoded("dtstart") == starts.get(precision, date(9999, 1, 1))
    assert "dtend" not in event
    assert events_of(response)[f"meeting-{world['held'].id}@newsevents"].decoded("dtend") == date(2024, 3, 15)


def test_a_headline_source_links_to_its_quote_in_the_title(client, db_session, world):
    article = world["article"]
    entry = make_timeline_entry(db_session, day=date(2024, 3, 15), kind=TimelineKind.plan, summary="Oslo to host.")
    db_session.add(
        Evidence(
            article_id=article.id,
            timeline_entry_id=entry.id,
            quote="Talks in Oslo",
            part=TextPart.title,
            start_offset=0,
            end_offset=13,
            extractor_version="test",
        )
    )
    db_session.commit()

    description = str(events_of(client.get("/v1/timeline.ics"))[f"timeline-{entry.id}@newsevents"]["description"])

    assert f"/#/articles/{article.id}?start=0&end=13&part=title" in description.replace("\r\n ", "")
