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
    """What a NATO-accession timeline entry records, each with a phrasing from a real article.

    - application: a formal request to join. "Sweden would become the 32nd member of the alliance,
      which it applied to join in 2022"
    - summit: a NATO summit and its outcome for a country's path. "At the NATO summit in Vilnius,
      Lithuania, this week, a main question will be whether Ukraine should join the alliance"
    - council: a NATO-Ukraine Council, NATO-Georgia Commission or North Atlantic Council session.
      "welcome to this first meeting of the NATO-Ukraine Council at the level of Foreign Ministers"
    - invitation: a push for, or the issuing of, an invitation to join. "Ukraine eagerly hopes for an
      invitation to join at an upcoming Washington summit"
    - statement: an official's stated position on a country's membership. "I continue to be confident
      that both countries will soon be NATO Allies"
    - leadership_change: a change of office-holder relevant to the alliance's enlargement. "NATO Allies
      agreed today (24 March 2022) to extend the mandate of Secretary General [...]"
    - plan: a plan or roadmap that includes membership. "continuing to register defence properties to
      the state in order to activate the Membership Action Plan"
    - ratification: a member's parliament, government or head of state approving an accession
      protocol. "Lawmakers in Hungary gave their approval Monday to Sweden's bid to join NATO."
    - accession: deposit of the instrument of accession, membership taking effect, the flag-raising.
      "Montenegro became NATO's newest member on Monday (5 June 2017), upon depositing its instrument
      of accession"
    """

    application = "application"
    summit = "summit"
    council = "council"
    invitation = "invitation"
    statement = "statement"
    leadership_change = "leadership_change"
    plan = "plan"
    ratification = "ratification"
    accession = "accession"


class TextPart(StrEnum):
    """Which text of an article a quote's offsets index."""

    body = "body"
    title = "title"


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
