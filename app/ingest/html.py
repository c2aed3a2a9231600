"""Take the article out of a web page: main text and metadata, by trafilatura."""

import trafilatura
from lxml import etree

from app import limits
from app.ingest.parsing import (
    ArticleParseError,
    Paragraph,
    ParsedArticle,
    fitting,
    normalise_text,
    parse_iso_date,
)


def parse_html(html: str, *, origin: str | None = None) -> ParsedArticle:
    """Parse a news page: its paragraphs, title, author, outlet, canonical url and publication date."""
    extracted = trafilatura.extract(
        html,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    if not extracted:
        raise ArticleParseError("no article text found in the page", field="body")
    document = etree.fromstring(extracted.encode())
    title = normalise_text(document.get("title") or "") or None
    paragraphs = []
    for element in document.iterfind("./main//*"):
        if element.tag not in {"p", "head", "item", "quote"}:
            continue
        text = normalise_text("".join(element.itertext()))
        if text and not (element.tag == "head" and text == title):
            paragraphs.append(Paragraph("text", text))
    if not paragraphs:
        raise ArticleParseError("no article text found in the page", field="body")
    published = document.get("date")
    if not published:
        raise ArticleParseError("no publication date in the page's metadata", field="published_at")
    return ParsedArticle(
        published_at=parse_iso_date(published, field="published_at"),
        paragraphs=tuple(paragraphs),
        raw_text=html,
        title=title,
        source=fitting(document.get("sitename") or document.get("hostname") or None, limits.SOURCE_LIMIT),
        author=fitting(normalise_text(document.get("author") or "") or None, limits.AUTHOR_LIMIT),
        url=url if (url := document.get("url")) and limits.web_url(url) else None,
        origin=origin,
    )
