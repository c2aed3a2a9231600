"""Pure extraction: article text and publication date in, plain dataclasses out.

No database and no web framework here; app/ingest stores what this returns.
"""

from app.extraction.pipeline import (
    EXTRACTOR_VERSION,
    ArticleText,
    BatchExtractor,
    DeferredExtractor,
    Extractor,
    load_pipeline,
)
from app.extraction.records import Evidence, Extraction, MeetingFact, PersonFact, RoleFact, TimelineFact

__all__ = [
    "EXTRACTOR_VERSION",
    "ArticleText",
    "BatchExtractor",
    "DeferredExtractor",
    "Evidence",
    "Extraction",
    "Extractor",
    "MeetingFact",
    "PersonFact",
    "RoleFact",
    "TimelineFact",
    "load_pipeline",
]
