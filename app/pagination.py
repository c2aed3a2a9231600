"""One keyset pagination for every list: opaque tamper-evident cursors, a `next` Link header."""

import secrets
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query, Request, Response
from itsdangerous import BadData, URLSafeSerializer
from pydantic import BaseModel
from sqlalchemy import Date, Integer, Select, String, TypeDecorator, tuple_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import InvalidInputError

T = TypeVar("T")

MAX_LIMIT = 200
DEFAULT_LIMIT = 50

# Every list also exports CSV, where no limit means the whole list rather than a default page.
OptionalLimitQuery = Annotated[
    int | None,
    Query(ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}; {DEFAULT_LIMIT} when not given."),
]
CursorQuery = Annotated[
    str | None,
    Query(max_length=512, description="Opaque token from a previous page's `next_cursor`."),
]


class Page(BaseModel, Generic[T]):
    """The envelope of every list."""

    items: list[T]
    next_cursor: str | None


class InvalidCursorError(InvalidInputError):
    def __init__(self) -> None:
        super().__init__(
            "cursor is invalid or belongs to another list or order; start again without it", field="query.cursor"
        )


@dataclass(frozen=True)
class Keyset:
    """A total order for a list: its columns (the last one unique) and their direction."""

    scope: str
    columns: tuple[ColumnElement[Any], ...]
    key: Callable[[Any], tuple[Any, ...]]
    descending: bool = False

    def order_by(self) -> list[ColumnElement[Any]]:
        return [column.desc() if self.descending else column.asc() for column in self.columns]

    def after(self, values: tuple[Any, ...]) -> ColumnElement[bool]:
        row, bound = tuple_(*self.columns), tuple_(*values)
        return row < bound if self.descending else row > bound


_CURSOR_SALT = "newsevents-cursor-v2"
# The signing secret of the request being served (Settings.cursor_secret, set by CursorSecretMiddleware);
# outside a request, one drawn for this process.
_PROCESS_SECRET = secrets.token_urlsafe(32)
_cursor_secret: ContextVar[str] = ContextVar("cursor_secret", default=_PROCESS_SECRET)

# Bounds of what a cursor may carry, checked before a value reaches a query. Stored dates are 1900 or
# later; the services step a day past a cursor's date, so the last representable day is out of range.
_EARLIEST_DATE = date(1900, 1, 1)
_LATEST_DATE = date(9999, 12, 30)
_MAX_STRING = 1000
_MIN_INTEGER, _MAX_INTEGER = -(2**63), 2**63 - 1


class CursorSecretMiddleware:
    """Makes the deployment's cursor secret the one pagination signs and checks with, for each request."""

    def __init__(self, app: ASGIApp, *, secret: str) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = _cursor_secret.set(self.secret)
        try:
            await self.app(scope, receive, send)
        finally:
            _cursor_secret.reset(token)


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(_cursor_secret.get(), salt=_CURSOR_SALT)


def encode_cursor(scope: str, values: tuple[Any, ...]) -> str:
    """Encode the sort key of the last row of a page, signed with the deployment's secret."""
    plain = [value.isoformat() if isinstance(value, date) else value for value in values]
    return _serializer().dumps([scope, plain])


def decode_cursor(keyset: Keyset, token: str) -> tuple[Any, ...]:
    """Decode a cursor for this keyset, refusing tampered, foreign or malformed tokens."""
    try:
        decoded = _serializer().loads(token)
    except (BadData, UnicodeError):
        raise InvalidCursorError from None
    if not (isinstance(decoded, list) and len(decoded) == 2 and isinstance(decoded[1], list)):
        raise InvalidCursorError
    scope, values = decoded
    if scope != keyset.scope or len(values) != len(keyset.columns):
        raise InvalidCursorError
    return tuple(_typed(column, value) for column, value in zip(keyset.columns, values, strict=True))


def _typed(column: ColumnElement[Any], value: Any) -> Any:
    """The value as its column's type, or InvalidCursorError: nothing unchecked reaches the database."""
    sql_type = column.type
    if isinstance(sql_type, TypeDecorator):
        sql_type = sql_type.impl_instance
    if isinstance(sql_type, Date) and isinstance(value, str) and len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise InvalidCursorError from None
        if _EARLIEST_DATE <= day <= _LATEST_DATE:
            return day
    elif isinstance(sql_type, Integer) and isinstance(value, int) and not isinstance(value, bool):
        if _MIN_INTEGER <= value <= _MAX_INTEGER:
            return value
    elif isinstance(sql_type, String) and isinstance(value, str) and _is_plain_text(value):
        return value
    raise InvalidCursorError


def _is_plain_text(value: str) -> bool:
    # PostgreSQL refuses NUL in text, and a lone surrogate cannot be encoded for any driver.
    if len(value) > _MAX_STRING or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def paginate(
    *, db_session: Session, statement: Select[Any], keyset: Keyset, limit: int, cursor: str | None
) -> tuple[Sequence[Any], str | None]:
    """Run one page of a statement in keyset order; return its rows and the next cursor."""
    if cursor:
        statement = statement.where(keyset.after(decode_cursor(keyset, cursor)))
    statement = statement.order_by(*keyset.order_by()).limit(limit + 1)
    rows = db_session.exec(statement).all()
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(keyset.scope, keyset.key(rows[-1]))


def page_of(request: Request, response: Response, items: list[T], next_cursor: str | None) -> Page[T]:
    """Wrap a page's items in the envelope and advertise the next page in a Link header."""
    if next_cursor:
        response.headers["Link"] = next_link(request, next_cursor)
    return Page[T](items=items, next_cursor=next_cursor)


def next_link(request: Request, next_cursor: str) -> str:
    """The Link header value pointing at the next page: this URL with the cursor replaced.

    Absolute under PUBLIC_URL when it is set, otherwise relative: never built from the Host header, which
    any client may send and which the response cache does not vary on.
    """
    url = request.url.include_query_params(cursor=next_cursor)
    return f'<{public_base(request)}{url.path}?{url.query}>; rel="next"'


def public_base(request: Request) -> str:
    """PUBLIC_URL without its trailing slash, or "" (links then stay relative to the request's origin)."""
    return request.app.state.settings.public_url or ""
