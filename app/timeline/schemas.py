from datetime import date

from pydantic import BaseModel, ConfigDict

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
