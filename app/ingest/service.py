"""Store articles and their facts idempotently: one transaction per article, identity by content hash."""

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Literal

import structlog
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.caching import bump_data_version
from app.extraction import ArticleText, BatchExtractor, Extraction, Extractor
from app.ingest.facts import StoredFacts, add_facts, remove_facts
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
    facts: StoredFacts | None = None


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
    return db_session.scalars(select(Article).where(Article.content_sha256 == content_sha256)).first()


def article_text(article: Article | ParsedArticle) -> ArticleText:
    """What the extractor reads of a stored or parsed article."""
    if isinstance(article, ParsedArticle):
        return article.text
    return ArticleText(article.body, article.paragraphs, article.published_at, article.title)


def add_article(*, db_session: Session, parsed: ParsedArticle) -> Article:
    """Add a parsed article to the session and flush it."""
    digest = parsed.content_sha256
    article = Article(
        id=article_id_for(digest),
        title=parsed.title,
        source=parsed.source,
        author=parsed.author,
        dateline=parsed.dateline,
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
    bump_data_version(db_session=db_session)
    return article


def store_parsed(*, engine: Engine, parsed: ParsedArticle, extraction: Extraction | None = None) -> IngestResult:
    """Store one parsed article and its facts in one transaction; an existing copy is left unchanged."""
    origin = parsed.origin or "<unnamed>"
    digest = parsed.content_sha256
    for attempt in range(3):
        with Session(engine, expire_on_commit=False) as db_session:
            existing = get_by_hash(db_session=db_session, content_sha256=digest)
            if existing is not None:
                return IngestResult(origin, "unchanged", existing.id)
            try:
                article = add_article(db_session=db_session, parsed=parsed)
                facts = add_facts(db_session=db_session, article=article, extraction=extraction) if extraction else None
                db_session.commit()
                return IngestResult(origin, "new", article.id, facts=facts)
            except IntegrityError:
                # Another writer stored this article, or a new person or event of it, first:
                # start the transaction again and join what it stored.
                db_session.rollback()
                if attempt == 2:
                    raise
    raise AssertionError("unreachable")


def _chunks(items: Iterable[Path], size: int) -> Iterator[list[Path]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _is_stored(engine: Engine, parsed: ParsedArticle) -> bool:
    with Session(engine) as db_session:
        return get_by_hash(db_session=db_session, content_sha256=parsed.content_sha256) is not None


def ingest_paths(
    *,
    engine: Engine,
    paths: list[Path],
    extractor: BatchExtractor | None = None,
    files: list[Path] | None = None,
    stop: threading.Event | None = None,
    batch_size: int = 64,
    on_result: Callable[[IngestResult], None] | None = None,
) -> IngestReport:
    """Ingest every article file under the given paths, logging what happened to each."""
    report = IngestReport()
    for chunk in _chunks(files if files is not None else discover_files(paths), batch_size):
        if stop is not None and stop.is_set():
            log.info("ingest.stopped", remaining_from=chunk[0].name)
            break
        parsed: list[ParsedArticle] = []
        for path in chunk:
            try:
                parsed.append(parse_file(path))
            except ArticleParseError as exc:
                _record(report, IngestResult(str(path), "failed", reason=exc.reason), on_result)
            except OSError as exc:
                _record(
                    report, IngestResult(str(path), "failed", reason=f"unreadable: {exc.strerror or exc}"), on_result
                )
        # Extract only what is not stored yet, all of the chunk in one nlp.pipe stream.
        fresh = [p for p in parsed if not _is_stored(engine, p)]
        extractions = extractor.extract_many(article_text(p) for p in fresh) if extractor else iter(())
        extracted = dict(zip((id(p) for p in fresh), extractions, strict=False))
        for article in parsed:
            if stop is not None and stop.is_set():
                break
            _record(
                report, store_parsed(engine=engine, parsed=article, extraction=extracted.get(id(article))), on_result
            )
    counts = report.counts
    log.info("ingest.finished", new=counts["new"], unchanged=counts["unchanged"], failed=counts["failed"])
    return report


def _record(
    report: IngestReport, result: IngestResult, on_result: Callable[[IngestResult], None] | None = None
) -> None:
    if result.outcome == "failed":
        log.warning("article.skipped", file=result.origin, reason=result.reason)
    else:
        facts = result.facts
        log.info(
            "article.ingested",
            file=result.origin,
            outcome=result.outcome,
            article_id=result.article_id,
            people=len(facts.people) if facts else 0,
            meetings=len(facts.meetings) if facts else 0,
            timeline_entries=len(facts.timeline) if facts else 0,
        )
    report.results.append(result)
    if on_result is not None:
        on_result(result)


def reextract(*, engine: Engine, extractor: Extractor, force: bool = False) -> Counter[str]:
    """Re-run extraction over stored articles whose extractor version differs, one transaction each."""
    with Session(engine) as db_session:
        query = select(Article.id)
        if not force:
            query = query.where(
                (Article.extractor_version.is_(None)) | (Article.extractor_version != extractor.version)
            )
        article_ids = list(db_session.scalars(query.order_by(Article.published_at, Article.id)))
    counts: Counter[str] = Counter()
    for chunk in (article_ids[i : i + 64] for i in range(0, len(article_ids), 64)):
        with Session(engine) as db_session:
            texts = [article_text(db_session.get(Article, article_id)) for article_id in chunk]
        for article_id, extraction in zip(chunk, extractor.extract_many(texts), strict=True):
            with Session(engine, expire_on_commit=False) as db_session:
                article = db_session.get(Article, article_id)
                if article is None:  # deleted meanwhile
                    counts["gone"] += 1
                    continue
                remove_facts(db_session=db_session, article_id=article_id)
                facts = add_facts(db_session=db_session, article=article, extraction=extraction)
                db_session.commit()
            counts["reextracted"] += 1
            log.info(
                "article.reextracted",
                article_id=article_id,
                people=len(facts.people),
                meetings=len(facts.meetings),
                timeline_entries=len(facts.timeline),
            )
    return counts
