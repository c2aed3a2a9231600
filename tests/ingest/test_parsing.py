import json
from datetime import date

import pytest

from app.ingest.parsing import ArticleParseError, content_sha256, parse_json_article, parse_seed_text
from tests.conftest import SEEDS_DIR


def _seed(name: str):
    path = SEEDS_DIR / name
    return parse_seed_text(path.read_text(encoding="utf-8"), origin=path.name)


def test_wire_copy_seed_names_its_source_and_has_no_headline():
    article = _seed("000_0d754ff0f809e8c7.txt")

    assert article.published_at == date(2024, 4, 30)
    assert article.source == "Ukrinform"
    assert article.title is None
    assert article.author is None
    assert article.body.startswith("President of Ukraine Volodymyr Zelensky and NATO Secretary General")
    assert "MENAFN" not in article.body
    assert [p.kind for p in article.paragraphs].count("caption") == 1
    assert article.paragraphs[-1].text == "Photo: President's Office"
    assert len(article.paragraphs) == 14
    assert article.word_count == len(article.body.split())


def test_page_dump_seed_drops_furniture_and_keeps_the_caption():
    article = _seed("003_09662cb815ed8d2c.txt")

    assert article.published_at == date(2024, 9, 25)
    assert article.title == "Zelensky meets with NATO's Stoltenberg in New York"
    assert article.author == "The Kyiv Independent news desk"
    assert article.source == "The Kyiv Independent"
    for furniture in (
        "launches YouTube series",
        "News Feed,",
        "Edit post",
        "min read",
        "AI assistance",
        "Author:",
    ):
        assert furniture not in article.body
    caption = article.paragraphs[0]
    assert caption.kind == "caption"
    assert caption.text.endswith("(Kin Cheung / Pool / AFP)")
    assert "\xa0" not in article.body
    assert article.paragraphs[1].text.startswith("President Volodymyr Zelensky met with NATO Secretary General")
    assert article.paragraphs[-1].text.startswith("According to Zelensky, who has repeatedly called")
    assert all(p.kind == "text" for p in article.paragraphs[1:])


def test_paragraph_spans_point_into_the_body():
    article = _seed("003_09662cb815ed8d2c.txt")

    for paragraph, span in zip(article.paragraphs, article.paragraph_spans, strict=True):
        assert article.body[span["start"] : span["end"]] == paragraph.text
        assert span["kind"] == paragraph.kind


WIRE_WITH_DATELINE = """ date 2023-06-02 Baltic ministers back defence pact
BRUSSELS (Reuters) - Estonia's defence minister Karl Tamm met his Latvian
counterpart Ilze Ozola on Thursday to discuss a joint air defence
procurement, officials said.

The two ministers will meet again in Riga next month.

(Reporting by Anna Berg; Editing by Tom Hale)
"""


def test_wire_report_with_dateline_joins_wrapped_lines_and_drops_the_trailer():
    article = parse_seed_text(WIRE_WITH_DATELINE)

    assert article.title == "Baltic ministers back defence pact"
    assert article.source == "Reuters"
    assert article.paragraphs[0].text == (
        "BRUSSELS (Reuters) - Estonia's defence minister Karl Tamm met his Latvian counterpart "
        "Ilze Ozola on Thursday to discuss a joint air defence procurement, officials said."
    )
    assert len(article.paragraphs) == 2
    assert "Reporting by" not in article.body


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("OSLO, Norway, March 4 (Reuters) - ", "Reuters"),
        ("WARSAW, Nov. 12, 2024 (AP) — ", "AP"),
        ("KYIV (AFP) – ", "AFP"),
    ],
)
def test_agency_in_a_dateline_that_carries_a_date_is_the_source(dateline, agency):
    article = parse_seed_text(f" date 2024-03-04 Ministers meet\n{dateline}Two ministers met on Monday.\n")

    assert article.source == agency
    assert article.paragraphs[0].text.startswith(dateline.strip())


MAGAZINE_PAGE = """ date 2021-11-08 Skip to content
Home
World, Europe, Security, Diplomacy
Foreign ministers gather in Vilnius ahead of winter talks
By Maria Keller | November 8, 2021 | 5 min read
Share
Foreign ministers pose for a family photo in Vilnius on Nov. 7, 2021. (Photo by Jonas Petrauskas/Getty Images)

Foreign ministers of the Nordic and Baltic states met in Vilnius on Sunday.

Advertisement

Lithuanian Foreign Minister Rasa Vaitkute hosted the talks.

© 2021 Baltic Herald. All rights reserved.
"""


def test_magazine_page_with_breadcrumbs_byline_and_getty_credit():
    article = parse_seed_text(MAGAZINE_PAGE)

    assert article.title == "Foreign ministers gather in Vilnius ahead of winter talks"
    assert article.author == "Maria Keller"
    assert article.source == "Baltic Herald"
    assert [p.kind for p in article.paragraphs] == ["caption", "text", "text"]
    assert article.paragraphs[0].text.endswith("(Photo by Jonas Petrauskas/Getty Images)")
    for furniture in ("Skip to content", "Home", "Share", "Advertisement", "©", "Diplomacy"):
        assert furniture not in article.body


PRESS_RELEASE_WITHOUT_HEADER_DATE = """Minister receives ambassadors of partner states

By Press Office of the Ministry of Defence, 14 March 2022

The Minister of Defence received the ambassadors of partner states on Monday.

Source: Ministry of Defence
"""


def test_press_release_takes_its_date_from_the_byline_when_the_header_has_none():
    article = parse_seed_text(PRESS_RELEASE_WITHOUT_HEADER_DATE)

    assert article.published_at == date(2022, 3, 14)
    assert article.title == "Minister receives ambassadors of partner states"
    assert article.author == "Press Office of the Ministry of Defence"
    assert article.source == "Ministry of Defence"
    assert article.body == "The Minister of Defence received the ambassadors of partner states on Monday."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("A headline\n\nSome text without any date.\n", "no publication date"),
        (" date 2024-02-30 Text of an article.\n", "not a valid ISO date"),
        (" date 2024-01-01\n\nEdit post\n\nAdvertisement\n", "no article text"),
        ("   \n\n", "empty"),
    ],
)
def test_unusable_text_is_refused_with_a_reason(text, reason):
    with pytest.raises(ArticleParseError, match=reason):
        parse_seed_text(text)


def test_json_article_keeps_its_metadata_and_paragraphs():
    document = {
        "title": "Talks in Warsaw",
        "body": "The presidents met in Warsaw.\n\nThey discussed energy security.",
        "published_at": "2023-01-05T10:00:00+01:00",
        "source": "Example Wire",
        "url": "https://news.example/talks",
        "author": "Jan Nowak",
    }
    article = parse_json_article(document, raw_text=json.dumps(document))

    assert article.published_at == date(2023, 1, 5)
    assert (article.title, article.source, article.url, article.author) == (
        "Talks in Warsaw",
        "Example Wire",
        "https://news.example/talks",
        "Jan Nowak",
    )
    assert article.body == "The presidents met in Warsaw.\n\nThey discussed energy security."


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"published_at": "2023-01-05"}, "body"),
        ({"body": "   ", "published_at": "2023-01-05"}, "body"),
        ({"body": "Text."}, "published_at"),
        ({"body": "Text.", "published_at": "yesterday"}, "published_at"),
        ({"body": "Text.", "published_at": "2023-01-05", "title": 5}, "title"),
    ],
)
def test_json_article_errors_name_the_field(document, field):
    with pytest.raises(ArticleParseError) as caught:
        parse_json_article(document, raw_text=json.dumps(document))
    assert caught.value.field == field


def test_identity_ignores_whitespace_and_paragraph_layout():
    assert content_sha256("One  paragraph.\n\nTwo.") == content_sha256("One paragraph.\u00a0Two.")
    assert content_sha256("One paragraph.") != content_sha256("Another paragraph.")


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By Anna Berg, Baltic Herald, Vilnius", "Anna Berg", "Baltic Herald"),
        ("By Anna Berg, Moscow correspondent", "Anna Berg", None),
        ("By Anna Berg, Tom Hale and Jonas Petr", "Anna Berg, Tom Hale and Jonas Petr", None),
        ("By Anna Berg and Tom Hale, Reuters", "Anna Berg and Tom Hale", "Reuters"),
    ],
)
def test_byline_names_the_author_and_the_outlet_after_a_comma(byline, author, source):
    article = parse_seed_text(f" date 2024-03-04 Ministers meet\n{byline}\n\nTwo ministers met on Monday.\n")

    assert (article.author, article.source) == (author, source)
    assert article.body == "Two ministers met on Monday."


@pytest.mark.parametrize(
    ("line", "source"),
    [("Kyiv Post", "Kyiv Post"), ("Ministry of Foreign Affairs of Estonia", "Ministry of Foreign Affairs of Estonia")],
)
def test_an_outlet_named_alone_below_the_headline_is_the_source_not_the_body(line, source):
    article = parse_seed_text(f" date 2024-03-04 Ministers meet\n{line}\n\nTwo ministers met on Monday.\n")

    assert article.source == source
    assert article.body == "Two ministers met on Monday."


@pytest.mark.parametrize(
    "first", ["Two ministers met on Monday.", "Breaking: two ministers met", "KYIV (AP) — Two ministers met."]
)
def test_a_first_paragraph_that_is_a_sentence_stays_in_the_body(first):
    article = parse_seed_text(f" date 2024-03-04 Ministers meet\n{first}\n\nThey talked.\n")

    assert article.body.startswith(first)
