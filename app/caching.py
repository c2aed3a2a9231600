"""Response caching for reads: every write bumps a data version; reads are cached and tagged by it.

Reads change only when articles are written, so a GET's response is a function of (data version,
path, query, Accept). The middleware reads the version (one small query), answers 304 when the
client's If-None-Match holds it, and otherwise serves a 200 it already rendered for that version.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy import Engine, select, update
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.models import DataVersion

_MAX_ENTRIES = 2048
_MAX_BODY_BYTES = 1024 * 1024


def bump_data_version(*, db_session: Session) -> None:
    """Mark that the data changed, inside the writing transaction."""
    db_session.execute(update(DataVersion).where(DataVersion.id == 1).values(version=DataVersion.version + 1))


def current_data_version(*, engine: Engine) -> int:
    """The data version as committed now."""
    with engine.connect() as connection:
        return connection.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar_one()


class _LRU:
    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[tuple, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple, value) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


class ResponseCache:
    """ASGI middleware: ETag / If-None-Match and a bounded in-process cache for GETs under a prefix."""

    def __init__(self, app: ASGIApp, *, engine: Callable[[], Engine], prefix: str = "/v1/") -> None:
        self.app = app
        self.engine = engine
        self.prefix = prefix
        self.cache = _LRU(_MAX_ENTRIES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        # A blocking query: never on the event loop, or the loop waits on connections its own requests hold.
        version = await run_in_threadpool(current_data_version, engine=self.engine())
        etag = f'"{version}"'
        if etag in {tag.strip() for tag in headers.get("if-none-match", "").split(",")}:
            await send({"type": "http.response.start", "status": 304, "headers": _tag_headers(etag)})
            await send({"type": "http.response.body", "body": b""})
            return
        key = (version, scope["path"], scope.get("query_string", b""), headers.get("accept", ""))
        if (cached := self.cache.get(key)) is not None:
            status, response_headers, body = cached
            await send({"type": "http.response.start", "status": status, "headers": list(response_headers)})
            await send({"type": "http.response.body", "body": body})
            return
        await self._render_and_keep(scope, receive, send, key, etag)

    async def _render_and_keep(self, scope: Scope, receive: Receive, send: Send, key: tuple, etag: str) -> None:
        kept_headers: list[tuple[bytes, bytes]] | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal kept_headers
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = [*message.get("headers", []), *_tag_headers(etag)]
                # Keep a copy: outer middleware (CORS) adds its own headers to the list it is sent.
                kept_headers = list(headers)
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and kept_headers is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    if len(body) <= _MAX_BODY_BYTES:
                        self.cache.put(key, (200, kept_headers, body))
            await send(message)

        await self.app(scope, receive, capture)


def _tag_headers(etag: str) -> list[tuple[bytes, bytes]]:
    return [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
