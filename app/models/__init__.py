"""Every table of the service; importing this package registers them on SQLModel.metadata."""

from app.models.article import Article
from app.models.data_version import DataVersion
from app.models.enums import DatePrecision, MeetingStatus, TextPart, TimelineKind
from app.models.evidence import Evidence
from app.models.idempotency import IdempotencyKey
from app.models.meeting import (
    Meeting,
    MeetingParticipant,
    MeetingParticipantGroup,
    MeetingReport,
    MeetingTopic,
    MeetingUnnamedParticipant,
)
from app.models.person import Person, PersonAlias, PersonReport, PersonRole
from app.models.timeline import TimelineActor, TimelineEntry, TimelineReport

__all__ = [
    "Article",
    "DataVersion",
    "DatePrecision",
    "Evidence",
    "IdempotencyKey",
    "Meeting",
    "MeetingParticipant",
    "MeetingParticipantGroup",
    "MeetingReport",
    "MeetingStatus",
    "MeetingTopic",
    "MeetingUnnamedParticipant",
    "Person",
    "PersonAlias",
    "PersonReport",
    "PersonRole",
    "TextPart",
    "TimelineActor",
    "TimelineEntry",
    "TimelineKind",
    "TimelineReport",
]
