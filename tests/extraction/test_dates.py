from datetime import date

import pytest

from app.extraction.dates import resolve

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
    ],
)
def test_expressions_resolve_against_the_publication_date(expression, prefer, expected, precision):
    resolved = resolve(expression, base=BASE, prefer=prefer)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (expected, precision)


@pytest.mark.parametrize("expression", ["this week", "half", "decades", "recently", "the 1990s", "32", "every day"])
def test_vague_expressions_name_no_date(expression):
    assert resolve(expression, base=BASE) is None


def test_year_end_month_day_rolls_into_the_next_year():
    assert resolve("January 3", base=date(2024, 12, 30)).value == date(2025, 1, 3)
