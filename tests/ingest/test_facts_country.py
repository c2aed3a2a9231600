"""Timeline entries and their country: identity, filling in, and articles stored before migration 0011.

Extractions are built by hand (no spaCy) and stored through the ingest path into a real database.
"""

import hashlib
from datetime import date

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlmodel import Session

from app.db import alembic_config, make_engine, upgrade_schema
from app.extraction.records import Evidence, Extraction, PersonFact, TimelineFact
from app.ingest.parsing import Paragraph, ParsedArticle
from app.ingest.service import reextract, store_parsed
from app.models import TimelineEntry

KULEBA = "Dmytro Kuleba"
UKRAINE = "Ukraine asked to join NATO in September 2022."
SWEDEN = "Sweden became NATO's 32nd member on March 7, 2024."
SPOKE = "Dmytro Kuleba said Ukraine's place is in NATO."


def _frozen_id_before_0011(kind: str, day: date, *actors: str) -> str:
    """The entry id before entries had a country: kind, date and sorted actor ids, nothing else."""
    return hashlib.sha256("\x1f".join(["timeline", kind, day.isoformat(), *sorted(actors)]).encode()).hexdigest()[:16]


def _fact(body: str, kind: str, day: date, country: str | None, actors: tuple[str, ...] = ()) -> TimelineFact:
    return TimelineFact(
        kind=kind,
        date=day,
        date_precision="day",
        summary=body,
        evidence=[Evidence(body, 0, len(body))],
        actors=[a.lower() for a in actors],
        country=country,
    )


def _people(body: str, *names: str) -> list[PersonFact]:
    return [
        PersonFact(key=n.lower(), name=n, evidence=Evidence(n, body.index(n), body.index(n) + len(n))) for n in names
    ]


def _parsed(body: str, published: date) -> ParsedArticle:
    return ParsedArticle(
        published_at=published, paragraphs=(Paragraph("text", body),), raw_text=body, title=None, source=None
    )


def _store(engine, body: str, published: date, *facts: TimelineFact, people: tuple[str, ...] = ()) -> list[str]:
    extraction = Extraction(version="test", people=_people(body, *people), meetings=[], timeline=list(facts))
    return store_parsed(engine=engine, parsed=_parsed(body, published), extraction=extraction).facts.timeline


def _entries(engine) -> dict[str, tuple[str, str | None]]:
    with Session(engine) as session:
        return {e.id: (e.kind, e.country) for e in session.scalars(select(TimelineEntry))}


@pytest.fixture
def engine(database_url):
    upgrade_schema(make_engine(database_url))
    engine = make_engine(database_url, for_writes=True)
    yield engine
    engine.dispose()


def test_an_entry_of_ukraine_or_of_no_country_keeps_the_id_of_before_countries(engine):
    day = date(2022, 9, 30)
    (of_ukraine,) = _store(engine, UKRAINE, day, _fact(UKRAINE, "application", day, "Ukraine"))

    assert of_ukraine == _frozen_id_before_0011("application", day)
    assert _entries(engine) == {of_ukraine: ("application", "Ukraine")}


def test_one_step_of_several_countries_on_one_day_is_an_entry_per_country(engine):
    body = "NATO invited Finland and Sweden to join."
    day = date(2022, 6, 29)
    ids = _store(engine, body, day, *(_fact(body, "invitation", day, c) for c in ("Finland", "Sweden", "Ukraine")))

    assert len(set(ids)) == 3
    assert sorted(_entries(engine).values()) == [
        ("invitation", "Finland"),
        ("invitation", "Sweden"),
        ("invitation", "Ukraine"),
    ]


def test_a_report_naming_the_country_fills_it_in_and_a_report_that_does_not_keeps_it(engine):
    day = date(2022, 9, 30)
    (first,) = _store(engine, UKRAINE, day, _fact(UKRAINE, "application", day, None))
    other = "Kyiv formally applied for NATO membership on Friday."
    (second,) = _store(engine, other, day, _fact(other, "application", day, "Ukraine"))
    third = "An application to join NATO was filed on Friday."
    (again,) = _store(engine, third, day, _fact(third, "application", day, None))

    assert first == second == again
    assert _entries(engine) == {first: ("application", "Ukraine")}


@pytest.mark.parametrize(("given", "stored"), [("Türkiye", "Turkey"), ("sweden", "Sweden"), ("nato", "NATO")])
def test_the_country_is_stored_under_the_name_the_filter_compares_with(engine, given, stored):
    day = date(2024, 1, 23)
    body = "The parliament approved the protocol."
    _store(engine, body, day, _fact(body, "ratification", day, given))

    assert list(_entries(engine).values()) == [("ratification", stored)]


class _Replay:
    """An extractor that reads nothing and answers, per article body, what a test decided it finds."""

    version = "test-2"

    def __init__(self, by_body: dict[str, Extraction]):
        self.by_body = by_body

    def extract_many(self, texts):
        return [self.by_body[t.body] for t in texts]


def _store_as_before_0011(connection, article_id: str, body: str, entry_id: str, kind: str, actor: str | None):
    """An article and its entry as the service wrote them at migration 0009: no country column."""
    connection.execute(
        text(
            "INSERT INTO article (id, published_at, body, paragraphs, raw_text, word_count, content_sha256, "
            "ingested_at, extractor_version) VALUES (:id, '2024-03-08', :body, '[]', :body, 9, :id, "
            "'2024-03-08 10:00:00', 'old')"
        ),
        {"id": article_id, "body": body},
    )
    connection.execute(
        text(
            "INSERT INTO timeline_entry (id, date, date_precision, kind, summary) "
            "VALUES (:id, '2022-09-30', 'day', :kind, :body)"
        ),
        {"id": entry_id, "kind": kind, "body": body},
    )
    if actor is not None:
        connection.execute(
            text("INSERT INTO timeline_actor (entry_id, person_id, position) VALUES (:entry, :actor, 0)"),
            {"entry": entry_id, "actor": actor},
        )
    connection.execute(
        text(
            "INSERT INTO evidence (article_id, timeline_entry_id, quote, start_offset, end_offset, "
            "extractor_version) VALUES (:article, :entry, :body, 0, :end, 'old')"
        ),
        {"article": article_id, "entry": entry_id, "body": body, "end": len(body)},
    )


def test_reextracting_articles_stored_before_0011_gives_countries_and_keeps_the_ids_of_ukraine(database_url):
    day = date(2022, 9, 30)
    schema = make_engine(database_url)
    command.upgrade(alembic_config(schema), "0010")
    applied = _frozen_id_before_0011("application", day)
    spoke = _frozen_id_before_0011("statement", day, "dmytro-kuleba")
    # Before 0011, an article about Sweden gave an entry with no country, under the same formula.
    swedish = _frozen_id_before_0011("statement", day)
    with schema.begin() as connection:
        connection.execute(
            text("INSERT INTO person (id, name, match_key) VALUES ('dmytro-kuleba', :name, 'kuleba|dmitro')"),
            {"name": KULEBA},
        )
        _store_as_before_0011(connection, "a-ukraine", UKRAINE, applied, "application", None)
        _store_as_before_0011(connection, "a-spoke", SPOKE, spoke, "statement", "dmytro-kuleba")
        _store_as_before_0011(connection, "a-sweden", SWEDEN, swedish, "statement", None)
    upgrade_schema(schema)
    schema.dispose()
    engine = make_engine(database_url, for_writes=True)
    assert _entries(engine) == {
        applied: ("application", None),
        spoke: ("statement", None),
        swedish: ("statement", None),
    }

    replay = _Replay(
        {
            UKRAINE: Extraction("test-2", [], [], [_fact(UKRAINE, "application", day, "Ukraine")]),
            SPOKE: Extraction(
                "test-2", _people(SPOKE, KULEBA), [], [_fact(SPOKE, "statement", day, "Ukraine", (KULEBA,))]
            ),
            SWEDEN: Extraction("test-2", [], [], [_fact(SWEDEN, "accession", day, "Sweden")]),
        }
    )
    assert reextract(engine=engine, extractor=replay)["reextracted"] == 3

    entries = _entries(engine)
    # Ukraine's entries are found again under their ids, now with their country.
    assert entries[applied] == ("application", "Ukraine")
    assert entries[spoke] == ("statement", "Ukraine")
    # Sweden's step is another entry, and the Ukraine-shaped one its article gave is gone with its evidence.
    assert swedish not in entries
    (accession,) = set(entries) - {applied, spoke}
    assert entries[accession] == ("accession", "Sweden")
    with Session(engine) as session:
        assert [e.article_id for e in session.get(TimelineEntry, spoke).evidence] == ["a-spoke"]
        assert [a.id for a in session.get(TimelineEntry, spoke).actors] == ["dmytro-kuleba"]
    engine.dispose()
