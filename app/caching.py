"""Response caching for reads: every write bumps a data version; reads are cached and tagged by it.

Reads change only when articles are written, so a GET's response is a function of (data version,
path, query, Accept). The middleware reads the version (one small query), answers 304 when the
client's If-None-Match holds it, and otherwise serves a 200 it already rendered for that version.
The version is read at every request, so a write by any process is seen by the next read.
"""

import contextlib
import sqlite3
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.request import pathname2url

from cachetools import LRUCache
from sqlalchemy import Engine, select, update
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import sqlite_path
from app.models import DataVersion

_MAX_BODY_BYTES = 1024 * 1024
_VERSION_SQL = "SELECT version FROM data_version WHERE id = 1"


def bump_data_version(*, db_session: Session) -> None:
    """Mark that the data changed, inside the writing transaction."""
    db_session.execute(update(DataVersion).where(DataVersion.id == 1).values(version=DataVersion.version + 1))


def current_data_version(*, engine: Engine) -> int:
    """The data version as committed now."""
    with engine.connect() as connection:
        return connection.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar_one()


class _SqliteVersion:
    """Reads the version of a SQLite file on a connection of its own, on the event loop.

    In WAL mode a read never waits for a writer and takes microseconds: cheaper than a hop to the
    threadpool and a pooled connection, which cost more than serving the cached answer itself.
    """

    def __init__(self, path: Path, *, immutable: bool) -> None:
        # Read-only: this connection only ever reads, and so works on a read-only replica too.
        uri = f"file:{pathname2url(str(path.absolute()))}?mode=ro" + ("&immutable=1" if immutable else "")
        self._connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=0)
        self._lock = threading.Lock()

    def read(self) -> int | None:
        try:
            with self._lock:
                row = self._connection.execute(_VERSION_SQL).fetchone()
        except sqlite3.Error:  # busy (a WAL recovery) or not migrated yet: let the caller ask the pool
            return None
        return row[0] if row else None

    def close(self) -> None:
        self._connection.close()


# A rendered 200: its headers and body, or None for a body too long to keep (its tag still answers 304).
CachedAnswer = tuple[list[tuple[bytes, bytes]], bytes | None]


def _answer_bytes(answer: CachedAnswer) -> int:
    headers, body = answer
    return len(body or b"") + sum(len(name) + len(value) for name, value in headers)


def answer_cache(max_bytes: int) -> LRUCache:
    """Rendered answers, least recently used out first, bounded by their total size in bytes.

    Used from the event loop only (the middleware never awaits between a lookup and its use), so it
    needs no lock.
    """
    return LRUCache(maxsize=max_bytes, getsizeof=_answer_bytes)


class ResponseCache:
    """ASGI middleware: ETag / If-None-Match and a bounded in-process cache for GETs under a prefix."""

    def __init__(
        self, app: ASGIApp, *, engine: Callable[[], Engine], max_bytes: int = 32 * 1024 * 1024, prefix: str = "/v1/"
    ) -> None:
        self.app = app
        self.engine = engine
        self.prefix = prefix
        self.cache = answer_cache(max_bytes)
        self._sqlite: _SqliteVersion | None = None
        self._sqlite_engine: Engine | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        accept = headers.get("accept", "")
        # One URL answers JSON or CSV by Accept: each representation gets a tag of its own.
        variant = f"-{zlib.crc32(accept.encode()):08x}" if accept else ""
        etag = f'"{await self._version()}{variant}"'
        revalidating = etag in {tag.strip() for tag in headers.get("if-none-match", "").split(",")}
        # Everything an answer is built from: calendar links may come from the scheme and Host header.
        key = (etag, scope["path"], scope.get("query_string", b""), accept, scope.get("scheme"), headers.get("host"))
        if (cached := self.cache.get(key)) is not None:
            response_headers, body = cached
            if revalidating:
                await _send_not_modified(send, etag)
                return
            if body is not None:
                await send({"type": "http.response.start", "status": 200, "headers": list(response_headers)})
                await send({"type": "http.response.body", "body": body})
                return
        await self._render_and_keep(scope, receive, send, key, etag, revalidating=revalidating)

    async def _version(self) -> int:
        engine = self.engine()
        if engine is not self._sqlite_engine:
            if self._sqlite is not None:
                self._sqlite.close()
            path = sqlite_path(engine.url.render_as_string(hide_password=False))
            immutable = engine.url.query.get("immutable") == "1"
            try:
                self._sqlite = _SqliteVersion(path, immutable=immutable) if path is not None else None
            except sqlite3.Error:  # not openable on its own (a read-only folder without WAL files): ask the pool
                self._sqlite = None
            self._sqlite_engine = engine
        if self._sqlite is not None and (version := self._sqlite.read()) is not None:
            return version
        # A blocking query: never on the event loop, or the loop waits on connections its own requests hold.
        return await run_in_threadpool(current_data_version, engine=engine)

    async def _render_and_keep(
        self, scope: Scope, receive: Receive, send: Send, key: tuple, etag: str, *, revalidating: bool
    ) -> None:
        """Run the endpoint; keep a 200 for this version, and turn it (only a 200) into a 304 when revalidating."""
        kept_headers: list[tuple[bytes, bytes]] | None = None
        not_modified = False
        chunks: list[bytes] | None = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal kept_headers, not_modified, chunks, size
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = [*message.get("headers", []), *_tag_headers(etag)]
                # Keep a copy: outer middleware (CORS) adds its own headers to the list it is sent.
                kept_headers = list(headers)
                message = {**message, "headers": headers}
                if revalidating:
                    not_modified = True
                    await _send_not_modified(send, etag)
                    return
            elif message["type"] == "http.response.body" and kept_headers is not None:
                if chunks is not None:
                    chunks.append(message.get("body", b""))
                    size += len(chunks[-1])
                    if size > _MAX_BODY_BYTES:  # a long stream: pass it on without keeping it
                        chunks = None
                if not message.get("more_body", False):
                    self._keep(key, kept_headers, b"".join(chunks) if chunks is not None else None)
            if not_modified:
                return  # the 304 went out already; the body is rendered only to be kept
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple, headers: list[tuple[bytes, bytes]], body: bytes | None) -> None:
        with contextlib.suppress(ValueError):  # larger than the whole cache
            self.cache[key] = (headers, body)


async def _send_not_modified(send: Send, etag: str) -> None:
    await send({"type": "http.response.start", "status": 304, "headers": _tag_headers(etag)})
    await send({"type": "http.response.body", "body": b""})


def _tag_headers(etag: str) -> list[tuple[bytes, bytes]]:
    return [(b"etag", etag.encode()), (b"cache-control", b"no-cache"), (b"vary", b"Accept")]
