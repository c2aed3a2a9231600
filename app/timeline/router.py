from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from sqlmodel import Session

from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES
from app.exports import (
    CALENDAR_RESPONSES,
    LIST_RESPONSES,
    FormatQuery,
    PageFetch,
    calendar_response,
    list_response,
)
from app.models import TimelineKind
from app.pagination import CursorQuery, OptionalLimitQuery, Page
from app.schemas import DateQuery, TimelineEntryId, text_query
from app.timeline import service
from app.timeline.schemas import TIMELINE_CSV, TimelineEntryRead, timeline_event

router = APIRouter(prefix="/v1/timeline", tags=["timeline"], responses=PROBLEM_RESPONSES)


def _filters(
    date_from: DateQuery = None,
    date_to: DateQuery = None,
    kind: TimelineKind | None = None,
    actor: Annotated[str | None, text_query("Person id, full name or alias (any case).")] = None,
    country: Annotated[
        str | None,
        text_query(
            "Whose path into NATO: an English country name or ISO 3166 alpha-2/alpha-3 code, any case "
            "(Sweden, SE, swe), or NATO for alliance-wide decisions. A country with no entries gives an empty list."
        ),
    ] = None,
) -> service.TimelineFilters:
    return service.TimelineFilters(date_from=date_from, date_to=date_to, kind=kind, actor=actor, country=country)


FiltersDep = Annotated[service.TimelineFilters, Depends(_filters)]


def _fetcher(filters: service.TimelineFilters, order: service.Order) -> PageFetch[TimelineEntryRead]:
    def fetch(db_session: Session, limit: int, cursor: str | None) -> tuple[list[TimelineEntryRead], str | None]:
        entries, next_cursor = service.list_entries(
            db_session=db_session, filters=filters, order=order, limit=limit, cursor=cursor
        )
        return [TimelineEntryRead.of(e) for e in entries], next_cursor

    return fetch


@router.get("", response_model=Page[TimelineEntryRead], summary="The NATO-accession timeline", responses=LIST_RESPONSES)
def list_timeline(
    request: Request,
    response: Response,
    db_session: SessionDep,
    filters: FiltersDep,
    order: service.Order = "asc",
    limit: OptionalLimitQuery = None,
    cursor: CursorQuery = None,
    format: FormatQuery = None,
) -> Page[TimelineEntryRead] | Response:
    return list_response(
        request,
        response,
        db_session,
        _fetcher(filters, order),
        columns=TIMELINE_CSV,
        filename="timeline.csv",
        limit=limit,
        cursor=cursor,
        requested=format,
    )


@router.get(
    ".ics",
    response_class=Response,
    summary="The timeline as an iCalendar file, with the source links in each event",
    responses=CALENDAR_RESPONSES,
)
def timeline_calendar(request: Request, db_session: SessionDep, filters: FiltersDep) -> Response:
    return calendar_response(
        request,
        db_session,
        _fetcher(filters, "asc"),
        event=timeline_event,
        name="newsevents: NATO-accession timeline",
        filename="timeline.ics",
    )


@router.get("/{entry_id}", response_model=TimelineEntryRead, summary="One timeline entry")
def get_timeline_entry(entry_id: TimelineEntryId, db_session: SessionDep) -> TimelineEntryRead:
    return TimelineEntryRead.of(service.get(db_session=db_session, entry_id=entry_id))
