from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

if TYPE_CHECKING:
    from app.models.meeting import MeetingParticipant


class Person(SQLModel, table=True):
    """A named person; the id is a stable slug of the canonical name."""

    __tablename__ = "person"

    id: str = Field(primary_key=True, max_length=120)
    name: str = Field(max_length=200, index=True)
    # Spelling-folded surname and first initial ("kovalski|a"): how later mentions find this person.
    match_key: str = Field(max_length=120, index=True)

    aliases: list["PersonAlias"] = Relationship(
        back_populates="person", sa_relationship_kwargs={"cascade": "all, delete-orphan"}
    )
    roles: list["PersonRole"] = Relationship(
        back_populates="person",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "PersonRole.id"},
    )
    participations: list["MeetingParticipant"] = Relationship(back_populates="person")


class PersonAlias(SQLModel, table=True):
    """Another form of a person's name as articles use it ("Kowalsky" for "Kowalski", a surname alone)."""

    __tablename__ = "person_alias"
    __table_args__ = (sa.UniqueConstraint("person_id", "alias", name="uq_person_alias"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(foreign_key="person.id", ondelete="CASCADE", max_length=120, index=True)
    alias: str = Field(max_length=200, index=True)

    person: Person = Relationship(back_populates="aliases")


class PersonRole(SQLModel, table=True):
    """An office a person held, with the period the articles support."""

    __tablename__ = "person_role"

    id: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(foreign_key="person.id", ondelete="CASCADE", max_length=120, index=True)
    title: str = Field(max_length=200)
    organization: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, max_length=100)
    valid_from: date | None = None
    valid_to: date | None = None

    person: Person = Relationship(back_populates="roles")
