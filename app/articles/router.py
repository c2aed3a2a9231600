from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlmodel import Session

from app.articles import service, writes
from app.articles.schemas import ARTICLE_CSV, ArticleCreate, ArticleDetail, ArticleRead, ArticleWritten
from app.auth import WriterDep
from app.db import SessionDep
from app.errors import (
    PROBLEM_RESPONSES,
    WRITE_PROBLEM_RESPONSES,
    InvalidInputError,
    PayloadTooLargeError,
    UnavailableError,
    UnsupportedMediaTypeError,
)
from app.exports import LIST_RESPONSES, FormatQuery, list_response
from app.ingest.parsing import ArticleParseError
from app.ingest.sources import MEDIA_TYPE_SUFFIXES, parse_payload
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


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLargeError(f"the article is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:  # stop reading: never hold more than the limit
            raise PayloadTooLargeError(f"the article is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "",
    status_code=201,
    response_model=ArticleWritten,
    summary="Add an article (JSON, seed-format text or an HTML page); extraction runs in the request",
    responses={
        **WRITE_PROBLEM_RESPONSES,
        200: {"model": ArticleWritten, "description": "The same content was already stored; nothing changed"},
        409: {"description": "Idempotency-Key reused with a different request"},
        413: {"description": "Body larger than MAX_ARTICLE_BYTES"},
        415: {"description": "Not JSON, text/plain or text/html"},
    },
    openapi_extra=_REQUEST_BODY,
)
async def create_article(
    request: Request,
    writer: WriterDep,
    idempotency_key: Annotated[str | None, Header(max_length=255)] = None,
) -> JSONResponse:
    app_state = request.app.state
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPE_SUFFIXES:
        raise UnsupportedMediaTypeError(
            f"send application/json, text/plain or text/html, not {media_type or 'nothing'!r}"
        )
    data = await _read_body(request, app_state.settings.max_article_bytes)
    scope = fingerprint = None
    if idempotency_key:
        scope = writes.idempotency_scope(writer=writer, key=idempotency_key)
        fingerprint = writes.request_fingerprint(method="POST", path=request.url.path, media_type=media_type, body=data)
        replay = await run_in_threadpool(
            writes.find_replay, engine=app_state.write_engine, scope_id=scope, fingerprint=fingerprint
        )
        if replay is not None:
            headers = {"Idempotent-Replayed": "true"} | ({"Location": replay.location} if replay.location else {})
            return JSONResponse(replay.response_body, status_code=replay.status_code, headers=headers)
    try:
        parsed = parse_payload(data, media_type=media_type)
    except ArticleParseError as exc:
        raise InvalidInputError(exc.reason, field=f"body.{exc.field}" if exc.field else "body") from None
    extractor = getattr(app_state, "extractor", None)
    if extractor is None:
        raise UnavailableError("the extractor is still loading; try again shortly")
    outcome = await run_in_threadpool(writes.create, engine=app_state.write_engine, parsed=parsed, extractor=extractor)
    body = ArticleWritten(
        **ArticleRead.of(outcome.article).model_dump(),
        people=outcome.people,
        meetings=outcome.meetings,
        timeline=outcome.timeline,
    ).model_dump(mode="json")
    status_code = 201 if outcome.created else 200
    location = f"/v1/articles/{outcome.article.id}" if outcome.created else None
    if scope is not None:
        await run_in_threadpool(
            writes.remember,
            engine=app_state.write_engine,
            scope_id=scope,
            fingerprint=fingerprint,
            status_code=status_code,
            body=body,
            location=location,
        )
    return JSONResponse(body, status_code=status_code, headers={"Location": location} if location else None)


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
