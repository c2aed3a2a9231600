"""The service's entry point: `python -m uvicorn app.main:app`.

The seed files' extraction starts before the rest of the service is imported, in a process of its own
(see app/ingest/seed_extraction.py). Tests and tools build the service with `app.application.create_app`,
which starts no such process.
"""

from app.config import load_settings
from app.ingest.seed_extraction import SeedExtraction

settings = load_settings()
seed_extraction = (
    SeedExtraction.start(seeds_dir=settings.seeds_dir, model=settings.spacy_model, database_url=settings.database_url)
    if settings.ingest_on_startup
    else None
)

from app.application import create_app  # noqa: E402  (after the child has started, on purpose)

app = create_app(settings, seed_extraction=seed_extraction)
