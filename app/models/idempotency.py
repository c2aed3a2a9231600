from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.article import utcnow


class IdempotencyKey(SQLModel, table=True):
    """The first response to a write sent with an Idempotency-Key, replayed for retries of it."""

    __tablename__ = "idempotency_key"

    # The client's key, scoped to the API key that sent it (a SHA-256 of both).
    id: str = Field(primary_key=True, max_length=64)
    request_sha256: str = Field(max_length=64)
    status_code: int
    response_body: dict[str, Any] = Field(sa_type=sa.JSON)
    location: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True), index=True)
