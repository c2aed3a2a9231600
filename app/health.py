"""Liveness and readiness: /healthz while the process lives, /readyz once the startup ingest is done."""

import threading
from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, select

from app.errors import PROBLEM_MEDIA_TYPE, problem_response
from app.models import Article, Meeting, Person, TimelineEntry

router = APIRouter(tags=["health"])


@dataclass
class StartupState:
    """What the startup ingest has done so far; shared between its thread and the readiness probe."""

    finished: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    error: str | None = None


class Health(BaseModel):
    status: str


class Counts(BaseModel):
    articles: int
    people: int
    meetings: int
    timeline_entries: int


class Readiness(BaseModel):
    status: str
    counts: Counts


@router.get("/healthz", response_model=Health, summary="Liveness")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="Readiness: 503 until the startup ingest has finished",
    responses={503: {"description": "Not ready", "content": {PROBLEM_MEDIA_TYPE: {}}}},
)
def readyz(request: Request) -> Readiness | JSONResponse:
    state: StartupState = request.app.state.startup
    if not state.finished.is_set():
        return problem_response(503, "startup ingest in progress", instance="/readyz", headers={"Retry-After": "1"})
    if state.error:
        return problem_response(503, f"startup ingest failed: {state.error}", instance="/readyz")
    with Session(request.app.state.engine) as db_session:
        counts = Counts(
            articles=db_session.exec(select(func.count()).select_from(Article)).one(),
            people=db_session.exec(select(func.count()).select_from(Person)).one(),
            meetings=db_session.exec(select(func.count()).select_from(Meeting)).one(),
            timeline_entries=db_session.exec(select(func.count()).select_from(TimelineEntry)).one(),
        )
    return Readiness(status="ready", counts=counts)
