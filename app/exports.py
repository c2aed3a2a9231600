"""Other forms of the lists, streamed batch by batch from the database: CSV by content negotiation, iCalendar."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeVar

from fastapi import Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine
from sqlmodel import Session, select

from app.errors import PROBLEM_RESPONSES, NotAcceptableError, Problem, problem_content
from app.models import Article, DatePrecision, TextPart
from app.models.article import as_utc
from app.pagination import DEFAULT_LIMIT, Page, next_link, page_of, public_base
from app.schemas import SourceRead

if TYPE_CHECKING:
    from icalendar import Event

T = TypeVar("T")

Format = Literal["json", "csv"]
FormatQuery = Annotated[
    Format | None,
    Query(description="`csv` for a CSV export; without it the `Accept` header chooses (JSON unless `text/csv`)."),
]
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
CALENDAR_MEDIA_TYPE = "text/calendar; charset=utf-8"
# Rows per query while streaming a whole list: big enough that queries are few, small enough to hold.
EXPORT_BATCH = 500

_MEDIA_TYPES: dict[Format, tuple[str, str]] = {"json": ("application", "json"), "csv": ("text", "csv")}


LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    **PROBLEM_RESPONSES,
    200: {
        "description": "A page of JSON; with `format=csv` or `Accept: text/csv`, CSV (every row unless `limit`)",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    },
    406: {"model": Problem, "description": "No acceptable media type", "content": problem_content()},
}
CALENDAR_RESPONSES: dict[int | str, dict[str, Any]] = {
    **PROBLEM_RESPONSES,
    200: {
        "description": "An iCalendar file (RFC 5545) of every item matching the filters",
        "content": {"text/calendar": {"schema": {"type": "string"}}},
    },
}


def negotiate(request: Request, requested: Format | None) -> Format:
    """Choose JSON or CSV: the `format` parameter wins, then the best match of the Accept header."""
    if requested is not None:
        return requested
    accept = request.headers.get("accept", "").strip()
    if not accept:
        return "json"
    quality = {name: _quality(accept, *media) for name, media in _MEDIA_TYPES.items()}
    best = max(quality, key=lambda name: quality[name])  # ties go to JSON, listed first
    if quality[best] <= 0:
        raise NotAcceptableError(f"cannot answer {accept!r}: this list is served as application/json or text/csv")
    return best


def _quality(accept: str, main: str, sub: str) -> float:
    """The q-value the Accept header gives a media type: from its most specific matching range."""
    best_specificity, best_q = -1, 0.0
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        range_main, _, range_sub = media.lower().partition("/")
        if (range_main, range_sub) == (main, sub):
            specificity = 2
        elif (range_main, range_sub) == (main, "*"):
            specificity = 1
        elif (range_main, range_sub) == ("*", "*"):
            specificity = 0
        else:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        if specificity > best_specificity:
            best_specificity, best_q = specificity, q
    return best_q


@dataclass(frozen=True)
class CsvColumns(Generic[T]):
    """The header and the cell of each column of one list's CSV form."""

    columns: Sequence[tuple[str, Callable[[T], object]]]

    def header(self) -> list[str]:
        return [name for name, _ in self.columns]

    def row(self, item: T) -> list[str]:
        return [_cell(value(item)) for _, value in self.columns]


def joined(values: Sequence[object], separator: str = "; ") -> str:
    """Several values in one cell."""
    return separator.join(str(value) for value in values)


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    # A cell starting like a formula runs as one in spreadsheet programs (CSV injection): quote it out.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


PageFetch = Callable[[Session, int, str | None], tuple[list[T], str | None]]


def list_response(
    request: Request,
    response: Response,
    db_session: Session,
    fetch: PageFetch[T],
    *,
    columns: CsvColumns[T],
    filename: str,
    limit: int | None,
    cursor: str | None,
    requested: Format | None,
) -> Page[T] | StreamingResponse:
    """Answer a list in the negotiated form: a JSON page, or CSV."""
    if negotiate(request, requested) == "csv":
        return csv_response(request, db_session, fetch, columns=columns, filename=filename, limit=limit, cursor=cursor)
    return page_of(request, response, *fetch(db_session, limit or DEFAULT_LIMIT, cursor))


def csv_response(
    request: Request,
    db_session: Session,
    fetch: PageFetch[T],
    *,
    columns: CsvColumns[T],
    filename: str,
    limit: int | None,
    cursor: str | None,
) -> StreamingResponse:
    """Answer a list as CSV: one page when a limit is given, else every row, streamed in batches."""
    # The first batch is read now, in the request's session, so a bad cursor is a problem answer
    # rather than a broken stream.
    items, next_cursor = fetch(db_session, limit or EXPORT_BATCH, cursor)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if limit is not None:
        if next_cursor:
            headers["Link"] = next_link(request, next_cursor)
        next_cursor = None
    batches = itertools.chain(
        [items], _later_batches(request.app.state.engine, fetch, next_cursor, lambda _session, batch: batch)
    )
    return StreamingResponse(_csv_lines(columns, batches), media_type=CSV_MEDIA_TYPE, headers=headers)


R = TypeVar("R")


def _later_batches(
    engine: Engine, fetch: PageFetch[T], cursor: str | None, render: Callable[[Session, list[T]], R]
) -> Iterator[R]:
    """Fetch and render the batches after the first, each in a session of its own."""
    # A session per batch: a client reading slowly holds no transaction open between them.
    while cursor:
        with Session(engine, expire_on_commit=False) as session:
            batch, cursor = fetch(session, EXPORT_BATCH, cursor)
            rendered = render(session, batch)
        yield rendered


def _csv_lines(columns: CsvColumns[T], batches: Iterator[list[T]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns.header())
    for batch in batches:
        for item in batch:
            writer.writerow(columns.row(item))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@dataclass(frozen=True)
class CalendarEvent:
    """What one list item says as an iCalendar event; its span follows how precisely the date is known."""

    uid: str
    date: date
    precision: DatePrecision
    summary: str
    details: Sequence[str]
    sources: Sequence[SourceRead]
    location: str | None = None
    status: Literal["CONFIRMED", "TENTATIVE"] | None = None


def calendar_response(
    request: Request,
    db_session: Session,
    fetch: PageFetch[T],
    *,
    event: Callable[[T], CalendarEvent],
    name: str,
    filename: str,
) -> StreamingResponse:
    """Answer a whole list as an iCalendar file, streamed in batches, each event with its source links."""
    # PUBLIC_URL when set; otherwise the request's own origin (the response cache keys on the Host header).
    base_url = public_base(request) or str(request.base_url).rstrip("/")
    items, next_cursor = fetch(db_session, EXPORT_BATCH, None)
    first = _ical_events([event(item) for item in items], db_session, base_url)
    later = _later_batches(
        request.app.state.engine,
        fetch,
        next_cursor,
        lambda session, batch: _ical_events([event(item) for item in batch], session, base_url),
    )

    def body() -> Iterator[bytes]:
        from icalendar import Calendar

        calendar = Calendar()
        calendar.add("prodid", "-//newsevents//newsevents//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", name)
        header, footer = calendar.to_ical().split(b"END:VCALENDAR")
        yield header + first
        yield from later
        yield b"END:VCALENDAR" + footer

    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(body(), media_type=CALENDAR_MEDIA_TYPE, headers=headers)


def _ical_events(events: list[CalendarEvent], db_session: Session, base_url: str) -> bytes:
    article_ids = {source.article_id for event in events for source in event.sources}
    articles = {
        row.id: row
        for row in db_session.exec(
            select(Article.id, Article.title, Article.url, Article.ingested_at).where(Article.id.in_(article_ids))
        )
    }
    return b"".join(_ical_event(event, articles, base_url).to_ical() for event in events)


def _ical_event(event: CalendarEvent, articles: dict[str, Any], base_url: str) -> Event:
    # Imported on first use: a tenth of a second that a start need not pay.
    from icalendar import Event

    start, end = _span(event.date, event.precision)
    ical = Event()
    ical.add("uid", f"{event.uid}@newsevents")
    # When the event was last derived: its newest source's ingestion, so an unchanged list renders alike.
    stamps = [articles[s.article_id].ingested_at for s in event.sources if s.article_id in articles]
    ical.add("dtstamp", as_utc(max(stamps)) if stamps else datetime(1970, 1, 1, tzinfo=UTC))
    ical.add("dtstart", start)
    if end is not None:
        ical.add("dtend", end)
    ical.add("summary", event.summary)
    if event.location:
        ical.add("location", event.location)
    if event.status:
        ical.add("status", event.status)
    lines = [event.summary, *event.details]
    if event.precision != DatePrecision.day:
        lines.append(f"Date known to the {event.precision.value} only.")
    lines.append("Sources:")
    for source in event.sources:
        article = articles.get(source.article_id)
        evidence = f"{base_url}/#/articles/{source.article_id}?start={source.start}&end={source.end}"
        if source.part == TextPart.title:
            evidence += "&part=title"
        lines.append(f"- \u201c{source.quote}\u201d")
        if article is not None and article.url:
            lines.append(f"  {article.title or 'Article'}: {article.url}")
        lines.append(f"  Evidence: {evidence}")
    ical.add("description", "\n".join(lines))
    first = next((articles.get(s.article_id) for s in event.sources if s.article_id in articles), None)
    if first is not None:
        ical.add("url", first.url or f"{base_url}/#/articles/{first.id}")
    return ical


def _span(day: date, precision: DatePrecision) -> tuple[date, date | None]:
    """All-day dates from the first day the date can be to the day after the last (DTEND is exclusive).

    No end when that day is past 9999-12-31 (a row stored before dates were bounded): the event is then
    its first day, which is what a calendar reads from a DTSTART alone.
    """
    if precision == DatePrecision.year:
        start = date(day.year, 1, 1)
    elif precision == DatePrecision.month:
        start = day.replace(day=1)
    else:
        start = day
    try:
        if precision == DatePrecision.year:
            return start, date(day.year + 1, 1, 1)
        if precision == DatePrecision.month:
            return start, (start + timedelta(days=32)).replace(day=1)
        return start, start + timedelta(days=1)
    except (OverflowError, ValueError):
        return start, None
