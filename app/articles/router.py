from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.articles import service
from app.articles.schemas import ArticleDetail, ArticleRead
from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES
from app.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, Page, page_of

router = APIRouter(prefix="/v1/articles", tags=["articles"], responses=PROBLEM_RESPONSES)

TextQuery = Annotated[str | None, Query(max_length=200)]


@router.get("", response_model=Page[ArticleRead], summary="List articles, newest first")
def list_articles(
    request: Request,
    response: Response,
    db_session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, description="Words that title or body contain.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Outlet, any case.")] = None,
    published_from: date | None = None,
    published_to: date | None = None,
    person: Annotated[
        str | None, Query(max_length=200, description="Person id, name or alias mentioned in the article.")
    ] = None,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Page[ArticleRead]:
    filters = service.ArticleFilters(
        q=q, source=source, published_from=published_from, published_to=published_to, person=person
    )
    articles, next_cursor = service.list_articles(db_session=db_session, filters=filters, limit=limit, cursor=cursor)
    return page_of(request, response, [ArticleRead.of(a) for a in articles], next_cursor)


@router.get("/{article_id}", response_model=ArticleDetail, summary="One article with its body and facts")
def get_article(article_id: str, db_session: SessionDep) -> ArticleDetail:
    return service.get_detail(db_session=db_session, article_id=article_id)
