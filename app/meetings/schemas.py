from datetime import date

from pydantic import BaseModel, ConfigDict

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
            participant_groups=[group.name for group in meeting.participant_groups],
            topics=[topic.topic for topic in meeting.topics],
            summary=meeting.summary,
            sources=[SourceRead.of(evidence) for evidence in meeting.evidence],
        )
