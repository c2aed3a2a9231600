"""Rows for the read API tests, written straight into a real database."""

import itertools
from datetime import date

from sqlmodel import Session

from app.extraction.names import person_key
from app.ingest.parsing import Paragraph, ParsedArticle
from app.ingest.service import add_article
from app.models import (
    Article,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingParticipant,
    MeetingParticipantGroup,
    MeetingStatus,
    MeetingTopic,
    MeetingUnnamedParticipant,
    Person,
    PersonAlias,
    PersonRole,
    TimelineActor,
    TimelineEntry,
    TimelineKind,
)

_sequence = itertools.count(1)


EXTRACTOR_VERSION = "test"


def make_article(
    db_session: Session,
    *,
    body: str | None = None,
    published_at: date = date(2024, 3, 1),
    title: str | None = "A headline",
    source: str | None = "Example Wire",
    url: str | None = None,
    dateline: str | None = None,
) -> Article:
    body = body or f"Article number {next(_sequence)} reports that two officials met."
    parsed = ParsedArticle(
        published_at=published_at,
        paragraphs=(Paragraph("text", body),),
        raw_text=body,
        title=title,
        source=source,
        url=url,
        dateline=dateline,
    )
    article = add_article(db_session=db_session, parsed=parsed)
    db_session.commit()
    return article


def quote_evidence(article: Article, quote: str, **subject: object) -> Evidence:
    start = article.body.index(quote)
    return Evidence(
        article_id=article.id,
        quote=quote,
        start_offset=start,
        end_offset=start + len(quote),
        extractor_version=EXTRACTOR_VERSION,
        **subject,
    )


def make_person(
    db_session: Session,
    name: str,
    *,
    aliases: tuple[str, ...] = (),
    roles: tuple[dict, ...] = (),
    mentioned_in: tuple[Article, ...] = (),
) -> Person:
    person_id = name.lower().replace(" ", "-")
    person = Person(id=person_id, name=name, match_key=person_key(name))
    person.aliases = [PersonAlias(alias=alias) for alias in aliases]
    person.roles = [PersonRole(**role) for role in roles]
    db_session.add(person)
    db_session.flush()
    for article in mentioned_in:
        db_session.add(quote_evidence(article, article.body.split(".")[0], person_id=person_id))
    db_session.commit()
    return person


def make_meeting(
    db_session: Session,
    *,
    participants: tuple[tuple[Person, str | None], ...],
    day: date,
    status: MeetingStatus = MeetingStatus.held,
    precision: DatePrecision = DatePrecision.day,
    location: tuple[str | None, str | None, str | None] = (None, None, None),
    topics: tuple[str, ...] = (),
    groups: tuple[str, ...] = (),
    unnamed: tuple[tuple[str, str | None, str | None], ...] = (),
    summary: str = "Officials met.",
    source: Article | None = None,
) -> Meeting:
    meeting = Meeting(
        id=f"m{next(_sequence):015d}",
        date=day,
        date_precision=precision,
        status=status,
        location_name=location[0],
        location_city=location[1],
        location_country=location[2],
        summary=summary,
    )
    meeting.participants = [
        MeetingParticipant(person_id=person.id, role=role, position=i) for i, (person, role) in enumerate(participants)
    ]
    meeting.topics = [MeetingTopic(topic=topic) for topic in topics]
    meeting.participant_groups = [MeetingParticipantGroup(name=group) for group in groups]
    meeting.unnamed_participants = [
        MeetingUnnamedParticipant(role=role, organization=organization, country=country, position=i)
        for i, (role, organization, country) in enumerate(unnamed)
    ]
    db_session.add(meeting)
    db_session.flush()
    if source is not None:
        db_session.add(quote_evidence(source, source.body.split(".")[0], meeting_id=meeting.id))
    db_session.commit()
    return meeting


def make_timeline_entry(
    db_session: Session,
    *,
    day: date,
    kind: TimelineKind = TimelineKind.statement,
    precision: DatePrecision = DatePrecision.day,
    actors: tuple[Person, ...] = (),
    summary: str = "A statement on membership.",
    source: Article | None = None,
    country: str | None = None,
) -> TimelineEntry:
    entry = TimelineEntry(
        id=f"t{next(_sequence):015d}", date=day, date_precision=precision, kind=kind, summary=summary, country=country
    )
    db_session.add(entry)
    db_session.flush()
    for position, person in enumerate(actors):
        db_session.add(TimelineActor(entry_id=entry.id, person_id=person.id, position=position))
    if source is not None:
        db_session.add(quote_evidence(source, source.body.split(".")[0], timeline_entry_id=entry.id))
    db_session.commit()
    db_session.refresh(entry)
    return entry
