"""Add and remove articles; remember idempotent responses. One transaction per article."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError, InternalError, OperationalError
from sqlmodel import Session

from app.errors import ConflictError, NotFoundError, UnavailableError
from app.extraction import DeferredExtractor, Extractor
from app.ingest.facts import remove_facts
from app.ingest.parsing import ParsedArticle
from app.ingest.service import article_text, get_by_hash, store_parsed
from app.models import Article, Evidence, IdempotencyKey
from app.models.article import as_utc

IDEMPOTENCY_WINDOW = timedelta(hours=24)
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


def create(*, engine: Engine, parsed: ParsedArticle, extractor: Extractor | DeferredExtractor) -> WriteOutcome:
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


def find_replay(*, engine: Engine, scope_id: str, fingerprint: str) -> IdempotencyKey | None:
    """The stored response for this key, if any; a key reused for another request is a conflict."""
    try:
        with Session(engine, expire_on_commit=False) as db_session:
            record = db_session.get(IdempotencyKey, scope_id)
    except _NOT_WRITABLE as exc:
        raise UnavailableError("the database is not accepting writes right now") from exc
    if record is None or as_utc(record.created_at) < datetime.now(UTC) - IDEMPOTENCY_WINDOW:
        return None
    if record.request_sha256 != fingerprint:
        raise ConflictError("this Idempotency-Key was used with a different request; use a new key")
    return record


def remember(
    *, engine: Engine, scope_id: str, fingerprint: str, status_code: int, body: dict[str, Any], location: str | None
) -> None:
    """Keep the response to a keyed request for replays within the idempotency window."""
    try:
        _store_response(engine, scope_id, fingerprint, status_code, body, location)
    except _NOT_WRITABLE:
        # The article is stored; only the replay record is lost, so a retry gets 200 instead of a replay.
        return


def _store_response(
    engine: Engine, scope_id: str, fingerprint: str, status_code: int, body: dict[str, Any], location: str | None
) -> None:
    with Session(engine) as db_session:
        db_session.execute(
            delete(IdempotencyKey).where(IdempotencyKey.created_at < datetime.now(UTC) - IDEMPOTENCY_WINDOW)
        )
        if db_session.get(IdempotencyKey, scope_id) is not None:
            db_session.commit()
            return  # a concurrent twin of this request was first: its response is the one kept
        db_session.add(
            IdempotencyKey(
                id=scope_id,
                request_sha256=fingerprint,
                status_code=status_code,
                response_body=body,
                location=location,
            )
        )
        try:
            db_session.commit()
        except IntegrityError:
            db_session.rollback()
