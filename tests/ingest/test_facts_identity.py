"""How stored facts find each other across articles: meetings by people and compatible dates, people by name.

Extractions are built by hand (no spaCy), and stored through the ingest path into a real database.
"""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.db import make_engine, upgrade_schema
from app.extraction.records import Evidence, Extraction, MeetingFact, PersonFact, UnnamedParticipant
from app.ingest.facts import remove_facts
from app.ingest.parsing import Paragraph, ParsedArticle
from app.ingest.service import reextract, store_parsed
from app.models import DatePrecision, Meeting, MeetingReport, MeetingStatus, MeetingUnnamedParticipant, Person

ANNA = "Anna Koval"
OLAF = "Olaf Berg"


@pytest.fixture
def engine(database_url):
    upgrade_schema(make_engine(database_url))
    engine = make_engine(database_url, for_writes=True)
    yield engine
    engine.dispose()


def _evidence(body: str, quote: str | None = None) -> Evidence:
    quote = quote or body
    start = body.index(quote)
    return Evidence(quote, start, start + len(quote))


def _person(body: str, name: str, *, full: bool = True) -> PersonFact:
    key = name.lower() if full else f"?{name.lower()}"
    return PersonFact(key=key, name=name, evidence=_evidence(body, name), full_name_known=full)


def _meeting(
    body: str,
    names: tuple[str, ...],
    *,
    day: date,
    precision: str = "day",
    status: str = "held",
    unnamed: tuple[UnnamedParticipant, ...] = (),
    topics: tuple[str, ...] = (),
) -> MeetingFact:
    return MeetingFact(
        participants=[(name.lower(), None) for name in names],
        date=day,
        date_precision=precision,
        status=status,
        summary=body,
        evidence=[_evidence(body)],
        unnamed_participants=list(unnamed),
        topics=list(topics),
    )


def _ingest(engine, body: str, published: date, *, people: list[PersonFact], meetings: list[MeetingFact] = ()):
    parsed = ParsedArticle(
        published_at=published, paragraphs=(Paragraph("text", body),), raw_text=body, title=None, source=None
    )
    extraction = Extraction(version="test", people=people, meetings=list(meetings), timeline=[])
    result = store_parsed(engine=engine, parsed=parsed, extraction=extraction)
    assert result.outcome == "new"
    return result


def _pair_report(engine, body: str, published: date, **meeting):
    """An article in which Anna Koval and Olaf Berg meet (or will)."""
    people = [_person(body, ANNA), _person(body, OLAF)]
    return _ingest(engine, body, published, people=people, meetings=[_meeting(body, (ANNA, OLAF), **meeting)])


def _meetings(engine) -> list[Meeting]:
    with Session(engine) as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.id)).all()
        for meeting in meetings:
            _ = meeting.evidence, meeting.unnamed_participants, meeting.reports
        return meetings


PLANNED = "Anna Koval will meet Olaf Berg next month."
HELD = "Anna Koval met Olaf Berg in Oslo on the 12th."


def _plan(engine):
    return _pair_report(engine, PLANNED, date(2024, 5, 20), day=date(2024, 6, 1), precision="month", status="planned")


def _held(engine):
    return _pair_report(engine, HELD, date(2024, 6, 13), day=date(2024, 6, 12))


@pytest.mark.parametrize("order", ["planned first", "held first"])
def test_a_plan_and_the_report_that_it_was_held_are_one_meeting_held_on_the_day(engine, order):
    first, second = (_plan, _held) if order == "planned first" else (_held, _plan)
    a, b = first(engine), second(engine)

    assert a.facts.meetings == b.facts.meetings
    (meeting,) = _meetings(engine)
    assert meeting.id == a.facts.meetings[0]  # the first report's id stays
    assert (meeting.status, meeting.date, meeting.date_precision) == ("held", date(2024, 6, 12), "day")
    assert meeting.summary == HELD
    assert {e.article_id for e in meeting.evidence} == {a.article_id, b.article_id}


def test_one_encounter_reported_a_day_apart_is_one_meeting_but_two_days_apart_are_two(engine):
    first = _pair_report(engine, "Anna Koval met Olaf Berg on Monday.", date(2024, 6, 11), day=date(2024, 6, 10))
    late = _pair_report(engine, "Anna Koval met Olaf Berg on Tuesday.", date(2024, 6, 12), day=date(2024, 6, 11))
    other = _pair_report(engine, "Anna Koval met Olaf Berg again.", date(2024, 6, 14), day=date(2024, 6, 13))

    assert first.facts.meetings == late.facts.meetings != other.facts.meetings
    dates = {m.id: m.date for m in _meetings(engine)}
    assert dates == {first.facts.meetings[0]: date(2024, 6, 10), other.facts.meetings[0]: date(2024, 6, 13)}


def test_a_plan_announced_after_they_met_is_the_next_meeting(engine):
    held = _held(engine)
    again = _pair_report(
        engine,
        "Anna Koval will meet Olaf Berg again later this month.",
        date(2024, 6, 20),
        day=date(2024, 6, 1),
        precision="month",
        status="planned",
    )

    assert held.facts.meetings != again.facts.meetings
    assert sorted(m.status for m in _meetings(engine)) == ["held", "planned"]


def test_a_year_plan_joins_a_meeting_of_that_year_only(engine):
    held = _held(engine)
    same_year = _pair_report(
        engine,
        "Anna Koval will meet Olaf Berg this year.",
        date(2024, 1, 5),
        day=date(2024, 1, 1),
        precision="year",
        status="planned",
    )
    next_year = _pair_report(
        engine,
        "Anna Koval will meet Olaf Berg in 2025.",
        date(2024, 1, 6),
        day=date(2025, 1, 1),
        precision="year",
        status="planned",
    )

    assert held.facts.meetings == same_year.facts.meetings != next_year.facts.meetings


def test_removing_the_article_that_said_it_was_held_leaves_the_plan(engine):
    planned, held = _plan(engine), _held(engine)

    with Session(engine) as session:
        remove_facts(db_session=session, article_id=held.article_id)
        session.commit()
    (meeting,) = _meetings(engine)
    assert meeting.id == planned.facts.meetings[0]
    assert (meeting.status, meeting.date, meeting.date_precision) == ("planned", date(2024, 6, 1), "month")
    assert meeting.summary == PLANNED
    assert [r.article_id for r in meeting.reports] == [planned.article_id]


def test_removing_the_plan_keeps_the_held_meeting_as_reported(engine):
    planned, held = _plan(engine), _held(engine)

    with Session(engine) as session:
        remove_facts(db_session=session, article_id=planned.article_id)
        session.commit()
        remove_facts(db_session=session, article_id=held.article_id)
        session.commit()
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
        assert session.scalar(select(func.count()).select_from(MeetingReport)) == 0


UK_PM = UnnamedParticipant("Prime Minister", None, "United Kingdom")
NATO_SG = UnnamedParticipant("Secretary-General", "NATO")


def test_one_named_person_and_a_side_named_by_office_are_a_meeting_merged_without_duplicates(engine):
    body = "Anna Koval met the Prime Minister in London."
    first = _ingest(
        engine,
        body,
        date(2024, 6, 13),
        people=[_person(body, ANNA)],
        meetings=[_meeting(body, (ANNA,), day=date(2024, 6, 12), unnamed=(UK_PM,))],
    )
    again = "Anna Koval met the British Prime Minister and the NATO Secretary-General."
    second = _ingest(
        engine,
        again,
        date(2024, 6, 14),
        people=[_person(again, ANNA)],
        meetings=[_meeting(again, (ANNA,), day=date(2024, 6, 12), unnamed=(NATO_SG, UK_PM, NATO_SG))],
    )

    assert first.facts.meetings == second.facts.meetings
    (meeting,) = _meetings(engine)
    assert [(u.role, u.organization, u.country, u.position) for u in meeting.unnamed_participants] == [
        ("Prime Minister", None, "United Kingdom", 0),
        ("Secretary-General", "NATO", None, 1),
    ]

    with Session(engine) as session:
        remove_facts(db_session=session, article_id=first.article_id)
        remove_facts(db_session=session, article_id=second.article_id)
        session.commit()
        # The sides went with the meeting (ON DELETE CASCADE).
        assert session.scalar(select(func.count()).select_from(MeetingUnnamedParticipant)) == 0


def test_one_named_person_alone_is_no_meeting(engine):
    body = "Anna Koval met reporters."
    result = _ingest(
        engine,
        body,
        date(2024, 6, 13),
        people=[_person(body, ANNA)],
        meetings=[_meeting(body, (ANNA,), day=date(2024, 6, 12))],
    )
    assert result.facts.meetings == []


def test_the_unique_index_refuses_a_repeated_side_even_with_nulls(engine):
    _ingest(
        engine,
        HELD,
        date(2024, 6, 13),
        people=[_person(HELD, ANNA)],
        meetings=[_meeting(HELD, (ANNA,), day=date(2024, 6, 12), unnamed=(UK_PM,))],
    )
    (meeting,) = _meetings(engine)
    with Session(engine) as session:
        session.add(MeetingUnnamedParticipant(meeting_id=meeting.id, role="Prime Minister", country="United Kingdom"))
        with pytest.raises(IntegrityError):
            session.commit()


def _people(engine) -> dict[str, str]:
    with Session(engine) as session:
        return {p.id: p.match_key for p in session.scalars(select(Person))}


def test_two_people_with_one_surname_and_one_initial_stay_two(engine):
    kaja = "Prime Minister Kaja Kallas spoke."
    kristina = "Minister Kristina Kallas spoke."
    a = _ingest(engine, kaja, date(2024, 1, 1), people=[_person(kaja, "Kaja Kallas")])
    b = _ingest(engine, kristina, date(2024, 1, 2), people=[_person(kristina, "Kristina Kallas")])
    c = _ingest(
        engine, "Kaja Kallas said more.", date(2024, 1, 3), people=[_person("Kaja Kallas said more.", "Kaja Kallas")]
    )

    assert (a.facts.people, b.facts.people, c.facts.people) == (["kaja-kallas"], ["kristina-kallas"], ["kaja-kallas"])
    assert _people(engine) == {"kaja-kallas": "kalas|kaia", "kristina-kallas": "kalas|kristina"}
    # With two Kallases known, a surname alone joins neither.
    alone = "Kallas said no."
    d = _ingest(engine, alone, date(2024, 1, 4), people=[_person(alone, "Kallas", full=False)])
    assert d.facts.people == []


def test_a_middle_initial_does_not_make_another_person_and_a_surname_alone_joins_the_only_one(engine):
    first = "Antony J. Blinken arrived."
    a = _ingest(engine, first, date(2024, 1, 1), people=[_person(first, "Antony J. Blinken")])
    second = "Antony Blinken left."
    b = _ingest(engine, second, date(2024, 1, 2), people=[_person(second, "Antony Blinken")])
    third = "Blinken said yes."
    c = _ingest(engine, third, date(2024, 1, 3), people=[_person(third, "Blinken", full=False)])

    assert a.facts.people == b.facts.people == c.facts.people == ["antony-j-blinken"]
    assert _people(engine) == {"antony-j-blinken": "blinken|antoni"}


def test_a_surname_alone_that_nobody_has_is_no_person(engine):
    body = "Nobody said no."
    result = _ingest(engine, body, date(2024, 1, 1), people=[_person(body, "Nobody", full=False)])
    assert result.facts.people == []
    assert _people(engine) == {}


def test_meeting_reports_record_what_each_article_said(engine):
    planned, held = _plan(engine), _held(engine)
    (meeting,) = _meetings(engine)

    assert [(r.article_id, r.status, r.date_precision) for r in meeting.reports] == [
        (planned.article_id, MeetingStatus.planned, DatePrecision.month),
        (held.article_id, MeetingStatus.held, DatePrecision.day),
    ]


class _Replay:
    """An extractor that reads nothing and answers, per article body, what a test decided it finds."""

    version = "test-2"

    def __init__(self, by_body: dict[str, Extraction]):
        self.by_body = by_body

    def extract_many(self, texts):
        return [self.by_body[text.body] for text in texts]


def test_reextracting_both_reports_keeps_one_meeting_under_its_id(engine):
    planned, held = _plan(engine), _held(engine)
    before = _meetings(engine)
    people = {body: [_person(body, ANNA), _person(body, OLAF)] for body in (PLANNED, HELD)}
    replay = _Replay(
        {
            PLANNED: Extraction(
                "test-2",
                people[PLANNED],
                [_meeting(PLANNED, (ANNA, OLAF), day=date(2024, 6, 1), precision="month", status="planned")],
                [],
            ),
            HELD: Extraction("test-2", people[HELD], [_meeting(HELD, (ANNA, OLAF), day=date(2024, 6, 12))], []),
        }
    )

    assert reextract(engine=engine, extractor=replay, force=True)["reextracted"] == 2

    (meeting,) = _meetings(engine)
    assert meeting.id == before[0].id == planned.facts.meetings[0]
    assert (meeting.status, meeting.date, meeting.date_precision) == ("held", date(2024, 6, 12), "day")
    assert sorted(r.article_id for r in meeting.reports) == sorted([planned.article_id, held.article_id])
