"""Timeline rules on short invented reports: each step's kind, date and the country whose path it is about."""

from datetime import date

from tests.extraction.test_people import _extract

PUBLISHED = date(2024, 3, 14)  # a Thursday


def _entries(result):
    return sorted((e.kind, e.date, e.date_precision, e.country) for e in result.timeline)


def test_a_member_ratifying_is_about_the_candidate_not_the_member(extractor):
    result = _extract(
        extractor,
        "The parliament of Portugal voted on Tuesday to ratify Iceland's accession protocol to NATO.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("ratification", date(2024, 3, 12), "day", "Iceland")]


def test_joining_and_depositing_the_instrument_is_accession_dated_by_its_own_clause(extractor):
    result = _extract(
        extractor,
        "Austria formally joined the NATO military alliance on Monday.",
        "The alliance last grew on 1 May 2019, when Ireland and Malta joined the Alliance.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("accession", date(2019, 5, 1), "day", "Ireland"),
        ("accession", date(2019, 5, 1), "day", "Malta"),
        ("accession", date(2024, 3, 11), "day", "Austria"),
    ]


def test_a_membership_still_to_come_is_a_plan_and_a_condition_is_no_step(extractor):
    result = _extract(
        extractor,
        "Iceland will become NATO's newest member next month.",
        "Security will be shared by all when Iceland joins the Alliance.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("plan", date(2024, 4, 1), "month", "Iceland")]


def test_an_application_a_year_ago_and_a_government_backing_two_bids(extractor):
    result = _extract(
        extractor,
        "Austria, which applied to join NATO a year ago, hopes to be admitted soon.",
        "The United States fully supports Austria and Ireland joining the Alliance.",
        published=PUBLISHED,
    )
    assert _entries(result) == [
        ("application", date(2023, 1, 1), "year", "Austria"),
        ("statement", PUBLISHED, "day", "Austria"),
        ("statement", PUBLISHED, "day", "Ireland"),
    ]


def test_a_summit_dated_elsewhere_in_the_article_is_that_summit(extractor):
    result = _extract(
        extractor,
        "NATO leaders will meet at the Lisbon summit in July to discuss Austria's membership bid.",
        "The summit will also address defence spending.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2024, 7, 1), "month", "Austria")]


def test_a_plan_refused_is_no_plan_and_a_sentence_without_nato_is_no_entry(extractor):
    result = _extract(
        extractor,
        "At the Lisbon summit in April 2010, NATO leaders declared that Austria would become a member, but offered "
        "no Membership Action Plan.",
        "Austria and Ireland signed a trade agreement on Monday.",
        published=PUBLISHED,
    )
    assert _entries(result) == [("summit", date(2010, 4, 1), "month", "Austria")]


def test_a_joint_body_names_its_partner(extractor):
    result = _extract(extractor, "The NATO-Georgia Commission met in Brussels on Tuesday.", published=PUBLISHED)
    assert _entries(result) == [("council", date(2024, 3, 12), "day", "Georgia")]
