import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated
from urllib.request import pathname2url, url2pathname

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_MMAP_BYTES = 1024**3


def sqlite_path(database_url: str) -> Path | None:
    """Return the file of a file-backed SQLite URL (a plain path or a `file:` URI), or None for others."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.query.get("uri") == "true" and url.database.startswith("file:"):
        return Path(url2pathname(url.database.removeprefix("file:")))
    return Path(url.database)


def sqlite_read_only(database_url: str) -> bool:
    """Whether a SQLite database can only be read: opened read-only, or a file or folder we may not write."""
    path = sqlite_path(database_url)
    if path is None:
        return False
    url = make_url(database_url)
    if url.query.get("mode") == "ro" or url.query.get("immutable") == "1":
        return True
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _readable_sqlite_url(database_url: str, path: Path) -> str:
    """The URL as given, unless it names a WAL file in a folder this process may not write.

    SQLite cannot read such a file (it must create the `-shm` index beside it), unless told the file
    is immutable: a read-only folder then holds a snapshot that nothing changes while it is served.
    """
    url = make_url(database_url)
    if url.query.get("immutable") == "1" or not path.exists() or os.access(path.parent, os.W_OK):
        return database_url
    read_only = url.set(
        database=f"file:{pathname2url(str(path.absolute()))}", query={"mode": "ro", "immutable": "1", "uri": "true"}
    )
    return read_only.render_as_string(hide_password=False)


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while one writer commits; the busy timeout makes
    # concurrent writers (two instances ingesting at once) wait instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Reads through a memory map: pages come from the OS cache, shared by every connection, with no
    # read() call each; at 100k articles a page of meetings touches hundreds of scattered pages.
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _begin_immediate(connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


_WRITE_LOCK_KEY = 7_224_016_202


def _lock_writes(connection) -> None:
    # PostgreSQL's counterpart of BEGIN IMMEDIATE: one writing transaction at a time, across every
    # instance, so two articles that create the same new people can neither deadlock nor collide.
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK_KEY})")


def _leave_transactions_to_sqlalchemy(dbapi_connection, _record) -> None:
    # pysqlite must not begin transactions itself, or our BEGIN IMMEDIATE would not be the one.
    dbapi_connection.isolation_level = None


def make_engine(database_url: str, *, for_writes: bool = False) -> Engine:
    """Create the engine for a URL, creating the SQLite folder and setting its pragmas.

    A SQLite engine `for_writes` opens every transaction with BEGIN IMMEDIATE: it takes the write
    lock (waiting up to the busy timeout) before its first read, so a read-then-write transaction
    cannot fail when another writer commits in between, as a deferred one can in WAL mode.
    """
    path = sqlite_path(database_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            _readable_sqlite_url(database_url, path),
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            # Enough for every thread of the request threadpool (40) to hold a connection at once.
            pool_size=20,
            max_overflow=30,
        )
        event.listen(engine, "connect", _configure_sqlite_connection)
        if for_writes:
            event.listen(engine, "connect", _leave_transactions_to_sqlalchemy)
            event.listen(engine, "begin", _begin_immediate)
        return engine
    engine = create_engine(database_url, pool_pre_ping=True)
    if for_writes:
        event.listen(engine, "begin", _lock_writes)
    return engine


# Tables the models do not describe: SQLite's FTS5 index and its shadow tables.
_UNMODELLED_TABLE_PREFIXES = ("article_fts",)
# PostgreSQL's full-text column and index on article.
_UNMODELLED_ARTICLE_PARTS = ("search_vector", "ix_article_search_vector")
# Expression indexes, on lower(...) (migrations 0005, 0007) and coalesce(...) (0008): SQLite's reflection
# cannot read them back.
_UNMODELLED_INDEXES = (
    "ix_person_name_lower",
    "ix_person_alias_alias_lower",
    "ix_article_source_lower",
    "uq_meeting_unnamed_participant",
)


def include_in_migrations(obj, name, type_, reflected, compare_to) -> bool:
    """Tell Alembic's comparison to ignore what the migrations manage by hand: full-text indexes."""
    if type_ == "table" and name and name.startswith(_UNMODELLED_TABLE_PREFIXES):
        return False
    return not (type_ in {"column", "index"} and name in (*_UNMODELLED_ARTICLE_PARTS, *_UNMODELLED_INDEXES))


def alembic_config(engine: Engine) -> Config:
    """Build an Alembic config that runs the migrations on this engine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    # Two instances starting at once must not both create the schema. PostgreSQL
    # takes an advisory lock inside migrations/env.py; SQLite gets a lock file.
    path = sqlite_path(str(engine.url))
    if path is None:
        yield
        return
    with open(f"{path}.migrate.lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def upgrade_schema(engine: Engine) -> None:
    """Bring the database schema up to the newest migration; a read-only one must be there already."""
    if sqlite_read_only(engine.url.render_as_string(hide_password=False)):
        _check_schema_is_current(engine)
        return
    with _migration_lock(engine):
        command.upgrade(alembic_config(engine), "head")


class SchemaNotCurrentError(RuntimeError):
    """A read-only database whose schema is older than this code: it cannot be upgraded, so not served."""


def _check_schema_is_current(engine: Engine) -> None:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current != head:
        raise SchemaNotCurrentError(
            f"the database is read-only and its schema is at {current}, not {head}: upgrade a writable copy first"
        )


def get_db(request: Request) -> Iterator[Session]:
    """Yield one session per request: commit once at the end, or roll back on error."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(get_db)]
