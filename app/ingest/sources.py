"""Read article files from disk into ParsedArticle values, refusing what is not article text."""

import json
from collections.abc import Iterable
from pathlib import Path

from app.ingest.parsing import ArticleParseError, ParsedArticle, parse_json_article, parse_seed_text

SUPPORTED_SUFFIXES = frozenset({".txt", ".json", ".html", ".htm"})
_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32))


def decode_text(data: bytes) -> str:
    """Decode UTF-8 article text, refusing empty, binary and undecodable content."""
    if not data.strip():
        raise ArticleParseError("empty file", field="body")
    sample = data[:8192]
    # A NUL anywhere is binary, and PostgreSQL could not store the raw text with it.
    if b"\x00" in data or sum(byte in _CONTROL_BYTES for byte in sample) > len(sample) // 100 + 2:
        raise ArticleParseError("binary content, not text", field="body")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleParseError(f"not UTF-8 text (invalid byte at offset {exc.start})", field="body") from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ArticleParseError("empty file", field="body")
    return text


def parse_bytes(data: bytes, *, suffix: str, origin: str | None = None) -> ParsedArticle:
    """Parse the bytes of one article file according to its suffix."""
    text = decode_text(data)
    if suffix == ".json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleParseError(f"invalid JSON: {exc.msg} at line {exc.lineno}", field="body") from None
        except RecursionError:
            raise ArticleParseError("invalid JSON: nested too deeply", field="body") from None
        return parse_json_article(document, raw_text=text, origin=origin)
    if suffix in {".html", ".htm"}:
        # Imported here: trafilatura takes a quarter of a second to import, and startup reads text seeds.
        from app.ingest.html import parse_html

        return parse_html(text, origin=origin)
    return parse_seed_text(text, origin=origin)


def parse_file(path: Path) -> ParsedArticle:
    """Read and parse one article file."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ArticleParseError(f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .json or .html")
    return parse_bytes(path.read_bytes(), suffix=path.suffix.lower(), origin=path.name)


def discover_files(paths: Iterable[Path]) -> list[Path]:
    """List the article files under files and folders, in a stable (sorted) order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.is_file():
            found.append(path)
    return found


MEDIA_TYPE_SUFFIXES = {"application/json": ".json", "text/plain": ".txt", "text/html": ".html"}


def parse_payload(data: bytes, *, media_type: str) -> ParsedArticle:
    """Parse an article sent over HTTP as JSON, seed-format text or an HTML page."""
    return parse_bytes(data, suffix=MEDIA_TYPE_SUFFIXES[media_type], origin="http")
