from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from sqlalchemy import exists
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from app.countries import canonical_country
from app.errors import NotFoundError
from app.models import TimelineActor, TimelineEntry, TimelineKind
from app.pagination import Keyset, paginate
from app.people import service as people_service

Order = Literal["asc", "desc"]


@dataclass(frozen=True)
class TimelineFilters:
    date_from: date | None = None
    date_to: date | None = None
    kind: TimelineKind | None = None
    actor: str | None = None
    country: str | None = None  # as the client wrote it: a name or ISO code, any case, or "NATO"


_KEYSETS = {
    order: Keyset(
        scope=f"timeline:{order}",
        columns=(TimelineEntry.date, TimelineEntry.id),
        key=lambda entry: (entry.date, entry.id),
        descending=order == "desc",
    )
    for order in ("asc", "desc")
}


def _with_details():
    return select(TimelineEntry).options(selectinload(TimelineEntry.actors), selectinload(TimelineEntry.evidence))


def _country(text: str) -> str:
    # A name no gazetteer knows is compared as written: it matches no entry, as a source matching nothing does.
    return canonical_country(text) or text.strip()


def list_entries(
    *, db_session: Session, filters: TimelineFilters, order: Order, limit: int, cursor: str | None
) -> tuple[list[TimelineEntry], str | None]:
    """List timeline entries in date order, by date range, kind, actor and country."""
    statement = _with_details()
    keyset = _KEYSETS[order]
    if filters.country:
        country = _country(filters.country)
        # Stored names are canonical (app/ingest/facts.py), so equality serves "SE" and "sweden" alike
        # from ix_timeline_entry_country_date_id. A cursor names its country, so one from another
        # country's list (or the whole list) is refused rather than silently continued.
        statement = statement.where(TimelineEntry.country == country)
        keyset = replace(keyset, scope=f"{keyset.scope}:country={country}")
    if filters.date_from:
        statement = statement.where(TimelineEntry.date >= filters.date_from)
    if filters.date_to:
        statement = statement.where(TimelineEntry.date <= filters.date_to)
    if filters.kind:
        statement = statement.where(TimelineEntry.kind == filters.kind)
    if filters.actor:
        statement = statement.where(
            exists().where(
                TimelineActor.entry_id == TimelineEntry.id,
                TimelineActor.person_id.in_(people_service.ids_matching(filters.actor)),
            )
        )
    rows, next_cursor = paginate(db_session=db_session, statement=statement, keyset=keyset, limit=limit, cursor=cursor)
    return list(rows), next_cursor


def get(*, db_session: Session, entry_id: str) -> TimelineEntry:
    """Return one timeline entry with its actors and sources, or raise NotFoundError."""
    entry = db_session.exec(_with_details().where(TimelineEntry.id == entry_id)).first()
    if entry is None:
        raise NotFoundError(f"no timeline entry with id {entry_id!r}")
    return entry
