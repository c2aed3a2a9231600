"""Command line: `python -m app COMMAND`. Settings come from the environment, as for the server."""

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, inspect, select
from sqlmodel import Session, SQLModel

from app.config import Settings, load_settings
from app.db import alembic_config, make_engine, upgrade_schema
from app.extraction import Extractor, load_pipeline
from app.extraction.parallel import ProcessPoolExtractor
from app.ingest.service import ingest_paths
from app.ingest.service import reextract as reextract_articles
from app.ingest.sources import discover_files
from app.logs import configure_logging

cli = typer.Typer(
    help="newsevents: people, meetings and NATO-accession timeline from news articles.", no_args_is_help=True
)
console = Console(stderr=True)


def _settings() -> Settings:
    settings = load_settings()
    # Progress bars and summaries go to the terminal; logs stay quiet unless asked for.
    configure_logging(level=settings.log_level if settings.log_level != "INFO" else "WARNING", fmt="console")
    return settings


@cli.callback()
def main() -> None:
    """Every command reads DATABASE_URL, SPACY_MODEL, LOG_LEVEL... from the environment."""


@cli.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .json, .html) and folders.")],
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Processes extracting at once, each with its own model (about 200 MB).")
    ] = 1,
) -> None:
    """Ingest articles from files and folders; exit status 1 if any failed."""
    settings = _settings()
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]no such file or folder:[/red] {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    files = discover_files(paths)
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    write_engine = make_engine(settings.database_url, for_writes=True)
    with contextlib.ExitStack() as stack:
        if workers > 1:
            extractor = stack.enter_context(ProcessPoolExtractor(settings.spacy_model, workers=workers))
        else:
            with console.status("loading the language model"):
                extractor = Extractor(load_pipeline(settings.spacy_model))
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("ingest", total=len(files))
            report = ingest_paths(
                engine=write_engine,
                paths=paths,
                files=files,
                extractor=extractor,
                on_result=lambda _result: progress.advance(task),
            )
    counts = report.counts
    console.print(
        f"{counts['new']} new, {counts['unchanged']} unchanged, {counts['failed']} failed (of {len(files)} file(s))"
    )
    if report.failed:
        table = Table("file", "reason", title="failed")
        for result in report.failed:
            table.add_row(result.origin, result.reason)
        console.print(table)
        raise typer.Exit(1)


@cli.command()
def reextract(
    force: Annotated[bool, typer.Option(help="Re-extract every article, not only those of other versions.")] = False,
) -> None:
    """Re-run extraction over stored articles whose extractor version differs (one transaction each)."""
    settings = _settings()
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    extractor = Extractor(load_pipeline(settings.spacy_model))
    with console.status(f"re-extracting with {extractor.version}"):
        counts = reextract_articles(
            engine=make_engine(settings.database_url, for_writes=True), extractor=extractor, force=force
        )
    console.print(f"re-extracted {counts['reextracted']} article(s) with extractor {extractor.version}")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the API with uvicorn (what `make run` does, with options)."""
    import uvicorn

    settings = _settings()
    # Workers are separate processes, each reading its settings: without this each would draw its own
    # cursor secret, and a cursor from one worker would be refused by the next.
    os.environ["CURSOR_SECRET"] = settings.cursor_secret.get_secret_value()
    uvicorn.run("app.main:app", host=host, port=port, workers=workers, proxy_headers=True)


@cli.command()
def stats() -> None:
    """Print the number of rows in each table."""
    settings = _settings()
    engine = make_engine(settings.database_url)
    existing = set(inspect(engine).get_table_names())
    table = Table("table", "rows")
    with Session(engine) as session:
        for name, model_table in sorted(SQLModel.metadata.tables.items()):
            rows = session.scalar(select(func.count()).select_from(model_table)) if name in existing else None
            table.add_row(name, "missing" if rows is None else str(rows))
    Console().print(table)


@cli.command()
def check() -> None:
    """Exit 0 if the database schema is at the newest migration, 1 if not."""
    settings = _settings()
    engine = make_engine(settings.database_url)
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        Console().print(f"schema up to date (revision {current})")
        return
    console.print(
        f"schema at revision {current or 'none'}, newest is {head}: start the service or run a command that upgrades it"
    )
    raise typer.Exit(1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(cli())
