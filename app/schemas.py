"""Read schemas and query types shared by several domains."""

from datetime import date
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel

from app.models import Evidence


class SourceRead(BaseModel):
    """Where a fact comes from: the quoted sentence and its character offsets in the article body."""

    article_id: str
    quote: str
    start: int
    end: int

    @classmethod
    def of(cls, evidence: Evidence) -> "SourceRead":
        return cls(
            article_id=evidence.article_id,
            quote=evidence.quote,
            start=evidence.start_offset,
            end=evidence.end_offset,
        )


EARLIEST_DATE = date(1900, 1, 1)
# A date filter: ISO format, from 1900 on; anything else is a 422 naming the parameter.
DateQuery = Annotated[date | None, Query(ge=EARLIEST_DATE, description="ISO date, 1900-01-01 or later.")]


def text_query(description: str) -> object:
    """A text filter: at most 200 characters and no control characters (422 otherwise)."""
    return Query(max_length=200, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$", description=description)
