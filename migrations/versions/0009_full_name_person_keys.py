"""person.match_key by full name: folded surname and first given name ("kalas|kaia"), not first initial

The old key ("kalas|k") made Kaja Kallas and Kristina Kallas one person. Every stored key is recomputed
from person.name. The key function is copied here, frozen, so this migration means the same thing
after app/extraction/names.py changes.

People the old key had already merged stay merged (the database no longer knows which mentions were
whose); two stored people who now share a key stay two rows, and a lookup takes the first by id.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of app/extraction/names.py as of this migration.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
_PARTICLES = frozenset(
    {"da", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "bin", "al"}
)
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^[A-Z]\.(?:-?[A-Z]\.)+$")


def _fold(word: str) -> str:
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    letters = re.sub(r"[^a-z ]", "", ascii_word).replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", letters).strip()


def _name_parts(name: str) -> tuple[list[str], list[str]]:
    words = [w.strip(",") for w in name.split() if w.strip(",")]
    while len(words) > 2 and words[-1].lower().rstrip(".") in _SUFFIXES:
        words = words[:-1]
    if len(words) <= 1 or (len(words) == 2 and words[-1].lower().rstrip(".") in _SUFFIXES):
        return [], words
    surname_start = len(words) - 1
    while surname_start > 1 and words[surname_start - 1].lower() in _PARTICLES:
        surname_start -= 1
    given = [w for w in words[:surname_start] if not _INITIAL.match(w)] or words[:1]
    return given, words[surname_start:]


def full_name_key(name: str) -> str:
    given, surname = _name_parts(name)
    return f"{_fold(' '.join(surname))}|{_fold(given[0]) if given else ''}"


def initial_key(name: str) -> str:
    """The key before this migration: folded last word and the first letter of the folded first word."""
    words = name.split()
    return f"{_fold(words[-1])}|{_fold(words[0])[:1]}"


def _rekey(key_of) -> None:
    person = sa.table(
        "person", sa.column("id", sa.String), sa.column("name", sa.String), sa.column("match_key", sa.String)
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(person.c.id, person.c.name, person.c.match_key)).all()
    changed = [{"person_id": r.id, "key": key_of(r.name)[:120]} for r in rows]
    changed = [c for c, r in zip(changed, rows, strict=True) if c["key"] != r.match_key]
    if changed:  # one executemany, not a round trip per person
        connection.execute(
            person.update().where(person.c.id == sa.bindparam("person_id")).values(match_key=sa.bindparam("key")),
            changed,
        )


def upgrade() -> None:
    _rekey(full_name_key)


def downgrade() -> None:
    _rekey(initial_key)
