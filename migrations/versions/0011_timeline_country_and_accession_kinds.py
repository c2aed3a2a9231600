"""timeline_entry.country with an index for the country-filtered timeline, and the kinds ratification and accession

country names whose NATO path an entry is about ("Sweden"; "NATO" for alliance-wide decisions).
Entries stored before this migration keep NULL until their articles are extracted again (`reextract`).
The index (country, date, id) serves `GET /v1/timeline?country=...`: equality on country, then the
keyset order of the list.

The kind column is VARCHAR with a CHECK constraint (app/models/enums.py: enum_column_type), so a new
kind means a new constraint. PostgreSQL swaps it in place. SQLite cannot alter a constraint: the table
is rebuilt (Alembic's batch mode). With foreign keys on, as every connection here has them, dropping
the old table deletes its rows first and the ON DELETE CASCADE of timeline_actor and evidence would
take every actor and source of the timeline with it; the PRAGMA that turns foreign keys off does nothing
inside a transaction. So the dependent rows are kept aside in temporary tables and put back.

Downgrade deletes the entries of the two new kinds (and their actors and sources): the narrower
constraint cannot hold them. `reextract` after upgrading again brings them back.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_KINDS = ("application", "summit", "council", "invitation", "statement", "leadership_change", "plan")
_WIDE_KINDS = (*_OLD_KINDS, "ratification", "accession")
_INDEX = "ix_timeline_entry_country_date_id"
# The rows that point at timeline_entry, by table.
_DEPENDENTS = {"timeline_actor": "entry_id", "evidence": "timeline_entry_id"}


def _kind_type(kinds: Sequence[str]) -> sa.Enum:
    return sa.Enum(*kinds, name="ck_timelinekind", native_enum=False, create_constraint=True, length=32)


def _country_column() -> sa.Column:
    return sa.Column("country", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)


def _rebuild_on_sqlite(old: Sequence[str], new: Sequence[str], *, add_country: bool) -> None:
    for table, column in _DEPENDENTS.items():
        op.execute(f"CREATE TEMPORARY TABLE saved_{table} AS SELECT * FROM {table} WHERE {column} IS NOT NULL")
    with op.batch_alter_table("timeline_entry", recreate="always") as batch_op:
        if add_country:
            batch_op.add_column(_country_column())
        else:
            batch_op.drop_column("country")
        batch_op.alter_column("kind", type_=_kind_type(new), existing_type=_kind_type(old), existing_nullable=False)
    # Whatever the cascade did (nothing, were foreign keys off), the saved rows are the ones to have.
    for table, column in _DEPENDENTS.items():
        op.execute(f"DELETE FROM {table} WHERE {column} IS NOT NULL")
        op.execute(f"INSERT INTO {table} SELECT * FROM saved_{table}")
        op.execute(f"DROP TABLE saved_{table}")


def _replace_kind_constraint(kinds: Sequence[str]) -> None:
    op.drop_constraint("ck_timelinekind", "timeline_entry", type_="check")
    op.create_check_constraint("ck_timelinekind", "timeline_entry", sa.column("kind").in_(kinds))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_on_sqlite(_OLD_KINDS, _WIDE_KINDS, add_country=True)
    else:
        op.add_column("timeline_entry", _country_column())
        _replace_kind_constraint(_WIDE_KINDS)
    op.create_index(_INDEX, "timeline_entry", ["country", "date", "id"])


def downgrade() -> None:
    new_kinds = ", ".join(f"'{kind}'" for kind in _WIDE_KINDS if kind not in _OLD_KINDS)
    gone = f"SELECT id FROM timeline_entry WHERE kind IN ({new_kinds})"
    for table, column in _DEPENDENTS.items():
        op.execute(f"DELETE FROM {table} WHERE {column} IN ({gone})")
    op.execute(f"DELETE FROM timeline_entry WHERE kind IN ({new_kinds})")
    op.drop_index(_INDEX, table_name="timeline_entry")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_on_sqlite(_WIDE_KINDS, _OLD_KINDS, add_country=False)
    else:
        _replace_kind_constraint(_OLD_KINDS)
        op.drop_column("timeline_entry", "country")
