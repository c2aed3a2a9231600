"""meeting sides named only by office, and what each article reported of a meeting's status and date

meeting_unnamed_participant holds "the Prime Minister" of the United Kingdom beside the named people.
Its identity (meeting, role, organization, country) is a unique index over coalesce(..., ''): a plain
unique constraint would let two rows with a NULL organization repeat.

meeting_report keeps each article's status, date and summary of a meeting, so that the meeting can be
settled again from the reports that remain when an article is removed. Existing meetings get one report
per supporting article, with the meeting's current values: the best the database knows.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meeting_unnamed_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("organization", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("country", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_meeting_unnamed_participant_meeting_id", "meeting_unnamed_participant", ["meeting_id"], unique=False
    )
    op.create_index(
        "uq_meeting_unnamed_participant",
        "meeting_unnamed_participant",
        ["meeting_id", "role", sa.text("coalesce(organization, '')"), sa.text("coalesce(country, '')")],
        unique=True,
    )

    op.create_table(
        "meeting_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "held", "planned", name="ck_meetingstatus", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "date_precision",
            sa.Enum(
                "day", "month", "year", name="ck_dateprecision", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meeting_report_article_id", "meeting_report", ["article_id"], unique=False)
    op.create_index("ix_meeting_report_meeting_id", "meeting_report", ["meeting_id"], unique=False)
    op.execute(
        "INSERT INTO meeting_report (meeting_id, article_id, status, date, date_precision, summary) "
        "SELECT meeting.id, sources.article_id, meeting.status, meeting.date, meeting.date_precision, meeting.summary "
        "FROM meeting JOIN (SELECT DISTINCT meeting_id, article_id FROM evidence WHERE meeting_id IS NOT NULL) AS sources "
        "ON sources.meeting_id = meeting.id ORDER BY meeting.id, sources.article_id"
    )


def downgrade() -> None:
    op.drop_index("ix_meeting_report_meeting_id", table_name="meeting_report")
    op.drop_index("ix_meeting_report_article_id", table_name="meeting_report")
    op.drop_table("meeting_report")
    op.drop_index("uq_meeting_unnamed_participant", table_name="meeting_unnamed_participant")
    op.drop_index("ix_meeting_unnamed_participant_meeting_id", table_name="meeting_unnamed_participant")
    op.drop_table("meeting_unnamed_participant")
