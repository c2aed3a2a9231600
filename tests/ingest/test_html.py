from datetime import date
from pathlib import Path

import pytest

from app.ingest.html import parse_html
from app.ingest.parsing import ArticleParseError

PAGES = Path(__file__).parent / "pages"


def test_page_with_meta_tags_gives_text_and_metadata_without_page_furniture():
    article = parse_html((PAGES / "nordic_leaders.html").read_text(), origin="nordic_leaders.html")

    assert article.title == "Nordic leaders meet in Oslo"
    assert (article.source, article.author) == ("Example News", "Jane Roe")
    assert article.url == "https://news.example/2024/03/14/nordic-leaders"
    assert article.published_at == date(2024, 3, 14)
    assert [p.text[:40] for p in article.paragraphs] == [
        "Norwegian Prime Minister Jonas Gahr Stor",
        "The two leaders agreed to deepen defence",
        "Stubb said Ukraine's future lies in NATO",
    ]
    for furniture in ("Subscribe", "Most read", "Another story", "Copyright", "By Jane Roe"):
        assert furniture not in article.body


def test_page_with_json_ld_metadata_drops_cookie_share_and_related_blocks():
    article = parse_html((PAGES / "wire_page.html").read_text())

    assert article.title == "Baltic ministers meet in Tallinn"
    assert article.published_at == date(2023, 5, 9)
    assert article.author == "Mari Tamm"
    assert article.body.startswith("Estonian Foreign Minister Margus Tsahkna met")
    for furniture in ("cookies", "Share on", "Related", "Another story"):
        assert furniture not in article.body


def test_page_without_a_publication_date_is_refused_naming_the_field():
    with pytest.raises(ArticleParseError) as caught:
        parse_html((PAGES / "no_date.html").read_text())
    assert caught.value.field == "published_at"


def test_page_without_article_text_is_refused():
    with pytest.raises(ArticleParseError, match="no article text"):
        parse_html("<html><body><nav>Home</nav></body></html>")
