"""index articles on (lower(source), published_at, id), so a source filter reads its page off the index

The source filter ignores case (`lower(source) = lower(:source)`), which the plain index on source
cannot serve: without this index a source filter scanned every article. With published_at and id after
it, the index hands out one source's articles in list order, so a page deep in the list costs what the
first page costs.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_article_source_lower", "article", [sa.text("lower(source)"), "published_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_article_source_lower", table_name="article")
