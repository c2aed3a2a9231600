"""The stored facts of a database in a form two databases can be compared by.

Ids that the design lets depend on history are left out, and facts are named by what they are:
- a person's id is the slug of the name under which they were first stored (a person first known as
  "Prime Minister Modi" keeps the id "modi" after a later article names Narendra Modi), so people are
  named by their name;
- a meeting's id is its first report's, so it stays when that report goes: meetings are named by
  participants, date and the rest;
- a timeline entry's id hashes its actors' ids, so entries name their actors by name;
- role and evidence ids are row numbers.
Everything else is compared: names, match keys, aliases, roles with their evidence, meetings with their
participants (in order, with roles), status, date, summary, place, topics, groups, unnamed sides and
each article's report, timeline entries with country, precision, summary and actors in order, and every
piece of evidence.
"""

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlmodel import Session

from app.models import (
    Evidence,
    Meeting,
    MeetingReport,
    Person,
    PersonRole,
    TimelineActor,
    TimelineEntry,
)


def _quotes(rows) -> list[tuple]:
    return sorted((e.article_id, e.quote, e.start_offset, e.end_offset, e.extractor_version) for e in rows)


def fact_snapshot(session: Session) -> dict:
    names = dict(session.execute(select(Person.id, Person.name)).all())
    evidence = session.scalars(select(Evidence)).all()
    by_subject: dict[tuple[str, object], list[Evidence]] = {}
    for row in evidence:
        for kind in ("person_id", "role_id", "meeting_id", "timeline_entry_id"):
            if getattr(row, kind) is not None:
                by_subject.setdefault((kind, getattr(row, kind)), []).append(row)

    people = {}
    for person in session.scalars(select(Person).options(selectinload(Person.aliases), selectinload(Person.roles))):
        roles = [
            (
                role.title,
                role.organization,
                role.country,
                role.valid_from,
                role.valid_to,
                _quotes(by_subject.get(("role_id", role.id), [])),
            )
            for role in sorted(person.roles, key=lambda r: r.id)
        ]
        people[person.name] = {
            "match_key": person.match_key,
            "aliases": sorted(a.alias for a in person.aliases),
            "roles": roles,
            "mentions": _quotes(by_subject.get(("person_id", person.id), [])),
        }

    meetings = []
    for meeting in session.scalars(
        select(Meeting).options(
            selectinload(Meeting.participants),
            selectinload(Meeting.participant_groups),
            selectinload(Meeting.unnamed_participants),
            selectinload(Meeting.topics),
        )
    ):
        reports = session.scalars(
            select(MeetingReport).where(MeetingReport.meeting_id == meeting.id).order_by(MeetingReport.id)
        )
        meetings.append(
            {
                "participants": [
                    (names[p.person_id], p.role) for p in sorted(meeting.participants, key=lambda p: p.position)
                ],
                "date": (meeting.date, meeting.date_precision),
                "status": meeting.status,
                "summary": meeting.summary,
                "place": (meeting.location_name, meeting.location_city, meeting.location_country),
                "topics": [t.topic for t in sorted(meeting.topics, key=lambda t: t.id)],
                "groups": [g.name for g in sorted(meeting.participant_groups, key=lambda g: g.id)],
                "unnamed": [
                    (u.role, u.organization, u.country)
                    for u in sorted(meeting.unnamed_participants, key=lambda u: u.position)
                ],
                "reports": [(r.article_id, r.status, r.date, r.date_precision, r.summary) for r in reports],
                "evidence": _quotes(by_subject.get(("meeting_id", meeting.id), [])),
            }
        )

    timeline = []
    for entry in session.scalars(select(TimelineEntry)):
        actors = session.scalars(
            select(TimelineActor.person_id).where(TimelineActor.entry_id == entry.id).order_by(TimelineActor.position)
        )
        timeline.append(
            {
                "kind": entry.kind,
                "date": (entry.date, entry.date_precision),
                "country": entry.country,
                "summary": entry.summary,
                "actors": [names[a] for a in actors],
                "evidence": _quotes(by_subject.get(("timeline_entry_id", entry.id), [])),
            }
        )

    orphan_roles = session.scalars(select(PersonRole.id).where(PersonRole.person_id.not_in(names))).all()
    return {
        "people": people,
        "meetings": sorted(meetings, key=repr),
        "timeline": sorted(timeline, key=repr),
        "evidence_rows": len(evidence),
        "orphan_roles": orphan_roles,
    }
