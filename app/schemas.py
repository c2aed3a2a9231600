"""Read schemas and the path and query parameter types shared by several domains."""

import re
from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query
from pydantic import BaseModel, BeforeValidator

from app.errors import NotFoundError
from app.limits import EARLIEST_DATE, LATEST_DATE, storable
from app.models import Article, Evidence, Meeting, Person, TextPart, TimelineEntry


class SourceRead(BaseModel):
    """Where a fact comes from: the quoted sentence and its character offsets in the article's body, or in
    its title where `part` is "title" (a headline)."""

    article_id: str
    quote: str
    part: TextPart = TextPart.body
    start: int
    end: int

    @classmethod
    def of(cls, evidence: Evidence) -> "SourceRead":
        return cls(
            article_id=evidence.article_id,
            quote=evidence.quote,
            part=evidence.part,
            start=evidence.start_offset,
            end=evidence.end_offset,
        )


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_only(value: object) -> object:
    # Pydantic would also take a Unix time ("86400") or a datetime; a date filter is a calendar day.
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected an ISO date, YYYY-MM-DD")
    return value


# A date filter: an ISO date within the dates the service keeps; anything else is a 422 naming the parameter.
DateQuery = Annotated[
    date | None,
    BeforeValidator(_iso_date_only),
    Query(
        ge=EARLIEST_DATE,
        le=LATEST_DATE,
        description=f"ISO date (YYYY-MM-DD), {EARLIEST_DATE} to {LATEST_DATE}.",
        # JSON Schema has no bounds for a date string: the years are spelled out so clients see them.
        json_schema_extra={
            "pattern": r"^(?:19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-[0-9]{2}-[0-9]{2}$"
        },
    ),
]


def text_query(description: str) -> object:
    """A text filter: at most 200 characters and no control characters (422 otherwise)."""
    return Query(max_length=200, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$", description=description)


def _possible_id(value: str, *, column_length: int, kind: str) -> str:
    # An id no row can have (too long for the column, or text no database stores) is not found, and never
    # reaches a query: PostgreSQL would fail on a NUL rather than find nothing.
    if not storable(value, max_length=column_length):
        raise NotFoundError(f"no {kind} with id {value[:40]!r}")
    return value


def _article_id(article_id: Annotated[str, Path(description="The article's id.")]) -> str:
    return _possible_id(article_id, column_length=Article.__table__.c.id.type.length, kind="article")


def _person_id(person_id: Annotated[str, Path(description="The person's id.")]) -> str:
    return _possible_id(person_id, column_length=Person.__table__.c.id.type.length, kind="person")


def _meeting_id(meeting_id: Annotated[str, Path(description="The meeting's id.")]) -> str:
    return _possible_id(meeting_id, column_length=Meeting.__table__.c.id.type.length, kind="meeting")


def _entry_id(entry_id: Annotated[str, Path(description="The timeline entry's id.")]) -> str:
    return _possible_id(entry_id, column_length=TimelineEntry.__table__.c.id.type.length, kind="timeline entry")


ArticleId = Annotated[str, Depends(_article_id)]
PersonId = Annotated[str, Depends(_person_id)]
MeetingId = Annotated[str, Depends(_meeting_id)]
TimelineEntryId = Annotated[str, Depends(_entry_id)]
