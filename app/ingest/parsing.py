"""Turn a news article as it arrives (a page dump in the seed format, or JSON) into clean parts.

Pure: text in, a ParsedArticle out; no database, no web framework.

The seed format is one header line ` date YYYY-MM-DD <text>` followed by the page text as a
browser or a wire feed left it: stray headlines, tag lines, bylines, captions with photo
credits, audio notices and author boxes around the story. The rules below recognise those
kinds of line by their shape, so they hold for other outlets' dumps too.
"""

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from app import limits
from app.extraction.dates import MONTH_NAMES, written_date
from app.extraction.pipeline import ArticleText
from app.ingest.attribution import agency_credited, broadcast_signoff, desk_signature, issuer, outlet_prefix
from app.ingest.datelines import dateline_agency, lead_dateline, readable_place
from app.limits import AUTHOR_LIMIT, DATELINE_LIMIT, PARAGRAPH_LIMIT, SOURCE_LIMIT

ParagraphKind = Literal["text", "caption"]

_HEADER_DATE = re.compile(r"^\s*date\s+(?P<date>\S+)[ \t]*(?P<rest>.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WIRE_TAG = re.compile(r"^\(MENAFN-\s*(?P<source>[^)]+?)\s*\)\s*")
_MONTH = rf"(?:{MONTH_NAMES})\.?"
_DATE_IN_LINE = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    r"|\d{1,2}/\d{1,2}/\d{4})",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(?P<rest>.+)$", re.IGNORECASE)
# "Oct. 21, 2022 | By Dana Price , DOD News": the date leads the byline.
_DATED_BYLINE = re.compile(rf"^(?P<date>{_DATE_IN_LINE.pattern})\s*[|·•–—-]\s*(?=by\s)", re.IGNORECASE)
# A line that is only a date, with a place or a time after it, stands where a byline would:
# "October 18, 2023, Beijing", "2025-07-03 11:00:47", "August 26, 2023".
# "Tue, 9 Jul 2024, 8:10am" too.
_DATELINE_ONLY = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>{_DATE_IN_LINE.pattern})"
    rf"(?:,?\s+(?P<place>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}})"
    r"|,?\s+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
# "Claire Trevett," alone above the date line: the author
_AUTHOR_NAME_LINE = re.compile(r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),$")
# "by NATO Secretary General ..." under a speech's title names the speaker, not an author.
_SPEAKER_BYLINE = re.compile(
    r"^(?:the\s+)?(?:[A-Z]{2,}\s+)?(?:Deputy\s+)?(?:Secretary[- ]General|President|Prime Minister|Minister|Chair)\b"
)
# Broadcast script furniture: "((NARRATOR))" directions and the fields of the script's header.
_SCRIPT_DIRECTION = re.compile(r"^\(\(.*\)\)$")
_SCRIPT_FIELD = re.compile(
    r"^(?P<label>HEADLINE|TEASER|PUBLISHED|CONTRIBUTOR|DATELINE|VIDEOGRAPHER|SCRIPT EDITORS?|PRODUCER"
    r"|VIDEO SOURCE(?:\s*\(S\))?|PLATFORMS[^:]*|TRT|VID APPROVED BY|TYPE|EDITORS'? NOTES)\s*:\s*(?P<value>.*)$"
)
_READING_TIME = re.compile(r"\b\d+\s*min(?:ute)?s?\s*read\b", re.IGNORECASE)
_AUTHOR_LINE = re.compile(r"^(?:author|byline|written by|reporting by)\s*:?\s+(?P<author>.+?)\.?$", re.IGNORECASE)
_EDITING_TRAILER = re.compile(r"^\(?(?:reporting|writing|editing) by\b.*$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<owner>[^.]+?)\.?(?:\s+all rights.*)?$", re.I)
# "Source: Example Radio", "(Source: Example Radio; issued May 2, 2023)"
# (not "Source: the Secretary General at the start of a meeting with ..., as reported by ...", whose line it is)
_SOURCE_LINE = re.compile(
    r"^(?:\(|\*\s*)?(?:main )?source\s*:\s*(?P<source>[^;()]{1,60}?)"
    r"(?:;\s*(?:issued|published|posted|updated)\b[^()]*)?\)?\.?$",
    re.IGNORECASE,
)
_PUBLISHED_BYLINE = re.compile(
    r"^(?!(?:Page|Article|Story|Post|News|Last|First|Date|Desk|Staff|Editorial)\b)"
    r"(?P<who>[A-Z][\w.'’-]+(?:\s+(?!(?:Last|First|Desk|Team|Staff)\b)[A-Z][\w.'’-]+){1,3})"
    r"\s+(?:Published|Updated|Posted)(?:\s+on)?:?\s+(?P<when>.+)$"
)
# "By Example Agency | Published: May 2, 2023": the label before the date is not the author's
_PUBLISHED_LABEL = re.compile(r"\s*\|\s*(?:published|updated|posted)(?:\s+on)?\s*:?\s*$", re.IGNORECASE)
_DESK_AUTHOR = re.compile(
    r"^(?P<outlet>.+?)\s+(?:news desk|newsroom|news team|staff|editorial team|editorial board|desk)$",
    re.IGNORECASE,
)
_BYLINE_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|analyst|contributor|staff|chief|bureau)\b", re.I
)
_OUTLET_WORD = r"(?:[A-Z][\w&.'’-]*|of|and|the|for|de|du|la|le)"
_OUTLET_LINE = re.compile(rf"^[A-Z][\w&.'’-]*(?:\s+{_OUTLET_WORD}){{0,5}}$")
_CREDIT_ONLY = re.compile(r"^(?:photo|photos|image|picture|video|illustration)(?:\s+credit)?\s*:\s*\S.*$", re.I)
_TRAILING_CREDIT = re.compile(
    r"\((?:(?:photo|image|picture|credit)\b[^()]*|[^()/]{1,60}(?:/[^()/]{1,60}){1,4})\)\s*\W?$", re.IGNORECASE
)
_FURNITURE = re.compile(
    r"^(?:edit post|this audio is created with ai assistance|listen to (?:this )?(?:article|story).*"
    r"|share(?: this)?(?: article| story| on \w+)?|tweet|email|print|copy link|advertisement|ad"
    r"|subscribe(?: now)?|sign up .*newsletter.*|read more|read more:.*|related(?: articles| news)?:?"
    r"|most read|skip to (?:main )?content|menu|home|support us.*|become a member.*|comments?"
    r"|(?:last )?(?:published|updated|posted)\s*:?.*\d{4}.*|\d+\s*min(?:ute)?s?\s*read"
    r"|(?:last )?(?:publish(?:ed)?|update[sd]?|post(?:ed)?)(?: date| on)?\s*:?"
    r"|live|live updates|live blog|breaking|press release|news release|\(as delivered\)|\(check against delivery\)"
    r"|\*(?:\s*\*){2,}|•[^•]{0,40}\d{4}[^•]{0,20}"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|CET|CEST|EET|EEST|BST|ET|EDT|EST))?)$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?:;,\"”’')\]]$")
# A line that opens with a bullet or with a date and a dash or colon is an item of a list (a fact box of
# key dates), not the rest of a hard-wrapped sentence: "18 May 2022 - Finland and Sweden apply to join".
_LIST_ITEM = re.compile(
    rf"^(?:[•·▪◦‣*–—-]\s+|(?:{_DATE_IN_LINE.pattern}|(?:\d{{1,2}}\s+)?{_MONTH}(?:\s+\d{{1,2}})?,?(?:\s+\d{{4}})?"
    r"|\d{4})\s*[–—:-]\s+)",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FIELD_LIMITS = {"source": SOURCE_LIMIT, "author": AUTHOR_LIMIT, "dateline": DATELINE_LIMIT}


class ArticleParseError(ValueError):
    """The input is not an article we can store; `reason` says why in a few words."""

    def __init__(self, reason: str, *, field: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field


@dataclass(frozen=True)
class Paragraph:
    kind: ParagraphKind
    text: str


@dataclass(frozen=True)
class ParsedArticle:
    published_at: date
    paragraphs: tuple[Paragraph, ...]
    raw_text: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    origin: str | None = None
    # Where the page says the story was filed or the release issued ("Stockholm, Sweden"); read, not cut.
    dateline: str | None = None
    body: str = field(init=False)

    def __post_init__(self) -> None:
        if not self.paragraphs:
            raise ArticleParseError("no article text", field="body")
        object.__setattr__(self, "body", "\n\n".join(p.text for p in self.paragraphs))
        _check_storable(self)

    @property
    def paragraph_spans(self) -> list[dict[str, object]]:
        """The kind and body offsets of each paragraph."""
        spans, start = [], 0
        for paragraph in self.paragraphs:
            end = start + len(paragraph.text)
            spans.append({"kind": paragraph.kind, "start": start, "end": end})
            start = end + 2
        return spans

    @property
    def text(self) -> ArticleText:
        """What the extractor reads of this article."""
        return ArticleText(self.body, self.paragraph_spans, self.published_at, self.title)

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    @property
    def content_sha256(self) -> str:
        return content_sha256(self.body)


def _check_storable(article: ParsedArticle) -> None:
    """Refuse, naming the field, what no database could store alike or the extractor could not read."""
    if not limits.date_in_range(article.published_at):
        raise ArticleParseError(
            f"published_at is outside {limits.EARLIEST_DATE}..{limits.LATEST_DATE}", field="published_at"
        )
    texts = {"body": article.body, "title": article.title, "url": article.url, "origin": article.origin}
    texts |= {name: getattr(article, name) for name in _FIELD_LIMITS}
    for name, text in texts.items():
        if text is not None and (reason := limits.unstorable_reason(text)):
            raise ArticleParseError(f"{name} {reason}", field=name)
    if (reason := limits.unstorable_reason(article.raw_text)) is not None:
        raise ArticleParseError(f"the article {reason}", field="body")
    for name, limit in _FIELD_LIMITS.items():
        if (text := getattr(article, name)) is not None and len(text) > limit:
            raise ArticleParseError(f"{name} is longer than {limit} characters", field=name)
    if article.url is not None and not limits.web_url(article.url):
        raise ArticleParseError("url must be an http or https address", field="url")
    if not limits.has_visible_text(article.body):
        raise ArticleParseError("no visible text (no letter or digit)", field="body")
    if any(len(p.text) > PARAGRAPH_LIMIT for p in article.paragraphs):
        raise ArticleParseError(
            f"a paragraph is longer than {PARAGRAPH_LIMIT} characters; separate paragraphs with a blank line",
            field="body",
        )


def fitting(text: str | None, limit: int) -> str | None:
    """Metadata a parser read off a page, or None when it is too long to be what it was taken for."""
    return text if text is not None and len(text) <= limit else None


def normalise_text(text: str) -> str:
    """NFC-normalise, drop control characters, and collapse whitespace runs (no-break spaces too) to one space."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", unicodedata.normalize("NFC", text))).strip()


def content_sha256(body: str) -> str:
    """The identity of an article: SHA-256 of its normalised body, paragraph breaks ignored."""
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()


def parse_seed_text(raw: str, *, origin: str | None = None) -> ParsedArticle:
    """Parse a page dump whose first line is ` date YYYY-MM-DD <text>`."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleParseError("empty article", field="body")
    lines = text.split("\n")
    header = _HEADER_DATE.match(lines[0])
    published: date | None = None
    if header:
        published = parse_iso_date(header["date"], field="date")
        lines[0] = header["rest"]
    return _parse_page_lines(lines, published=published, raw_text=raw, origin=origin)


def parse_json_article(data: Mapping[str, object], *, raw_text: str, origin: str | None = None) -> ParsedArticle:
    """Parse `{title, body, published_at, source, url, author, dateline}`; body and published_at required."""
    if not isinstance(data, Mapping):
        raise ArticleParseError("expected a JSON object", field="body")
    body = data.get("body")
    if not isinstance(body, str) or not body.strip():
        raise ArticleParseError("body is missing or empty", field="body")
    published_raw = data.get("published_at")
    if not isinstance(published_raw, str) or not published_raw.strip():
        raise ArticleParseError("published_at is missing", field="published_at")
    published = parse_iso_date(published_raw.strip(), field="published_at")
    optional = {}
    for key in ("title", "source", "url", "author", "dateline"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleParseError(f"{key} must be a string", field=key)
        optional[key] = normalise_text(value) or None if isinstance(value, str) else None
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs = _assemble_paragraphs([(_classify_body_line(line), line) for line in lines])
    return ParsedArticle(published_at=published, paragraphs=paragraphs, raw_text=raw_text, origin=origin, **optional)


def parse_iso_date(value: str, *, field: str) -> date:
    """Parse an ISO date or datetime, naming the field when it is not one."""
    try:
        parsed = date.fromisoformat(value) if _ISO_DATE.match(value) else datetime.fromisoformat(value).date()
    except ValueError:
        raise ArticleParseError(f"{field} is not a valid ISO date: {value[:40]!r}", field=field) from None
    if not limits.date_in_range(parsed):
        raise ArticleParseError(
            f"{field} is outside {limits.EARLIEST_DATE}..{limits.LATEST_DATE}: {value[:40]!r}", field=field
        )
    return parsed


def _parse_page_lines(lines: list[str], *, published: date | None, raw_text: str, origin: str | None) -> ParsedArticle:
    lines = [line.strip() for line in lines]
    source: str | None = None
    author: str | None = None
    filed_at: str | None = None

    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None and (wire := _WIRE_TAG.match(lines[first])):
        source = wire["source"]
        lines[first] = lines[first][wire.end() :]

    byline_at, byline_author, byline_date = _find_byline(lines)
    if byline_at is not None:
        filed_at = _date_line_place(lines[byline_at])
        author, byline_outlet = _split_byline(byline_author) if byline_author else (None, None)
        source = source or byline_outlet
        published = published or byline_date
        title_at = _nearest_headline_above(lines, byline_at)
        if author is None:
            named = (_AUTHOR_NAME_LINE.match(line) for line in lines[(title_at or 0) + 1 : byline_at])
            author = next((match["name"] for match in named if match), None)
        body_from = byline_at + 1
        if title_at is None:
            # No headline above the byline: what stands above it is the lead, not furniture.
            lines = [line if _is_lead(line) else "" for line in lines[:byline_at]] + lines[byline_at + 1 :]
            body_from = 0
    else:
        title_at = _leading_headline(lines)
        body_from = (title_at + 1) if title_at is not None else 0
    title = normalise_text(lines[title_at]) if title_at is not None else None
    if source is None and title_at is not None and (outlet_at := _outlet_line(lines, body_from)) is not None:
        source = lines[outlet_at]
        body_from = outlet_at + 1

    classified: list[tuple[str, str]] = []
    for line in lines[body_from:]:
        if not line:
            classified.append(("blank", line))
            continue
        if match := _AUTHOR_LINE.match(line):
            author = author or match["author"]
            continue
        if match := _COPYRIGHT.match(line):
            source = source or match["owner"]
            continue
        if match := _SOURCE_LINE.match(line):
            source = source or match["source"]
            continue
        if _EDITING_TRAILER.match(line):
            continue
        if match := _SCRIPT_FIELD.match(line):
            # The script's own headline stands in for a lead-only first line; the other fields are furniture.
            if match["label"] == "HEADLINE" and match["value"]:
                title = title or normalise_text(match["value"])
            if match["label"] == "DATELINE" and match["value"]:
                filed_at = filed_at or readable_place(normalise_text(match["value"]))
            classified.append(("furniture", line))
            continue
        classified.append((_classify_body_line(line), line))

    if author:
        classified = _drop_author_boxes(classified, author)
    paragraphs = _assemble_paragraphs(classified)
    if not paragraphs:
        raise ArticleParseError("no article text", field="body")
    if published is None:
        raise ArticleParseError("no publication date (no ` date YYYY-MM-DD` header or dated byline)", field="date")

    body_text = " ".join(p.text for p in paragraphs)
    opening = [p.text for p in paragraphs if p.kind == "text"][:3]
    lead = opening[0] if opening else None
    if source is None:
        # "BERGEN, May 2 (Reuters) -", "MADRID, June 29. /TASS/.", in the lead or after a summary of it
        source = next((agency for text in opening if (agency := dateline_agency(text))), None)
    if source is None and author:
        source = agency_credited(author)  # "By Xinhua", "By Staff The Canadian Press"
    if source is None and author and (desk := _DESK_AUTHOR.match(author)):
        source = desk["outlet"]
    if desk := _desk_signature_at(paragraphs):
        # "VOA News" alone on a closing line signs the story: it and the outlet's blurb after it are not the story.
        at, desk_line = desk
        author, source, paragraphs = author or desk_line, source or desk_line, paragraphs[:at]
    if signoff := broadcast_signoff([p.text for p in paragraphs if p.kind == "text"]):
        author, source = author or signoff.author, source or signoff.outlet
    if title and (prefixed := outlet_prefix(title)):
        source, title = source or prefixed[0], prefixed[1]
    source = _spelling_in_body(normalise_text(source), body_text) if source else None
    if filed_at is None and lead is not None:
        # The lead keeps its dateline: the extractor quotes the lead by offset. Only the place is read.
        filed_at = lead_dateline(lead)
    return ParsedArticle(
        published_at=published,
        paragraphs=paragraphs,
        raw_text=raw_text,
        title=title or _lead_title(paragraphs),
        source=fitting(source or issuer(title, [p.text for p in paragraphs]), SOURCE_LIMIT),
        author=fitting(normalise_text(author), AUTHOR_LIMIT) if author else None,
        origin=origin,
        dateline=fitting(filed_at, DATELINE_LIMIT),
    )


def _date_line_place(line: str) -> str | None:
    """The place of a date line standing below the headline ("October 18, 2023, Beijing"), if it names one."""
    dated = _DATELINE_ONLY.fullmatch(line.strip(" .,"))
    place = dated["place"] if dated else None
    # The date line's pattern ignores case for the month: a place must still be capitalised.
    return readable_place(place) if place and place[0].isupper() else None


_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s+[\"“‘A-Z]|$)")
_TITLE_LIMIT = 160


def _lead_title(paragraphs: Sequence[Paragraph]) -> str | None:
    """A page with no headline is listed under its lead's first sentence, which stays in the body too."""
    lead = next((p.text for p in paragraphs if p.kind == "text"), None)
    if lead is None:
        return None
    match = _FIRST_SENTENCE.match(lead)
    sentence = match.group(0) if match else lead
    if len(sentence) <= _TITLE_LIMIT:
        return sentence
    return sentence[:_TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _find_byline(lines: list[str]) -> tuple[int | None, str | None, date | None]:
    for index, line in enumerate(lines[:40]):
        if (dated := _DATELINE_ONLY.fullmatch(line.strip(" .,"))) and index > 0:
            # A line that is only a date (and a place or time) stands where a byline would: below the headline.
            return index, None, _byline_date(dated["date"])
        if (published_by := _PUBLISHED_BYLINE.match(line)) and _DATE_IN_LINE.match(published_by["when"]):
            # "Anna Berg Published May 2, 2023 | 01:30 PM": a byline without its "By"
            return index, published_by["who"], _byline_date(_DATE_IN_LINE.match(published_by["when"]).group(0))
        lead_date = _DATED_BYLINE.match(line)
        match = _BYLINE.match(line[lead_date.end() :] if lead_date else line)
        if not match or len(line.split()) > 30:
            continue
        rest = _READING_TIME.sub("", match["rest"]).strip()
        when = _DATE_IN_LINE.search(rest)
        who = _PUBLISHED_LABEL.sub("", rest[: when.start()] if when else rest).strip(" ,|–—-")
        if not who or len(who.split()) > 10 or _TERMINAL.search(who) or _SPEAKER_BYLINE.match(who):
            continue
        written = lead_date["date"] if lead_date else when.group(0) if when else None
        return index, who, _byline_date(written) if written else None
    return None, None, None


def _desk_signature_at(paragraphs: tuple[Paragraph, ...]) -> tuple[int, str] | None:
    """Where an outlet's desk signs the story on its own line, last or followed only by the outlet's blurb."""
    for at in range(max(1, len(paragraphs) - 2), len(paragraphs)):
        if not (desk_line := desk_signature(paragraphs[at].text)):
            continue
        outlet = desk_line.split()[0]
        if all(outlet in after.text for after in paragraphs[at + 1 :]):
            return at, desk_line
    return None


def _outlet_line(lines: list[str], start: int) -> int | None:
    """The index of a line naming the outlet alone below the headline ("Kyiv Post"), if there is one."""
    at = next((i for i in range(start, min(start + 3, len(lines))) if lines[i]), None)
    if at is None or not _OUTLET_LINE.match(lines[at]) or _DATE_IN_LINE.search(lines[at]):
        return None
    following = lines[at + 1 : at + 2]
    # Only a line standing as its own paragraph, with the story after it.
    if following != [""] or not any(lines[at + 2 :]):
        return None
    return at


def _split_byline(who: str) -> tuple[str, str | None]:
    """Split "Anna Berg, Baltic Herald, Vilnius" into the author and her outlet; the place is dropped."""
    parts = [part.strip() for part in who.split(",") if part.strip()]
    # "Anna Berg, Tom Hale and Jonas Petr" is three authors; "Anna Berg, Moscow correspondent" one.
    if len(parts) < 2 or re.match(r"(?i)and\b", parts[-1]) or " and " in parts[-1]:
        return who, None
    outlet = None if _BYLINE_ROLE.search(parts[1]) else parts[1]
    return parts[0], outlet


def _byline_date(text: str) -> date | None:
    # dateparser's import and first call cost a third of a second; the written-out forms need neither.
    if (written := written_date(text)) is not None:
        return written
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 25
        and not _FURNITURE.match(line)
        and not _is_tag_line(line)
        and not _TRAILING_CREDIT.search(line)
        and not re.search(r"[.:;,]$", line)
    )


def _is_tag_line(line: str) -> bool:
    items = [item.strip() for item in line.split(",")]
    # Tag lines list short names ("News Feed, NATO, Ukraine"); a headline's clauses run longer.
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items) and not _TERMINAL.search(line)


def _nearest_headline_above(lines: list[str], below: int) -> int | None:
    for index in range(below - 1, -1, -1):
        if lines[index] and _is_headline(lines[index]):
            return index
    return None


def _is_lead(line: str) -> bool:
    """A full sentence long enough to be a story's lead paragraph, not a headline or furniture."""
    return len(line.split()) >= 8 and bool(re.search(r"[.!?][\"”’)\]]*$", line))


def _leading_headline(lines: list[str]) -> int | None:
    # Without a byline, a first short unpunctuated line followed by more text is the headline.
    content = [i for i, line in enumerate(lines) if line and not _FURNITURE.match(line)]
    if len(content) >= 2 and _is_headline(lines[content[0]]):
        return content[0]
    return None


def _classify_body_line(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return "blank"
    if _FURNITURE.match(stripped) or _SCRIPT_DIRECTION.match(stripped) or _DATELINE_ONLY.fullmatch(stripped):
        return "furniture"
    if _CREDIT_ONLY.match(stripped) or _TRAILING_CREDIT.search(stripped):
        return "caption"
    return "text"


def _drop_author_boxes(classified: list[tuple[str, str]], author: str) -> list[tuple[str, str]]:
    # Author boxes repeat the byline name, often glued to the outlet name ("OutletOutlet news desk").
    limit = len(author.split()) + 6
    needle = author.casefold()
    return [
        (kind, line)
        for kind, line in classified
        if not (kind == "text" and needle in line.casefold() and len(line.split()) <= limit)
    ]


def _assemble_paragraphs(classified: list[tuple[str, str]]) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            paragraphs.append(Paragraph("text", normalise_text(" ".join(pending))))
            pending.clear()

    for kind, line in classified:
        if kind in ("blank", "furniture"):
            flush()
        elif kind == "caption":
            flush()
            paragraphs.append(Paragraph("caption", normalise_text(line)))
        else:
            # A line that stops mid-sentence was hard-wrapped: join it to the next one.
            # An item of a list starts a paragraph after another item (the first follows a heading's colon).
            listed = _LIST_ITEM.match(line.strip()) and _LIST_ITEM.match(pending[0] if pending else "")
            if pending and (_TERMINAL.search(pending[-1].rstrip()) or listed):
                flush()
            pending.append(line.strip())
    flush()
    return tuple(p for p in paragraphs if p.text)


def _spelling_in_body(name: str, body: str) -> str:
    """Prefer the body's own spelling of a name the header gives in other case ("UkrinForm")."""
    match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body, re.IGNORECASE)  # not "ap" inside "apply"
    return match.group(0) if match else name
