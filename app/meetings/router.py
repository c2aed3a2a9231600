from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES
from app.meetings import service
from app.meetings.schemas import MeetingRead
from app.models import MeetingStatus
from app.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, page_of
from app.schemas import DateQuery, text_query

router = APIRouter(prefix="/v1/meetings", tags=["meetings"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=Page[MeetingRead], summary="List meetings, newest first")
def list_meetings(
    request: Request,
    response: Response,
    db_session: SessionDep,
    participant: Annotated[str | None, text_query("Person id, full name or alias (any case).")] = None,
    date_from: DateQuery = None,
    date_to: DateQuery = None,
    location: Annotated[str | None, text_query("Part of venue, city or country.")] = None,
    status: MeetingStatus | None = None,
    topic: Annotated[str | None, text_query("Part of a topic.")] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[MeetingRead]:
    filters = service.MeetingFilters(
        participant=participant,
        date_from=date_from,
        date_to=date_to,
        location=location,
        status=status,
        topic=topic,
    )
    meetings, next_cursor = service.list_meetings(db_session=db_session, filters=filters, limit=limit, cursor=cursor)
    return page_of(request, response, [MeetingRead.of(m) for m in meetings], next_cursor)


@router.get("/{meeting_id}", response_model=MeetingRead, summary="One meeting")
def get_meeting(meeting_id: str, db_session: SessionDep) -> MeetingRead:
    return MeetingRead.of(service.get(db_session=db_session, meeting_id=meeting_id))
