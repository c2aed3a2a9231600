"""Bearer API keys for the write routes: compared in constant time, never open by default."""

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.errors import ReadOnlyError, UnauthorizedError, WritesDisabledError

# FastAPI's scheme reads the header and documents it in /openapi.json; the answers stay ours (problem+json).
bearer = HTTPBearer(
    scheme_name="APIKey",
    description="A key from the server's API_KEYS, sent as `Authorization: Bearer <key>`.",
    auto_error=False,
)


def require_writer(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    """Admit a request bearing one of API_KEYS; return a fingerprint of the key it used."""
    keys: list[str] = request.app.state.settings.api_keys
    if not keys:
        raise WritesDisabledError("writes are disabled: the server has no API_KEYS configured")
    if credentials is None:
        raise UnauthorizedError("send an API key as 'Authorization: Bearer <key>'")
    presented = credentials.credentials.encode()
    # Compare with every key, always, so the time taken says nothing about which one is close.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(presented, key.encode())
    if not matched:
        raise UnauthorizedError("the API key is not valid")
    if getattr(request.app.state, "read_only", False):
        raise ReadOnlyError("this instance serves a read-only database: send writes to the primary")
    return hashlib.sha256(presented).hexdigest()[:16]


WriterDep = Annotated[str, Depends(require_writer)]
