"""Store parsed articles idempotently: one transaction per article, identity by content hash."""

import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import structlog
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.ingest.parsing import ArticleParseError, ParsedArticle
from app.ingest.sources import discover_files, parse_file
from app.models import Article

log = structlog.get_logger(__name__)

Outcome = Literal["new", "unchanged", "failed"]


@dataclass(frozen=True)
class IngestResult:
    origin: str
    outcome: Outcome
    article_id: str | None = None
    reason: str | None = None


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(result.outcome for result in self.results)

    @property
    def failed(self) -> list[IngestResult]:
        return [result for result in self.results if result.outcome == "failed"]


def article_id_for(content_sha256: str) -> str:
    """The public id of an article: a prefix of its content hash, so it is the same everywhere."""
    return content_sha256[:16]


def get_by_hash(*, db_session: Session, content_sha256: str) -> Article | None:
    """Return the stored article with this content hash, if any."""
    return db_session.exec(select(Article).where(Article.content_sha256 == content_sha256)).first()


def add_article(*, db_session: Session, parsed: ParsedArticle) -> Article:
    """Add a parsed article to the session and flush it."""
    digest = parsed.content_sha256
    article = Article(
        id=article_id_for(digest),
        title=parsed.title,
        source=parsed.source,
        author=parsed.author,
        url=parsed.url,
        published_at=parsed.published_at,
        body=parsed.body,
        paragraphs=parsed.paragraph_spans,
        raw_text=parsed.raw_text,
        word_count=parsed.word_count,
        content_sha256=digest,
        origin=parsed.origin,
    )
    db_session.add(article)
    db_session.flush()
    return article


def store_parsed(*, engine: Engine, parsed: ParsedArticle) -> IngestResult:
    """Store one parsed article in its own transaction; an existing copy leaves it unchanged."""
    origin = parsed.origin or "<unnamed>"
    digest = parsed.content_sha256
    with Session(engine, expire_on_commit=False) as db_session:
        existing = get_by_hash(db_session=db_session, content_sha256=digest)
        if existing is not None:
            return IngestResult(origin, "unchanged", existing.id)
        try:
            article = add_article(db_session=db_session, parsed=parsed)
            db_session.commit()
        except IntegrityError:
            # Another writer stored the same content between our check and our insert.
            db_session.rollback()
            return IngestResult(origin, "unchanged", article_id_for(digest))
        return IngestResult(origin, "new", article.id)


def ingest_paths(*, engine: Engine, paths: list[Path], stop: threading.Event | None = None) -> IngestReport:
    """Ingest every article file under the given paths, logging what happened to each."""
    report = IngestReport()
    for path in discover_files(paths):
        if stop is not None and stop.is_set():
            log.info("ingest.stopped", remaining_from=path.name)
            break
        try:
            result = store_parsed(engine=engine, parsed=parse_file(path))
        except ArticleParseError as exc:
            result = IngestResult(path.name, "failed", reason=exc.reason)
        except OSError as exc:
            result = IngestResult(path.name, "failed", reason=f"unreadable: {exc.strerror or exc}")
        if result.outcome == "failed":
            log.warning("article.skipped", file=result.origin, reason=result.reason)
        else:
            log.info(
                "article.ingested", file=result.origin, outcome=result.outcome, article_id=result.article_id
            )
        report.results.append(result)
    counts = report.counts
    log.info("ingest.finished", new=counts["new"], unchanged=counts["unchanged"], failed=counts["failed"])
    return report
