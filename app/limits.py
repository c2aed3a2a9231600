"""What the service accepts, in one place: the dates it stores or computes with, and storable text.

Pure: no database, no web framework, so the parser, the extractor and the API check the same bounds.
Both databases must agree on what is storable: PostgreSQL refuses NUL and a VARCHAR over its length,
SQLite takes both, and neither can encode a lone surrogate. Refusing those here keeps them from any query.
"""

import unicodedata
from datetime import date, timedelta
from urllib.parse import urlsplit

# The range of every date stored, filtered on or resolved. The last year stops one short of 9999 so that
# the day, month or year after any stored date (an iCalendar DTEND, a "tomorrow") is still a date.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(9998, 12, 31)

# Column lengths of the article fields a sender gives (app/models/article.py).
SOURCE_LIMIT = 200
AUTHOR_LIMIT = 300
DATELINE_LIMIT = 200
# The longest paragraph extracted: spaCy refuses a text over 1,000,000 characters (E088), and its parser
# needs about 1 GB per 100,000 characters at once. Real paragraphs are a few thousand.
PARAGRAPH_LIMIT = 100_000

URL_SCHEMES = frozenset({"http", "https"})
_VISIBLE_CATEGORIES = ("L", "N")


def date_in_range(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def bounded_date(value: date) -> date | None:
    """The date itself when it is in range, else None."""
    return value if date_in_range(value) else None


def shifted(value: date, days: int) -> date | None:
    """The date `days` later (earlier when negative), or None when that leaves the range."""
    try:
        return bounded_date(value + timedelta(days=days))
    except OverflowError:
        return None


def unstorable_reason(text: str) -> str | None:
    """Why a text cannot be stored in both databases alike, or None when it can."""
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (not Unicode text)"
    return None


def storable(text: str, *, max_length: int | None = None) -> bool:
    return unstorable_reason(text) is None and (max_length is None or len(text) <= max_length)


def has_visible_text(text: str) -> bool:
    """Whether a text has a letter or a digit: zero-width spaces, marks and punctuation alone are no text."""
    return any(unicodedata.category(char).startswith(_VISIBLE_CATEGORIES) for char in text)


def web_url(url: str) -> bool:
    """Whether a url is an http(s) address with a host: the only kind linked from pages and calendars."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[" and other malformed hosts
        return False
    return parts.scheme.lower() in URL_SCHEMES and bool(parts.netloc)
