from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

if TYPE_CHECKING:
    from app.models.evidence import Evidence


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored timestamp as an aware UTC datetime, converted, never relabelled.

    SQLite gives it back naive, as written (UTC); PostgreSQL gives it in the session's time zone.
    """
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Article(SQLModel, table=True):
    """One ingested article: its metadata, its clean body and the raw text it came from."""

    __tablename__ = "article"
    __table_args__ = (sa.Index("ix_article_published_at_id", "published_at", "id"),)

    id: str = Field(primary_key=True, max_length=32)
    title: str | None = Field(default=None, sa_type=sa.Text)
    source: str | None = Field(default=None, max_length=200, index=True)
    author: str | None = Field(default=None, max_length=300)
    # Where the page says the story was filed or the release issued ("Stockholm, Sweden"), if it says.
    dateline: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, sa_type=sa.Text)
    published_at: date
    body: str = Field(sa_type=sa.Text)
    # Paragraph spans of the body: [{"kind": "text"|"caption", "start": int, "end": int}]
    paragraphs: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    raw_text: str = Field(sa_type=sa.Text)
    word_count: int
    content_sha256: str = Field(max_length=64, unique=True)
    origin: str | None = Field(default=None, max_length=500)
    extractor_version: str | None = Field(default=None, max_length=40)
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))

    evidence: list["Evidence"] = Relationship(
        back_populates="article", sa_relationship_kwargs={"cascade": "all, delete-orphan"}
    )
