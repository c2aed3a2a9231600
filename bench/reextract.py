"""`reextract` of n articles against 2n: the time of storing each article's facts again should grow with n.

The facts are made up (bench/corpus.py's names), not extracted, so the figure is the cost of removing and
storing facts alone: an extractor stub hands back each article's prepared extraction. Every article names
two of n/10 people, a meeting between them and a timeline statement, so people and meetings are shared
across articles as in real news. `python bench/reextract.py 200 400` prints the times and their ratio;
bench/run.py runs it as its `reextract` section.
"""

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.db import make_engine, upgrade_schema  # noqa: E402
from app.extraction import ArticleText, Extraction  # noqa: E402
from app.extraction.records import Evidence, MeetingFact, PersonFact, RoleFact, TimelineFact  # noqa: E402
from app.ingest.parsing import Paragraph, ParsedArticle  # noqa: E402
from app.ingest.service import reextract, store_parsed  # noqa: E402
from bench.corpus import FIRST, LAST  # noqa: E402

NAMES = [f"{first} {last}" for last in LAST.split() for first in FIRST.split()]


class PreparedExtractor:
    """Hands back the extraction prepared for each body, under a new version so `reextract` takes all."""

    version = "bench-2"

    def __init__(self, extractions: dict[str, Extraction]) -> None:
        self._extractions = extractions

    def extract_many(self, texts):
        return [self._extractions[text.body] for text in texts]

    def extract(self, text: ArticleText) -> Extraction:
        return self._extractions[text.body]


def _article(number: int, people: int) -> tuple[ParsedArticle, Extraction]:
    host, guest = NAMES[number % people], NAMES[(number * 7 + 3) % people]
    if host == guest:
        guest = NAMES[(number + 1) % people]
    day = date(2024, 1, 1) + timedelta(days=number % 300)
    met = f"Foreign Minister {host} met {guest} in Riga."
    said = f"{host} said Ukraine belongs in NATO."
    body = f"Report {number}. {met} {said}"

    def quote(text: str) -> Evidence:
        return Evidence(text, body.index(text), body.index(text) + len(text))

    role = RoleFact("Foreign Minister", None, None, quote("Foreign Minister"))
    extraction = Extraction(
        version="bench-1",
        people=[
            PersonFact(key=host.lower(), name=host, evidence=quote(host), roles=[role]),
            PersonFact(key=guest.lower(), name=guest, evidence=quote(guest)),
        ],
        meetings=[
            MeetingFact(
                participants=[(host.lower(), "Foreign Minister"), (guest.lower(), None)],
                date=day,
                date_precision="day",
                status="held",
                summary=met,
                evidence=[quote(met)],
                topics=["energy"] if number % 2 else [],
                location_city="Riga",
            )
        ],
        timeline=[TimelineFact("statement", day, "day", said, [quote(said)], actors=[host.lower()], country="Ukraine")],
    )
    parsed = ParsedArticle(
        published_at=day, paragraphs=(Paragraph("text", body),), raw_text=body, title=None, source=None
    )
    return parsed, extraction


def time_reextract(url: str, articles: int) -> float:
    """Seconds `reextract --force` takes over `articles` stored articles."""
    upgrade_schema(make_engine(url))
    engine = make_engine(url, for_writes=True)
    prepared = [_article(n, max(articles // 10, 2)) for n in range(articles)]
    for parsed, extraction in prepared:
        store_parsed(engine=engine, parsed=parsed, extraction=extraction)
    extractor = PreparedExtractor({parsed.body: extraction for parsed, extraction in prepared})
    started = time.perf_counter()
    counts = reextract(engine=engine, extractor=extractor, force=True)
    elapsed = time.perf_counter() - started
    assert counts["reextracted"] == articles, counts
    engine.dispose()
    return elapsed


def scaling(tmp: Path, small: int = 200, large: int = 400) -> tuple[float, float]:
    time_reextract(f"sqlite:///{tmp / 'reextract-warm-up.db'}", 20)  # SQLAlchemy's statement caches
    return (
        time_reextract(f"sqlite:///{tmp / f'reextract{small}.db'}", small),
        time_reextract(f"sqlite:///{tmp / f'reextract{large}.db'}", large),
    )


if __name__ == "__main__":
    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(30))
    small, large = (int(arg) for arg in sys.argv[1:3]) if len(sys.argv) > 2 else (200, 400)
    with tempfile.TemporaryDirectory() as name:
        first, second = scaling(Path(name), small, large)
    print(f"reextract {small}: {first:.2f} s, {large}: {second:.2f} s, ratio {second / first:.2f}")
