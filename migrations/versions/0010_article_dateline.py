"""article.dateline: the place the page says the story was filed or the release issued

A nullable column: articles stored before it keep NULL (their place was never read, and the raw text
is not parsed again here); articles ingested from now on get the place their dateline gives, or NULL
when the page gives none. Plain ADD/DROP COLUMN on both databases (SQLite 3.35+ drops a column itself),
so the article table's full-text triggers and indexes are left as they are.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("article", sa.Column("dateline", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))


def downgrade() -> None:
    op.drop_column("article", "dateline")
