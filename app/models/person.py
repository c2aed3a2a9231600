from datetime import date
from typing import TYPE_CHECKING, Any

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


class PersonReport(SQLModel, table=True):
    """What one article said of a person: the name it used, its aliases and roles (migration 0012).

    A person's name, aliases and roles are rebuilt from the reports that remain when an article is removed.
    `roles` is [{"title", "organization", "country", "valid_from", "valid_to", "quote", "start", "end"}],
    dates as ISO strings, in the article's order.
    """

    __tablename__ = "person_report"

    id: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(foreign_key="person.id", ondelete="CASCADE", max_length=120, index=True)
    article_id: str = Field(foreign_key="article.id", ondelete="CASCADE", max_length=32, index=True)
    name: str = Field(max_length=200)
    full_name_known: bool
    aliases: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    roles: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
