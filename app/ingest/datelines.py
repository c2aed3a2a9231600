"""Where a story was filed or a release issued: the place its dateline gives, in readable case.

Pure: a lead paragraph (or a date line's tail) in, a place or None out. `parsing` keeps the dateline
in the body (the extractor quotes the lead by offset) and asks here only for the place. Shapes, as
wire copy, newsrooms and official pages write them at the head of the lead:

- the place in capitals and a dash of any length: `CITY -`, `CITY, Region` and a dash,
  `CITY, Region (April 19, 2023) --`;
- `CITY (Agency) -`, `CITY, Region (Agency) —`, `CITY, March 4 (Agency) -`: a wire's dateline;
- `Place, Region (Outlet) The ...`: an outlet in brackets and no dash, when the place has its region;
- `Place — The ...`: a place in ordinary case with a long dash, unless the same dash closes it again
  in the sentence (then it is an aside: "Ann Lee — a minister — said");
- `Place, January 31, 2023: ...`: a place and a full date before a colon.

A date line under the headline (`October 18, 2023, Beijing`) and a broadcast script's `DATELINE:` field
are read by `parsing`, which hands their place to `readable_place`.
"""

import re

from app.extraction import places
from app.extraction.dates import MONTH_NAMES

_MONTH = rf"(?i:{MONTH_NAMES})\.?"
# A date as datelines write it, with or without the year.
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s*\d{{4}})?)"
_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_WORD = r"[A-Z][\w.'’-]*"
_JOINER = r"(?:of|de|del|la|le|am|an|upon|on)"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+(?:{_CAPS_WORD}|{_JOINER.upper()}))" + "{0,4}"
_MIXED_PLACE = rf"{_WORD}(?:\s+(?:{_WORD}|{_JOINER}))" + "{0,3}"
# "Sweden", "D.C.", "Ukraine": a region after the place's comma, never a month that starts the date.
_REGION = rf"(?!{_MONTH}\s+\d)(?:{_WORD}(?:\s+{_WORD}){{0,2}})"
_SEPARATOR = r"(?P<sep>--|[-–—])"
# What follows a dateline starts a sentence.
_STORY_START = r"(?=[\"“‘'(\[]?[A-Z0-9])"
_BRACKETED = r"\((?P<bracket>[^()]{1,60})\)"

_CAPS_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}(?:,\s*{_REGION})*?)(?:[,;]\s*{_DATE})?\s*(?:{_BRACKETED}\s*)?{_SEPARATOR}\s+{_STORY_START}"
)
_WIRE_DATELINE = re.compile(
    rf"^(?P<place>{_MIXED_PLACE}(?:,\s*{_REGION})*?)(?:[,;]\s*{_DATE})?\s*{_BRACKETED}\s*{_SEPARATOR}\s+{_STORY_START}"
)
# "Bucharest, 1 December 2022 (Agency): The ...": after a date and a bracket, a colon closes the dateline.
_DATED_COLON_DATELINE = re.compile(
    rf"^(?P<place>{_MIXED_PLACE}(?:,\s*{_REGION})*?)[,;]\s*{_DATE}\s*{_BRACKETED}\s*:\s+{_STORY_START}"
)
# "MADRID, June 29. /AGENCY/. The ...": the agency between slashes.
_SLASHED_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}(?:,\s*{_REGION})*?)(?:,\s*{_DATE})?\.?\s*/(?P<bracket>[A-Z][\w .&-]{{1,30}})/\.?"
    rf"(?:\s*{_SEPARATOR})?\s+{_STORY_START}"
)
# "MOSCOW (Agency - 3rd August, 2023) Ireland has ...": a place in capitals and a bracket, no dash.
_CAPS_BRACKET_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}(?:,\s*{_REGION})*?)\s*\((?P<bracket>[A-Z][^()]{{1,59}})\)\s+{_STORY_START}"
)
_OUTLET_DATELINE = re.compile(rf"^(?P<place>{_MIXED_PLACE},\s*{_REGION})\s*{_BRACKETED}\s+{_STORY_START}")
_DASH_DATELINE = re.compile(rf"^(?P<place>{_MIXED_PLACE}(?:,\s*{_REGION})?)\s+(?P<sep>--|[–—])\s+{_STORY_START}")
_DATED_DATELINE = re.compile(rf"^(?P<place>{_MIXED_PLACE}(?:,\s*{_REGION})?),\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}:\s+")
# Labels a page puts in brackets after a place, which name no agency: "(Updated 14:30)", "(Video)", "(centre)"
_NOT_AN_AGENCY = re.compile(
    r"(?:updated|update|video|photo|photos|pictured|opinion|analysis|comment|live|watch|listen|audio|file|centre|"
    r"center|left|right|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)
_AGENCY_WORDS = re.compile(r"/|\b(?:(?i:news|agency|press|wire|service)|[A-Z]{2,})\b")
_BRACKET_DATE = re.compile(rf"\s*(?:[-–—,;]\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}).*$")
_DATE_ONLY = re.compile(rf"(?:{_DATE}|{_MONTH}\s+\d{{4}}|\d{{4}})")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_SMALL_WORDS = frozenset({"of", "de", "del", "la", "le", "am", "an", "upon", "on", "and", "the"})
_LETTERS = re.compile(r"[A-Za-z]+")
_PLACE_LIMIT = 200


def lead_dateline(lead: str) -> str | None:
    """The place of a dateline opening a lead paragraph, in readable case; None when the lead has none."""
    match = _dateline(lead)
    return readable_place(match["place"]) if match else None


def dateline_agency(lead: str) -> str | None:
    """The wire agency a lead's dateline credits ("BERGEN, May 2 (Reuters) -", "MADRID, June 29. /TASS/."),
    not a date in its brackets nor the outlet of a release's place line ("Lisbon, PT (Example.News) The ...")."""
    match = _dateline(lead)
    if match is None or match.re is _OUTLET_DATELINE or not match.groupdict().get("bracket"):
        return None
    return _agency_in(match)


def _agency_in(match: re.Match[str]) -> str | None:
    # "UrduPoint News / Agency - 03rd August, 2023": the agency without the date of filing
    agency = _BRACKET_DATE.sub("", match["bracket"]).strip(" ,;-–—")
    if not agency or _DATE_ONLY.fullmatch(agency) or _NOT_AN_AGENCY.match(agency):
        return None
    if match.re is _CAPS_BRACKET_DATELINE and not _AGENCY_WORDS.search(agency):
        return None  # "IRELAND (Opinion) Why ...": with no dash, only what names itself an agency or a wire
    if _spelled_out(match["place"], agency) or places.country(agency) or places.city_country(agency):
        return None  # "NATO (North Atlantic Treaty Organization)", "Vienna (Austria):"
    return agency


def _spelled_out(place: str, bracket: str) -> bool:
    """ "NATO (North Atlantic Treaty Organization)": the bracket spells out the word before it."""
    initials = "".join(word[0] for word in bracket.split() if word[:1].isupper())
    return len(initials) >= 2 and initials.upper() == place.replace(".", "").upper()


def _dateline(lead: str) -> re.Match[str] | None:
    shapes = (
        _CAPS_DATELINE,
        _WIRE_DATELINE,
        _DATED_COLON_DATELINE,
        _SLASHED_DATELINE,
        _CAPS_BRACKET_DATELINE,
        _OUTLET_DATELINE,
    )
    for shape in (*shapes, _DATED_DATELINE):
        if (match := shape.match(lead)) and (shape is not _CAPS_BRACKET_DATELINE or _agency_in(match)):
            return match
    if (match := _DASH_DATELINE.match(lead)) and not _aside(lead, match):
        return match
    return None


def _aside(lead: str, match: re.Match[str]) -> bool:
    """Whether the dash is closed again in the same sentence: a name with an aside, not a place."""
    rest = lead[match.end() :]
    sentence_end = _SENTENCE_END.search(rest)
    return f" {match['sep']} " in rest[: sentence_end.start() if sentence_end else None]


def readable_place(place: str) -> str | None:
    """ "NEW DELHI" -> "New Delhi", "STOCKHOLM, Sweden" -> "Stockholm, Sweden"; ordinary case is kept."""
    parts = [" ".join(part.split()) for part in place.strip(" ,").split(",")]
    parts = [part for part in parts if part]
    if not parts:
        return None
    readable = []
    for at, part in enumerate(parts):
        # A short region in capitals is an abbreviation ("DC", "UK"); any other part in capitals is a name.
        if part.upper() == part and (at == 0 or len(part.replace(".", "")) > 3):
            part = _name_case(part)
        readable.append(part)
    text = ", ".join(readable)
    return text[:_PLACE_LIMIT] if text else None


def _name_case(text: str) -> str:
    words = []
    for at, word in enumerate(text.split()):
        if at and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(_LETTERS.sub(_capitalised, word))
    return " ".join(words)


def _capitalised(run: re.Match[str]) -> str:
    # A lone "S" after an apostrophe is a possessive ("St. John's"), not a word of its own.
    if run[0] == "S" and run.start() and run.string[run.start() - 1] in "'’":
        return "s"
    return run[0].capitalize()
