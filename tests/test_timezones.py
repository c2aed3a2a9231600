"""Stored timestamps are read as the instants they are, whatever the database session's time zone.

PostgreSQL returns timestamptz values in the session's time zone; labelling them UTC without converting
moved every instant by the zone's offset. Here the test database's time zone is set to Pacific/Chatham
(UTC+12:45, +13:45 in its summer), far from UTC; on SQLite the values come back naive, written in UTC.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from app.articles.writes import claim_key
from app.db import make_engine, upgrade_schema
from app.models import IdempotencyKey, MeetingStatus
from tests.databases import ON_POSTGRES
from tests.factories import make_article, make_meeting, make_person

FAR_ZONE = "Pacific/Chatham"


@pytest.fixture
def database_url(database_url: str) -> str:
    """The test's database, whose sessions run in a time zone far from UTC on PostgreSQL."""
    if ON_POSTGRES:
        name = make_url(database_url).database
        admin = create_engine(database_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with admin.connect() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE \"{name}\" SET timezone TO '{FAR_ZONE}'")
        admin.dispose()
    return database_url


@pytest.fixture
def engine(database_url):
    upgrade_schema(make_engine(database_url))
    engine = make_engine(database_url, for_writes=True)
    if ON_POSTGRES:
        with engine.connect() as connection:
            assert connection.execute(text("SHOW timezone")).scalar() == FAR_ZONE
    yield engine
    engine.dispose()


def _key(engine, scope_id: str, created_at: datetime) -> None:
    with Session(engine) as session:
        session.add(
            IdempotencyKey(
                id=scope_id,
                request_sha256="f" * 64,
                status_code=201,
                response_body={"id": scope_id},
                created_at=created_at,
            )
        )
        session.commit()


def test_an_idempotency_key_expires_24_hours_after_it_was_stored_in_any_time_zone(engine):
    now = datetime.now(UTC)
    _key(engine, "a" * 64, now - timedelta(hours=23))
    _key(engine, "b" * 64, now - timedelta(hours=25))

    recent = claim_key(engine=engine, scope_id="a" * 64, fingerprint="f" * 64)
    assert recent.replay is not None
    assert recent.replay.response_body == {"id": "a" * 64}
    # The expired answer is gone: the key is claimed afresh, with nothing to replay.
    expired = claim_key(engine=engine, scope_id="b" * 64, fingerprint="f" * 64)
    assert expired.replay is None
    assert expired.token


def test_a_calendar_event_is_stamped_with_its_source_s_ingestion_instant(client, db_session):
    if ON_POSTGRES:
        assert db_session.execute(text("SHOW timezone")).scalar() == FAR_ZONE
    article = make_article(db_session, body="Anna Koval met Olaf Berg in Riga. They talked.")
    article.ingested_at = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
    db_session.commit()
    anna, olaf = make_person(db_session, "Anna Koval"), make_person(db_session, "Olaf Berg")
    make_meeting(
        db_session,
        participants=((anna, None), (olaf, None)),
        day=date(2024, 3, 1),
        status=MeetingStatus.held,
        source=article,
    )

    response = client.get("/v1/meetings.ics")

    assert response.status_code == 200, response.text
    assert "DTSTAMP:20240301T100000Z" in response.text.splitlines()
