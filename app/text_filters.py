"""Case-insensitive text filters that treat `%` and `_` in user input as plain characters."""

from typing import Any

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains_ci(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """Match rows whose column contains the text, ignoring case."""
    return func.lower(column).like(f"%{_escape_like(text.lower())}%", escape="\\")


def equals_ci(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """Match rows whose column equals the text, ignoring case."""
    return func.lower(column) == text.lower()
