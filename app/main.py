"""The service's entry point: `python -m uvicorn app.main:app`.

The seeds' extraction starts first, in a process of its own, before the rest of the service is imported
(see app/ingest/seed_extraction.py). Tests and tools build the service with `app.application.create_app`,
which starts no such process.
"""

from app.ingest.seed_extraction import SeedExtraction, holds_articles

seed_extraction = SeedExtraction.start()  # the child imports spaCy while this process reads its settings

from app.config import load_settings  # noqa: E402

settings = load_settings()
# On SQLite a restart is seen at once: the seeds are stored, there is nothing to extract. Elsewhere the
# startup ingest stops the child when it finds nothing new.
if settings.ingest_on_startup and settings.seeds_dir.is_dir() and not holds_articles(settings.database_url):
    seed_extraction.request(seeds_dir=settings.seeds_dir, model=settings.spacy_model)
else:
    seed_extraction.skip()

from app.application import create_app  # noqa: E402

app = create_app(settings, seed_extraction=seed_extraction)
