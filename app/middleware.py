"""HTTP behaviour every route shares: HEAD wherever GET is answered, and the security headers."""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Only the page at / sets a full Content-Security-Policy; any other answer (the API, /docs, static files)
# still may not be framed, and a CSP of this one directive restricts nothing else (Swagger UI keeps working).
_FRAMING_POLICY = "frame-ancestors 'none'"


class HeadAsGet:
    """Answers HEAD as the GET of the same URL, headers and all (Content-Length, ETag, Link), without the body.

    FastAPI's routes answer only the methods they declare, so without this a HEAD is a 405 everywhere.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class SecurityHeaders:
    """Adds nosniff and a no-framing policy to every answer, cached ones and errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Content-Security-Policy", _FRAMING_POLICY)
            await send(message)

        await self.app(scope, receive, with_headers)
