from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from app.models.enums import DatePrecision, TimelineKind, enum_column_type

if TYPE_CHECKING:
    from app.models.evidence import Evidence
    from app.models.person import Person


class TimelineActor(SQLModel, table=True):
    """A person acting in a timeline entry."""

    __tablename__ = "timeline_actor"

    entry_id: str = Field(foreign_key="timeline_entry.id", ondelete="CASCADE", primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True, max_length=120, index=True)
    position: int = 0


class TimelineEntry(SQLModel, table=True):
    """A dated step on a country's path to NATO membership."""

    __tablename__ = "timeline_entry"
    __table_args__ = (
        sa.Index("ix_timeline_entry_date_id", "date", "id"),
        # The country filter in list order: equality on country, then the keyset (date, id) (migration 0010).
        sa.Index("ix_timeline_entry_country_date_id", "country", "date", "id"),
    )

    id: str = Field(primary_key=True, max_length=32)
    date: date
    date_precision: DatePrecision = Field(sa_type=enum_column_type(DatePrecision))
    kind: TimelineKind = Field(sa_type=enum_column_type(TimelineKind), index=True)
    summary: str = Field(sa_type=sa.Text)
    # Whose path into NATO: the canonical English short name ("Sweden"), "NATO" for alliance-wide
    # decisions, None when the source does not say (and for entries stored before migration 0010).
    country: str | None = Field(default=None, max_length=100)

    actors: list["Person"] = Relationship(
        link_model=TimelineActor, sa_relationship_kwargs={"order_by": "TimelineActor.position"}
    )
    evidence: list["Evidence"] = Relationship(
        back_populates="timeline_entry",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Evidence.id"},
    )


class TimelineReport(SQLModel, table=True):
    """What one article said of a timeline entry (migration 0012): the entry is settled again from these.

    The kind, date and set of actors are the entry's identity; the country (when Ukraine or unknown), the
    date's precision, the summary and the actors' order may differ between reports.
    """

    __tablename__ = "timeline_report"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: str = Field(foreign_key="timeline_entry.id", ondelete="CASCADE", max_length=32, index=True)
    article_id: str = Field(foreign_key="article.id", ondelete="CASCADE", max_length=32, index=True)
    country: str | None = Field(default=None, max_length=100)
    date_precision: DatePrecision = Field(sa_type=enum_column_type(DatePrecision))
    summary: str = Field(sa_type=sa.Text)
    actors: list[str] = Field(default_factory=list, sa_type=sa.JSON)
