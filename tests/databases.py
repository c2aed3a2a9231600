"""A fresh database for each test: a SQLite file, or a new PostgreSQL database on TEST_DATABASE_URL's server."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

SERVER_URL = os.environ.get("TEST_DATABASE_URL")
ON_POSTGRES = bool(SERVER_URL)


@contextmanager
def fresh_database(folder: Path) -> Iterator[str]:
    """Yield the URL of an empty database, removed afterwards."""
    if not SERVER_URL:
        yield f"sqlite:///{folder / 'db' / 'test.db'}"
        return
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@contextmanager
def recorded_statements(engine: Engine) -> Iterator[list[tuple[str, object]]]:
    """Record each SQL statement the engine runs, with its parameters, while the block runs."""
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
