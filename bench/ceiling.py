"""The ceiling: a bare Starlette app, on the same uvicorn, answering each path with the bytes our service gave.

CEILING_BODIES names a JSON file of {"/path?query": "body"} recorded from the service just before.
"""

import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

_BODIES = {path: body.encode() for path, body in json.loads(Path(os.environ["CEILING_BODIES"]).read_text()).items()}


async def recorded(request: Request) -> Response:
    query = request.url.query
    body = _BODIES.get(request.url.path + (f"?{query}" if query else ""))
    if body is None:
        return Response(status_code=404)
    return Response(body, media_type="application/json")


app = Starlette(routes=[Route("/{path:path}", recorded)])
