"""Removing an article removes exactly what only it said: the facts left equal those of ingesting the
remaining articles into an empty database (tests/ingest/snapshots.py says which ids may differ).

Extractions are built by hand (no spaCy) so each attribute an article can add is exercised on purpose;
tests/test_stateful.py does the same with the real extractor over random histories.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session

from app.db import make_engine, upgrade_schema
from app.extraction.records import (
    Evidence,
    Extraction,
    MeetingFact,
    PersonFact,
    RoleFact,
    TimelineFact,
    UnnamedParticipant,
)
from app.ingest.facts import remove_facts
from app.ingest.parsing import Paragraph, ParsedArticle
from app.ingest.service import store_parsed
from app.models import Article, Meeting, Person, TimelineEntry
from tests.databases import fresh_database
from tests.ingest.snapshots import fact_snapshot


@dataclass
class Story:
    """One hand-made article: its body and what the extractor would have found in it."""

    body: str
    published: date
    people: list[tuple[str, bool, tuple]] = field(default_factory=list)  # (name, full name known, roles)
    meetings: list[dict] = field(default_factory=list)
    timeline: list[dict] = field(default_factory=list)

    def extraction(self) -> Extraction:
        people = [
            PersonFact(
                key=_key(name, full),
                name=name,
                evidence=_quote(self.body, name),
                aliases={name.split()[-1]} if full else set(),
                roles=[RoleFact(evidence=_quote(self.body, role["title"]), **role) for role in roles],
                full_name_known=full,
            )
            for name, full, roles in self.people
        ]
        meetings = [
            MeetingFact(
                participants=[(_key(n, True) if " " in n else _key(n, False), role) for n, role in m["participants"]],
                date=m.get("day", self.published),
                date_precision=m.get("precision", "day"),
                status=m.get("status", "held"),
                summary=self.body,
                evidence=[Evidence(self.body, 0, len(self.body))],
                groups=m.get("groups", []),
                unnamed_participants=[UnnamedParticipant(*side) for side in m.get("unnamed", [])],
                topics=m.get("topics", []),
                location_name=m.get("place", (None, None, None))[0],
                location_city=m.get("place", (None, None, None))[1],
                location_country=m.get("place", (None, None, None))[2],
            )
            for m in self.meetings
        ]
        timeline = [
            TimelineFact(
                kind=t["kind"],
                date=t["day"],
                date_precision=t.get("precision", "day"),
                summary=t.get("summary", self.body),
                evidence=[Evidence(self.body, 0, len(self.body))],
                actors=[_key(a, True) for a in t.get("actors", [])],
                country=t.get("country"),
            )
            for t in self.timeline
        ]
        return Extraction(version="test", people=people, meetings=meetings, timeline=timeline)

    def parsed(self) -> ParsedArticle:
        return ParsedArticle(
            published_at=self.published,
            paragraphs=(Paragraph("text", self.body),),
            raw_text=self.body,
            title=None,
            source=None,
        )


def _key(name: str, full: bool) -> str:
    return name.lower() if full else f"{name.split()[-1].lower()}|"


def _quote(body: str, text: str) -> Evidence:
    start = body.index(text)
    return Evidence(text, start, start + len(text))


def _store(engine, stories: list[Story]) -> list[str]:
    ids = []
    for story in stories:
        result = store_parsed(engine=engine, parsed=story.parsed(), extraction=story.extraction())
        assert result.outcome == "new"
        ids.append(result.article_id)
    return ids


def _engine(url: str):
    upgrade_schema(make_engine(url))
    return make_engine(url, for_writes=True)


@pytest.fixture
def engine(database_url):
    engine = _engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def reference(tmp_path: Path):
    """An engine on a second empty database: where the remaining articles are ingested afresh."""
    folder = tmp_path / "reference"
    folder.mkdir()
    with fresh_database(folder) as url:
        engine = _engine(url)
        yield engine
        engine.dispose()


def _snapshot(engine) -> dict:
    with Session(engine) as session:
        return fact_snapshot(session)


ANNA, OLAF, EVA = "Anna Koval", "Olaf Berg", "Eva Lind"
MINISTER = {"title": "Foreign Minister", "organization": None, "country": None}

MEETING_PLAIN = Story(
    "Foreign Minister Anna Koval met Olaf Berg in June.",
    date(2024, 6, 20),
    people=[(ANNA, True, (MINISTER,)), (OLAF, True, ())],
    meetings=[
        {
            "participants": [(ANNA, None), (OLAF, None)],
            "day": date(2024, 6, 1),
            "precision": "month",
        }
    ],
)
MEETING_RICH = Story(
    "Olaf Berg hosted Anna Koval, Foreign Minister of Latvia, in Riga on June 12 to discuss air defense.",
    date(2024, 6, 13),
    people=[(OLAF, True, ()), (ANNA, True, ({**MINISTER, "country": "Latvia"},))],
    meetings=[
        {
            "participants": [(OLAF, "host"), (ANNA, "Foreign Minister of Latvia")],
            "day": date(2024, 6, 12),
            "place": ("Riga Castle", "Riga", "Latvia"),
            "topics": ["air defense", "sanctions"],
            "groups": ["delegations"],
            "unnamed": [("Prime Minister", None, "United Kingdom")],
        }
    ],
)
MEETING_PLANNED = Story(
    "Foreign Minister Anna Koval will meet Olaf Berg in June about sanctions.",
    date(2024, 5, 2),
    people=[(ANNA, True, (MINISTER,)), (OLAF, True, ())],
    meetings=[
        {
            "participants": [(ANNA, None), (OLAF, None)],
            "day": date(2024, 6, 1),
            "precision": "month",
            "status": "planned",
            "topics": ["sanctions", "energy"],
            "unnamed": [("Secretary-General", "NATO", None)],
        }
    ],
)
ENTRY_UNKNOWN = Story(
    "Olaf Berg said the summit on July 11 would decide.",
    date(2024, 7, 1),
    people=[(OLAF, True, ())],
    timeline=[{"kind": "summit", "day": date(2024, 7, 11), "actors": [OLAF]}],
)
ENTRY_UKRAINE = Story(
    "Olaf Berg said the July summit would decide on Ukraine.",
    date(2024, 7, 2),
    people=[(OLAF, True, ())],
    timeline=[
        {"kind": "summit", "day": date(2024, 7, 11), "precision": "month", "actors": [OLAF], "country": "Ukraine"}
    ],
)
TITLED_SURNAME = Story(
    "Prime Minister Lind met Olaf Berg.",
    date(2024, 3, 1),
    people=[("Lind", False, ({"title": "Prime Minister", "organization": None, "country": None},)), (OLAF, True, ())],
    meetings=[{"participants": [("Lind", None), (OLAF, None)], "day": date(2024, 3, 1)}],
)
FULL_NAME = Story(
    "Eva Lind, Prime Minister of Sweden, spoke with Olaf Berg.",
    date(2024, 3, 2),
    people=[(EVA, True, ({"title": "Prime Minister", "organization": None, "country": "Sweden"},)), (OLAF, True, ())],
)
ROLE_BRIDGE = Story(
    "Foreign Minister Anna Koval of Estonia, for the European Union.",
    date(2024, 6, 25),
    people=[(ANNA, True, ({**MINISTER, "organization": "European Union", "country": "Estonia"},))],
)
NAMES_ONE_PERSON = Story("Eva Lind spoke in Stockholm.", date(2024, 3, 3), people=[(EVA, True, ())])

HISTORIES = {
    "a person only one article names, beside people with roles": [MEETING_PLAIN, NAMES_ONE_PERSON],
    "a second report's place, topics, groups, sides and roles": [MEETING_PLAIN, MEETING_RICH],
    "a plan, its report as held, and a third": [MEETING_PLANNED, MEETING_RICH, MEETING_PLAIN],
    "an entry of no country and one of Ukraine": [ENTRY_UNKNOWN, ENTRY_UKRAINE],
    "a titled surname, then the full name": [TITLED_SURNAME, FULL_NAME],
    "roles one report made one office": [MEETING_PLAIN, MEETING_RICH, ROLE_BRIDGE],
}


@pytest.mark.parametrize("history", HISTORIES.values(), ids=HISTORIES.keys())
def test_removing_any_one_article_leaves_what_ingesting_the_others_alone_gives(engine, reference, history):
    for removed in range(len(history)):
        survivors = history[:removed] + history[removed + 1 :]
        _clear(engine)
        ids = _store(engine, history)
        with Session(engine) as session:
            remove_facts(db_session=session, article_id=ids[removed])
            session.commit()
        _clear(reference)
        _store(reference, survivors)
        after, expected = _snapshot(engine), _snapshot(reference)
        assert after == expected, f"after removing article {removed}"


def _clear(engine) -> None:
    with Session(engine) as session:
        for table in (Meeting, TimelineEntry, Person, Article):
            session.execute(table.__table__.delete())
        session.commit()
