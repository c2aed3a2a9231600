"""which text of its article a quote indexes: the body, or (new) the title

Headlines are read for the timeline now; a quote from one keeps its offsets in the title. Every row
stored before is a body quote, which the column's default says.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import warnings
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PART = sa.Enum("body", "title", name="ck_textpart", native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    # In a batch, so that SQLite (which cannot add a CHECK to a table) copies the table with it. Copying
    # reflects the tables evidence refers to, whose lower(...) indexes SQLAlchemy cannot reflect and says so.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        with op.batch_alter_table("evidence", recreate="always" if sqlite else "auto") as batch_op:
            batch_op.add_column(sa.Column("part", _PART, nullable=False, server_default="body"))


def downgrade() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        with op.batch_alter_table("evidence") as batch_op:
            batch_op.drop_constraint("ck_textpart", type_="check")
            batch_op.drop_column("part")
