"""Resolve date expressions ("on Sept. 25", "next month", "in September 2022") against a base date."""

import functools
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from app.limits import date_in_range

Precision = Literal["day", "month", "year"]
Preference = Literal["past", "future"]


@dataclass(frozen=True)
class ResolvedDate:
    value: date
    precision: Precision


MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_RANGE = re.compile(rf"\b((?:{MONTH_NAMES})\.?\s+\d{{1,2}})(?:\s*[-–]\s*|\s+(?:to|and)\s+)\d{{1,2}}\b", re.I)
_DAY_RANGE_FIRST = re.compile(rf"\b(\d{{1,2}})\s*[-–]\s*\d{{1,2}}\s+((?:{MONTH_NAMES})\.?)", re.I)
_HAS_DAY = re.compile(
    rf"\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b"
    r"|\b(?:today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\bdays? (?:ago|later)\b",
    re.I,
)
_HAS_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\b|\b(?:next|last|this|previous|coming) month\b", re.I)
_HAS_YEAR_ONLY = re.compile(r"^\s*(?:in\s+)?(?:\d{4}|(?:next|last|this) year)\s*$", re.I)
_VAGUE = re.compile(
    r"^(?:this|that|the) (?:week|time|moment)$|\b(?:decades?|years|months|weeks|centur\w+|era|period|"
    r"season|anniversary|half|quarter|daily|annual\w*|every)\b|^\d+$|^(?:recently|soon|now)$",
    re.I,
)
_HAS_NAMED_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\b", re.I)
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_WEEKDAY = re.compile(
    r"(?:(?:this|last|next|late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.I,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FUTURE_HINT = re.compile(r"\b(?:next|coming|tomorrow|upcoming|later)\b", re.I)
_PAST_HINT = re.compile(r"\b(?:last|previous|yesterday|ago|earlier)\b", re.I)


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_AGO = re.compile(
    rf"(a|an|one|two|three|four|five|six|\d{{1,2}}|[a-z]+teen|(?:{'|'.join(_TENS)})(?:-[a-z]+)?) (year|month)s? ago"
    r"( this month| today)?",
    re.I,
)
_PART_OF_A_DAY = re.compile(
    r"(?:early |late |earlier |later )?(?:(this|yesterday|today) (?:morning|afternoon|evening|night)"
    r"|(tonight|overnight|last night))",
    re.I,
)
_WEEK = re.compile(
    r"(?:(earlier|later|early|late)\s+(?:in\s+(?:the\s+)?)?)?"
    r"(this|last|next|past|this past|previous|coming|following)?\s*week"
    r"|(a|one|two|three) weeks? ago",
    re.I,
)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
NUMBER_WORDS |= {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14}
NUMBER_WORDS |= {"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}


def _count(words: str) -> int:
    """ "eighteen" 18, "twenty-five" 25, "30" 30; 0 for what is no number."""
    if words.isdigit():
        return int(words)
    tens, _, units = words.partition("-")
    if tens in _TENS and (not units or units in NUMBER_WORDS):
        return _TENS[tens] + NUMBER_WORDS.get(units, 0)
    return NUMBER_WORDS.get(words, 0)


def add_months(value: date, count: int) -> date:
    """The first day of the month `count` months after (or before) the one of `value`; ValueError past 9999."""
    month = value.year * 12 + value.month - 1 + count
    return date(month // 12, month % 12 + 1, 1)


@functools.lru_cache(maxsize=4096)
def resolve(
    expression: str, *, base: date, prefer: Preference = "past", tense: Preference | None = None
) -> ResolvedDate | None:
    """Resolve a date expression written on `base`; None when it names no calendar date the service keeps.

    `tense` is that of the verb the date hangs on, where known: "invited ... in July" in a January story is
    last July, "will meet in July" this one; without it a month named without a year is the nearest.
    """
    try:
        resolved = _resolve(expression, base=base, prefer=prefer, tense=tense)
    except (OverflowError, ValueError):  # "tomorrow" of 9999-12-31, "next year" of 9999
        return None
    return resolved if resolved is not None and date_in_range(resolved.value) else None


def _resolve(expression: str, *, base: date, prefer: Preference, tense: Preference | None) -> ResolvedDate | None:
    text = re.sub(r"[’']s$", "", expression.strip().strip(".,"))  # "at last year's summit"
    text = re.sub(r"^(?:on|in|by|since|from|until|at|during|the)\s+", "", text, flags=re.I)
    if part := _PART_OF_A_DAY.fullmatch(text):
        # "this morning", "late last night", "yesterday afternoon": the day, or the one before
        before = (part[1] or "").lower() == "yesterday" or (part[2] or "").lower() == "last night"
        return ResolvedDate(base - timedelta(days=1) if before else base, "day")
    if ago := _AGO.fullmatch(text):
        # "a year ago", "two months ago": the year or month it was, no finer.
        if not (count := _count(ago[1].lower())):
            return None
        if ago[2].lower() == "year" and ago[3] and ago[3].strip().lower() == "today":  # "three years ago today"
            year = base.year - count
            return ResolvedDate(base.replace(year=year, day=min(base.day, monthrange(year, base.month)[1])), "day")
        if ago[2].lower() == "year" and ago[3]:  # "eighteen years ago this month"
            return ResolvedDate(date(base.year - count, base.month, 1), "month")
        if ago[2].lower() == "year":
            return ResolvedDate(date(base.year - count, 1, 1), "year")
        return ResolvedDate(add_months(base, -count), "month")
    if week := _WEEK.fullmatch(text):
        return _week(week, base)
    text = re.sub(r",\s*(?:days|weeks|months|years)\b.*$", "", text, flags=re.I)  # "September 2022, days after"
    text = _ROUGHLY.sub("", text)  # "the second half of February": February, as a month
    if not text or (_VAGUE.search(text) and not _HAS_YEAR_ONLY.match(text)):
        return None
    if (shifted := _SHIFTED_YEAR.match(text)) and _HAS_NAMED_MONTH.search(shifted[1]) and not _HAS_YEAR.search(text):
        # "June 24 next year": the day in the year after (or before) the publication's.
        year = base.year + (1 if shifted[2].lower() == "next" else -1)
        return resolve(f"{shifted[1]} {year}", base=base, prefer=prefer, tense=tense)
    text = _RANGE.sub(r"\1", text)
    text = _DAY_RANGE_FIRST.sub(r"\1 \2", text)
    text = re.sub(r"\b(sept)\.", r"Sep", text, flags=re.I)
    if _PAST_HINT.search(text):
        prefer = "past"
    elif _FUTURE_HINT.search(text):
        prefer = "future"
    if weekday := _WEEKDAY.fullmatch(text.strip()):
        day = _weekday(weekday.group(1).lower(), base, prefer)
        if day == base and text.strip().lower().startswith(("last ", "next ")):
            # "last Thursday" in a Thursday story is a week ago, "next Thursday" a week on
            day += timedelta(days=7 if text.strip().lower().startswith("next ") else -7)
        return ResolvedDate(day, "day")
    if _HAS_DAY.search(text):
        precision: Precision = "day"
    elif _HAS_MONTH.search(text):
        precision = "month"
    elif _HAS_YEAR_ONLY.match(text):
        precision = "year"
    else:
        return None
    fast = _common_form(text.lower(), base)
    if fast is not None:
        nearest = (
            _HAS_NAMED_MONTH.search(text)
            and not _HAS_YEAR.search(text)
            and not _NAMED_MONTH_SHIFT.fullmatch(text.lower())
        )
        value = _nearest_year(fast, base, tense, precision) if nearest else fast
        return _truncate(value, precision)
    import dateparser  # here: a tenth of a second to import, and the common forms above need none of it

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    value = parsed.date()
    if _HAS_NAMED_MONTH.search(text) and not _HAS_YEAR.search(text):
        value = _nearest_year(value, base, tense, precision)
    return _truncate(value, precision)


def _week(match: re.Match[str], base: date) -> ResolvedDate | None:
    """ "earlier this week", "last week", "two weeks ago": the month holding the middle of those days, as a
    month, since the text names no day."""
    part, which, ago = (match[1] or "").lower(), (match[2] or "").lower(), match[3]
    monday = base - timedelta(days=base.weekday())
    if ago:
        middle = base - timedelta(weeks=NUMBER_WORDS[ago.lower()])
        return _truncate(middle, "month")
    if not which:
        if part not in {"earlier", "later"}:  # "the week" alone names none
            return None
        which = "this"  # "earlier in the week"
    if which in {"past", "this past"}:
        first, last = base - timedelta(days=7), base - timedelta(days=1)
    else:
        shift = {"this": 0, "last": -7, "previous": -7, "next": 7, "coming": 7, "following": 7}[which]
        first, last = monday + timedelta(days=shift), monday + timedelta(days=shift + 6)
        if which == "this" and part in {"earlier", "early"}:
            last = max(base, first)
        elif which == "this" and part in {"later", "late"}:
            first = base
        elif part == "early":
            last = first + timedelta(days=2)
        elif part == "late":
            first = last - timedelta(days=3)
    return _truncate(first + (last - first) / 2, "month")


def _truncate(value: date, precision: Precision) -> ResolvedDate:
    if precision == "month":
        value = value.replace(day=1)
    elif precision == "year":
        value = value.replace(month=1, day=1)
    return ResolvedDate(value, precision)


_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_M = rf"({MONTH_NAMES})\.?"
_MONTH_DAY = re.compile(rf"{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"{_M}(?:,?\s+(\d{{4}}))?")
_RELATIVE = re.compile(r"(next|last|this|previous|coming) (month|year)")
_ROUGHLY = re.compile(
    r"^(?:later|earlier|early|late|mid-?|(?:the )?(?:end|start|beginning|middle|(?:first|second|latter) half) of)\s*"
    rf"(?=(?:next|last|this|previous|coming) (?:month|year)$|(?:{MONTH_NAMES})\b)",
    re.I,
)
# "last April", "next March", "this June": the month's occurrence before, after or in the publication's year.
_NAMED_MONTH_SHIFT = re.compile(rf"(last|next|this|coming|previous) {_M}")
_SHIFTED_YEAR = re.compile(r"^(.*\S)\s+(next|last) year$", re.I)


def _common_form(text: str, base: date) -> date | None:
    """The usual forms of news dates, parsed directly; None leaves the rest to dateparser."""
    try:
        if text in {"today", "tonight"}:
            return base
        if text == "yesterday":
            return base - timedelta(days=1)
        if text == "tomorrow":
            return base + timedelta(days=1)
        if match := _RELATIVE.fullmatch(text):
            step = {"next": 1, "coming": 1, "last": -1, "previous": -1, "this": 0}[match[1]]
            if match[2] == "year":
                return date(base.year + step, 1, 1)
            month = base.month - 1 + step
            return date(base.year + month // 12, month % 12 + 1, 1)
        if match := _NAMED_MONTH_SHIFT.fullmatch(text):
            month = _MONTH_NUMBER[match[2]]
            year = base.year
            if match[1] in {"last", "previous"} and month >= base.month:
                year -= 1
            elif match[1] in {"next", "coming"} and month <= base.month:
                year += 1
            return date(year, month, 1)
        if match := _MONTH_DAY.fullmatch(text):
            return date(int(match[3] or base.year), _MONTH_NUMBER[match[1]], int(match[2]))
        if match := _DAY_MONTH.fullmatch(text):
            return date(int(match[3] or base.year), _MONTH_NUMBER[match[2]], int(match[1]))
        if match := _MONTH_YEAR.fullmatch(text):
            return date(int(match[2] or base.year), _MONTH_NUMBER[match[1]], 1)
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1)
    except ValueError:  # "February 30"
        return None
    return None


def written_date(text: str) -> date | None:
    """A calendar date written out in full ("September 25, 2024", "25 Sept. 2024", "2024-09-25"), else None."""
    text = text.strip(" .,").lower()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        for form in (_MONTH_DAY, _DAY_MONTH):
            if form.fullmatch(text) and _HAS_YEAR.search(text):
                return _common_form(text, date.min)
    except ValueError:
        return None
    return None


def _nearest_year(value: date, base: date, tense: Preference | None, precision: Precision) -> date:
    # "On Sept. 26" in a Sept. 25 story is tomorrow, "April 29" in an April 30 story yesterday:
    # a month named without a year is the occurrence nearest the publication date, or, where the verb's
    # tense says which way and the nearest is months off, the nearest on that side ("invited ... in July"
    # in January: last July).
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(value.replace(year=year))
        except ValueError:  # 29 February
            continue
    nearest = min(candidates, key=lambda candidate: abs((candidate - base).days))
    now = base.replace(day=1) if precision == "month" else base
    if precision == "month" and tense == "past" and nearest > now:
        # "were accepted at the alliance's June summit" in March: done, so last June (a day is left alone: "announced
        # a session on 26 February" in a story of 20 February is that session, to come)
        return max(c for c in candidates if c <= now)
    if abs((nearest - base).days) <= 120:
        return nearest  # a month within four months of the story is that one, whatever the verb
    if tense == "past" and (before := [c for c in candidates if c <= now]):
        return max(before)
    if tense == "future" and (after := [c for c in candidates if c >= now]):
        return min(after)
    return nearest


def _weekday(name: str, base: date, prefer: Preference) -> date:
    # "On Tuesday" in a Tuesday story is that day; otherwise the nearest one in the direction asked.
    offset = (_WEEKDAYS.index(name) - base.weekday()) % 7
    if prefer == "future":
        return base + timedelta(days=offset)
    return base - timedelta(days=(7 - offset) % 7)
