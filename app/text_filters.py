"""Case-insensitive text filters that treat `%` and `_` in user input as plain characters.

Both sides are lowered by the database, never one by Python: SQLite's lower() folds ASCII only, so a
name with a capital Å or Ö would otherwise never equal itself. Filter text is NFC-normalised as stored
text is (app/ingest/parsing.py), so a name typed with combining accents finds the stored one.
"""

import unicodedata
from typing import Any

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement


def contains_ci(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """Match rows whose column contains the text, ignoring case."""
    return column.icontains(unicodedata.normalize("NFC", text), autoescape=True)


def equals_ci(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """Match rows whose column equals the text, ignoring case."""
    return func.lower(column) == func.lower(unicodedata.normalize("NFC", text))
