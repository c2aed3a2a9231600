from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import CompoundSelect, Select, exists, func, or_, union
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from app.errors import NotFoundError
from app.models import Evidence, MeetingParticipant, Person, PersonAlias, PersonRole
from app.pagination import Keyset, paginate
from app.text_filters import contains_ci, equals_ci


@dataclass(frozen=True)
class PersonFilters:
    q: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class PersonWithCounts:
    person: Person
    article_count: int
    meeting_count: int


def ids_matching(reference: str) -> CompoundSelect:
    """Select the ids of people a reference names: their id, full name or an alias, any case."""
    # A union of three index lookups (lower() has an index of its own): one OR across tables scans people.
    return union(
        select(Person.id).where(Person.id == reference),
        select(Person.id).where(equals_ci(Person.name, reference)),
        select(PersonAlias.person_id).where(equals_ci(PersonAlias.alias, reference)),
    )


def _with_counts() -> Select:
    article_count = (
        select(func.count(func.distinct(Evidence.article_id))).where(Evidence.person_id == Person.id).scalar_subquery()
    )
    meeting_count = select(func.count()).where(MeetingParticipant.person_id == Person.id).scalar_subquery()
    return select(Person, article_count, meeting_count).options(
        selectinload(Person.aliases), selectinload(Person.roles)
    )


_KEYSET = Keyset(scope="people", columns=(Person.name, Person.id), key=lambda row: (row[0].name, row[0].id))


def list_people(
    *, db_session: Session, filters: PersonFilters, limit: int, cursor: str | None
) -> tuple[list[PersonWithCounts], str | None]:
    """List people by name, filtered by name or alias and by role title."""
    statement = _with_counts()
    if filters.q:
        alias_match = exists().where(PersonAlias.person_id == Person.id, contains_ci(PersonAlias.alias, filters.q))
        statement = statement.where(or_(contains_ci(Person.name, filters.q), alias_match))
    if filters.role:
        statement = statement.where(
            exists().where(PersonRole.person_id == Person.id, contains_ci(PersonRole.title, filters.role))
        )
    rows, next_cursor = paginate(db_session=db_session, statement=statement, keyset=_KEYSET, limit=limit, cursor=cursor)
    return _counted(rows), next_cursor


def get(*, db_session: Session, person_id: str) -> PersonWithCounts:
    """Return one person with their counts, or raise NotFoundError."""
    row = db_session.exec(_with_counts().where(Person.id == person_id)).first()
    if row is None:
        raise NotFoundError(f"no person with id {person_id!r}")
    return _counted([row])[0]


def require(*, db_session: Session, person_id: str) -> Person:
    """Return the person with this id, or raise NotFoundError."""
    person = db_session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"no person with id {person_id!r}")
    return person


def _counted(rows: Sequence) -> list[PersonWithCounts]:
    return [PersonWithCounts(person, article_count, meeting_count) for person, article_count, meeting_count in rows]
