from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from app.exports import CalendarEvent, CsvColumns, joined
from app.models import DatePrecision, Meeting, MeetingStatus
from app.schemas import SourceRead


class LocationRead(BaseModel):
    name: str | None
    city: str | None
    country: str | None


class ParticipantRead(BaseModel):
    id: str
    name: str
    role: str | None


class UnnamedParticipantRead(BaseModel):
    """A side the sources name only by office: "the Prime Minister" of the United Kingdom."""

    role: str
    organization: str | None
    country: str | None

    @property
    def label(self) -> str:
        """How exports write it: "Prime Minister (United Kingdom)", "Secretary-General (NATO)"."""
        where = ", ".join(part for part in (self.organization, self.country) if part)
        return f"{self.role} ({where})" if where else self.role


class MeetingRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "3f2a9c0d81b4e6a7",
                    "date": "2024-03-14",
                    "date_precision": "day",
                    "status": "held",
                    "location": {"name": "Presidential Office", "city": "Kyiv", "country": "Ukraine"},
                    "participants": [
                        {"id": "jane-doe", "name": "Jane Doe", "role": "Secretary General of NATO"},
                        {"id": "john-roe", "name": "John Roe", "role": "President of Ukraine"},
                    ],
                    "unnamed_participants": [
                        {"role": "Prime Minister", "organization": None, "country": "United Kingdom"}
                    ],
                    "participant_groups": ["heads of delegations"],
                    "topics": ["air defense"],
                    "summary": "John Roe met Jane Doe in Kyiv to discuss air defense.",
                    "sources": [
                        {
                            "article_id": "075a7e47183e750c",
                            "quote": "John Roe met Jane Doe in Kyiv.",
                            "start": 0,
                            "end": 30,
                        }
                    ],
                }
            ]
        }
    )

    id: str
    date: date
    date_precision: DatePrecision
    status: MeetingStatus
    location: LocationRead | None
    participants: list[ParticipantRead]
    unnamed_participants: list[UnnamedParticipantRead] = Field(
        description="Sides the sources name only by office, not by name; [] when every side is named."
    )
    participant_groups: list[str]
    topics: list[str]
    summary: str
    sources: list[SourceRead]

    @classmethod
    def of(cls, meeting: Meeting) -> "MeetingRead":
        has_location = any((meeting.location_name, meeting.location_city, meeting.location_country))
        return cls(
            id=meeting.id,
            date=meeting.date,
            date_precision=meeting.date_precision,
            status=meeting.status,
            location=LocationRead(
                name=meeting.location_name, city=meeting.location_city, country=meeting.location_country
            )
            if has_location
            else None,
            participants=[
                ParticipantRead(id=p.person_id, name=p.person.name, role=p.role) for p in meeting.participants
            ],
            unnamed_participants=[
                UnnamedParticipantRead(role=u.role, organization=u.organization, country=u.country)
                for u in meeting.unnamed_participants
            ],
            participant_groups=[group.name for group in meeting.participant_groups],
            topics=[topic.topic for topic in meeting.topics],
            summary=meeting.summary,
            sources=[SourceRead.of(evidence) for evidence in meeting.evidence],
        )


MEETING_CSV = CsvColumns[MeetingRead](
    (
        ("id", lambda m: m.id),
        ("date", lambda m: m.date),
        ("date_precision", lambda m: m.date_precision),
        ("status", lambda m: m.status),
        ("location_name", lambda m: m.location.name if m.location else None),
        ("location_city", lambda m: m.location.city if m.location else None),
        ("location_country", lambda m: m.location.country if m.location else None),
        ("participant_ids", lambda m: joined([p.id for p in m.participants])),
        ("participant_names", lambda m: joined([p.name for p in m.participants])),
        ("unnamed_participants", lambda m: joined([u.label for u in m.unnamed_participants])),
        ("participant_groups", lambda m: joined(m.participant_groups)),
        ("topics", lambda m: joined(m.topics)),
        ("summary", lambda m: m.summary),
        ("article_ids", lambda m: joined([s.article_id for s in m.sources])),
        ("quotes", lambda m: joined([s.quote for s in m.sources], " | ")),
    )
)


def meeting_event(meeting: MeetingRead) -> CalendarEvent:
    """A meeting as a calendar event: planned ones tentative."""
    location = meeting.location
    details = [f"Status: {meeting.status.value}"]
    if meeting.participants:
        details.append(
            "Participants: " + joined([f"{p.name} ({p.role})" if p.role else p.name for p in meeting.participants])
        )
    if meeting.unnamed_participants:
        details.append("Unnamed participants: " + joined([u.label for u in meeting.unnamed_participants]))
    if meeting.participant_groups:
        details.append("Also: " + joined(meeting.participant_groups))
    if meeting.topics:
        details.append("Topics: " + joined(meeting.topics))
    return CalendarEvent(
        uid=f"meeting-{meeting.id}",
        date=meeting.date,
        precision=meeting.date_precision,
        summary=meeting.summary,
        details=details,
        sources=meeting.sources,
        location=", ".join(part for part in (location.name, location.city, location.country) if part)
        if location
        else None,
        status="CONFIRMED" if meeting.status == MeetingStatus.held else "TENTATIVE",
    )
