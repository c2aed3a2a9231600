"""Store an article's extracted facts: people resolved across articles, events merged by identity.

Services here only add and flush; the caller owns the transaction (one per article).
"""

import calendar
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload
from sqlmodel import Session

from app.caching import bump_data_version
from app.countries import canonical_country
from app.extraction.names import person_key, surname_key
from app.extraction.records import Evidence as EvidenceFact
from app.extraction.records import (
    Extraction,
    MeetingFact,
    PersonFact,
    RoleFact,
    TimelineFact,
    UnnamedParticipant,
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
    MeetingReport,
    MeetingStatus,
    MeetingTopic,
    MeetingUnnamedParticipant,
    Person,
    PersonAlias,
    PersonReport,
    PersonRole,
    TextPart,
    TimelineActor,
    TimelineEntry,
    TimelineKind,
    TimelineReport,
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
        part=TextPart(fact.part),
        start_offset=fact.start,
        end_offset=fact.end,
        extractor_version=version,
        **subject,
    )


def _find_person(db_session: Session, fact: PersonFact) -> Person | None:
    """The stored person a fact names: the same full-name key, or the only one with a surname given alone.

    Keys are computed here from the name, with the rule migration 0009 applied to stored people, so
    stored keys agree whatever key format the extractor uses inside one article.
    """
    if fact.full_name_known:
        # Kaja Kallas and Kristina Kallas differ here; Martin J. Ellery and Martin Ellery do not.
        key = person_key(fact.name)
        found = db_session.scalars(select(Person).where(Person.match_key == key).order_by(Person.id)).first()
        if found is not None:
            return found
        # Someone known so far only as "Prime Minister Okafor" is the Chidi Okafor a later article names.
        bare = db_session.scalars(select(Person).where(Person.match_key == f"{key.split('|')[0]}|").limit(2)).all()
        if len(bare) != 1:
            return None
        person = bare[0]
        db_session.add(PersonAlias(person_id=person.id, alias=person.name))
        person.name, person.match_key = fact.name, key
        return person
    # A surname alone names a known person only when exactly one person has that surname.
    surname = surname_key(fact.name)
    if not surname:
        return None
    matches = db_session.scalars(select(Person).where(Person.match_key.startswith(f"{surname}|")).limit(2)).all()
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
        # A bare surname ("?okafor") is nobody yet; a titled one ("Prime Minister Okafor", "okafor|") is a person.
        if fact.key.startswith("?"):
            return None
        person = Person(id=_new_person_id(db_session, fact.name), name=fact.name, match_key=person_key(fact.name))
        db_session.add(person)
        db_session.flush()
    known_aliases = {alias.alias for alias in person.aliases} | {person.name}
    for alias in sorted((fact.aliases | {fact.name}) - known_aliases):
        db_session.add(PersonAlias(person_id=person.id, alias=alias))
    db_session.add(_evidence(article, fact.evidence, version, person_id=person.id))
    for role in fact.roles:
        stored = _store_role(db_session, person, role)
        db_session.add(_evidence(article, role.evidence, version, role_id=stored.id))
    db_session.add(
        PersonReport(
            person_id=person.id,
            article_id=article.id,
            name=fact.name,
            full_name_known=fact.full_name_known,
            aliases=sorted(fact.aliases),
            roles=[_role_report(role) for role in fact.roles],
        )
    )
    db_session.flush()
    return person


def _role_report(role: RoleFact) -> dict[str, object]:
    return {
        "title": role.title,
        "organization": role.organization,
        "country": role.country,
        "valid_from": role.valid_from.isoformat() if role.valid_from else None,
        "valid_to": role.valid_to.isoformat() if role.valid_to else None,
        "quote": role.evidence.quote,
        "start": role.evidence.start,
        "end": role.evidence.end,
    }


def _role_fact(report: dict) -> RoleFact:
    return RoleFact(
        title=report["title"],
        organization=report["organization"],
        country=report["country"],
        evidence=EvidenceFact(report["quote"], report["start"], report["end"]),
        valid_from=date.fromisoformat(report["valid_from"]) if report["valid_from"] else None,
        valid_to=date.fromisoformat(report["valid_to"]) if report["valid_to"] else None,
    )


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


_PRECISION_RANK = {DatePrecision.day: 0, DatePrecision.month: 1, DatePrecision.year: 2}


def _last_day(day: date, precision: DatePrecision) -> date:
    """The last day a date known to this precision can be."""
    if precision == DatePrecision.year:
        return date(day.year, 12, 31)
    if precision == DatePrecision.month:
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def _dates_agree(a: date, a_precision: DatePrecision, b: date, b_precision: DatePrecision) -> bool:
    """Whether two reported dates can be one encounter's, compared at the coarser precision.

    Two days a day apart agree: reports of one encounter differ by a day around midnight, time zones and
    "yesterday" in a dateline.
    """
    coarser = max(a_precision, b_precision, key=_PRECISION_RANK.__getitem__)
    if coarser == DatePrecision.year:
        return a.year == b.year
    if coarser == DatePrecision.month:
        return (a.year, a.month) == (b.year, b.month)
    return abs((a - b).days) <= 1


def _reports_agree(stored: list[tuple[MeetingReport, date]], new: MeetingReport, published: date) -> bool:
    """Whether a new report can be of the same encounter as the stored ones (each with its publication date).

    A plan announced after the meeting it would be had happened is another meeting ("they met on the
    12th" and, a week later, "they will meet again this month").
    """
    reports = [*stored, (new, published)]
    if not all(_dates_agree(r.date, r.date_precision, new.date, new.date_precision) for r, _ in stored):
        return False
    held_until = [_last_day(r.date, r.date_precision) for r, _ in reports if r.status == MeetingStatus.held]
    planned_on = [p for r, p in reports if r.status == MeetingStatus.planned]
    return not held_until or not planned_on or max(planned_on) <= min(held_until)


def _settle(meeting: Meeting, reports: list[MeetingReport]) -> None:
    """Set a meeting's status, date and summary from what its reports say.

    A held report wins the status (and the summary, which would otherwise say "will meet"); the finest
    date wins the date, a held report's first at equal precision, then the first stored.
    """
    if not reports:
        return
    ordered = sorted(reports, key=lambda r: r.id or 0)
    held = [r for r in ordered if r.status == MeetingStatus.held]
    meeting.status = MeetingStatus.held if held else MeetingStatus.planned
    meeting.summary = (held or ordered)[0].summary
    dated = min(ordered, key=lambda r: (_PRECISION_RANK[r.date_precision], r.status != MeetingStatus.held))
    meeting.date, meeting.date_precision = dated.date, dated.date_precision


def _same_meeting(db_session: Session, person_ids: set[str], report: MeetingReport, published: date) -> Meeting | None:
    """The stored meeting of exactly these named people that this report can be of, if any."""
    # Every rule of _dates_agree keeps within a year and a day of the report's date.
    year = report.date.year
    window = (
        date(year - 1, 12, 31) if year > date.min.year else date.min,
        date(year + 1, 1, 1) if year < date.max.year else date.max,
    )
    first = min(person_ids)
    candidates = db_session.scalars(
        select(Meeting)
        .where(
            Meeting.id.in_(select(MeetingParticipant.meeting_id).where(MeetingParticipant.person_id == first)),
            Meeting.date.between(*window),
        )
        .options(selectinload(Meeting.participants))
    ).all()
    candidates = [m for m in candidates if {p.person_id for p in m.participants} == person_ids]
    if not candidates:
        return None
    rows = db_session.execute(
        select(MeetingReport, Article.published_at)
        .join(Article, Article.id == MeetingReport.article_id)
        .where(MeetingReport.meeting_id.in_([m.id for m in candidates]))
    ).all()
    stored: dict[str, list[tuple[MeetingReport, date]]] = {m.id: [] for m in candidates}
    for stored_report, stored_published in rows:
        stored[stored_report.meeting_id].append((stored_report, stored_published))
    matching = [
        m
        for m in candidates
        if _dates_agree(m.date, m.date_precision, report.date, report.date_precision)
        and _reports_agree(stored[m.id], report, published)
    ]
    # Several can match only a coarse report ("in June" of two June meetings): the nearest date takes it.
    return min(matching, key=lambda m: (abs((m.date - report.date).days), m.id), default=None)


def _new_meeting_id(db_session: Session, day: date, person_ids: set[str]) -> str:
    # The id of a meeting whose date was since made finer may be the one this date would give: step past it.
    parts = ["meeting", day.isoformat(), *sorted(person_ids)]
    candidate, suffix = _short_hash(*parts), 2
    while db_session.get(Meeting, candidate) is not None:
        candidate, suffix = _short_hash(*parts, str(suffix)), suffix + 1
    return candidate


def _store_meeting(
    db_session: Session, article: Article, fact: MeetingFact, ids: dict[str, str], version: str
) -> str | None:
    # By person, in the order first named: two keys of one article can resolve to one stored person.
    roles_of: dict[str, str | None] = {}
    for key, role in fact.participants:
        if key in ids:
            roles_of[ids[key]] = roles_of.get(ids[key]) or role
    participants = list(roles_of.items())
    # One named person and another side (a group, or someone named only by office) is a meeting too.
    if not participants or (len(participants) < 2 and not (fact.groups or fact.unnamed_participants)):
        return None
    person_ids = {pid for pid, _ in participants}
    report = MeetingReport(
        article_id=article.id,
        status=MeetingStatus(fact.status),
        date=fact.date,
        date_precision=DatePrecision(fact.date_precision),
        summary=fact.summary,
        details={
            "participants": [[pid, role] for pid, role in participants],
            "location": [fact.location_name, fact.location_city, fact.location_country],
            "topics": list(dict.fromkeys(fact.topics)),
            "groups": list(dict.fromkeys(fact.groups)),
            "unnamed": [[u.role, u.organization, u.country] for u in fact.unnamed_participants],
        },
    )
    meeting = _same_meeting(db_session, person_ids, report, article.published_at)
    if meeting is None:
        meeting = Meeting(
            id=_new_meeting_id(db_session, fact.date, person_ids),
            date=fact.date,
            date_precision=report.date_precision,
            status=report.status,
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
        meeting.location_name = meeting.location_name or fact.location_name
        meeting.location_city = meeting.location_city or fact.location_city
        meeting.location_country = meeting.location_country or fact.location_country
        roles = dict(participants)
        for participant in meeting.participants:
            participant.role = participant.role or roles.get(participant.person_id)
    meeting.reports.append(report)
    db_session.flush()
    _settle(meeting, meeting.reports)
    known_topics = {t.topic for t in meeting.topics}
    meeting.topics += [MeetingTopic(topic=t) for t in dict.fromkeys(fact.topics) if t not in known_topics]
    known_groups = {g.name for g in meeting.participant_groups}
    meeting.participant_groups += [
        MeetingParticipantGroup(name=g) for g in dict.fromkeys(fact.groups) if g not in known_groups
    ]
    _add_unnamed(meeting, fact.unnamed_participants)
    db_session.flush()
    for evidence in fact.evidence:
        db_session.add(_evidence(article, evidence, version, meeting_id=meeting.id))
    return meeting.id


def _add_unnamed(meeting: Meeting, sides: list[UnnamedParticipant]) -> None:
    # Identity as the unique index of migration 0008 has it: role, organization and country, NULL as ''.
    known = {(u.role, u.organization or "", u.country or "") for u in meeting.unnamed_participants}
    position = len(meeting.unnamed_participants)
    for side in sides:
        identity = (side.role, side.organization or "", side.country or "")
        if identity in known:
            continue
        known.add(identity)
        meeting.unnamed_participants.append(
            MeetingUnnamedParticipant(
                role=side.role, organization=side.organization, country=side.country, position=position
            )
        )
        position += 1


# Entries of this country keep the id they had before entries named a country (migration 0010).
_COUNTRY_OF_THE_FIRST_IDS = "Ukraine"


def _stored_country(text: str | None) -> str | None:
    """The country as stored: the canonical name the timeline filter compares with, else as extracted."""
    if text is None or not text.strip():
        return None
    return (canonical_country(text) or text.strip())[:100]


def entry_id(*, kind: str, day: date, actors: list[str], country: str | None) -> str:
    """A timeline entry's identity: its kind, date, actors and, unless Ukraine or unknown, its country.

    Before entries had a country every entry was Ukraine's and the id was the hash of kind, date and
    actors; Ukraine's entries keep that id, so `reextract` finds them again under the ids clients hold.
    An entry with no country shares it too, so a later report naming Ukraine fills in the country of
    one that did not. Another country's step of the same kind on the same day is another entry.
    """
    parts = ["timeline", kind, day.isoformat()]
    if country is not None and country != _COUNTRY_OF_THE_FIRST_IDS:
        # Person ids are lower-case slugs, so this part cannot be taken for an actor's.
        parts.append(f"country:{country}")
    return _short_hash(*parts, *sorted(actors))


def _store_entry(
    db_session: Session, article: Article, fact: TimelineFact, ids: dict[str, str], version: str
) -> str | None:
    actors = list(dict.fromkeys(ids[key] for key in fact.actors if key in ids))
    if fact.kind == TimelineKind.statement and not actors and fact.country is None:
        return None  # a statement by no one we can identify, about no country's path, is no fact
    country = _stored_country(fact.country)
    new_id = entry_id(kind=fact.kind, day=fact.date, actors=actors, country=country)
    entry = db_session.get(TimelineEntry, new_id)
    if entry is None:
        entry = TimelineEntry(
            id=new_id,
            date=fact.date,
            date_precision=DatePrecision(fact.date_precision),
            kind=TimelineKind(fact.kind),
            country=country,
            summary=fact.summary,
        )
        db_session.add(entry)
        db_session.flush()
        for position, person_id in enumerate(actors):
            db_session.add(TimelineActor(entry_id=new_id, person_id=person_id, position=position))
    elif entry.country is None:
        entry.country = country  # stored before entries named a country, or by a report that did not say
    db_session.add(
        TimelineReport(
            entry_id=new_id,
            article_id=article.id,
            country=country,
            date_precision=DatePrecision(fact.date_precision),
            summary=fact.summary,
            actors=actors,
        )
    )
    for evidence in fact.evidence:
        db_session.add(_evidence(article, evidence, version, timeline_entry_id=new_id))
    db_session.flush()
    return new_id


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
    """Remove an article's evidence and reports, every fact no other article supports, and settle the rest.

    Only the facts this article's evidence and reports point at are touched, so the cost is that of the
    article, not of the database. A fact other articles still support is rebuilt from their reports as
    ingesting them alone would build it (see _rebuild_person, _rebuild_meeting, _rebuild_entry).
    """
    bump_data_version(db_session=db_session)
    sources = db_session.execute(
        select(Evidence.person_id, Evidence.role_id, Evidence.meeting_id, Evidence.timeline_entry_id).where(
            Evidence.article_id == article_id
        )
    ).all()
    role_ids = {row.role_id for row in sources if row.role_id is not None}
    person_ids = {row.person_id for row in sources if row.person_id is not None}
    person_ids |= set(db_session.scalars(select(PersonRole.person_id).where(PersonRole.id.in_(role_ids))))
    person_ids |= set(db_session.scalars(select(PersonReport.person_id).where(PersonReport.article_id == article_id)))
    meeting_ids = {row.meeting_id for row in sources if row.meeting_id is not None}
    meeting_ids |= set(
        db_session.scalars(select(MeetingReport.meeting_id).where(MeetingReport.article_id == article_id))
    )
    entry_ids = {row.timeline_entry_id for row in sources if row.timeline_entry_id is not None}
    entry_ids |= set(db_session.scalars(select(TimelineReport.entry_id).where(TimelineReport.article_id == article_id)))
    for report in (MeetingReport, PersonReport, TimelineReport):
        db_session.execute(delete(report).where(report.article_id == article_id))
    db_session.execute(delete(Evidence).where(Evidence.article_id == article_id))
    db_session.expire_all()

    # Their participants, unnamed sides, topics, groups and reports go with them (ON DELETE CASCADE).
    kept = set(db_session.scalars(select(Evidence.meeting_id).where(Evidence.meeting_id.in_(meeting_ids))))
    db_session.execute(delete(Meeting).where(Meeting.id.in_(meeting_ids - kept)))
    for meeting in db_session.scalars(
        select(Meeting)
        .where(Meeting.id.in_(kept))
        .options(selectinload(Meeting.reports), selectinload(Meeting.participants))
    ):
        _rebuild_meeting(db_session, meeting)

    kept = set(db_session.scalars(select(Evidence.timeline_entry_id).where(Evidence.timeline_entry_id.in_(entry_ids))))
    db_session.execute(delete(TimelineEntry).where(TimelineEntry.id.in_(entry_ids - kept)))
    for entry in db_session.scalars(select(TimelineEntry).where(TimelineEntry.id.in_(kept))):
        _rebuild_entry(db_session, entry)

    # A person is supported by the articles that mention them (each role's evidence comes with a mention).
    mentions: dict[str, dict[str, str]] = {}
    for person_id, source_id, version in db_session.execute(
        select(Evidence.person_id, Evidence.article_id, Evidence.extractor_version).where(
            Evidence.person_id.in_(person_ids)
        )
    ):
        mentions.setdefault(person_id, {})[source_id] = version
    db_session.execute(delete(Person).where(Person.id.in_(person_ids - mentions.keys())))
    for person in db_session.scalars(
        select(Person)
        .where(Person.id.in_(mentions.keys()))
        .options(selectinload(Person.roles), selectinload(Person.aliases))
    ):
        _rebuild_person(db_session, person, mentions[person.id])
    db_session.flush()
    db_session.expire_all()


def _rebuild_meeting(db_session: Session, meeting: Meeting) -> None:
    """Settle a meeting again from the reports that remain, folding them in the order they were stored.

    Status, date and summary as _settle has them; the participants' order is the first report's, each
    one's role and each part of the place the first a report gives; topics, groups and unnamed sides are
    what the remaining reports name, in the order they named them.
    """
    reports = sorted(meeting.reports, key=lambda r: r.id or 0)
    _settle(meeting, reports)
    if not reports or any(r.details is None for r in reports):
        return  # a report stored before migration 0012 does not say what it added: keep what is known
    details = [r.details for r in reports]
    order = {pid: i for i, (pid, _) in enumerate(details[0]["participants"])}
    roles: dict[str, str | None] = {}
    for report in details:
        for pid, role in report["participants"]:
            roles[pid] = roles.get(pid) or role
    for participant in meeting.participants:
        participant.position = order.get(participant.person_id, len(order))
        participant.role = roles.get(participant.person_id)
    places = [report["location"] for report in details]
    meeting.location_name, meeting.location_city, meeting.location_country = (
        next((place[i] for place in places if place[i]), None) for i in range(3)
    )
    topics = dict.fromkeys(t for report in details for t in report["topics"])
    groups = dict.fromkeys(g for report in details for g in report["groups"])
    unnamed = dict.fromkeys(
        (role, org or "", country or "") for report in details for role, org, country in report["unnamed"]
    )
    for table in (MeetingTopic, MeetingParticipantGroup, MeetingUnnamedParticipant):
        db_session.execute(delete(table).where(table.meeting_id == meeting.id))
    db_session.expire(meeting, ["topics", "participant_groups", "unnamed_participants"])
    db_session.add_all(MeetingTopic(meeting_id=meeting.id, topic=t) for t in topics)
    db_session.add_all(MeetingParticipantGroup(meeting_id=meeting.id, name=g) for g in groups)
    db_session.add_all(
        MeetingUnnamedParticipant(
            meeting_id=meeting.id, role=role, organization=org or None, country=country or None, position=i
        )
        for i, (role, org, country) in enumerate(unnamed)
    )


def _rebuild_entry(db_session: Session, entry: TimelineEntry) -> None:
    """Settle a timeline entry again from its remaining reports: the first one's summary, precision and
    actors' order, the first country a report names."""
    reports = list(
        db_session.scalars(
            select(TimelineReport).where(TimelineReport.entry_id == entry.id).order_by(TimelineReport.id)
        )
    )
    sources = set(db_session.scalars(select(Evidence.article_id).where(Evidence.timeline_entry_id == entry.id)))
    if not reports or sources != {r.article_id for r in reports}:
        return  # a source stored before migration 0012 does not say what it reported: keep what is known
    first = reports[0]
    entry.summary, entry.date_precision = first.summary, first.date_precision
    entry.country = next((r.country for r in reports if r.country is not None), None)
    order = {pid: i for i, pid in enumerate(first.actors)}
    for actor in db_session.scalars(select(TimelineActor).where(TimelineActor.entry_id == entry.id)):
        actor.position = order.get(actor.person_id, len(order))


def _rebuild_person(db_session: Session, person: Person, versions: dict[str, str]) -> None:
    """Rebuild a person's name, aliases and roles from the remaining reports, in the order they were stored.

    `versions` is the extractor version of each article that still mentions the person. The name is the
    first full name a report gives (else the first report's), as a titled surname is renamed by the first
    article that names the person in full; roles are folded as _store_role folds them.
    """
    reports = list(
        db_session.scalars(select(PersonReport).where(PersonReport.person_id == person.id).order_by(PersonReport.id))
    )
    if not reports or versions.keys() != {r.article_id for r in reports}:
        # A source stored before migration 0012 does not say what it reported: drop only the roles no
        # article supports any more.
        orphans = [role.id for role in person.roles if role.id not in _supported_roles(db_session, person)]
        db_session.execute(delete(PersonRole).where(PersonRole.id.in_(orphans)))
        return
    named = next((r for r in reports if r.full_name_known), reports[0])
    person.name, person.match_key = named.name, person_key(named.name)
    aliases = dict.fromkeys(a for r in reports for a in sorted({*r.aliases, r.name}))
    aliases.pop(person.name, None)
    roles: list[PersonRole] = []
    evidence: list[tuple[int, str, EvidenceFact]] = []  # (index in roles, article, quote)
    for report in reports:
        for fact in map(_role_fact, report.roles):
            index = next((i for i, role in enumerate(roles) if same_office(role, fact)), None)
            if index is None:
                index = len(roles)
                roles.append(
                    PersonRole(
                        person_id=person.id,
                        title=fact.title,
                        organization=fact.organization,
                        country=fact.country,
                        valid_from=fact.valid_from,
                        valid_to=fact.valid_to,
                    )
                )
            else:
                fill_office(roles[index], fact)
            evidence.append((index, report.article_id, fact.evidence))
    if {a.alias for a in person.aliases} != aliases.keys():
        db_session.execute(delete(PersonAlias).where(PersonAlias.person_id == person.id))
        db_session.expire(person, ["aliases"])
        db_session.add_all(PersonAlias(person_id=person.id, alias=alias) for alias in aliases)
    if [_office(role) for role in person.roles] == [_office(role) for role in roles]:
        return  # the same offices: the remaining evidence points at them already (a popular person's many)
    # The old roles' evidence goes with them (ON DELETE CASCADE) and is written again for the new ones.
    db_session.execute(delete(PersonRole).where(PersonRole.person_id == person.id))
    db_session.expire(person, ["roles"])
    db_session.add_all(roles)
    db_session.flush()
    db_session.add_all(
        Evidence(
            article_id=source_id,
            quote=quote.quote,
            start_offset=quote.start,
            end_offset=quote.end,
            extractor_version=versions[source_id],
            role_id=roles[index].id,
        )
        for index, source_id, quote in evidence
    )


def _office(role: PersonRole) -> tuple:
    return (role.title, role.organization, role.country, role.valid_from, role.valid_to)


def _supported_roles(db_session: Session, person: Person) -> set[int]:
    role_ids = [role.id for role in person.roles]
    return set(db_session.scalars(select(Evidence.role_id).where(Evidence.role_id.in_(role_ids))))
