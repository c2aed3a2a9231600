from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from app.models.enums import TextPart, enum_column_type

if TYPE_CHECKING:
    from app.models.article import Article
    from app.models.meeting import Meeting
    from app.models.timeline import TimelineEntry

_ONE_SUBJECT = " + ".join(
    f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
    for column in ("person_id", "role_id", "meeting_id", "timeline_entry_id")
)


class Evidence(SQLModel, table=True):
    """The sentence of an article that supports one extracted fact, with its offsets in the body (or title)."""

    __tablename__ = "evidence"
    __table_args__ = (sa.CheckConstraint(f"{_ONE_SUBJECT} = 1", name="ck_evidence_one_subject"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(foreign_key="article.id", ondelete="CASCADE", max_length=32, index=True)
    person_id: str | None = Field(default=None, foreign_key="person.id", ondelete="CASCADE", max_length=120, index=True)
    role_id: int | None = Field(default=None, foreign_key="person_role.id", ondelete="CASCADE", index=True)
    meeting_id: str | None = Field(
        default=None, foreign_key="meeting.id", ondelete="CASCADE", max_length=32, index=True
    )
    timeline_entry_id: str | None = Field(
        default=None, foreign_key="timeline_entry.id", ondelete="CASCADE", max_length=32, index=True
    )
    quote: str = Field(sa_type=sa.Text)
    # A headline is quoted from the title (migration 0013); the offsets index the text named here.
    part: TextPart = Field(
        default=TextPart.body, sa_type=enum_column_type(TextPart), sa_column_kwargs={"server_default": "body"}
    )
    start_offset: int
    end_offset: int
    extractor_version: str = Field(max_length=40)

    article: "Article" = Relationship(back_populates="evidence")
    meeting: "Meeting" = Relationship(back_populates="evidence")
    timeline_entry: "TimelineEntry" = Relationship(back_populates="evidence")
