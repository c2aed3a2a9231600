"""The explorer page at `/`: static files over the API, no build step and nothing from another origin."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

WEB_DIR = Path(__file__).parent
ASSETS = StaticFiles(directory=WEB_DIR / "assets")
_PAGE = (WEB_DIR / "index.html").read_text(encoding="utf-8")
# Everything the page loads comes from this origin; the CSP says so, so injected markup could run nothing.
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-cache",
}

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def explorer() -> HTMLResponse:
    return HTMLResponse(_PAGE, headers=_HEADERS)
