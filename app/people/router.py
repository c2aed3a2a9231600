from typing import Annotated

from fastapi import APIRouter, Request, Response
from sqlmodel import Session

from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES
from app.exports import LIST_RESPONSES, FormatQuery, list_response
from app.meetings import service as meetings_service
from app.meetings.schemas import MEETING_CSV, MeetingRead
from app.pagination import CursorQuery, OptionalLimitQuery, Page
from app.people import service
from app.people.schemas import PERSON_CSV, PersonRead, RoleRead
from app.schemas import PersonId, text_query
from app.timeline import service as timeline_service
from app.timeline.schemas import TIMELINE_CSV, TimelineEntryRead

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


@router.get("", response_model=Page[PersonRead], summary="List people by name", responses=LIST_RESPONSES)
def list_people(
    request: Request,
    response: Response,
    db_session: SessionDep,
    q: Annotated[str | None, text_query("Part of a name or alias.")] = None,
    role: Annotated[str | None, text_query("Part of a role title.")] = None,
    limit: OptionalLimitQuery = None,
    cursor: CursorQuery = None,
    format: FormatQuery = None,
) -> Page[PersonRead] | Response:
    filters = service.PersonFilters(q=q, role=role)

    def fetch(db_session: Session, limit: int, cursor: str | None) -> tuple[list[PersonRead], str | None]:
        rows, next_cursor = service.list_people(db_session=db_session, filters=filters, limit=limit, cursor=cursor)
        return [_read(row) for row in rows], next_cursor

    return list_response(
        request,
        response,
        db_session,
        fetch,
        columns=PERSON_CSV,
        filename="people.csv",
        limit=limit,
        cursor=cursor,
        requested=format,
    )


@router.get("/{person_id}", response_model=PersonRead, summary="One person")
def get_person(person_id: PersonId, db_session: SessionDep) -> PersonRead:
    return _read(service.get(db_session=db_session, person_id=person_id))


@router.get(
    "/{person_id}/meetings",
    response_model=Page[MeetingRead],
    summary="Meetings a person took part in",
    responses=LIST_RESPONSES,
)
def list_person_meetings(
    person_id: PersonId,
    request: Request,
    response: Response,
    db_session: SessionDep,
    limit: OptionalLimitQuery = None,
    cursor: CursorQuery = None,
    format: FormatQuery = None,
) -> Page[MeetingRead] | Response:
    person = service.require(db_session=db_session, person_id=person_id)
    filters = meetings_service.MeetingFilters(participant=person.id)

    def fetch(db_session: Session, limit: int, cursor: str | None) -> tuple[list[MeetingRead], str | None]:
        meetings, next_cursor = meetings_service.list_meetings(
            db_session=db_session, filters=filters, limit=limit, cursor=cursor
        )
        return [MeetingRead.of(m) for m in meetings], next_cursor

    return list_response(
        request,
        response,
        db_session,
        fetch,
        columns=MEETING_CSV,
        filename=f"{person.id}-meetings.csv",
        limit=limit,
        cursor=cursor,
        requested=format,
    )


@router.get(
    "/{person_id}/timeline",
    response_model=Page[TimelineEntryRead],
    summary="Timeline entries a person acts in",
    responses=LIST_RESPONSES,
)
def list_person_timeline(
    person_id: PersonId,
    request: Request,
    response: Response,
    db_session: SessionDep,
    limit: OptionalLimitQuery = None,
    cursor: CursorQuery = None,
    format: FormatQuery = None,
) -> Page[TimelineEntryRead] | Response:
    person = service.require(db_session=db_session, person_id=person_id)
    filters = timeline_service.TimelineFilters(actor=person.id)

    def fetch(db_session: Session, limit: int, cursor: str | None) -> tuple[list[TimelineEntryRead], str | None]:
        entries, next_cursor = timeline_service.list_entries(
            db_session=db_session, filters=filters, order="asc", limit=limit, cursor=cursor
        )
        return [TimelineEntryRead.of(e) for e in entries], next_cursor

    return list_response(
        request,
        response,
        db_session,
        fetch,
        columns=TIMELINE_CSV,
        filename=f"{person.id}-timeline.csv",
        limit=limit,
        cursor=cursor,
        requested=format,
    )
