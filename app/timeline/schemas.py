from datetime import date

from pydantic import BaseModel, ConfigDict, Field

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
                    "date": "2024-02-26",
                    "date_precision": "day",
                    "kind": "ratification",
                    "country": "Sweden",
                    "summary": "Lawmakers in Hungary gave their approval Monday to Sweden's bid to join NATO.",
                    "actors": [],
                    "sources": [
                        {
                            "article_id": "9420a19a4904a723",
                            "quote": "Lawmakers in Hungary gave their approval Monday to Sweden's bid to join NATO.",
                            "start": 0,
                            "end": 77,
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
    country: str | None = Field(
        description='Whose path into NATO the entry is about: an English short name ("Sweden"), "NATO" for '
        "alliance-wide decisions, or null when the sources do not say."
    )
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
            country=entry.country,
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
        ("country", lambda e: e.country),
        ("summary", lambda e: e.summary),
        ("actor_ids", lambda e: joined([a.id for a in e.actors])),
        ("actor_names", lambda e: joined([a.name for a in e.actors])),
        ("article_ids", lambda e: joined([s.article_id for s in e.sources])),
        ("quotes", lambda e: joined([s.quote for s in e.sources], " | ")),
    )
)


def timeline_event(entry: TimelineEntryRead) -> CalendarEvent:
    """A timeline entry as a calendar event, titled "[Sweden] accession: ..." so a calendar shows whose step it is."""
    kind = entry.kind.value.replace("_", " ")
    details = [f"Kind: {kind}"]
    if entry.actors:
        details.append("Actors: " + joined([actor.name for actor in entry.actors]))
    return CalendarEvent(
        uid=f"timeline-{entry.id}",
        date=entry.date,
        precision=entry.date_precision,
        summary=f"[{entry.country}] {kind}: {entry.summary}" if entry.country else f"{kind}: {entry.summary}",
        details=details,
        sources=entry.sources,
    )
