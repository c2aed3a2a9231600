from datetime import date

from pydantic import BaseModel, ConfigDict

from app.exports import CalendarEvent, CsvColumns, joined
from app.models import DatePrecision, TimelineEntry, TimelineKind
from app.people.schemas import PersonRef
from app.schemas import SourceRead


class TimelineEntryRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "9b1c2d3e4f5a6b7c",
                    "date": "2022-09-01",
                    "date_precision": "month",
                    "kind": "application",
                    "summary": "Ukraine applied for NATO membership.",
                    "actors": [],
                    "sources": [
                        {
                            "article_id": "9420a19a4904a723",
                            "quote": "Ukraine applied for NATO membership in September 2022.",
                            "start": 120,
                            "end": 175,
                        }
                    ],
                }
            ]
        }
    )

    id: str
    date: date
    date_precision: DatePrecision
    kind: TimelineKind
    summary: str
    actors: list[PersonRef]
    sources: list[SourceRead]

    @classmethod
    def of(cls, entry: TimelineEntry) -> "TimelineEntryRead":
        return cls(
            id=entry.id,
            date=entry.date,
            date_precision=entry.date_precision,
            kind=entry.kind,
            summary=entry.summary,
            actors=[PersonRef(id=person.id, name=person.name) for person in entry.actors],
            sources=[SourceRead.of(evidence) for evidence in entry.evidence],
        )


TIMELINE_CSV = CsvColumns[TimelineEntryRead](
    (
        ("id", lambda e: e.id),
        ("date", lambda e: e.date),
        ("date_precision", lambda e: e.date_precision),
        ("kind", lambda e: e.kind),
        ("summary", lambda e: e.summary),
        ("actor_ids", lambda e: joined([a.id for a in e.actors])),
        ("actor_names", lambda e: joined([a.name for a in e.actors])),
        ("article_ids", lambda e: joined([s.article_id for s in e.sources])),
        ("quotes", lambda e: joined([s.quote for s in e.sources], " | ")),
    )
)


def timeline_event(entry: TimelineEntryRead) -> CalendarEvent:
    """A timeline entry as a calendar event."""
    details = [f"Kind: {entry.kind.value.replace('_', ' ')}"]
    if entry.actors:
        details.append("Actors: " + joined([actor.name for actor in entry.actors]))
    return CalendarEvent(
        uid=f"timeline-{entry.id}",
        date=entry.date,
        precision=entry.date_precision,
        summary=entry.summary,
        details=details,
        sources=entry.sources,
    )
