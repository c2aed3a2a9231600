from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, or_
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from app.errors import NotFoundError
from app.models import Meeting, MeetingParticipant, MeetingStatus, MeetingTopic
from app.pagination import Keyset, paginate
from app.people import service as people_service
from app.text_filters import contains_ci


@dataclass(frozen=True)
class MeetingFilters:
    participant: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    location: str | None = None
    status: MeetingStatus | None = None
    topic: str | None = None


_KEYSET = Keyset(scope="meetings", columns=(Meeting.date, Meeting.id), key=lambda m: (m.date, m.id), descending=True)


def _with_details():
    return select(Meeting).options(
        # Each participant's person joined into the participants' query (many-to-one): one statement fewer
        # per page, which pays for the unnamed participants' own.
        selectinload(Meeting.participants).joinedload(MeetingParticipant.person),
        selectinload(Meeting.unnamed_participants),
        selectinload(Meeting.participant_groups),
        selectinload(Meeting.topics),
        selectinload(Meeting.evidence),
    )


def list_meetings(
    *, db_session: Session, filters: MeetingFilters, limit: int, cursor: str | None
) -> tuple[list[Meeting], str | None]:
    """List meetings, newest first, by participant, date range, location, status and topic."""
    statement = _with_details()
    if filters.participant:
        # IN, not a correlated EXISTS: the few meetings of a person are looked up, not every meeting tested.
        statement = statement.where(
            Meeting.id.in_(
                select(MeetingParticipant.meeting_id).where(
                    MeetingParticipant.person_id.in_(people_service.ids_matching(filters.participant))
                )
            )
        )
    if filters.date_from:
        statement = statement.where(Meeting.date >= filters.date_from)
    if filters.date_to:
        statement = statement.where(Meeting.date <= filters.date_to)
    if filters.location:
        statement = statement.where(
            or_(
                contains_ci(Meeting.location_name, filters.location),
                contains_ci(Meeting.location_city, filters.location),
                contains_ci(Meeting.location_country, filters.location),
            )
        )
    if filters.status:
        statement = statement.where(Meeting.status == filters.status)
    if filters.topic:
        statement = statement.where(
            exists().where(MeetingTopic.meeting_id == Meeting.id, contains_ci(MeetingTopic.topic, filters.topic))
        )
    rows, next_cursor = paginate(db_session=db_session, statement=statement, keyset=_KEYSET, limit=limit, cursor=cursor)
    return list(rows), next_cursor


def get(*, db_session: Session, meeting_id: str) -> Meeting:
    """Return one meeting with its participants, topics and sources, or raise NotFoundError."""
    meeting = db_session.exec(_with_details().where(Meeting.id == meeting_id)).first()
    if meeting is None:
        raise NotFoundError(f"no meeting with id {meeting_id!r}")
    return meeting
