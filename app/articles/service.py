import re
from dataclasses import dataclass
from datetime import date

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
from app.pagination import Keyset, paginate
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


# SQLite's planner cannot tell a rare word from a common one; a bounded count can, and picks one of three
# plans (each the fastest in its range, measured at 100k articles in bench/run.py):
# - few matches: fetch them from the index and sort them by date (cost grows with the matches);
# - many: keep the matches in a set once and walk articles by date until a page is found (the `+`
#   stops SQLite from driving the query from the set; the walk is about articles/matches rows per hit);
# - most of the corpus: walk by date and probe the index per article, skipping the set's cost.
_FEW_MATCHES = 1000
_MOST_OF_CORPUS = 0.3
_MATCHING = "SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query"
_COUNT_MATCHING = "SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query LIMIT :cap)"
_IN_MATCHING_SET = "+article.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query)"


def matches_text(*, db_session: Session, query: str) -> ColumnElement[bool]:
    """Match articles whose title or body contain every word of the query."""
    tokens = _SEARCH_TOKEN.findall(query)
    if not tokens:
        return false()
    if db_session.get_bind().dialect.name == "sqlite":
        # Each word quoted, so FTS5 operators in user input are searched for, not obeyed.
        fts_query = " ".join('"' + token.replace('"', "") + '"' for token in tokens)
        # The largest rowid stands in for the article count: exact enough, and one index seek.
        corpus = db_session.scalar(text("SELECT coalesce(max(rowid), 0) FROM article"))
        cap = max(_FEW_MATCHES, int(corpus * _MOST_OF_CORPUS))
        found = db_session.scalar(text(_COUNT_MATCHING).bindparams(fts_query=fts_query, cap=cap))
        if found < _FEW_MATCHES:
            return literal_column("article.rowid").in_(text(_MATCHING).bindparams(fts_query=fts_query))
        if found < cap:
            return text(_IN_MATCHING_SET).bindparams(fts_query=fts_query)
        return text(
            "EXISTS (SELECT 1 FROM article_fts WHERE article_fts.rowid = article.rowid"
            " AND article_fts MATCH :fts_query)"
        ).bindparams(fts_query=fts_query)
    # PostgreSQL: the generated tsvector (migration 0003); plainto_tsquery takes any text safely.
    return literal_column("article.search_vector").op("@@")(func.plainto_tsquery("english", " ".join(tokens)))


def list_articles(
    *, db_session: Session, filters: ArticleFilters, limit: int, cursor: str | None
) -> tuple[list[Article], str | None]:
    """List articles, newest first, by text, source, publication dates and person mentioned."""
    # The list shows no text: leave the bodies (most of each row) on disk.
    statement = select(Article).options(defer(Article.body), defer(Article.raw_text), defer(Article.paragraphs))
    if filters.q:
        statement = statement.where(matches_text(db_session=db_session, query=filters.q))
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
        start=evidence.start_offset,
        end=evidence.end_offset,
    )
