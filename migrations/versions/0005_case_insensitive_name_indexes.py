"""indexes on lower(name) and lower(alias), so that a person named in a filter is found without a scan

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_person_name_lower", "person", [sa.text("lower(name)")])
    op.create_index("ix_person_alias_alias_lower", "person_alias", [sa.text("lower(alias)")])


def downgrade() -> None:
    op.drop_index("ix_person_alias_alias_lower", table_name="person_alias")
    op.drop_index("ix_person_name_lower", table_name="person")
