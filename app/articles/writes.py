"""Add and remove articles; claim, complete and replay idempotency keys. One transaction per article."""

import asyncio
import functools
import hashlib
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError, InternalError, OperationalError
from sqlmodel import Session

from app.articles.schemas import ArticleRead, ArticleWritten
from app.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PayloadTooLargeError,
    UnavailableError,
    UnsupportedMediaTypeError,
)
from app.extraction import DeferredExtractor, Extractor
from app.extraction.parallel import ProcessExtractor
from app.ingest.facts import remove_facts
from app.ingest.parsing import ArticleParseError, ParsedArticle
from app.ingest.service import article_text, get_by_hash, store_parsed
from app.ingest.sources import MEDIA_TYPE_SUFFIXES, parse_payload
from app.models import Article, Evidence, IdempotencyKey

IDEMPOTENCY_WINDOW = timedelta(hours=24)
# A key whose request is still being answered: a row with this status holds the claim. A claim older than
# CLAIM_TIMEOUT belongs to a request that died with its process, and the next request takes it over.
IN_FLIGHT = 0
CLAIM_TIMEOUT = timedelta(minutes=10)
# Extraction time grows with the text (about 0.1 s per 1,000 characters on one busy core): a longer
# article would hold an extraction worker for more than ten seconds, so it is refused with a 413.
MAX_EXTRACTED_CHARS = 100_000
# Writes that may wait for an extraction worker (each holding its body, at most MAX_ARTICLE_BYTES); a write
# beyond them is a 503 with Retry-After.
WAITING_WRITES = 64
# What a database says when it cannot take writes: read-only, disk full, locked too long, gone away.
_NOT_WRITABLE = (OperationalError, InternalError)


@dataclass(frozen=True)
class WriteOutcome:
    article: Article
    created: bool
    people: list[str]
    meetings: list[str]
    timeline: list[str]


def _fact_ids(db_session: Session, article_id: str) -> tuple[list[str], list[str], list[str]]:
    rows = db_session.execute(
        select(Evidence.person_id, Evidence.meeting_id, Evidence.timeline_entry_id)
        .where(Evidence.article_id == article_id)
        .order_by(Evidence.id)
    ).all()
    people = list(dict.fromkeys(r.person_id for r in rows if r.person_id))
    meetings = list(dict.fromkeys(r.meeting_id for r in rows if r.meeting_id))
    timeline = list(dict.fromkeys(r.timeline_entry_id for r in rows if r.timeline_entry_id))
    return people, meetings, timeline


def _existing(engine: Engine, digest: str) -> WriteOutcome | None:
    with Session(engine, expire_on_commit=False) as db_session:
        article = get_by_hash(db_session=db_session, content_sha256=digest)
        if article is None:
            return None
        return WriteOutcome(article, False, *_fact_ids(db_session, article.id))


def create(
    *, engine: Engine, parsed: ParsedArticle, extractor: Extractor | DeferredExtractor | ProcessExtractor
) -> WriteOutcome:
    """Store an article and its facts, or return the stored copy of the same content."""
    try:
        if (known := _existing(engine, parsed.content_sha256)) is not None:
            return known
        extraction = extractor.extract(article_text(parsed))
        result = store_parsed(engine=engine, parsed=parsed, extraction=extraction)
        if result.outcome == "unchanged":  # another request stored it while we extracted
            return _existing(engine, parsed.content_sha256)
        with Session(engine, expire_on_commit=False) as db_session:
            article = db_session.get(Article, result.article_id)
        facts = result.facts
        return WriteOutcome(article, True, facts.people, facts.meetings, facts.timeline)
    except _NOT_WRITABLE as exc:
        raise UnavailableError("the database is not accepting writes right now") from exc


def remove(*, engine: Engine, article_id: str) -> None:
    """Remove an article and every fact that only it supported."""
    try:
        with Session(engine) as db_session:
            article = db_session.get(Article, article_id)
            if article is None:
                raise NotFoundError(f"no article with id {article_id!r}")
            remove_facts(db_session=db_session, article_id=article_id)
            db_session.execute(delete(Article).where(Article.id == article_id))
            db_session.commit()
    except _NOT_WRITABLE as exc:
        raise UnavailableError("the database is not accepting writes right now") from exc


def idempotency_scope(*, writer: str, key: str) -> str:
    """The stored id of a client's key: keys of different API keys never meet."""
    return hashlib.sha256(f"{writer}\x1f{key}".encode()).hexdigest()


def request_fingerprint(*, method: str, path: str, media_type: str, body: bytes) -> str:
    return hashlib.sha256(b"\x1f".join([method.encode(), path.encode(), media_type.encode(), body])).hexdigest()


@dataclass(frozen=True)
class Claim:
    """What claiming a key found: the claim is ours (`token`), or the stored answer to replay (`replay`)."""

    scope_id: str
    token: str | None = None
    replay: IdempotencyKey | None = None


def claim_key(*, engine: Engine, scope_id: str, fingerprint: str) -> Claim:
    """Claim a key for this request in its own short transaction, before any work is done.

    The row is inserted or the insert fails: of requests with one key in flight at once, exactly one
    claims it; the others see the claim (409) or, once it is complete, its answer (a replay, or a 422
    when their request differs from the one that used the key first).
    """
    token = secrets.token_hex(16)
    now = datetime.now(UTC)
    try:
        with Session(engine, expire_on_commit=False) as db_session:
            db_session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - IDEMPOTENCY_WINDOW))
            db_session.execute(
                delete(IdempotencyKey).where(
                    IdempotencyKey.id == scope_id,
                    IdempotencyKey.status_code == IN_FLIGHT,
                    IdempotencyKey.created_at < now - CLAIM_TIMEOUT,
                )
            )
            db_session.commit()
            db_session.add(
                IdempotencyKey(
                    id=scope_id, request_sha256=fingerprint, status_code=IN_FLIGHT, response_body={"claim": token}
                )
            )
            try:
                db_session.commit()
                return Claim(scope_id, token=token)
            except IntegrityError:
                db_session.rollback()
            record = db_session.get(IdempotencyKey, scope_id)
    except _NOT_WRITABLE as exc:
        raise UnavailableError("the database is not accepting writes right now") from exc
    if record is None:  # released between our insert and our read: the caller may simply retry
        raise ConflictError("a request with this Idempotency-Key has just finished; retry it")
    if record.request_sha256 != fingerprint:
        raise InvalidInputError(
            "this Idempotency-Key was used with a different request; use a new key", field="header.idempotency-key"
        )
    if record.status_code == IN_FLIGHT:
        raise ConflictError("a request with this Idempotency-Key is still in progress; retry after it completes")
    return Claim(scope_id, replay=record)


def complete_key(*, engine: Engine, claim: Claim, status_code: int, body: dict[str, Any], location: str | None) -> None:
    """Store the answer under the claimed key, for replays within the idempotency window."""
    try:
        with Session(engine) as db_session:
            record = db_session.get(IdempotencyKey, claim.scope_id)
            if record is None or record.response_body != {"claim": claim.token}:
                return  # our claim timed out and another request took the key over: its answer is the one kept
            record.status_code, record.response_body, record.location = status_code, body, location
            record.created_at = datetime.now(UTC)
            db_session.commit()
    except _NOT_WRITABLE:
        # The article is stored; only the replay is lost, and the claim times out, after which a retry gets 200.
        return


def release_key(*, engine: Engine, claim: Claim) -> None:
    """Give the key up after a failed request: only successful answers are kept, so a retry may use it."""
    try:
        with Session(engine) as db_session:
            record = db_session.get(IdempotencyKey, claim.scope_id)
            if record is not None and record.response_body == {"claim": claim.token}:
                db_session.delete(record)
            db_session.commit()
    except _NOT_WRITABLE:
        return  # the claim times out instead


@dataclass(frozen=True)
class WriteAnswer:
    status_code: int
    body: dict[str, Any]
    headers: dict[str, str]


class QueueFullError(UnavailableError):
    pass


class ExtractionQueue:
    """Runs writes on their own few threads, never on the request threads that reads need.

    At most `workers` extract at once; up to WAITING_WRITES more wait their turn holding no thread, and a
    write beyond those is refused with a 503 and Retry-After.
    """

    def __init__(self, workers: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="extraction")
        self._capacity = workers + WAITING_WRITES
        self._admitted = 0  # changed on the event loop's thread only

    def submit(self, work: Callable[[], WriteAnswer]) -> Awaitable[WriteAnswer]:
        """Admit a write now, or refuse it; its answer is awaited, and it runs to the end even if that is not."""
        if self._admitted >= self._capacity:
            raise QueueFullError("too many articles are waiting to be extracted; try again shortly")
        loop = asyncio.get_running_loop()
        self._admitted += 1
        job = self._executor.submit(work)
        job.add_done_callback(lambda _: loop.call_soon_threadsafe(self._leave))
        # Shielded: a client that hangs up must not cancel a claimed key's work before it starts.
        return asyncio.shield(asyncio.wrap_future(job))

    def _leave(self) -> None:
        self._admitted -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


async def read_limited(*, chunks: AsyncIterator[bytes], declared_length: str | None, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed `limit`: never more is held."""
    if declared_length and declared_length.isdigit() and int(declared_length) > limit:
        raise PayloadTooLargeError(f"the article is larger than {limit} bytes")
    received, size = [], 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise PayloadTooLargeError(f"the article is larger than {limit} bytes")
        received.append(chunk)
    return b"".join(received)


def media_type_of(content_type: str | None) -> str:
    """The article format a Content-Type names; any other is a 415."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPE_SUFFIXES:
        raise UnsupportedMediaTypeError(
            f"send application/json, text/plain or text/html, not {media_type or 'nothing'!r}"
        )
    return media_type


def parse_article(*, data: bytes, media_type: str) -> ParsedArticle:
    """Parse a posted article, refusing what cannot be read (422) or is too long to extract (413)."""
    try:
        parsed = parse_payload(data, media_type=media_type)
    except ArticleParseError as exc:
        raise InvalidInputError(exc.reason, field=f"body.{exc.field}" if exc.field else "body") from None
    if len(parsed.body) > MAX_EXTRACTED_CHARS:
        raise PayloadTooLargeError(
            f"the article's text is {len(parsed.body)} characters; at most {MAX_EXTRACTED_CHARS} are extracted",
            field="body",
        )
    return parsed


def _answer(outcome: WriteOutcome) -> WriteAnswer:
    body = ArticleWritten(
        **ArticleRead.of(outcome.article).model_dump(),
        people=outcome.people,
        meetings=outcome.meetings,
        timeline=outcome.timeline,
    ).model_dump(mode="json")
    if outcome.created:
        return WriteAnswer(201, body, {"Location": f"/v1/articles/{outcome.article.id}"})
    return WriteAnswer(200, body, {})


def _create_and_answer(
    *,
    engine: Engine,
    parsed: ParsedArticle,
    extractor: Extractor | DeferredExtractor | ProcessExtractor,
    claim: Claim | None,
) -> WriteAnswer:
    # One job on an extraction thread: it completes (or releases) the key even if the client has gone.
    try:
        answer = _answer(create(engine=engine, parsed=parsed, extractor=extractor))
    except BaseException:
        if claim is not None:
            release_key(engine=engine, claim=claim)
        raise
    if claim is not None:
        complete_key(
            engine=engine,
            claim=claim,
            status_code=answer.status_code,
            body=answer.body,
            location=answer.headers.get("Location"),
        )
    return answer


def _replayed(record: IdempotencyKey) -> WriteAnswer:
    headers = {"Idempotent-Replayed": "true"} | ({"Location": record.location} if record.location else {})
    return WriteAnswer(record.status_code, record.response_body, headers)


async def post_article(
    *,
    engine: Engine,
    queue: ExtractionQueue,
    extractor: Extractor | DeferredExtractor | ProcessExtractor | None,
    writer: str,
    idempotency_key: str | None,
    path: str,
    content_type: str | None,
    declared_length: str | None,
    chunks: AsyncIterator[bytes],
    max_bytes: int,
) -> WriteAnswer:
    """Add a posted article: 201 when new, 200 when the same content is stored, a replay for a known key."""
    media_type = media_type_of(content_type)
    data = await read_limited(chunks=chunks, declared_length=declared_length, limit=max_bytes)
    claim = None
    if idempotency_key:
        fingerprint = request_fingerprint(method="POST", path=path, media_type=media_type, body=data)
        claim = await run_in_threadpool(
            claim_key,
            engine=engine,
            scope_id=idempotency_scope(writer=writer, key=idempotency_key),
            fingerprint=fingerprint,
        )
        if claim.replay is not None:
            return _replayed(claim.replay)
    try:
        parsed = parse_article(data=data, media_type=media_type)
        if extractor is None:
            raise UnavailableError("the extractor is still loading; try again shortly")
        job = functools.partial(_create_and_answer, engine=engine, parsed=parsed, extractor=extractor, claim=claim)
    except DomainError:
        if claim is not None:
            await run_in_threadpool(release_key, engine=engine, claim=claim)
        raise
    try:
        return await queue.submit(job)
    except QueueFullError:
        if claim is not None:
            await run_in_threadpool(release_key, engine=engine, claim=claim)
        raise
