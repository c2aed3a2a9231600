from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES
from app.models import TimelineKind
from app.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, page_of
from app.schemas import DateQuery, text_query
from app.timeline import service
from app.timeline.schemas import TimelineEntryRead

router = APIRouter(prefix="/v1/timeline", tags=["timeline"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=Page[TimelineEntryRead], summary="The NATO-accession timeline")
def list_timeline(
    request: Request,
    response: Response,
    db_session: SessionDep,
    date_from: DateQuery = None,
    date_to: DateQuery = None,
    kind: TimelineKind | None = None,
    actor: Annotated[str | None, text_query("Person id, full name or alias (any case).")] = None,
    order: service.Order = "asc",
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[TimelineEntryRead]:
    filters = service.TimelineFilters(date_from=date_from, date_to=date_to, kind=kind, actor=actor)
    entries, next_cursor = service.list_entries(
        db_session=db_session, filters=filters, order=order, limit=limit, cursor=cursor
    )
    return page_of(request, response, [TimelineEntryRead.of(e) for e in entries], next_cursor)


@router.get("/{entry_id}", response_model=TimelineEntryRead, summary="One timeline entry")
def get_timeline_entry(entry_id: str, db_session: SessionDep) -> TimelineEntryRead:
    return TimelineEntryRead.of(service.get(db_session=db_session, entry_id=entry_id))
