"""Bearer API keys for the write routes: compared in constant time, never open by default."""

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request

from app.errors import UnauthorizedError, WritesDisabledError


def require_writer(request: Request) -> str:
    """Admit a request bearing one of API_KEYS; return a fingerprint of the key it used."""
    keys: list[str] = request.app.state.settings.api_keys
    if not keys:
        raise WritesDisabledError("writes are disabled: the server has no API_KEYS configured")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise UnauthorizedError("send an API key as 'Authorization: Bearer <key>'")
    presented = token.strip().encode()
    # Compare with every key, always, so the time taken says nothing about which one is close.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(presented, key.encode())
    if not matched:
        raise UnauthorizedError("the API key is not valid")
    return hashlib.sha256(presented).hexdigest()[:16]


WriterDep = Annotated[str, Depends(require_writer)]
