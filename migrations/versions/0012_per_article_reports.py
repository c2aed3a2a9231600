"""what each article said of a person, a meeting and a timeline entry, so removals keep the data exact

meeting_report.details holds the rest of an article's report of a meeting (its participants' order and
roles, place, topics, groups and sides named by office); person_report and timeline_report are new. When
an article is removed, every fact it supported is rebuilt from the reports of the articles that remain,
as ingesting those articles alone would have built it.

Nothing is filled in for rows stored before this migration: a report's details are NULL and people and
entries have no reports, and a fact with such a source keeps its attributes when another source is
removed (as before). `reextract --force` writes the reports of every article.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("meeting_report", sa.Column("details", sa.JSON(), nullable=True))
    op.create_table(
        "person_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("full_name_known", sa.Boolean(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_person_report_article_id", "person_report", ["article_id"], unique=False)
    op.create_index("ix_person_report_person_id", "person_report", ["person_id"], unique=False)
    op.create_table(
        "timeline_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("country", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column(
            "date_precision",
            sa.Enum(
                "day", "month", "year", name="ck_dateprecision", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["timeline_entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_timeline_report_article_id", "timeline_report", ["article_id"], unique=False)
    op.create_index("ix_timeline_report_entry_id", "timeline_report", ["entry_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_timeline_report_entry_id", table_name="timeline_report")
    op.drop_index("ix_timeline_report_article_id", table_name="timeline_report")
    op.drop_table("timeline_report")
    op.drop_index("ix_person_report_person_id", table_name="person_report")
    op.drop_index("ix_person_report_article_id", table_name="person_report")
    op.drop_table("person_report")
    op.drop_column("meeting_report", "details")
