"""One keyset pagination for every list: opaque tamper-evident cursors, a `next` Link header."""

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Date, Integer, Select, String, TypeDecorator, tuple_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from app.errors import InvalidInputError

T = TypeVar("T")

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
_CURSOR_SALT = b"newsevents-cursor-v1"

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
        super().__init__("cursor is invalid or belongs to another list or order; start again without it")


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


def _signature(payload: bytes) -> str:
    return hashlib.sha256(_CURSOR_SALT + payload).hexdigest()[:16]


def encode_cursor(scope: str, values: tuple[Any, ...]) -> str:
    """Encode the sort key of the last row of a page."""
    plain = [value.isoformat() if isinstance(value, date) else value for value in values]
    payload = json.dumps([scope, plain], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=") + "." + _signature(payload)


def decode_cursor(keyset: Keyset, token: str) -> tuple[Any, ...]:
    """Decode a cursor for this keyset, refusing tampered, foreign or malformed tokens."""
    try:
        encoded, signature = token.split(".")
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        if _signature(payload) != signature:
            raise InvalidCursorError
        scope, values = json.loads(payload)
        if scope != keyset.scope or len(values) != len(keyset.columns):
            raise InvalidCursorError
        return tuple(_typed(column, value) for column, value in zip(keyset.columns, values, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InvalidCursorError from None


def _typed(column: ColumnElement[Any], value: Any) -> Any:
    sql_type = column.type
    if isinstance(sql_type, TypeDecorator):
        sql_type = sql_type.impl_instance
    if isinstance(sql_type, Date):
        if isinstance(value, str):
            return date.fromisoformat(value)
    elif isinstance(sql_type, Integer):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(sql_type, String) and isinstance(value, str):
        return value
    raise TypeError(f"cursor value of the wrong type for {column}")


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
    """The Link header value pointing at the next page: this URL with the cursor replaced."""
    return f'<{request.url.include_query_params(cursor=next_cursor)}>; rel="next"'
