"""What the extractor returns: plain dataclasses, every fact with its evidence."""

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from app.extraction.dates import Precision

_TAKES_THE = frozenset(
    {
        "United States",
        "United Kingdom",
        "Netherlands",
        "Czech Republic",
        "United Arab Emirates",
        "Presidential Office",
    }
)


@dataclass(frozen=True)
class Evidence:
    """A quoted sentence and its character offsets in the article's body, or in its title."""

    quote: str
    start: int
    end: int
    part: str = "body"  # "body" | "title": the text the offsets index


class Office(Protocol):
    """What a role found in an article and a stored role have in common."""

    title: str
    organization: str | None
    country: str | None
    valid_from: date | None
    valid_to: date | None


def same_office(a: Office, b: Office) -> bool:
    """Whether two roles are one office: same title, and no organisation or country that disagree."""
    return a.title.lower() == b.title.lower() and all(
        x is None or y is None or x == y for x, y in ((a.organization, b.organization), (a.country, b.country))
    )


def fill_office(target: Office, source: Office) -> None:
    """Complete what a role leaves unknown from another report of the same office."""
    target.organization = target.organization or source.organization
    target.country = target.country or source.country
    target.valid_from = target.valid_from or source.valid_from
    target.valid_to = target.valid_to or source.valid_to


@dataclass
class RoleFact:
    title: str
    organization: str | None
    country: str | None
    evidence: Evidence
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def label(self) -> str:
        """How the role reads in a sentence: "Secretary General of NATO", "President of Ukraine"."""
        where = self.organization or self.country
        if where in _TAKES_THE:
            where = f"the {where}"
        return f"{self.title} of {where}" if where else self.title


@dataclass
class PersonFact:
    """A person the article names, under the fullest form of the name it uses."""

    key: str
    name: str
    evidence: Evidence
    aliases: set[str] = field(default_factory=set)
    roles: list[RoleFact] = field(default_factory=list)
    full_name_known: bool = True


@dataclass(frozen=True)
class UnnamedParticipant:
    """A side of a meeting the article names only by office: "the Prime Minister" of a readout."""

    role: str
    organization: str | None = None
    country: str | None = None


@dataclass
class MeetingFact:
    participants: list[tuple[str, str | None]]  # (person key, role held at the time)
    date: date
    date_precision: Precision
    status: str
    summary: str
    evidence: list[Evidence]
    groups: list[str] = field(default_factory=list)
    unnamed_participants: list[UnnamedParticipant] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    location_name: str | None = None
    location_city: str | None = None
    location_country: str | None = None


@dataclass
class TimelineFact:
    kind: str
    date: date
    date_precision: Precision
    summary: str
    evidence: list[Evidence]
    actors: list[str] = field(default_factory=list)  # person keys
    country: str | None = None  # whose path into NATO: "Ukraine", "Sweden"; "NATO" for alliance-wide decisions


@dataclass
class Extraction:
    version: str
    people: list[PersonFact]
    meetings: list[MeetingFact]
    timeline: list[TimelineFact]
