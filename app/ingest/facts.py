"""Store an article's extracted facts: people resolved across articles, events merged by identity.

Services here only add and flush; the caller owns the transaction (one per article).
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, or_, select
from sqlmodel import Session

from app.caching import bump_data_version
from app.extraction.records import Evidence as EvidenceFact
from app.extraction.records import (
    Extraction,
    MeetingFact,
    PersonFact,
    RoleFact,
    TimelineFact,
    fill_office,
    same_office,
)
from app.models import (
    Article,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingParticipant,
    MeetingParticipantGroup,
    MeetingStatus,
    MeetingTopic,
    Person,
    PersonAlias,
    PersonRole,
    TimelineActor,
    TimelineEntry,
    TimelineKind,
)


@dataclass
class StoredFacts:
    """The ids of the facts an article produced or joined."""

    people: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    timeline: list[str] = field(default_factory=list)


def slugify(name: str) -> str:
    """A stable, readable id from a name: "Anna Kowalska" -> "anna-kowalska"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "person"


def _short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _evidence(article: Article, fact: EvidenceFact, version: str, **subject: object) -> Evidence:
    return Evidence(
        article_id=article.id,
        quote=fact.quote,
        start_offset=fact.start,
        end_offset=fact.end,
        extractor_version=version,
        **subject,
    )


def _find_person(db_session: Session, fact: PersonFact) -> Person | None:
    if fact.full_name_known:
        return db_session.scalars(select(Person).where(Person.match_key == fact.key)).first()
    # A surname alone: it names a known person only when exactly one has that surname.
    surname = fact.key.removeprefix("?").split("|", 1)[0]
    matches = db_session.scalars(select(Person).where(Person.match_key.startswith(f"{surname}|"))).all()
    return matches[0] if len(matches) == 1 else None


def _new_person_id(db_session: Session, name: str) -> str:
    base = slugify(name)
    candidate, suffix = base, 2
    while db_session.get(Person, candidate) is not None:
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    return candidate


def _store_person(db_session: Session, article: Article, fact: PersonFact, version: str) -> Person | None:
    person = _find_person(db_session, fact)
    if person is None:
        # A bare surname ("?modi") is nobody yet; a titled one ("Prime Minister Modi", "modi|") is a person.
        if fact.key.startswith("?"):
            return None
        person = Person(id=_new_person_id(db_session, fact.name), name=fact.name, match_key=fact.key)
        db_session.add(person)
        db_session.flush()
    known_aliases = {alias.alias for alias in person.aliases} | {person.name}
    for alias in sorted((fact.aliases | {fact.name}) - known_aliases):
        db_session.add(PersonAlias(person_id=person.id, alias=alias))
    db_session.add(_evidence(article, fact.evidence, version, person_id=person.id))
    for role in fact.roles:
        stored = _store_role(db_session, person, role)
        db_session.add(_evidence(article, role.evidence, version, role_id=stored.id))
    db_session.flush()
    return person


def _store_role(db_session: Session, person: Person, fact: RoleFact) -> PersonRole:
    for role in person.roles:
        if same_office(role, fact):
            fill_office(role, fact)
            return role
    role = PersonRole(
        person_id=person.id,
        title=fact.title,
        organization=fact.organization,
        country=fact.country,
        valid_from=fact.valid_from,
        valid_to=fact.valid_to,
    )
    person.roles.append(role)
    db_session.flush()
    return role


def _store_meeting(
    db_session: Session, article: Article, fact: MeetingFact, ids: dict[str, str], version: str
) -> str | None:
    participants = [(ids[key], role) for key, role in fact.participants if key in ids]
    if len(participants) < 2 and not (participants and fact.groups):
        return None
    meeting_id = _short_hash("meeting", fact.date.isoformat(), *sorted(pid for pid, _ in participants))
    meeting = db_session.get(Meeting, meeting_id)
    if meeting is None:
        meeting = Meeting(
            id=meeting_id,
            date=fact.date,
            date_precision=DatePrecision(fact.date_precision),
            status=MeetingStatus(fact.status),
            location_name=fact.location_name,
            location_city=fact.location_city,
            location_country=fact.location_country,
            summary=fact.summary,
        )
        meeting.participants = [
            MeetingParticipant(person_id=pid, role=role, position=i) for i, (pid, role) in enumerate(participants)
        ]
        db_session.add(meeting)
    else:
        # A later report of a planned meeting that says it was held settles its status.
        if fact.status == MeetingStatus.held and article.published_at >= meeting.date:
            meeting.status = MeetingStatus.held
        meeting.location_name = meeting.location_name or fact.location_name
        meeting.location_city = meeting.location_city or fact.location_city
        meeting.location_country = meeting.location_country or fact.location_country
        roles = dict(participants)
        for participant in meeting.participants:
            participant.role = participant.role or roles.get(participant.person_id)
    known_topics = {t.topic for t in meeting.topics}
    meeting.topics += [MeetingTopic(topic=t) for t in dict.fromkeys(fact.topics) if t not in known_topics]
    known_groups = {g.name for g in meeting.participant_groups}
    meeting.participant_groups += [
        MeetingParticipantGroup(name=g) for g in dict.fromkeys(fact.groups) if g not in known_groups
    ]
    db_session.flush()
    for evidence in fact.evidence:
        db_session.add(_evidence(article, evidence, version, meeting_id=meeting_id))
    return meeting_id


def _store_entry(db_session: Session, article: Article, fact: TimelineFact, ids: dict[str, str], version: str) -> str:
    actors = list(dict.fromkeys(ids[key] for key in fact.actors if key in ids))
    if fact.kind == TimelineKind.statement and not actors:
        return None  # a statement by someone we cannot identify is no fact
    entry_id = _short_hash("timeline", fact.kind, fact.date.isoformat(), *sorted(actors))
    entry = db_session.get(TimelineEntry, entry_id)
    if entry is None:
        entry = TimelineEntry(
            id=entry_id,
            date=fact.date,
            date_precision=DatePrecision(fact.date_precision),
            kind=TimelineKind(fact.kind),
            summary=fact.summary,
        )
        db_session.add(entry)
        db_session.flush()
        for position, person_id in enumerate(actors):
            db_session.add(TimelineActor(entry_id=entry_id, person_id=person_id, position=position))
    for evidence in fact.evidence:
        db_session.add(_evidence(article, evidence, version, timeline_entry_id=entry_id))
    db_session.flush()
    return entry_id


def add_facts(*, db_session: Session, article: Article, extraction: Extraction) -> StoredFacts:
    """Add an article's extracted facts, joining people and events already known."""
    stored = StoredFacts()
    ids: dict[str, str] = {}
    for fact in extraction.people:
        person = _store_person(db_session, article, fact, extraction.version)
        if person is not None:
            ids[fact.key] = person.id
            stored.people.append(person.id)
    for fact in extraction.meetings:
        meeting_id = _store_meeting(db_session, article, fact, ids, extraction.version)
        if meeting_id is not None:
            stored.meetings.append(meeting_id)
    for fact in extraction.timeline:
        entry_id = _store_entry(db_session, article, fact, ids, extraction.version)
        if entry_id is not None:
            stored.timeline.append(entry_id)
    article.extractor_version = extraction.version
    db_session.flush()
    stored.people = list(dict.fromkeys(stored.people))
    return stored


def remove_facts(*, db_session: Session, article_id: str) -> None:
    """Remove an article's evidence, and every fact that no other article supports."""
    bump_data_version(db_session=db_session)
    db_session.execute(delete(Evidence).where(Evidence.article_id == article_id))
    db_session.execute(delete(Meeting).where(~exists().where(Evidence.meeting_id == Meeting.id)))
    db_session.execute(delete(TimelineEntry).where(~exists().where(Evidence.timeline_entry_id == TimelineEntry.id)))
    db_session.execute(delete(PersonRole).where(~exists().where(Evidence.role_id == PersonRole.id)))
    db_session.execute(
        delete(Person).where(
            ~exists().where(
                or_(
                    Evidence.person_id == Person.id,
                    Evidence.role_id.in_(select(PersonRole.id).where(PersonRole.person_id == Person.id)),
                )
            )
        )
    )
    db_session.flush()
    db_session.expire_all()
