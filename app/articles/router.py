from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import JSONResponse
from sqlmodel import Session

from app.articles import service, writes
from app.articles.schemas import ARTICLE_CSV, ArticleCreate, ArticleDetail, ArticleRead, ArticleWritten
from app.auth import WriterDep
from app.db import SessionDep
from app.errors import PROBLEM_RESPONSES, WRITE_PROBLEM_RESPONSES
from app.exports import LIST_RESPONSES, FormatQuery, list_response
from app.pagination import CursorQuery, OptionalLimitQuery, Page
from app.schemas import ArticleId, DateQuery, text_query

router = APIRouter(prefix="/v1/articles", tags=["articles"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=Page[ArticleRead], summary="List articles, newest first", responses=LIST_RESPONSES)
def list_articles(
    request: Request,
    response: Response,
    db_session: SessionDep,
    q: Annotated[str | None, text_query("Words that title or body contain.")] = None,
    source: Annotated[str | None, text_query("Outlet, any case.")] = None,
    published_from: DateQuery = None,
    published_to: DateQuery = None,
    person: Annotated[str | None, text_query("Person id, name or alias mentioned in the article.")] = None,
    limit: OptionalLimitQuery = None,
    cursor: CursorQuery = None,
    format: FormatQuery = None,
) -> Page[ArticleRead] | Response:
    filters = service.ArticleFilters(
        q=q, source=source, published_from=published_from, published_to=published_to, person=person
    )

    def fetch(db_session: Session, limit: int, cursor: str | None) -> tuple[list[ArticleRead], str | None]:
        articles, next_cursor = service.list_articles(
            db_session=db_session, filters=filters, limit=limit, cursor=cursor
        )
        return [ArticleRead.of(a) for a in articles], next_cursor

    return list_response(
        request,
        response,
        db_session,
        fetch,
        columns=ARTICLE_CSV,
        filename="articles.csv",
        limit=limit,
        cursor=cursor,
        requested=format,
    )


@router.get("/{article_id}", response_model=ArticleDetail, summary="One article with its body and facts")
def get_article(article_id: ArticleId, db_session: SessionDep) -> ArticleDetail:
    return service.get_detail(db_session=db_session, article_id=article_id)


_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ArticleCreate"}},
            "text/plain": {
                "schema": {"type": "string"},
                "example": " date 2024-03-14 Two foreign ministers met in Riga on Tuesday.",
            },
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "",
    status_code=201,
    response_model=ArticleWritten,
    summary="Add an article (JSON, seed-format text or an HTML page); it is extracted before the answer",
    responses={
        **WRITE_PROBLEM_RESPONSES,
        200: {"model": ArticleWritten, "description": "The same content was already stored; nothing changed"},
        409: {"description": "A request with this Idempotency-Key is still in progress"},
        413: {"description": "Body larger than MAX_ARTICLE_BYTES, or its text longer than 100,000 characters"},
        415: {"description": "Not JSON, text/plain or text/html"},
    },
    openapi_extra=_REQUEST_BODY,
)
async def create_article(
    request: Request,
    writer: WriterDep,
    idempotency_key: Annotated[str | None, Header(max_length=255)] = None,
) -> JSONResponse:
    state = request.app.state
    answer = await writes.post_article(
        engine=state.write_engine,
        queue=state.extraction_queue,
        extractor=getattr(state, "write_extractor", None) or getattr(state, "extractor", None),
        writer=writer,
        idempotency_key=idempotency_key,
        path=request.url.path,
        content_type=request.headers.get("content-type"),
        declared_length=request.headers.get("content-length"),
        chunks=request.stream(),
        max_bytes=state.settings.max_article_bytes,
    )
    return JSONResponse(answer.body, status_code=answer.status_code, headers=answer.headers)


@router.delete(
    "/{article_id}",
    status_code=204,
    summary="Remove an article and every fact only it supported",
    responses={**WRITE_PROBLEM_RESPONSES},
)
def delete_article(request: Request, writer: WriterDep, article_id: ArticleId) -> Response:  # the key is checked first
    writes.remove(engine=request.app.state.write_engine, article_id=article_id)
    return Response(status_code=204)


__all__ = ["ArticleCreate", "router"]
