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
    """A dated step on Ukraine's path to NATO membership."""

    __tablename__ = "timeline_entry"
    __table_args__ = (sa.Index("ix_timeline_entry_date_id", "date", "id"),)

    id: str = Field(primary_key=True, max_length=32)
    date: date
    date_precision: DatePrecision = Field(sa_type=enum_column_type(DatePrecision))
    kind: TimelineKind = Field(sa_type=enum_column_type(TimelineKind), index=True)
    summary: str = Field(sa_type=sa.Text)

    actors: list["Person"] = Relationship(
        link_model=TimelineActor, sa_relationship_kwargs={"order_by": "TimelineActor.position"}
    )
    evidence: list["Evidence"] = Relationship(
        back_populates="timeline_entry",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Evidence.id"},
    )
