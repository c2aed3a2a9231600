"""PostgreSQL full-text search on articles

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite has its FTS5 table since 0001; PostgreSQL gets a generated tsvector with a GIN index.
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED"
    )
    op.execute("CREATE INDEX ix_article_search_vector ON article USING GIN (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_article_search_vector")
    op.execute("ALTER TABLE article DROP COLUMN IF EXISTS search_vector")
