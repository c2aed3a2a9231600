from datetime import date

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from app.db import make_engine, upgrade_schema
from app.ingest.facts import remove_facts
from app.ingest.parsing import parse_seed_text
from app.ingest.service import article_text, store_parsed
from app.models import Evidence, Meeting, Person, PersonAlias, TimelineEntry


@pytest.fixture
def engine(database_url):
    upgrade_schema(make_engine(database_url))
    engine = make_engine(database_url, for_writes=True)
    yield engine
    engine.dispose()


def _ingest(engine, extractor, text: str):
    parsed = parse_seed_text(text)
    result = store_parsed(engine=engine, parsed=parsed, extraction=extractor.extract(article_text(parsed)))
    assert result.outcome == "new"
    return result


FIRST = """ date 2023-07-11 Leaders meet in Vilnius
Ukrainian President Volodymyr Zelenskyy met Latvian President Edgars Rinkevics in Vilnius on Tuesday.
"""
SECOND = """ date 2023-07-12 Another outlet on the Vilnius talks
President Volodymyr Zelensky of Ukraine met Edgars Rinkevics, the President of Latvia, in Vilnius on July 11.

Zelensky said Ukraine deserved an invitation to join NATO.
"""


def test_two_reports_of_one_encounter_give_one_meeting_with_two_sources_and_one_person_per_name(engine, extractor):
    first = _ingest(engine, extractor, FIRST)
    second = _ingest(engine, extractor, SECOND)

    assert first.facts.meetings == second.facts.meetings
    assert set(first.facts.people) == set(second.facts.people) == {"volodymyr-zelenskyy", "edgars-rinkevics"}
    with Session(engine) as session:
        meeting = session.get(Meeting, first.facts.meetings[0])
        assert meeting.date == date(2023, 7, 11)
        assert {e.article_id for e in meeting.evidence} == {first.article_id, second.article_id}
        aliases = set(session.scalars(select(PersonAlias.alias).where(PersonAlias.person_id == "volodymyr-zelenskyy")))
        assert {"Volodymyr Zelensky", "Zelensky"} <= aliases
        assert session.scalar(select(func.count()).select_from(Person)) == 2


def test_a_surname_alone_in_a_later_article_joins_the_known_person(engine, extractor):
    _ingest(engine, extractor, FIRST)
    later = _ingest(
        engine,
        extractor,
        " date 2023-07-20 Latvia backs Kyiv\nRinkevics said Latvia backs Ukraine's membership in NATO.\n",
    )
    assert later.facts.people == ["edgars-rinkevics"]
    with Session(engine) as session:
        entry = session.get(TimelineEntry, later.facts.timeline[0])
        assert [p.id for p in entry.actors] == ["edgars-rinkevics"]


def test_a_planned_meeting_reported_later_as_held_becomes_held(engine, extractor):
    planned = _ingest(
        engine,
        extractor,
        " date 2024-03-11 Preview\nPolish Foreign Minister Radoslaw Sikorski will meet Estonian Foreign Minister "
        "Margus Tsahkna in Tallinn on Wednesday.\n",
    )
    held = _ingest(
        engine,
        extractor,
        " date 2024-03-13 Report\nPolish Foreign Minister Radoslaw Sikorski met Estonian Foreign Minister "
        "Margus Tsahkna in Tallinn on Wednesday.\n",
    )
    assert planned.facts.meetings == held.facts.meetings
    with Session(engine) as session:
        assert session.get(Meeting, held.facts.meetings[0]).status == "held"


def test_removing_an_article_keeps_facts_other_articles_support(engine, extractor):
    first = _ingest(engine, extractor, FIRST)
    second = _ingest(engine, extractor, SECOND)
    with Session(engine) as session:
        remove_facts(db_session=session, article_id=second.article_id)
        session.commit()
        assert session.get(Meeting, first.facts.meetings[0]) is not None
        assert session.scalar(select(func.count()).select_from(TimelineEntry)) == 0
        assert session.scalar(select(func.count()).where(Evidence.article_id == second.article_id)) == 0
        remove_facts(db_session=session, article_id=first.article_id)
        session.commit()
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
        assert session.scalar(select(func.count()).select_from(Person)) == 0
