from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from app.models.enums import DatePrecision, MeetingStatus, enum_column_type

if TYPE_CHECKING:
    from app.models.evidence import Evidence
    from app.models.person import Person


class Meeting(SQLModel, table=True):
    """One encounter between named people, held or planned."""

    __tablename__ = "meeting"
    __table_args__ = (sa.Index("ix_meeting_date_id", "date", "id"),)

    id: str = Field(primary_key=True, max_length=32)
    date: date
    date_precision: DatePrecision = Field(sa_type=enum_column_type(DatePrecision))
    status: MeetingStatus = Field(sa_type=enum_column_type(MeetingStatus), index=True)
    location_name: str | None = Field(default=None, max_length=200)
    location_city: str | None = Field(default=None, max_length=100)
    location_country: str | None = Field(default=None, max_length=100)
    summary: str = Field(sa_type=sa.Text)

    participants: list["MeetingParticipant"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MeetingParticipant.position"},
    )
    participant_groups: list["MeetingParticipantGroup"] = Relationship(
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MeetingParticipantGroup.id"}
    )
    unnamed_participants: list["MeetingUnnamedParticipant"] = Relationship(
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MeetingUnnamedParticipant.position"}
    )
    topics: list["MeetingTopic"] = Relationship(
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MeetingTopic.id"}
    )
    reports: list["MeetingReport"] = Relationship(
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "MeetingReport.id"}
    )
    evidence: list["Evidence"] = Relationship(
        back_populates="meeting",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Evidence.id"},
    )


class MeetingParticipant(SQLModel, table=True):
    """A person at a meeting, with the role they held at the time."""

    __tablename__ = "meeting_participant"

    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True, max_length=120, index=True)
    role: str | None = Field(default=None, max_length=300)
    position: int = 0

    meeting: Meeting = Relationship(back_populates="participants")
    person: "Person" = Relationship(back_populates="participations")


class MeetingParticipantGroup(SQLModel, table=True):
    """An unnamed group at a meeting ("officers", "heads of delegations")."""

    __tablename__ = "meeting_participant_group"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "name", name="uq_meeting_participant_group"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", max_length=32, index=True)
    name: str = Field(max_length=200)


class MeetingTopic(SQLModel, table=True):
    """A short normalised phrase for what a meeting was about ("air defense")."""

    __tablename__ = "meeting_topic"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "topic", name="uq_meeting_topic"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", max_length=32, index=True)
    topic: str = Field(max_length=200, index=True)


class MeetingUnnamedParticipant(SQLModel, table=True):
    """A side of a meeting an article names only by office: "the Prime Minister" of the United Kingdom.

    One row per office and place: migration 0008 adds a unique index on (meeting_id, role,
    coalesce(organization, ''), coalesce(country, '')), since a plain unique constraint lets NULLs repeat.
    """

    __tablename__ = "meeting_unnamed_participant"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", max_length=32, index=True)
    role: str = Field(max_length=200)
    organization: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, max_length=100)
    position: int = 0


class MeetingReport(SQLModel, table=True):
    """What one article said of a meeting: the meeting's own status, date, place and sides are settled from these.

    Kept so that removing an article can settle the meeting again from the reports that remain
    (a plan stays a plan when the only article saying it was held is deleted; a topic only it named goes).
    """

    __tablename__ = "meeting_report"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: str = Field(foreign_key="meeting.id", ondelete="CASCADE", max_length=32, index=True)
    article_id: str = Field(foreign_key="article.id", ondelete="CASCADE", max_length=32, index=True)
    status: MeetingStatus = Field(sa_type=enum_column_type(MeetingStatus))
    date: date
    date_precision: DatePrecision = Field(sa_type=enum_column_type(DatePrecision))
    summary: str = Field(sa_type=sa.Text)
    # The rest of what the article said (migration 0012): {"participants": [[person_id, role], ...],
    # "location": [name, city, country], "topics": [...], "groups": [...], "unnamed": [[role, org, country]]}.
    # None for reports stored before it: a meeting with such a report keeps its attributes on removals.
    details: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
