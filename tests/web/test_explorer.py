"""The explorer page in a real browser: Debian's Chromium, headless, driven by Playwright.

Expectations are read from the API the page draws, never written in: the page must show what the
service holds. Every test leaves a screenshot in test-artifacts/screenshots/ (SCREENSHOT_DIR).
"""

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from app.db import make_engine, upgrade_schema
from app.ingest.service import ingest_paths
from app.models import TimelineKind
from tests.conftest import PROJECT_ROOT, SEEDS_DIR
from tests.databases import fresh_database
from tests.factories import make_article, make_meeting, make_person, make_timeline_entry
from tests.servers import running_server

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", PROJECT_ROOT / "test-artifacts" / "screenshots"))

if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)",
        allow_module_level=True,
    )

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
expect = sync_api.expect


@pytest.fixture(scope="module")
def site(tmp_path_factory, extractor) -> Iterator[str]:
    """The service on loopback over a database holding the seed articles, extracted for real."""
    with _serving(tmp_path_factory.mktemp("explorer"), SEEDS_DIR, extractor) as base:
        yield base


@contextmanager
def _serving(folder: Path, articles: Path, extractor) -> Iterator[str]:
    """The service on loopback over a fresh database holding these articles, extracted for real."""
    with fresh_database(folder) as url:
        engine = make_engine(url, for_writes=True)
        upgrade_schema(engine)
        report = ingest_paths(engine=engine, paths=[articles], extractor=extractor)
        engine.dispose()
        assert report.failed == []
        with running_server(url) as base:
            yield base


@pytest.fixture(scope="module")
def api(site) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site) as client:
        yield client


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


DESKTOP = {"width": 1280, "height": 900}


@contextmanager
def _browsing(browser, site: str, request, **context_options) -> Iterator:
    """A page on `site` in a fresh browser context; afterwards a screenshot, and no other origin or script error."""
    context, page, elsewhere, errors = _open(browser, site, **context_options)
    yield page
    _finish(context, page, request, elsewhere, errors)


def _open(browser, site, **context_options):
    context = browser.new_context(**context_options)
    elsewhere: list[str] = []

    def same_origin_only(route):
        if route.request.url.startswith(site):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    # The page must work without a network: anything it asks of another origin is refused and noted.
    context.route("**/*", same_origin_only)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, elsewhere, errors


@pytest.fixture
def page(browser, site, request):
    with _browsing(browser, site, request, viewport=DESKTOP) as page:
        yield page


@pytest.fixture
def phone(browser, site, request):
    with _browsing(
        browser, site, request, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    ) as page:
        yield page


def _finish(context, page, request, elsewhere, errors):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()
    assert elsewhere == [], "the page reached for another origin"
    assert errors == [], "the page raised script errors"


def test_the_timeline_shows_every_entry_with_its_date_kind_summary_and_evidence(page, site, api):
    entries = api.get("/v1/timeline", params={"limit": 200}).json()["items"]
    assert entries, "the seeds give timeline entries"

    page.goto(site + "/")

    items = page.locator("ol.timeline > li")
    expect(items).to_have_count(len(entries))
    expect(page.locator("h1")).to_have_text("NATO-accession timeline")
    for item, entry in zip(items.all(), entries, strict=True):
        expect(item.locator("time")).to_have_attribute("datetime", entry["date"])
        expect(item.locator(f".badge.kind-{entry['kind']}")).to_have_text(entry["kind"].replace("_", " "))
        expect(item.locator(".badge.country")).to_have_text([entry["country"]] if entry["country"] else [])
        expect(item.locator(".summary")).to_have_text(entry["summary"])
        for actor in entry["actors"]:
            expect(item.locator(f'a[href="#/people/{actor["id"]}"]')).to_have_text(actor["name"])
    expect(page.locator(".count")).to_have_text(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")


def test_timeline_filters_by_actor_dates_and_order(page, site, api):
    entries = api.get("/v1/timeline", params={"limit": 200}).json()["items"]
    actor = next(entry["actors"][0] for entry in entries if entry["actors"])
    day = next(entry["date"] for entry in entries if actor in entry["actors"])
    page.goto(site + "/#/timeline")
    summaries = page.locator("ol.timeline > li .summary")
    expect(summaries).to_have_count(len(entries))

    page.get_by_label("Actor").fill(actor["name"])
    page.get_by_label("Order").select_option("desc")
    page.get_by_role("button", name="Apply").click()
    theirs = api.get("/v1/timeline", params={"actor": actor["name"], "order": "desc", "limit": 200}).json()["items"]
    assert 0 < len(theirs) < len(entries)
    expect(page).to_have_url(re.compile(r"#/timeline\?actor=.*&order=desc"))
    expect(summaries).to_have_text([entry["summary"] for entry in theirs])

    page.get_by_label("From", exact=True).fill(day)
    page.get_by_label("To", exact=True).fill(day)
    page.get_by_role("button", name="Apply").click()
    that_day = api.get(
        "/v1/timeline", params={"actor": actor["name"], "date_from": day, "date_to": day, "order": "desc"}
    ).json()["items"]
    assert that_day
    expect(summaries).to_have_text([entry["summary"] for entry in that_day])
    expect(page.get_by_role("link", name="CSV")).to_have_attribute(
        "href", re.compile(rf"^/v1/timeline\?actor=[^&]+&date_from={day}&date_to={day}&order=desc&format=csv$")
    )
    expect(page.get_by_role("link", name="iCalendar")).to_have_attribute(
        "href", re.compile(rf"^/v1/timeline\.ics\?actor=[^&]+&date_from={day}&date_to={day}$")
    )

    page.get_by_role("link", name="Clear").click()
    expect(summaries).to_have_count(len(entries))


def test_following_evidence_opens_the_article_with_the_quote_highlighted_and_focused(page, site, api):
    entry = api.get("/v1/timeline", params={"limit": 1}).json()["items"][0]
    source = entry["sources"][0]
    page.goto(site + "/#/timeline")

    page.locator("ol.timeline > li").first.locator(".evidence a").first.click()

    expect(page).to_have_url(re.compile(rf"#/articles/{source['article_id']}\?start={source['start']}&end="))
    focused = page.locator("mark.focus")
    expect(focused).to_have_count(1)
    expect(focused).to_contain_text(source["quote"])
    expect(focused).to_be_focused()
    expect(focused).to_be_in_viewport()


def test_the_article_page_marks_every_evidence_quote_in_the_body(page, site, api):
    article_id = api.get("/v1/articles", params={"limit": 1}).json()["items"][0]["id"]
    article = api.get(f"/v1/articles/{article_id}").json()
    assert article["evidence"]

    page.goto(f"{site}/#/articles/{article_id}")

    expect(page.locator("h1")).to_have_text(article["title"] or "Untitled article")
    marks = page.locator("article.body mark")
    expect(marks.first).to_be_visible()
    marked = " ".join(marks.all_text_contents())
    for evidence in article["evidence"]:
        assert evidence["quote"] in marked, evidence
    body_text = page.locator("article.body").inner_text()
    assert re.sub(r"\s+", " ", body_text).strip() == re.sub(r"\s+", " ", article["body"]).strip()
    expect(page.locator("aside.facts .quotes > li")).to_have_count(
        len({(e["start"], e["end"]) for e in article["evidence"]})
    )
    for person in article["facts"]["people"]:
        expect(page.locator(f'aside.facts a.fact[href="#/people/{person["id"]}"]').first).to_have_text(person["name"])


def test_meetings_filter_by_participant_dates_and_status(page, site, api):
    meetings = api.get("/v1/meetings", params={"limit": 200}).json()["items"]
    assert meetings, "the seeds give meetings"
    page.goto(site + "/")
    page.get_by_role("link", name="Meetings", exact=True).click()
    cards = page.locator("ul.cards > li")
    csv_link = page.get_by_role("link", name="CSV")
    expect(cards).to_have_count(len(meetings))

    # Each view draws its export links from the filters it was routed with, so waiting for the link is
    # waiting for the view: the next fill must not land on the form the route is about to replace.
    person = meetings[0]["participants"][0]
    page.get_by_label("Participant").fill(person["name"])
    page.get_by_role("button", name="Filter").click()
    theirs = api.get("/v1/meetings", params={"participant": person["name"], "limit": 200}).json()["items"]
    expect(csv_link).to_have_attribute("href", re.compile(r"^/v1/meetings\?participant=[^&]+&format=csv$"))
    expect(page).to_have_url(re.compile(r"#/meetings\?participant="))
    expect(cards).to_have_count(len(theirs))
    for card in cards.all():
        expect(card.locator(".participants")).to_contain_text(person["name"])

    day = meetings[0]["date"]
    page.get_by_label("From", exact=True).fill(day)
    page.get_by_label("To", exact=True).fill(day)
    page.get_by_role("button", name="Filter").click()
    that_day = api.get(
        "/v1/meetings", params={"participant": person["name"], "date_from": day, "date_to": day, "limit": 200}
    ).json()["items"]
    expect(csv_link).to_have_attribute(
        "href", re.compile(rf"^/v1/meetings\?participant=[^&]+&date_from={day}&date_to={day}&format=csv$")
    )
    expect(cards).to_have_count(len(that_day))
    expect(cards.first.locator("time")).to_have_attribute("datetime", day)

    page.get_by_role("link", name="Clear").click()
    expect(csv_link).to_have_attribute("href", "/v1/meetings?format=csv")
    expect(page.get_by_label("Participant")).to_have_value("")
    expect(cards).to_have_count(len(meetings))
    page.get_by_label("Status").select_option("planned")
    page.get_by_role("button", name="Filter").click()
    planned = api.get("/v1/meetings", params={"status": "planned", "limit": 200}).json()["items"]
    expect(csv_link).to_have_attribute("href", "/v1/meetings?status=planned&format=csv")
    expect(page.get_by_role("link", name="iCalendar")).to_have_attribute("href", "/v1/meetings.ics?status=planned")
    if planned:
        expect(cards).to_have_count(len(planned))
    else:
        expect(page.locator(".empty")).to_have_text("No meetings match these filters.")


def test_a_person_page_lists_roles_over_time_and_meetings(page, site, api):
    meeting = api.get("/v1/meetings", params={"limit": 1}).json()["items"][0]
    participant = meeting["participants"][0]
    person = api.get(f"/v1/people/{participant['id']}").json()
    their_meetings = api.get(f"/v1/people/{person['id']}/meetings", params={"limit": 200}).json()["items"]
    page.goto(site + "/#/meetings")

    page.locator("ul.cards > li").first.get_by_role("link", name=participant["name"], exact=True).click()

    expect(page.locator("h1")).to_have_text(person["name"])
    expect(page.locator("h1")).to_be_focused()
    expect(page.locator("table.roles tbody tr")).to_have_count(len(person["roles"]))
    for role in person["roles"]:
        expect(page.locator("table.roles")).to_contain_text(role["title"])
    expect(page.locator("h2", has_text="Meetings").locator("xpath=following-sibling::div[1]//li")).to_have_count(
        len(their_meetings)
    )
    expect(page.get_by_role("link", name="People")).to_have_attribute("aria-current", "page")


def test_the_page_can_be_used_from_the_keyboard_alone(page, site, api):
    meetings = api.get("/v1/meetings", params={"limit": 200}).json()["items"]
    name = meetings[0]["participants"][0]["name"]
    theirs = api.get("/v1/meetings", params={"participant": name, "limit": 200}).json()["items"]
    page.goto(site + "/")
    expect(page.locator("ol.timeline > li").first).to_be_visible()

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Tab")  # the brand link
    for _ in range(2):  # Timeline, Meetings
        page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Meetings", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Meetings")
    expect(page.locator("h1")).to_be_focused()

    page.keyboard.press("Tab")
    expect(page.get_by_label("Participant")).to_be_focused()
    page.keyboard.type(name)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#/meetings\?participant="))
    expect(page.locator("ul.cards > li")).to_have_count(len(theirs))


def test_on_a_phone_width_nothing_scrolls_sideways(phone, site, api):
    article_id = api.get("/v1/articles", params={"limit": 1}).json()["items"][0]["id"]
    for path in ("/#/timeline", "/#/meetings", f"/#/articles/{article_id}"):
        phone.goto(site + path)
        expect(phone.locator("main h1")).to_be_visible()
        expect(phone.locator("main .status")).to_have_count(0)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)


def test_an_unknown_article_says_so_in_the_page(page, site):
    page.goto(site + "/#/articles/0000000000000000")

    expect(page.locator("h1")).to_have_text("Something went wrong")
    expect(page.get_by_role("alert")).to_contain_text("no article with id '0000000000000000'")


def test_a_meeting_page_quotes_its_evidence_and_links_into_the_article(page, site, api):
    meeting = api.get("/v1/meetings", params={"limit": 1}).json()["items"][0]
    source = meeting["sources"][0]
    page.goto(site + "/#/meetings")

    page.get_by_role("link", name=meeting["summary"]).click()

    expect(page.locator("h1")).to_have_text("Meeting")
    expect(page.locator("ul.quotes blockquote")).to_have_count(len(meeting["sources"]))
    expect(page.locator("ul.quotes blockquote").first).to_have_text(source["quote"])
    page.get_by_role("link", name="Read it in the article").first.click()
    expect(page.locator("mark.focus")).to_contain_text(source["quote"])
    page.go_back()
    expect(page.locator("h1")).to_have_text("Meeting")


def test_the_api_docs_render_every_operation_without_another_origin(page, site, api):
    spec = api.get("/openapi.json").json()
    operations = sum(len(methods) for methods in spec["paths"].values())

    page.goto(site + "/docs")

    expect(page.locator(".opblock")).to_have_count(operations)
    expect(page.locator(".opblock-summary-path", has_text="/v1/meetings/{meeting_id}")).to_be_visible()


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory) -> Iterator[str]:
    """The service over a database with more meetings than one page holds (written, not extracted)."""
    folder = tmp_path_factory.mktemp("busy")
    with fresh_database(folder) as url:
        engine = make_engine(url, for_writes=True)
        upgrade_schema(engine)
        with Session(engine) as db_session:
            article = make_article(db_session, body="Officials met again and again.")
            host = make_person(db_session, "Host Person", mentioned_in=(article,))
            for n in range(120):
                guest = make_person(db_session, f"Guest Number{n:03d}", mentioned_in=(article,))
                make_meeting(
                    db_session,
                    participants=((host, None), (guest, None)),
                    day=date(2024, 1, 1) + timedelta(days=n),
                    summary=f"Host Person met Guest Number{n:03d}.",
                    # The newest also had a side the sources name only by office.
                    unnamed=(("Prime Minister", None, "United Kingdom"),) if n == 119 else (),
                    source=article,
                )
            db_session.commit()
        engine.dispose()
        with running_server(url) as base:
            yield base


@pytest.fixture
def busy_page(browser, busy_site, request):
    with _browsing(browser, busy_site, request, viewport=DESKTOP) as page:
        yield page


def test_show_more_loads_the_next_pages_in_list_order_and_focuses_the_first_new_meeting(busy_page, busy_site):
    page = busy_page
    with httpx.Client(base_url=busy_site) as api:
        expected = [m["summary"] for m in api.get("/v1/meetings", params={"limit": 200}).json()["items"]]
    assert len(expected) == 120

    page.goto(busy_site + "/#/meetings")
    cards = page.locator("ul.cards > li")
    more = page.get_by_role("button", name="Show more")
    expect(cards).to_have_count(50)
    expect(page.locator(".count")).to_have_text("50 meetings so far")

    more.click()
    expect(cards).to_have_count(100)
    expect(cards.nth(50).locator(".summary a")).to_be_focused()
    more.press("Enter")
    expect(cards).to_have_count(120)
    expect(page.locator(".count")).to_have_text("120 meetings")
    expect(more).to_be_hidden()
    expect(page.locator("ul.cards > li .summary")).to_have_text(expected)


def test_a_meeting_card_names_the_sides_known_only_by_office(busy_page, busy_site):
    page = busy_page
    page.goto(busy_site + "/#/meetings")

    first = page.locator("ul.cards > li").first
    expect(first.locator(".participants")).to_have_text(
        "With Host Person, Guest Number119, the Prime Minister (United Kingdom)"
    )
    expect(page.locator("ul.cards .unnamed")).to_have_count(1)


@pytest.fixture(scope="module")
def accession_site(tmp_path_factory) -> Iterator[str]:
    """The service over timeline entries of several countries (written, not extracted)."""
    folder = tmp_path_factory.mktemp("accession")
    steps = [
        ("Finland", date(2022, 5, 18), TimelineKind.application, "Finland applied to join NATO."),
        ("Sweden", date(2022, 5, 18), TimelineKind.application, "Sweden applied to join NATO."),
        ("Finland", date(2023, 4, 4), TimelineKind.accession, "Finland became NATO's 31st member."),
        ("Ukraine", date(2023, 7, 11), TimelineKind.summit, "Allies met in Vilnius."),
        ("Sweden", date(2024, 2, 26), TimelineKind.ratification, "Hungary's parliament approved Sweden's bid."),
        ("Sweden", date(2024, 3, 7), TimelineKind.accession, "Sweden became NATO's 32nd member."),
        (None, date(2024, 7, 10), TimelineKind.summit, "Allies met in Washington."),
    ]
    with fresh_database(folder) as url:
        engine = make_engine(url, for_writes=True)
        upgrade_schema(engine)
        with Session(engine) as db_session:
            article = make_article(db_session, body=" ".join(summary for *_, summary in steps))
            for country, day, kind, summary in steps:
                make_timeline_entry(db_session, day=day, kind=kind, country=country, summary=summary, source=article)
        engine.dispose()
        with running_server(url) as base:
            yield base


@pytest.fixture
def accession_page(browser, accession_site, request):
    with _browsing(browser, accession_site, request, viewport=DESKTOP) as page:
        yield page


def test_the_timeline_labels_each_entry_with_its_country_and_filters_by_country(accession_page, accession_site):
    page = accession_page
    with httpx.Client(base_url=accession_site) as api:
        entries = api.get("/v1/timeline", params={"limit": 200}).json()["items"]
        swedish = api.get("/v1/timeline", params={"country": "SE", "order": "desc"}).json()["items"]
    assert 0 < len(swedish) < len(entries)
    page.goto(accession_site + "/#/timeline")
    items = page.locator("ol.timeline > li")
    expect(items).to_have_count(len(entries))
    expect(page.locator("ol.timeline .badge.country")).to_have_text([e["country"] for e in entries if e["country"]])

    page.get_by_label("Country").fill("se")
    page.get_by_label("Order").select_option("desc")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"#/timeline\?country=se&order=desc$"))
    expect(items.locator(".summary")).to_have_text([e["summary"] for e in swedish])
    expect(items.locator(".badge.country")).to_have_text(["Sweden"] * len(swedish))
    expect(items.locator(".badge.kind-accession")).to_have_count(1)
    expect(page.get_by_role("link", name="CSV")).to_have_attribute(
        "href", "/v1/timeline?country=se&order=desc&format=csv"
    )
    expect(page.get_by_role("link", name="iCalendar")).to_have_attribute("href", "/v1/timeline.ics?country=se")
    # The form shows the filter it applied, so the page can be read (and bookmarked) as it stands.
    expect(page.get_by_label("Country")).to_have_value("se")

    page.get_by_label("Country").fill("Narnia")
    page.get_by_role("button", name="Apply").click()
    # A country no gazetteer knows has no entries, as the API answers it.
    expect(items).to_have_count(0)
    expect(page.locator("p.empty")).to_have_text("No timeline entries match.")

    page.get_by_role("link", name="Clear").click()
    expect(items).to_have_count(len(entries))


@pytest.fixture(scope="module")
def headline_site(tmp_path_factory, extractor) -> Iterator[str]:
    """The service over one article whose step is told only in its headline."""
    folder = tmp_path_factory.mktemp("headline")
    (folder / "articles").mkdir()
    (folder / "articles" / "push.txt").write_text(
        " date 2024-07-08 Iceland to Push for Invitation to NATO at Reykjavik Summit\n\n"
        "At the NATO summit in Reykjavik this week, the main question will be whether Iceland should join.\n",
        encoding="utf-8",
    )
    with _serving(folder, folder / "articles", extractor) as base:
        yield base


@pytest.fixture
def headline_page(browser, headline_site, request):
    with _browsing(browser, headline_site, request, viewport=DESKTOP) as page:
        yield page


def test_evidence_from_a_headline_is_marked_and_focused_in_the_article_title(headline_page, headline_site):
    page = headline_page
    with httpx.Client(base_url=headline_site) as api:
        [plan] = [e for e in api.get("/v1/timeline").json()["items"] if e["kind"] == "plan"]
        article = api.get(f"/v1/articles/{plan['sources'][0]['article_id']}").json()
    [source] = plan["sources"]
    assert source["part"] == "title"
    page.goto(headline_site + "/#/timeline")

    page.locator("ol.timeline > li").filter(has_text=source["quote"]).locator(".evidence a").first.click()

    expect(page).to_have_url(re.compile(rf"\?start={source['start']}&end={source['end']}&part=title$"))
    focused = page.locator("h1 mark.focus")
    expect(focused).to_have_text(source["quote"])
    expect(focused).to_be_focused()
    expect(page.locator("h1")).to_have_text(article["title"])
    # The body keeps its own quotes, and the list beside it gives the headline's first.
    expect(page.locator("article.body mark")).to_have_count(
        len({(e["start"], e["end"]) for e in article["evidence"] if e["part"] == "body"})
    )
    expect(page.locator("aside.facts .quotes > li").first).to_contain_text(source["quote"])
