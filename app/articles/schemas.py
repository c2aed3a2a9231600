from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.exports import CsvColumns
from app.limits import AUTHOR_LIMIT, DATELINE_LIMIT, EARLIEST_DATE, LATEST_DATE, PARAGRAPH_LIMIT, SOURCE_LIMIT
from app.models import Article, DatePrecision, MeetingStatus, TextPart, TimelineKind
from app.people.schemas import PersonRef

_EXAMPLE = {
    "id": "9420a19a4904a723",
    "title": "Two leaders meet in Brussels",
    "source": "Example Wire",
    "author": "Example Wire news desk",
    "dateline": "Brussels, Belgium",
    "url": "https://news.example/2024/03/14/leaders-meet",
    "published_at": "2024-03-14",
    "word_count": 281,
    "content_sha256": "9420a19a4904a723" + "0" * 48,
}


class ArticleRead(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    id: str
    title: str | None
    source: str | None
    author: str | None
    dateline: str | None = Field(
        description="Where the page says the story was filed or the release issued; null when it does not say."
    )
    url: str | None
    published_at: date
    word_count: int
    content_sha256: str

    @classmethod
    def of(cls, article: Article) -> "ArticleRead":
        return cls.model_validate(article, from_attributes=True)


ARTICLE_CSV = CsvColumns[ArticleRead](
    (
        ("id", lambda a: a.id),
        ("published_at", lambda a: a.published_at),
        ("title", lambda a: a.title),
        ("source", lambda a: a.source),
        ("author", lambda a: a.author),
        ("dateline", lambda a: a.dateline),
        ("url", lambda a: a.url),
        ("word_count", lambda a: a.word_count),
        ("content_sha256", lambda a: a.content_sha256),
    )
)


class ParagraphRead(BaseModel):
    kind: Literal["text", "caption"]
    start: int
    end: int


class MeetingRef(BaseModel):
    id: str
    date: date
    date_precision: DatePrecision
    status: MeetingStatus
    summary: str


class TimelineEntryRef(BaseModel):
    id: str
    date: date
    date_precision: DatePrecision
    kind: TimelineKind
    country: str | None  # whose path into NATO, as on /v1/timeline
    summary: str


class EvidenceRead(BaseModel):
    """One quoted sentence of this article and the fact it supports; its offsets index the body, or the
    title where `part` is "title" (a headline)."""

    fact_type: Literal["person", "role", "meeting", "timeline_entry"]
    fact_id: str
    quote: str
    part: TextPart = TextPart.body
    start: int
    end: int


class ArticleFacts(BaseModel):
    people: list[PersonRef]
    meetings: list[MeetingRef]
    timeline: list[TimelineEntryRef]


class ArticleDetail(ArticleRead):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _EXAMPLE
                | {
                    "body": "Two leaders met in Brussels on Thursday.",
                    "paragraphs": [{"kind": "text", "start": 0, "end": 40}],
                    "facts": {"people": [], "meetings": [], "timeline": []},
                    "evidence": [],
                }
            ]
        }
    )

    body: str
    paragraphs: list[ParagraphRead]
    facts: ArticleFacts
    evidence: list[EvidenceRead]


class ArticleWritten(ArticleRead):
    """An article stored (201) or found already stored (200), with the facts it produced or joined."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [_EXAMPLE | {"people": ["jane-doe"], "meetings": ["3f2a9c0d81b4e6a7"], "timeline": []}]
        }
    )

    people: list[str]
    meetings: list[str]
    timeline: list[str]


class ArticleCreate(BaseModel):
    """The JSON form of a new article; the seed text format and HTML pages are accepted too."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "body": "Two foreign ministers met in Riga on Tuesday.",
                    "published_at": "2024-03-14",
                    "title": "Ministers meet in Riga",
                    "source": "Example Wire",
                    "dateline": "Riga, Latvia",
                }
            ]
        }
    )

    body: str = Field(
        description=(
            "The article text, paragraphs separated by a line break; it needs a letter or digit, and no paragraph"
            f" may be longer than {PARAGRAPH_LIMIT} characters. No NUL characters or lone surrogates, here or in"
            " any other field."
        )
    )
    published_at: date = Field(
        ge=EARLIEST_DATE, le=LATEST_DATE, description="ISO date or datetime; the date must be in this range."
    )
    title: str | None = None
    source: str | None = Field(default=None, max_length=SOURCE_LIMIT)
    url: str | None = Field(default=None, pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://", description="An http(s) address.")
    author: str | None = Field(default=None, max_length=AUTHOR_LIMIT)
    dateline: str | None = Field(
        default=None,
        max_length=DATELINE_LIMIT,
        description=(
            "Where the story was filed or the release issued, as the sender gives it (control characters are"
            " dropped and whitespace runs collapsed, as for the other text fields); at most 200 characters."
        ),
    )
