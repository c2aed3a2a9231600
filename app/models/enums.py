from enum import StrEnum

import sqlalchemy as sa


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class MeetingStatus(StrEnum):
    held = "held"
    planned = "planned"


class TimelineKind(StrEnum):
    """What a NATO-accession timeline entry records.

    application: a formal request to join; summit: a NATO summit and its outcome for Ukraine;
    council: a NATO-Ukraine Council or North Atlantic Council session; invitation: a push for,
    or the issuing of, an invitation to join; statement: an official's stated position;
    leadership_change: a change of office-holder relevant to NATO-Ukraine relations;
    plan: a plan or roadmap that includes membership.
    """

    application = "application"
    summit = "summit"
    council = "council"
    invitation = "invitation"
    statement = "statement"
    leadership_change = "leadership_change"
    plan = "plan"


def enum_column_type(enum_cls: type[StrEnum]) -> sa.Enum:
    """A portable enum column: VARCHAR with a CHECK constraint, no native database type."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        name=f"ck_{enum_cls.__name__.lower()}",
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
