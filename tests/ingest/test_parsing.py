import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from app.ingest.parsing import ArticleParseError, Paragraph, content_sha256, parse_json_article, parse_seed_text
from app.ingest.sources import parse_file
from tests.conftest import SEEDS_DIR


def _seed(name: str):
    path = SEEDS_DIR / name
    return parse_seed_text(path.read_text(encoding="utf-8"), origin=path.name)


def test_wire_copy_seed_names_its_source_and_is_listed_under_its_lead():
    article = _seed("000_0d754ff0f809e8c7.txt")

    assert article.published_at == date(2024, 4, 30)
    assert article.source == "Ukrinform"
    # No headline: the title is the lead's first sentence, cut at a word, and the lead stays in the body.
    assert article.title == (
        "President of Ukraine Volodymyr Zelensky and NATO Secretary General Jens Stoltenberg met with officers who "
        "are undergoing professional military training courses…"
    )
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


KEY_DATES = """ date 2025-05-18 Malta's road into NATO
Six years ago today, Malta applied to join the alliance, which it joined on
4 April 2021, after every Ally had ratified its protocol.

Key dates:
12 May 2019 – Malta applies to join NATO
30 June 2019: At the Reykjavik summit, Allied leaders invite Malta to join
March 2020 – Iceland's parliament ratifies Malta's protocol
- The Maltese flag is raised at headquarters
• Malta sends its first officers to the NATO command
"""


def test_a_list_of_key_dates_keeps_a_paragraph_per_line_and_the_article_its_identity():
    article = parse_seed_text(KEY_DATES)

    assert [p.text for p in article.paragraphs] == [
        # a date at the start of a line, without a dash or colon after it, goes on a hard-wrapped sentence
        "Six years ago today, Malta applied to join the alliance, which it joined on 4 April 2021, after every "
        "Ally had ratified its protocol.",
        "Key dates:",
        "12 May 2019 – Malta applies to join NATO",
        "30 June 2019: At the Reykjavik summit, Allied leaders invite Malta to join",
        "March 2020 – Iceland's parliament ratifies Malta's protocol",
        "- The Maltese flag is raised at headquarters",
        "• Malta sends its first officers to the NATO command",
    ]
    # Paragraph breaks are not part of an article's identity: stored before lists were split, it is the same article.
    assert article.content_sha256 == content_sha256(" ".join(p.text for p in article.paragraphs))


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("OSLO, Norway, March 4 (Reuters) - ", "Reuters"),
        ("WARSAW, Nov. 12, 2024 (AP) — ", "AP"),
        ("KYIV (AFP) – ", "AFP"),
        ("VALLETTA, June 29. /TASS/. ", "TASS"),
        ("VALLETTA (Example News / Sputnik - 03rd August, 2023) ", "Example News / Sputnik"),
        ("Valletta, 1 December 2022 (TDI): ", "TDI"),
        ("Mdina, Malta; 12 March 1999 (RFE/RL) - ", "RFE/RL"),
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
    assert article.dateline is None


def test_json_article_takes_its_dateline_as_given_without_control_characters():
    document = {
        "body": "WARSAW — The presidents met.",
        "published_at": "2023-01-05",
        "dateline": " Warsaw,\u0007  Poland ",
    }
    article = parse_json_article(document, raw_text=json.dumps(document))

    # The sender's dateline is stored as sent (whitespace and control characters aside), not read from the body.
    assert article.dateline == "Warsaw, Poland"
    assert article.body == "WARSAW — The presidents met."
    assert parse_json_article(document | {"dateline": "R" * 200}, raw_text="").dateline == "R" * 200


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"published_at": "2023-01-05"}, "body"),
        ({"body": "   ", "published_at": "2023-01-05"}, "body"),
        ({"body": "Text."}, "published_at"),
        ({"body": "Text.", "published_at": "yesterday"}, "published_at"),
        ({"body": "Text.", "published_at": "2023-01-05", "title": 5}, "title"),
        ({"body": "Text.", "published_at": "2023-01-05", "dateline": ["Riga"]}, "dateline"),
        ({"body": "Text.", "published_at": "2023-01-05", "dateline": "R" * 201}, "dateline"),
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


# Page shapes of real outlets and offices, in text of our own.

DATED_BYLINE_PAGE = """ date 2021-03-03 Defense Chief Hosts Baltic Counterparts

Mar. 3, 2021 | By Ana Ruiz , Defense Wire

The defense secretary hosted three Baltic ministers at the ministry today.

Honor Cordon

The secretary greets the ministers at the ministry, March 3, 2021.

Photo By: Tom Vale, DOD

The ministers discussed air policing.
"""


def test_a_byline_led_by_its_date_names_author_and_outlet_and_a_photo_credit_does_not():
    article = parse_seed_text(DATED_BYLINE_PAGE)

    assert (article.title, article.author, article.source) == (
        "Defense Chief Hosts Baltic Counterparts",
        "Ana Ruiz",
        "Defense Wire",
    )
    assert article.paragraphs[0].text == "The defense secretary hosted three Baltic ministers at the ministry today."
    assert "Mar. 3, 2021 |" not in article.body


@pytest.mark.parametrize(
    ("signoff", "author", "source"),
    [
        ("VOA Baltic Bureau Chief Lina Ozols reports.", "Lina Ozols", "VOA"),
        ("VOA's senior diplomatic correspondent Piet de Vries reports.", "Piet de Vries", "VOA"),
        ("VOA’s Maria Luisa Ortega Cruz reports.", "Maria Luisa Ortega Cruz", "VOA"),
        ("BBC Europe correspondent Tom Hale reports from Riga.", "Tom Hale", "BBC"),
        ("VOA State Department Bureau Chief Ann Lee has the story, narrated by Bo Kim.", "Ann Lee", "VOA"),
        ("From the Latvian capital Riga, Janis Berzins has more.", "Janis Berzins", None),
    ],
)
def test_a_broadcast_sign_off_names_the_reporter_and_the_outlet_leading_it(signoff, author, source):
    lead = f"Two ministers met in Riga on Monday to discuss air defence. {signoff}"
    article = parse_seed_text(f" date 2024-03-04 Ministers meet in Riga\n\n{lead}\n")

    assert (article.title, article.author, article.source) == ("Ministers meet in Riga", author, source)
    assert article.paragraphs == (Paragraph("text", lead),)


@pytest.mark.parametrize("ending", ["The New York Times reports.", "Reuters reports.", "Anna Berg reports."])
def test_a_sentence_that_only_ends_in_reports_signs_nothing(ending):
    article = parse_seed_text(f" date 2024-03-04 Ministers meet\n\nTwo ministers met on Monday. {ending}\n")

    assert (article.author, article.source) == (None, None)


DESK_SIGNED_STORY = """ date 2024-02-26 Parliament ratifies accession

Lawmakers ratified the accession protocol on Monday.

The vote passed by a large majority.

VOA News

The Voice of America broadcasts in many languages. Stories with the VOA News byline draw on wire reports.
"""


def test_a_desk_signing_the_story_is_author_and_source_and_the_outlet_blurb_is_not_body():
    article = parse_seed_text(DESK_SIGNED_STORY)

    assert (article.author, article.source) == ("VOA News", "VOA News")
    assert [p.text for p in article.paragraphs] == [
        "Lawmakers ratified the accession protocol on Monday.",
        "The vote passed by a large majority.",
    ]


BROADCAST_SCRIPT = """ date 2023-07-10 Leaders gather in Riga for a summit on air defence that opens on Tuesday morning.

((INTRO:))

HEADLINE: Leaders Gather in Riga for Air Defence Summit

TEASER: Allies weigh a joint purchase

PUBLISHED: 07/10/2023

BYLINE: Lina Ozols

CONTRIBUTOR:

DATELINE: Riga

VIDEOGRAPHER: Karl Mets

TRT: 2:40

((NARRATOR))

The summit opens on Tuesday.
"""


def test_a_broadcast_script_takes_its_headline_field_and_byline_and_drops_its_fields():
    article = parse_seed_text(BROADCAST_SCRIPT)

    assert article.title == "Leaders Gather in Riga for Air Defence Summit"
    assert article.author == "Lina Ozols"
    assert [p.text for p in article.paragraphs] == [
        "Leaders gather in Riga for a summit on air defence that opens on Tuesday morning.",
        "The summit opens on Tuesday.",
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "The Prime Minister met the President of Latvia in Riga today.",
        "Finland, which joined the alliance last year, will host the next round of talks on air defence in Helsinki, "
        "the foreign minister said on Monday after a long meeting with her counterparts from the three Baltic states "
        "and Poland at the ministry.",
    ],
)
def test_a_first_line_that_is_a_lead_sentence_is_body_and_names_the_article(lead):
    article = parse_seed_text(f" date 2024-04-23 {lead}\n\nThey discussed defence spending.\n")

    assert [p.text for p in article.paragraphs] == [lead, "They discussed defence spending."]
    assert len(article.title) <= 161
    assert lead.startswith(article.title.removesuffix("…"))


def test_an_article_whose_only_text_is_one_lead_line_above_a_date_line_is_kept():
    lead = "Allies will set out concrete steps towards membership at next week's summit, officials said."
    article = parse_seed_text(f" date 2024-07-04 {lead}\n\n2024-07-04\n")

    assert article.title == lead
    assert article.body == lead


def test_a_headline_with_clauses_between_commas_is_not_a_tag_line():
    article = parse_seed_text(" date 2023-03-04 On Gulf Tour, Minister Stresses Ties to Partners, Security\n\nText.\n")

    assert article.title == "On Gulf Tour, Minister Stresses Ties to Partners, Security"


def test_an_outlet_programme_before_the_headline_is_the_source():
    article = parse_seed_text(" date 2023-06-19 VOA60 World - Ministers Meet in Oslo\n\nThe ministers met.\n")

    assert (article.title, article.source) == ("Ministers Meet in Oslo", "VOA")


@pytest.mark.parametrize(
    ("page", "title", "source", "first_paragraph"),
    [
        (
            "Statement by White House Press Secretary Jo Example on the Visit of President Ruiz\n\n"
            "Washington, May 2, 2023: The President looks forward to welcoming President Ruiz.\n",
            "Statement by White House Press Secretary Jo Example on the Visit of President Ruiz",
            "The White House",
            "Washington, May 2, 2023: The President looks forward to welcoming President Ruiz.",
        ),
        (
            "Secretary's Call With the Foreign Minister of Chile\n\n2025-07-03 11:00:47\n\n"
            "The below is attributable to Spokesperson Jo Example:\n\nThe Secretary spoke with the Foreign Minister.\n",
            "Secretary's Call With the Foreign Minister of Chile",
            "U.S. Department of State",
            "The below is attributable to Spokesperson Jo Example:",
        ),
        (
            "Secretary's Meeting with the Chilean Foreign Minister\n\n"
            "Washington, DC (Example.News) The US Department of State released the following statement:\n\n"
            "The Secretary met the Foreign Minister.\n",
            "Secretary's Meeting with the Chilean Foreign Minister",
            "US Department of State",
            "Washington, DC (Example.News) The US Department of State released the following statement:",
        ),
        (
            "Readout of Ambassador Jo Example’s Meeting with the Trade Minister of Chile\n\nMay 2, 2023\n\n"
            "SANTIAGO – United States Trade Representative Jo Example today met the Trade Minister.\n",
            "Readout of Ambassador Jo Example’s Meeting with the Trade Minister of Chile",
            "Office of the United States Trade Representative",
            "SANTIAGO – United States Trade Representative Jo Example today met the Trade Minister.",
        ),
        (
            "Doorstep statement\n\nby NATO Secretary General Jo Example\n\n• 2 May. 2023 -\n"
            "• Last updated: 2 May. 2023 10:15\n\n(As delivered)\n\nGood morning.\n",
            "Doorstep statement",
            "NATO",
            "by NATO Secretary General Jo Example",
        ),
        (
            "Russian-Chilean talks\n\nMay 2, 2023, Santiago\n\nThe two presidents held talks.\n\n"
            "President of Chile Jo Example (retranslated): Welcome.\n",
            "Russian-Chilean talks",
            "President of Russia",
            "The two presidents held talks.",
        ),
        (
            "Joint press availability\n\nMODERATOR:  Good morning.\n\n"
            "SECRETARY EXAMPLE:  Welcome to the State Department, Foreign Minister.\n",
            "Joint press availability",
            "U.S. Department of State",
            "MODERATOR: Good morning.",
        ),
        (
            "The Prime Minister met the President of Chile in Santiago today.\n\n"
            "They agreed the UK and Chile share a close partnership.\n",
            None,
            "Prime Minister's Office, 10 Downing Street",
            "The Prime Minister met the President of Chile in Santiago today.",
        ),
        (
            "During a visit to Chile, President of Ukraine Jo Example met the President of Chile.\n\n"
            "The Head of State thanked Chile for its support.\n",
            None,
            "President of Ukraine",
            "During a visit to Chile, President of Ukraine Jo Example met the President of Chile.",
        ),
        (
            "NATO Allies agreed today (2 May 2023) to open a liaison office in Santiago.\n\n"
            "Allies thanked the Secretary General.\n",
            None,
            "NATO",
            "NATO Allies agreed today (2 May 2023) to open a liaison office in Santiago.",
        ),
    ],
)
def test_an_official_page_names_its_issuing_office_by_its_shape(page, title, source, first_paragraph):
    article = parse_seed_text(f" date 2023-05-02 {page}")

    # A page without a headline is listed under its lead's first sentence.
    assert (article.title, article.source, article.author) == (title or first_paragraph, source, None)
    assert article.paragraphs[0].text == first_paragraph
    for furniture in ("Last updated", "(As delivered)", "11:00:47", "May 2, 2023, Santiago"):
        assert furniture not in article.body


def test_a_news_story_about_an_office_is_not_issued_by_it():
    article = parse_seed_text(
        " date 2024-04-23 Leaders meet in Warsaw\n\nThe Prime Minister of Poland met the NATO Secretary General "
        "in Warsaw on Tuesday, officials said.\n"
    )

    assert article.source is None


CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
# The corpus figure reached; the misses left are titles its gold asks of lead-only first lines (see README).
CORPUS_METADATA_FLOOR = 0.79


def _fold(text: str | None) -> str:
    # score.py's rule: case- and accent-insensitive, punctuation as spaces; a missing value reads "null".
    folded = unicodedata.normalize("NFKD", "null" if text is None else text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9 ]+", " ", folded).strip()


def test_metadata_accuracy_on_the_real_article_corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not found: {CORPUS.resolve()}")
    asked = right = 0
    for gold_file in sorted(CORPUS.glob("*.gold.json")):
        for gold in json.loads(gold_file.read_text(encoding="utf-8")).get("articles", []):
            article = parse_file(CORPUS / "articles" / gold["file"])
            for field in ("source", "title", "author"):
                wanted = gold.get(f"{field}_any_of") or []
                if wanted:
                    asked += 1
                    right += any(_fold(w) in _fold(getattr(article, field)) for w in wanted)
    assert asked
    assert right / asked >= CORPUS_METADATA_FLOOR, f"{right}/{asked}"


# Each shape a page writes its dateline in: the page, then its title, source, author, lead and place.
# Invented text; only the shapes are those of real wire copy, newsroom pages and official releases.
DATELINE_PAGES = [
    pytest.param(
        "By Jo Example\n\nVALLETTA, Malta (May 2, 2023) -- Following talks today, two ministers agreed a plan.\n",
        None,
        None,
        "Jo Example",
        "VALLETTA, Malta (May 2, 2023) -- Following talks today, two ministers agreed a plan.",
        "Valletta, Malta",
        id="caps-place-region-bracketed-date",
    ),
    pytest.param(
        "Readout of the Trade Minister's Meeting\n\nMay 2, 2023\n\n"
        "SAN JOSE – The Trade Minister today met her counterpart.\n",
        "Readout of the Trade Minister's Meeting",
        None,
        None,
        "SAN JOSE – The Trade Minister today met her counterpart.",
        "San Jose",
        id="caps-place-en-dash",
    ),
    pytest.param(
        "Ministers meet\n\nVILNIUS, Lithuania (AP) — Two ministers met on Monday.\n",
        "Ministers meet",
        "AP",
        None,
        "VILNIUS, Lithuania (AP) — Two ministers met on Monday.",
        "Vilnius, Lithuania",
        id="caps-place-region-agency",
    ),
    pytest.param(
        "Ministers meet\n\nBERGEN, May 2 (Reuters) - Two ministers met on Monday.\n",
        "Ministers meet",
        "Reuters",
        None,
        "BERGEN, May 2 (Reuters) - Two ministers met on Monday.",
        "Bergen",
        id="caps-place-date-agency",
    ),
    pytest.param(
        "Minister's Meeting with an Envoy\n\n"
        "Lisbon, PT (Example.News) The Foreign Ministry released the following statement:\n\n"
        "The Minister met the Envoy.\n",
        "Minister's Meeting with an Envoy",
        "Foreign Ministry",
        None,
        "Lisbon, PT (Example.News) The Foreign Ministry released the following statement:",
        "Lisbon, PT",
        id="place-region-outlet-no-dash",
    ),
    pytest.param(
        "Envoys gather at air base\n\nSPANGDAHLEM AIR BASE, Germany — Defence ministers met on Friday.\n",
        "Envoys gather at air base",
        None,
        None,
        "SPANGDAHLEM AIR BASE, Germany — Defence ministers met on Friday.",
        "Spangdahlem Air Base, Germany",
        id="caps-venue-region-em-dash",
    ),
    pytest.param(
        "Town Hall — The mayor welcomed two envoys on Thursday, as the council met – and as talks went on.\n\n"
        "The envoys thanked her.\n",
        "Town Hall — The mayor welcomed two envoys on Thursday, as the council met – and as talks went on.",
        None,
        None,
        "Town Hall — The mayor welcomed two envoys on Thursday, as the council met – and as talks went on.",
        "Town Hall",
        id="ordinary-case-place-em-dash",
    ),
    pytest.param(
        "Estonian-Chilean talks\n\nMay 2, 2023, Tallinn\n\nThe two presidents held talks.\n",
        "Estonian-Chilean talks",
        None,
        None,
        "The two presidents held talks.",
        "Tallinn",
        id="date-line-with-place",
    ),
    pytest.param(
        "Statement by the Press Secretary on a Visit\n\n"
        "Ottawa, May 2, 2023: The Prime Minister looks forward to welcoming the President.\n",
        "Statement by the Press Secretary on a Visit",
        None,
        None,
        "Ottawa, May 2, 2023: The Prime Minister looks forward to welcoming the President.",
        "Ottawa",
        id="place-date-colon",
    ),
    pytest.param(
        "Premier meets envoys\n\nMADRID - Premier Jo Example met two envoys on Monday.\n",
        "Premier meets envoys",
        None,
        None,
        "MADRID - Premier Jo Example met two envoys on Monday.",
        "Madrid",
        id="caps-place-hyphen",
    ),
    pytest.param(
        "Envoys meet\n\nST. JOHN'S, NEWFOUNDLAND — Two envoys met on Monday.\n",
        "Envoys meet",
        None,
        None,
        "ST. JOHN'S, NEWFOUNDLAND — Two envoys met on Monday.",
        "St. John's, Newfoundland",
        id="caps-place-and-region-possessive",
    ),
    pytest.param(
        "Envoys meet\n\nHEADLINE: Envoys meet\n\nDATELINE: Tbilisi\n\n((NARRATOR))\n\n"
        "Two envoys met in the capital on Monday, officials said.\n",
        "Envoys meet",
        None,
        None,
        "Two envoys met in the capital on Monday, officials said.",
        "Tbilisi",
        id="script-dateline-field",
    ),
]


@pytest.mark.parametrize(("page", "title", "source", "author", "lead", "place"), DATELINE_PAGES)
def test_the_dateline_place_is_read_and_the_lead_keeps_its_dateline(page, title, source, author, lead, place):
    article = parse_seed_text(f" date 2023-05-02 {page}")

    assert article.dateline == place
    # The dateline is evidence text: it stays in the lead, and nothing else of the page changes.
    assert article.paragraphs[0].text == lead
    assert (article.title, article.source, article.author) == (title or lead, source, author)


@pytest.mark.parametrize(
    "lead",
    [
        "Two ministers met in Riga on Monday — the first such talks in a year.",
        "Jo Example — a former minister — said the talks went well.",
        "NATO — the alliance said — would meet.",
        "SECRETARY EXAMPLE:  Welcome to the State Department.",
        "MODERATOR: Good morning.",
        "Ministers meet in Riga (Example Wire) as talks resume.",
    ],
)
def test_a_lead_without_a_dateline_has_no_place(lead):
    article = parse_seed_text(f" date 2023-05-02 Ministers meet\n\n{lead}\n")

    assert article.dateline is None
    assert article.paragraphs[0].text == " ".join(lead.split())


def test_a_date_line_with_a_time_names_no_place():
    article = parse_seed_text(
        " date 2023-05-02 Secretary's Call\n\n2023-05-02 11:00:47\n\nThe Secretary spoke today.\n"
    )

    assert article.dateline is None
    assert article.body == "The Secretary spoke today."


def test_a_wrapped_line_that_happens_to_open_with_a_date_and_a_dash_goes_on_its_sentence():
    article = parse_seed_text(
        " date 2024-03-14 Sweden's road\n"
        "Sweden applied to join NATO in\n"
        "May 2022 - a move that ended two centuries of neutrality - and joined the\n"
        "alliance on 7 March.\n"
    )
    # a list item starts a paragraph only after another item (or a heading's colon), not inside a sentence
    assert [p.text for p in article.paragraphs] == [
        "Sweden applied to join NATO in May 2022 - a move that ended two centuries of neutrality - and joined the "
        "alliance on 7 March."
    ]


def test_a_wire_dateline_after_a_caption_and_a_summary_still_credits_its_agency():
    article = parse_seed_text(
        " date 2024-02-27 Parliament approves a bid\n\n"
        "Members of parliament vote in Valletta on Feb. 26, 2024. (Photo by Jo Example/Xinhua)\n\n"
        "Malta's parliament approved the bid on Monday.\n\n"
        "VALLETTA, Feb. 26 (Xinhua) -- Malta's lawmakers on Monday approved a bill.\n"
    )

    assert article.source == "Xinhua"


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By Xinhua", "Xinhua", "Xinhua"),
        ("By Staff The Canadian Press", "Staff The Canadian Press", "The Canadian Press"),
        ("By ANI | Published: April 13, 2023 02:55 PM", "ANI", "ANI"),
        ("Anna Berg Published August 03, 2023 | 01:30 PM", "Anna Berg", None),
        ("By Anna Berg", "Anna Berg", None),
    ],
)
def test_a_byline_crediting_an_agency_names_the_source(byline, author, source):
    article = parse_seed_text(f" date 2023-08-03 Ministers meet\n\n{byline}\n\nTwo ministers met on Monday.\n")

    assert (article.author, article.source) == (author, source)
    assert article.body == "Two ministers met on Monday."


def test_a_bracketed_source_line_names_the_source_without_its_date():
    article = parse_seed_text(
        " date 2017-06-05 Malta joins\n\n(Source: Example Radio; issued June 05, 2017)\n\nMalta joined on Monday.\n"
    )

    assert article.source == "Example Radio"
    assert article.body == "Malta joined on Monday."


def test_a_long_source_line_attributing_a_quote_stays_in_the_story():
    line = (
        "Source: the Secretary General in Valletta at the start of a meeting with Malta's Prime Minister, as "
        "reported by Example Radio"
    )
    article = parse_seed_text(f" date 2024-06-24 Summit opens\n\nTwo leaders met.\n\n{line}\n")

    assert article.source is None
    assert article.paragraphs[-1].text == line


def test_a_name_line_a_publish_date_label_and_a_dated_time_line_are_the_byline():
    article = parse_seed_text(
        " date 2024-07-09 Leaders to meet in Valletta\n\nAnna Berg,\n\nPublish Date\n\nTue, 9 Jul 2024, 8:10am\n\n"
        "The Prime Minister flies to Valletta tomorrow morning.\n"
    )

    assert (article.title, article.author) == ("Leaders to meet in Valletta", "Anna Berg")
    assert article.body == "The Prime Minister flies to Valletta tomorrow morning."


# What a review of the dateline and byline rules found: labels, places and spelled-out names in brackets, and
# bylines that name a role or page furniture, credit no agency and name no author.
@pytest.mark.parametrize(
    ("lines", "source", "author"),
    [
        (
            "NATO (North Atlantic Treaty Organization) Secretary General Anna Berg visited Valletta on Tuesday.",
            None,
            None,
        ),
        ("VALLETTA (Updated 14:30) Malta's prime minister said on Tuesday the island would stay neutral.", None, None),
        ("VALLETTA (Video) Malta's prime minister said on Tuesday the island would stay neutral.", None, None),
        ("Vienna (Austria): The Austrian government on Tuesday rejected calls to join NATO.", None, None),
        (
            "Foreign Minister Karl Huber (centre): The Austrian government on Tuesday rejected calls to join.",
            None,
            None,
        ),
        ("IRELAND (Opinion) Why neutrality still matters to Dublin.", None, None),
        ("DUBLIN (Sunday 10 March 2024) Ireland's government said neutrality would stay.", None, None),
        ("LONDON, March 12 /PRNewswire/ -- Example Corp announced a contract.", "PRNewswire", None),
        (
            "By Staff Writer\n\nVALLETTA - Malta's prime minister said the island would stay neutral.",
            None,
            "Staff Writer",
        ),
        (
            "By Staff and agencies\n\nMalta's prime minister said the island would stay neutral.",
            None,
            "Staff and agencies",
        ),
        ("Page Last Updated March 14, 2024\n\nMalta's prime minister said the island would stay neutral.", None, None),
        (
            "News Desk Updated: March 14, 2024 10:30\n\nMalta's prime minister said the island would stay neutral.",
            None,
            None,
        ),
        ("Malta's prime minister said the island would stay neutral.\n\n(Source: NATO; figures for 2023)", None, None),
    ],
)
def test_what_is_no_agency_and_no_author(lines, source, author):
    article = parse_seed_text(f" date 2024-03-14 Daily briefing\n\n{lines}\n")

    assert (article.source, article.author) == (source, author)


def test_a_starred_main_source_line_and_a_date_line_with_a_time_zone():
    article = parse_seed_text(
        " date 2022-09-30 Malta applies\n\nSeptember 30, 2022 20:11 IST\n\n"
        "Malta applied to join NATO on Friday, officials said, after a long debate.\n\n*Main source: AP\n"
    )

    assert article.source == "AP"  # as the line writes it, not "ap" as in "applied"
    assert article.body == "Malta applied to join NATO on Friday, officials said, after a long debate."
