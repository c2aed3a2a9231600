"""Domain errors and their one canonical HTTP form: RFC 9457 application/problem+json."""

from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

log = structlog.get_logger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"


class DomainError(Exception):
    """An error a service raises; the HTTP layer turns it into a problem response."""

    status_code = 400
    headers: dict[str, str] | None = None

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class NotFoundError(DomainError):
    status_code = 404


class InvalidInputError(DomainError):
    status_code = 422


class UnauthorizedError(DomainError):
    status_code = 401
    headers = {"WWW-Authenticate": 'Bearer realm="newsevents"'}


class WritesDisabledError(DomainError):
    status_code = 403


class NotAcceptableError(DomainError):
    status_code = 406


class ConflictError(DomainError):
    status_code = 409


class PayloadTooLargeError(DomainError):
    status_code = 413


class UnsupportedMediaTypeError(DomainError):
    status_code = 415


class UnavailableError(DomainError):
    status_code = 503
    headers = {"Retry-After": "5"}


class ReadOnlyError(DomainError):
    """A write to an instance that serves a read-only database: retrying here will not help."""

    status_code = 503


class FieldError(BaseModel):
    loc: str
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem detail."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "no meeting with id '0123456789abcdef'",
                    "instance": "/v1/meetings/0123456789abcdef",
                }
            ]
        }
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldError] | None = None


def problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Not found", "content": problem_content()},
    422: {"model": Problem, "description": "Invalid input", "content": problem_content()},
}
WRITE_PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing or wrong API key", "content": problem_content()},
    403: {"model": Problem, "description": "Writes are disabled (no API_KEYS)", "content": problem_content()},
    503: {"model": Problem, "description": "Not ready or database not writable", "content": problem_content()},
}


def problem_response(
    status: int,
    detail: str,
    *,
    instance: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Build a problem+json response for a status code."""
    problem = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, instance=instance, errors=errors)
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _field_errors(exc: RequestValidationError) -> list[FieldError]:
    return [
        FieldError(loc=".".join(str(part) for part in error["loc"]), msg=error["msg"], type=error["type"])
        for error in exc.errors()
    ]


_METHOD_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (Starlette names only the first route's in its 405)."""
    # A fresh scope: a mount (static files) has rewritten the request's own root_path by now.
    scope = request.scope
    root_path = scope.get("app_root_path", scope.get("root_path", ""))
    allowed: list[str] = []
    for method in _METHOD_ORDER:
        probe = {"type": "http", "method": method, "path": scope["path"], "root_path": root_path}
        for route in request.app.router.routes:
            match, _ = route.matches(probe)
            # A mount matches any method; ours serve static files, which answer GET and HEAD.
            if match is Match.FULL and (not isinstance(route, Mount) or method in ("GET", "HEAD")):
                allowed.append(method)
                break
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.insert(allowed.index("GET") + 1, "HEAD")  # HeadAsGet answers it
    return allowed


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error, expected or not, with a problem body and no stack trace."""

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        errors = [FieldError(loc=exc.field, msg=exc.detail, type="invalid")] if exc.field else None
        return problem_response(
            exc.status_code, exc.detail, instance=request.url.path, errors=errors, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _field_errors(exc)
        detail = "; ".join(f"{error.loc}: {error.msg}" for error in errors[:5])
        return problem_response(422, detail, instance=request.url.path, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = exc.headers
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no resource at {request.url.path}"
        elif exc.status_code == 405:
            allowed = allowed_methods(request)
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
            detail = f"{request.method} is not allowed on {request.url.path}; use {', '.join(allowed)}"
        return problem_response(exc.status_code, detail, instance=request.url.path, headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("request.failed", path=request.url.path, method=request.method)
        return problem_response(500, "the server failed to answer this request", instance=request.url.path)
