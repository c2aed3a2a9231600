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
from app.meetings import service
from app.meetings.schemas import MEETING_CSV, MeetingRead, meeting_event
from app.models import MeetingStatus
from app.pagination import CursorQuery, OptionalLimitQuery, Page
from app.schemas import DateQuery, MeetingId, text_query

router = APIRouter(prefix="/v1/meetings", tags=["meetings"], responses=PROBLEM_RESPONSES)


def _filters(
    participant: Annotated[str | None, text_query("Person id, full name or alias (any case).")] = None,
    date_from: DateQuery = None,
    date_to: DateQuery = None,
    location: Annotated[str | None, text_query("Part of venue, city or country.")] = None,
    status: MeetingStatus | None = None,
    topic: Annotated[str | None, text_query("Part of a topic.")] = None,
) -> service.MeetingFilters:
    return service.MeetingFilters(
        participant=participant, date_from=date_from, date_to=date_to, location=location, status=status, topic=topic
    )


FiltersDep = Annotated[service.MeetingFilters, Depends(_filters)]


def _fetcher(filters: service.MeetingFilters) -> PageFetch[MeetingRead]:
    def fetch(db_session: Session, limit: int, cursor: str | None) -> tuple[list[MeetingRead], str | None]:
        meetings, next_cursor = service.list_meetings(
            db_session=db_session, filters=filters, limit=limit, cursor=cursor
        )
        return [MeetingRead.of(m) for m in meetings], next_cursor

    return fetch


@router.get("", response_model=Page[MeetingRead], summary="List meetings, newest first", responses=LIST_RESPONSES)
def list_meetings(
    request: Request,
    response: Response,
    db_session: SessionDep,
    filters: FiltersDep,
    limit: OptionalLimitQuery = None,
    cursor: CursorQuery = None,
    format: FormatQuery = None,
) -> Page[MeetingRead] | Response:
    return list_response(
        request,
        response,
        db_session,
        _fetcher(filters),
        columns=MEETING_CSV,
        filename="meetings.csv",
        limit=limit,
        cursor=cursor,
        requested=format,
    )


@router.get(
    ".ics",
    response_class=Response,
    summary="Meetings as an iCalendar file, with the source links in each event",
    responses=CALENDAR_RESPONSES,
)
def meetings_calendar(request: Request, db_session: SessionDep, filters: FiltersDep) -> Response:
    return calendar_response(
        request,
        db_session,
        _fetcher(filters),
        event=meeting_event,
        name="newsevents: meetings",
        filename="meetings.ics",
    )


@router.get("/{meeting_id}", response_model=MeetingRead, summary="One meeting")
def get_meeting(meeting_id: MeetingId, db_session: SessionDep) -> MeetingRead:
    return MeetingRead.of(service.get(db_session=db_session, meeting_id=meeting_id))
