"""Read schemas shared by several domains."""

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
