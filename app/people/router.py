from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES
from app.meetings import service as meetings_service
from app.meetings.schemas import MeetingRead
from app.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, page_of
from app.people import service
from app.people.schemas import PersonRead, RoleRead
from app.schemas import text_query
from app.timeline import service as timeline_service
from app.timeline.schemas import TimelineEntryRead

router = APIRouter(prefix="/v1/people", tags=["people"], responses=PROBLEM_RESPONSES)


def _read(row: service.PersonWithCounts) -> PersonRead:
    person = row.person
    return PersonRead(
        id=person.id,
        name=person.name,
        aliases=sorted(alias.alias for alias in person.aliases),
        roles=[RoleRead.model_validate(role, from_attributes=True) for role in person.roles],
        article_count=row.article_count,
        meeting_count=row.meeting_count,
    )


@router.get("", response_model=Page[PersonRead], summary="List people by name")
def list_people(
    request: Request,
    response: Response,
    db_session: SessionDep,
    q: Annotated[str | None, text_query("Part of a name or alias.")] = None,
    role: Annotated[str | None, text_query("Part of a role title.")] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[PersonRead]:
    rows, next_cursor = service.list_people(
        db_session=db_session, filters=service.PersonFilters(q=q, role=role), limit=limit, cursor=cursor
    )
    return page_of(request, response, [_read(row) for row in rows], next_cursor)


@router.get("/{person_id}", response_model=PersonRead, summary="One person")
def get_person(person_id: str, db_session: SessionDep) -> PersonRead:
    return _read(service.get(db_session=db_session, person_id=person_id))


@router.get("/{person_id}/meetings", response_model=Page[MeetingRead], summary="Meetings a person took part in")
def list_person_meetings(
    person_id: str,
    request: Request,
    response: Response,
    db_session: SessionDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[MeetingRead]:
    person = service.require(db_session=db_session, person_id=person_id)
    meetings, next_cursor = meetings_service.list_meetings(
        db_session=db_session,
        filters=meetings_service.MeetingFilters(participant=person.id),
        limit=limit,
        cursor=cursor,
    )
    return page_of(request, response, [MeetingRead.of(m) for m in meetings], next_cursor)


@router.get(
    "/{person_id}/timeline",
    response_model=Page[TimelineEntryRead],
    summary="Timeline entries a person acts in",
)
def list_person_timeline(
    person_id: str,
    request: Request,
    response: Response,
    db_session: SessionDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[TimelineEntryRead]:
    person = service.require(db_session=db_session, person_id=person_id)
    entries, next_cursor = timeline_service.list_entries(
        db_session=db_session,
        filters=timeline_service.TimelineFilters(actor=person.id),
        order="asc",
        limit=limit,
        cursor=cursor,
    )
    return page_of(request, response, [TimelineEntryRead.of(e) for e in entries], next_cursor)
