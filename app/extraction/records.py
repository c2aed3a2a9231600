"""What the extractor returns: plain dataclasses, every fact with its evidence."""

from dataclasses import dataclass, field
from datetime import date

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
    """A quoted sentence and its character offsets in the article body."""

    quote: str
    start: int
    end: int


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

    def same_office(self, other: "RoleFact") -> bool:
        return self.title.lower() == other.title.lower() and all(
            a is None or b is None or a == b
            for a, b in ((self.organization, other.organization), (self.country, other.country))
        )


@dataclass
class PersonFact:
    """A person the article names, under the fullest form of the name it uses."""

    key: str
    name: str
    evidence: Evidence
    aliases: set[str] = field(default_factory=set)
    roles: list[RoleFact] = field(default_factory=list)
    full_name_known: bool = True


@dataclass
class MeetingFact:
    participants: list[tuple[str, str | None]]  # (person key, role held at the time)
    date: date
    date_precision: Precision
    status: str
    summary: str
    evidence: list[Evidence]
    groups: list[str] = field(default_factory=list)
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


@dataclass
class Extraction:
    version: str
    people: list[PersonFact]
    meetings: list[MeetingFact]
    timeline: list[TimelineFact]

    def person(self, key: str) -> PersonFact:
        return next(p for p in self.people if p.key == key)
