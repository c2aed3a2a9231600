"""Command line: `python -m app COMMAND`."""

from typing import Annotated

import typer
from rich.console import Console

from app.config import load_settings
from app.db import make_engine, upgrade_schema
from app.extraction import Extractor, load_pipeline
from app.ingest.service import reextract as reextract_articles
from app.logs import configure_logging

cli = typer.Typer(
    help="newsevents: people, meetings and NATO-accession timeline from news articles.", no_args_is_help=True
)
console = Console(stderr=True)


@cli.callback()
def main() -> None:
    """Every command reads its settings (DATABASE_URL, SPACY_MODEL, LOG_LEVEL...) from the environment."""


@cli.command()
def reextract(
    force: Annotated[bool, typer.Option(help="Re-extract every article, not only those of other versions.")] = False,
) -> None:
    """Re-run extraction over stored articles whose extractor version differs (one transaction each)."""
    settings = load_settings()
    configure_logging(level=settings.log_level, fmt=settings.log_format)
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    extractor = Extractor(load_pipeline(settings.spacy_model))
    with console.status(f"re-extracting with {extractor.version}"):
        counts = reextract_articles(engine=engine, extractor=extractor, force=force)
    console.print(f"re-extracted {counts['reextracted']} article(s) with extractor {extractor.version}")
