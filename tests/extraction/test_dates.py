from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.dates import ResolvedDate, resolve, written_date

BASE = date(2024, 9, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "prefer", "expected", "precision"),
    [
        ("on Sept. 25", "past", date(2024, 9, 25), "day"),
        ("Sept. 26", "past", date(2024, 9, 26), "day"),  # a month-day is the occurrence nearest publication
        ("April 29", "past", date(2024, 4, 29), "day"),
        ("next month", "past", date(2024, 10, 1), "month"),
        ("last month", "future", date(2024, 8, 1), "month"),
        ("in September 2022", "past", date(2022, 9, 1), "month"),
        ("July", "past", date(2024, 7, 1), "month"),
        ("July 9-11", "past", date(2024, 7, 9), "day"),
        ("9-11 July", "past", date(2024, 7, 9), "day"),
        ("on Wednesday", "past", date(2024, 9, 25), "day"),  # the story's own weekday is that day
        ("on Thursday", "past", date(2024, 9, 19), "day"),
        ("on Thursday", "future", date(2024, 9, 26), "day"),
        ("today", "past", date(2024, 9, 25), "day"),
        ("in 2022", "past", date(2022, 1, 1), "year"),
        ("next year", "past", date(2025, 1, 1), "year"),
        ("July 18, 2024", "future", date(2024, 7, 18), "day"),
        ("from July 9 to 11", "past", date(2024, 7, 9), "day"),
        ("June 24-25 next year", "past", date(2025, 6, 24), "day"),
        ("March 3 last year", "future", date(2023, 3, 3), "day"),
        ("later this month", "past", date(2024, 9, 1), "month"),
        ("early next year", "past", date(2025, 1, 1), "year"),
        ("the end of this year", "past", date(2024, 1, 1), "year"),
        ("last April", "future", date(2024, 4, 1), "month"),  # the April before September 2024
        ("last October", "future", date(2023, 10, 1), "month"),
        ("last September", "past", date(2023, 9, 1), "month"),
        ("next March", "past", date(2025, 3, 1), "month"),
        ("next November", "past", date(2024, 11, 1), "month"),
        ("this June", "future", date(2024, 6, 1), "month"),
        ("mid-October", "past", date(2024, 10, 1), "month"),
        ("early August", "future", date(2024, 8, 1), "month"),
        ("the end of October", "past", date(2024, 10, 1), "month"),
        ("September 2022, months", "past", date(2022, 9, 1), "month"),  # the model's "..., months after ..."
    ],
)
def test_expressions_resolve_against_the_publication_date(expression, prefer, expected, precision):
    resolved = resolve(expression, base=BASE, prefer=prefer)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("expression", "base", "month"),
    [
        ("earlier this week", date(2024, 3, 14), date(2024, 3, 1)),
        ("this week", date(2024, 4, 2), date(2024, 4, 1)),  # Monday 1 April to Sunday 7 April
        ("last week", date(2024, 4, 2), date(2024, 3, 1)),  # 25 to 31 March
        ("late last week", date(2024, 4, 2), date(2024, 3, 1)),
        ("the past week", date(2023, 7, 3), date(2023, 6, 1)),  # 26 June to 2 July: mostly June
        ("next week", date(2024, 3, 28), date(2024, 4, 1)),
        ("earlier in the week", date(2024, 9, 25), date(2024, 9, 1)),
        ("two weeks ago", date(2024, 3, 10), date(2024, 2, 1)),
    ],
)
def test_a_week_is_the_month_of_its_days_since_no_day_is_named(expression, base, month):
    assert resolve(expression, base=base) == ResolvedDate(month, "month")


@pytest.mark.parametrize("expression", ["the week", "half", "decades", "recently", "the 1990s", "32", "every day"])
def test_vague_expressions_name_no_date(expression):
    assert resolve(expression, base=BASE) is None


def test_year_end_month_day_rolls_into_the_next_year():
    assert resolve("January 3", base=date(2024, 12, 30)).value == date(2025, 1, 3)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_date_written_out_in_any_usual_form_reads_back_as_itself(value):
    for form in ("%B %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%B %d %Y."):
        assert written_date(value.strftime(form)) == value, form


@pytest.mark.parametrize("text", ["February 30, 2024", "March 2024", "9/25/2024", "Tuesday", "2024-13-01", "next week"])
def test_anything_but_a_whole_calendar_date_is_not_a_written_date(text):
    assert written_date(text) is None


EXPRESSIONS = st.sampled_from(
    [
        "today",
        "tomorrow",
        "yesterday",
        "next month",
        "next year",
        "last year",
        "a year ago",
        "six months ago",
        "on Monday",
        "on Sunday",
        "in December",
        "January 5",
        "June 24 next year",
        "December 31 next year",
        "later this month",
        "in September 2022",
    ]
)


@settings(deadline=None)  # the first call imports dateparser
@given(
    expression=EXPRESSIONS,
    base=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    prefer=st.sampled_from(["past", "future"]),
)
def test_a_resolved_date_is_within_the_stored_range_or_none_never_an_overflow(expression, base, prefer):
    resolved = resolve(expression, base=base, prefer=prefer)

    assert resolved is None or date(1900, 1, 1) <= resolved.value <= date(9998, 12, 31)


@pytest.mark.parametrize("base", [date(9998, 12, 31), date(9999, 12, 31)])
@pytest.mark.parametrize("expression", ["tomorrow", "next year", "next month", "December 31 next year"])
def test_a_date_after_the_last_one_kept_is_no_date(expression, base):
    assert resolve(expression, base=base) is None


def test_the_last_dates_kept_still_resolve():
    assert resolve("yesterday", base=date(9998, 12, 31)).value == date(9998, 12, 30)
    assert resolve("tomorrow", base=date(9998, 12, 30)).value == date(9998, 12, 31)


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("in July", "past", date(2024, 7, 1)),  # two months back: nearest, whatever the verb
        ("in March", "past", date(2024, 3, 1)),  # the nearest March is months on: the one gone by
        ("in March", "future", date(2025, 3, 1)),  # "will join in March": six months on
        ("in February", None, date(2025, 2, 1)),  # nearest, with no tense to say
        ("in February", "past", date(2024, 2, 1)),  # "was invited in February": the one gone by
        ("the second half of February", "future", date(2025, 2, 1)),
    ],
)
def test_a_month_months_away_goes_the_way_its_verb_s_tense_says(expression, tense, expected):
    assert resolve(expression, base=BASE, tense=tense) == ResolvedDate(expected, "month")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("last Wednesday", date(2024, 9, 18)),  # the story's own weekday: the week before
        ("next Wednesday", date(2024, 10, 2)),
        ("Wednesday", date(2024, 9, 25)),
        ("last Monday", date(2024, 9, 23)),
    ],
)
def test_last_or_next_of_the_story_s_own_weekday_is_a_week_away(expression, expected):
    assert resolve(expression, base=BASE) == ResolvedDate(expected, "day")


def test_years_ago_today_is_that_day_and_this_month_that_month():
    assert resolve("Three years ago today", base=BASE) == ResolvedDate(date(2021, 9, 25), "day")
    assert resolve("a year ago today", base=date(2024, 2, 29)) == ResolvedDate(date(2023, 2, 28), "day")
    assert resolve("two years ago this month", base=BASE) == ResolvedDate(date(2022, 9, 1), "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this morning", ResolvedDate(BASE, "day")),
        ("tonight", ResolvedDate(BASE, "day")),
        ("yesterday afternoon", ResolvedDate(BASE - timedelta(days=1), "day")),
        ("late last night", ResolvedDate(BASE - timedelta(days=1), "day")),
    ],
)
def test_a_part_of_a_day_is_that_day(text, expected):
    assert resolve(text, base=BASE) == expected
