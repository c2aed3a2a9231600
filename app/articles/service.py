import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, false, func, literal_column, text
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from app.articles.schemas import (
    ArticleDetail,
    ArticleFacts,
    ArticleRead,
    EvidenceRead,
    MeetingRef,
    ParagraphRead,
    TimelineEntryRef,
)
from app.errors import NotFoundError
from app.models import Article, Evidence, Meeting, Person, PersonRole, TimelineEntry
from app.pagination import Keyset, decode_cursor, paginate
from app.people import service as people_service
from app.people.schemas import PersonRef
from app.text_filters import equals_ci

_SEARCH_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ArticleFilters:
    q: str | None = None
    source: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    person: str | None = None


_KEYSET = Keyset(
    scope="articles",
    columns=(Article.published_at, Article.id),
    key=lambda a: (a.published_at, a.id),
    descending=True,
)


# SQLite's index keys each article (julian day of published_at) << 32 | rowid (migration 0006), so it
# hands out matches newest day first. With no filter outside the index (source, person), a page is read
# off it directly: the `limit`-th match after the cursor fixes the last day the page can reach, and the
# matches of those whole days are sorted by the list's order. It costs the same for any word.
_ROWID_BITS = 32
_JULIAN_DAY_OF_ORDINAL_0 = 1721424  # date.toordinal() + this = SQLite's CAST(julianday(date) AS INTEGER)
_NTH_MATCH = (
    "SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query AND rowid >= :floor AND rowid < :ceiling"
    " ORDER BY rowid DESC LIMIT 1 OFFSET :skip"
)
_COUNT_IN_DAY = (
    "SELECT count(*) FROM article_fts WHERE article_fts MATCH :fts_query AND rowid >= :floor AND rowid < :ceiling"
)
_MATCHING_IN_DAYS = (
    "SELECT rowid & 4294967295 FROM article_fts"
    " WHERE article_fts MATCH :fts_query AND rowid >= :floor AND rowid < :ceiling"
)

# With other filters the index's order cannot say where a page ends; a bounded count picks one of three
# plans (each the fastest in its range, measured at 100k articles):
# - few matches: fetch them from the index and sort them by date (cost grows with the matches);
# - many: keep the matches in a set once and walk articles by date until a page is found (the `+`
#   stops SQLite from driving the query from the set);
# - most of the corpus: walk by date and probe the index per article, skipping the set's cost.
_FEW_MATCHES = 1000
_MOST_OF_CORPUS = 0.3
_MATCHING = "SELECT rowid & 4294967295 FROM article_fts WHERE article_fts MATCH :fts_query"
_COUNT_MATCHING = "SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query LIMIT :cap)"
_IN_MATCHING_SET = "+article.rowid IN (SELECT rowid & 4294967295 FROM article_fts WHERE article_fts MATCH :fts_query)"
_PROBE_MATCH = (
    "EXISTS (SELECT 1 FROM article_fts WHERE article_fts MATCH :fts_query"
    " AND article_fts.rowid = ((CAST(julianday(article.published_at) AS INTEGER) << 32) | article.rowid))"
)


def _day_key(day: date) -> int:
    return (day.toordinal() + _JULIAN_DAY_OF_ORDINAL_0) << _ROWID_BITS


def matches_text(
    *, db_session: Session, filters: ArticleFilters, limit: int, cursor: str | None
) -> ColumnElement[bool]:
    """Match articles whose title or body contain every word of the query, as fast as the filters allow."""
    tokens = _SEARCH_TOKEN.findall(filters.q or "")
    if not tokens:
        return false()
    if db_session.get_bind().dialect.name != "sqlite":
        # PostgreSQL: the generated tsvector (migration 0003); plainto_tsquery takes any text safely.
        return literal_column("article.search_vector").op("@@")(func.plainto_tsquery("english", " ".join(tokens)))
    # Each word quoted, so FTS5 operators in user input are searched for, not obeyed.
    fts_query = " ".join('"' + token.replace('"', "") + '"' for token in tokens)
    if filters.source or filters.person:
        return _matches_by_count(db_session=db_session, fts_query=fts_query)
    return _matches_in_page_days(
        db_session=db_session, fts_query=fts_query, filters=filters, limit=limit, cursor=cursor
    )


def _matches_in_page_days(
    *, db_session: Session, fts_query: str, filters: ArticleFilters, limit: int, cursor: str | None
) -> ColumnElement[bool]:
    floor = _day_key(filters.published_from) if filters.published_from else 0
    ceiling = _day_key(filters.published_to + timedelta(days=1)) if filters.published_to else 1 << 62
    skip = limit  # the page's rows, then the one that tells there is a next page
    if cursor:
        cursor_day = decode_cursor(_KEYSET, cursor)[0]
        ceiling = min(ceiling, _day_key(cursor_day + timedelta(days=1)))
        # Matches of the cursor's own day that come before it are in the index's range but not the page.
        skip += db_session.scalar(
            text(_COUNT_IN_DAY).bindparams(fts_query=fts_query, floor=_day_key(cursor_day), ceiling=ceiling)
        )
    last = db_session.scalar(text(_NTH_MATCH).bindparams(fts_query=fts_query, floor=floor, ceiling=ceiling, skip=skip))
    if last is not None:
        floor = (last >> _ROWID_BITS) << _ROWID_BITS  # the whole of the page's last day
    return literal_column("article.rowid").in_(
        text(_MATCHING_IN_DAYS).bindparams(fts_query=fts_query, floor=floor, ceiling=ceiling)
    )


def _matches_by_count(*, db_session: Session, fts_query: str) -> ColumnElement[bool]:
    # The largest rowid stands in for the article count: exact enough, and one index seek.
    corpus = db_session.scalar(text("SELECT coalesce(max(rowid), 0) FROM article"))
    cap = max(_FEW_MATCHES, int(corpus * _MOST_OF_CORPUS))
    found = db_session.scalar(text(_COUNT_MATCHING).bindparams(fts_query=fts_query, cap=cap))
    if found < _FEW_MATCHES:
        return literal_column("article.rowid").in_(text(_MATCHING).bindparams(fts_query=fts_query))
    if found < cap:
        return text(_IN_MATCHING_SET).bindparams(fts_query=fts_query)
    return text(_PROBE_MATCH).bindparams(fts_query=fts_query)


def list_articles(
    *, db_session: Session, filters: ArticleFilters, limit: int, cursor: str | None
) -> tuple[list[Article], str | None]:
    """List articles, newest first, by text, source, publication dates and person mentioned."""
    # The list shows no text: leave the bodies (most of each row) on disk.
    statement = select(Article).options(defer(Article.body), defer(Article.raw_text), defer(Article.paragraphs))
    if filters.q:
        statement = statement.where(matches_text(db_session=db_session, filters=filters, limit=limit, cursor=cursor))
    if filters.source:
        statement = statement.where(equals_ci(Article.source, filters.source))
    if filters.published_from:
        statement = statement.where(Article.published_at >= filters.published_from)
    if filters.published_to:
        statement = statement.where(Article.published_at <= filters.published_to)
    if filters.person:
        mentioned = select(Evidence.article_id).where(
            Evidence.person_id.in_(people_service.ids_matching(filters.person))
        )
        statement = statement.where(Article.id.in_(mentioned))
    rows, next_cursor = paginate(db_session=db_session, statement=statement, keyset=_KEYSET, limit=limit, cursor=cursor)
    return list(rows), next_cursor


def get(*, db_session: Session, article_id: str) -> Article:
    """Return one article, or raise NotFoundError."""
    article = db_session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return article


def get_detail(*, db_session: Session, article_id: str) -> ArticleDetail:
    """Return an article with its body and every fact extracted from it."""
    article = get(db_session=db_session, article_id=article_id)
    evidence = db_session.exec(
        select(Evidence).where(Evidence.article_id == article.id).order_by(Evidence.start_offset, Evidence.id)
    ).all()
    role_owner = dict(
        db_session.exec(
            select(PersonRole.id, PersonRole.person_id).where(
                PersonRole.id.in_([e.role_id for e in evidence if e.role_id is not None])
            )
        ).all()
    )
    person_ids = {e.person_id for e in evidence if e.person_id} | set(role_owner.values())
    people = db_session.exec(select(Person).where(Person.id.in_(person_ids)).order_by(Person.name)).all()
    meetings = db_session.exec(
        select(Meeting)
        .where(Meeting.id.in_({e.meeting_id for e in evidence if e.meeting_id}))
        .order_by(Meeting.date, Meeting.id)
    ).all()
    entries = db_session.exec(
        select(TimelineEntry)
        .where(TimelineEntry.id.in_({e.timeline_entry_id for e in evidence if e.timeline_entry_id}))
        .order_by(TimelineEntry.date, TimelineEntry.id)
    ).all()
    return ArticleDetail(
        **ArticleRead.of(article).model_dump(),
        body=article.body,
        paragraphs=[ParagraphRead.model_validate(span) for span in article.paragraphs],
        facts=ArticleFacts(
            people=[PersonRef(id=p.id, name=p.name) for p in people],
            meetings=[MeetingRef.model_validate(m, from_attributes=True) for m in meetings],
            timeline=[TimelineEntryRef.model_validate(t, from_attributes=True) for t in entries],
        ),
        evidence=[_evidence_read(e) for e in evidence],
    )


def _evidence_read(evidence: Evidence) -> EvidenceRead:
    if evidence.meeting_id:
        fact_type, fact_id = "meeting", evidence.meeting_id
    elif evidence.timeline_entry_id:
        fact_type, fact_id = "timeline_entry", evidence.timeline_entry_id
    elif evidence.role_id is not None:
        fact_type, fact_id = "role", str(evidence.role_id)
    else:
        fact_type, fact_id = "person", evidence.person_id
    return EvidenceRead(
        fact_type=fact_type,
        fact_id=fact_id,
        quote=evidence.quote,
        part=evidence.part,
        start=evidence.start_offset,
        end=evidence.end_offset,
    )
