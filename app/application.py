import asyncio
import gc
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from sqlalchemy import Engine

from app.articles.router import router as articles_router
from app.articles.schemas import ArticleCreate
from app.articles.writes import ExtractionQueue
from app.caching import ResponseCache
from app.config import Settings, load_settings
from app.db import make_engine, sqlite_read_only, upgrade_schema
from app.errors import Problem, install_problem_handlers
from app.extraction import BatchExtractor, DeferredExtractor
from app.extraction.parallel import ProcessExtractor
from app.health import StartupState
from app.health import router as health_router
from app.ingest.seed_extraction import SeedExtraction
from app.ingest.service import IngestReport, ingest_paths
from app.logs import configure_logging
from app.meetings.router import router as meetings_router
from app.middleware import HeadAsGet, SecurityHeaders
from app.pagination import CursorSecretMiddleware
from app.people.router import router as people_router
from app.timeline.router import router as timeline_router
from app.web.router import ASSETS
from app.web.router import router as web_router

log = structlog.get_logger(__name__)

StartupIngest = Callable[[Engine, Settings, BatchExtractor, threading.Event], IngestReport | None]


def ingest_seeds(
    engine: Engine, settings: Settings, extractor: BatchExtractor, stop: threading.Event
) -> IngestReport | None:
    """Ingest every article file in SEEDS_DIR; a missing folder is logged, not fatal."""
    if not settings.seeds_dir.is_dir():
        log.warning("ingest.no_seeds_dir", seeds_dir=str(settings.seeds_dir))
        return None
    return ingest_paths(engine=engine, paths=[settings.seeds_dir], extractor=extractor, stop=stop)


def _run_startup(
    app: FastAPI, startup_ingest: StartupIngest, *, ingest: bool, seed_extraction: SeedExtraction | None
) -> None:
    state: StartupState = app.state.startup
    settings: Settings = app.state.settings
    extractor = DeferredExtractor(settings.spacy_model)
    app.state.extractor = extractor
    try:
        # The model loads when a seed needs extracting: on a restart, with the seeds stored already,
        # the service is ready for reads without waiting for it.
        if ingest:
            seeds_extractor = seed_extraction.extractor(extractor, state.stop) if seed_extraction else extractor
            startup_ingest(app.state.write_engine, settings, seeds_extractor, state.stop)
    except Exception as exc:
        log.exception("ingest.startup_failed")
        state.error = type(exc).__name__
    finally:
        if seed_extraction is not None:
            seed_extraction.close()  # on a restart nothing was new: stop it rather than let it finish
            if seed_extraction.failure:
                log.warning("seed_extraction.failed", reason=seed_extraction.failure)
            else:
                log.info(
                    "seed_extraction.closed", outcome=seed_extraction.outcome, peak_rss_mib=seed_extraction.peak_rss_mib
                )
        state.finished.set()
    if app.state.read_only:
        return  # no write will ever need the model here
    try:
        extractor.load()  # now, rather than in the first write's request
        log.info("extractor.loaded", model=settings.spacy_model, version=extractor.version)
    except Exception as exc:
        log.exception("extractor.load_failed")
        state.error = type(exc).__name__
    # The model is a few million long-lived objects; left in the collector's oldest generation each
    # full collection walks them all, a 100+ ms pause in some request every few hundred.
    gc.freeze()


def create_app(
    settings: Settings | None = None,
    *,
    startup_ingest: StartupIngest = ingest_seeds,
    seed_extraction: SeedExtraction | None = None,
) -> FastAPI:
    """Build the service: settings, routers, error handlers and the startup sequence.

    `seed_extraction`, started by app.main before this module was imported, has the seed files extracted
    already or soon; the startup ingest takes its extractions instead of extracting them again.
    """
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(level=settings.log_level, fmt=settings.log_format)
        engine = make_engine(settings.database_url)
        app.state.engine = engine
        app.state.write_engine = make_engine(settings.database_url, for_writes=True)
        app.state.extraction_queue = ExtractionQueue(settings.extraction_workers)
        app.state.write_extractor = (
            ProcessExtractor(settings.spacy_model, workers=settings.extraction_processes)
            if settings.extraction_processes
            else None
        )
        app.state.startup = StartupState()
        # A read-only replica serves reads: nothing to migrate or ingest, and writes are refused (auth.py).
        app.state.read_only = sqlite_read_only(settings.database_url)
        await asyncio.to_thread(upgrade_schema, engine)
        log.info(
            "schema.upgraded",
            database=engine.url.render_as_string(hide_password=True),
            read_only=app.state.read_only,
        )
        # Serve /healthz and /readyz (503) while the model loads and the seeds are ingested.
        startup_task = asyncio.create_task(
            asyncio.to_thread(
                _run_startup,
                app,
                startup_ingest,
                ingest=settings.ingest_on_startup and not app.state.read_only,
                seed_extraction=seed_extraction,
            )
        )
        try:
            yield
        finally:
            app.state.startup.stop.set()
            if seed_extraction is not None:
                seed_extraction.close()
            await startup_task
            await asyncio.to_thread(app.state.extraction_queue.close)
            if app.state.write_extractor is not None:
                await asyncio.to_thread(app.state.write_extractor.close)
            engine.dispose()
            app.state.write_engine.dispose()

    # FastAPI's /docs page loads Swagger UI from a CDN; this one serves the copy shipped in the
    # fastapi-offline package, so the docs work where browsers have no way out to the internet. No /redoc:
    # ReDoc always fetches its vendor's logo from another origin.
    app = FastAPIOffline(
        static_url="/docs-assets",
        redoc_url=None,
        title="newsevents",
        version="1.0.0",
        summary="People, meetings and NATO-accession timeline entries extracted from news articles.",
        lifespan=lifespan,
        # FastAPI's own OpenTelemetry spans and metrics; when on, every request asks OpenTelemetry whether
        # a provider is configured, which costs more than answering from the response cache.
        telemetry=None if settings.telemetry else {"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.startup = StartupState()
    # Inside CORS, so that 304s and cached answers carry CORS headers too.
    app.add_middleware(
        ResponseCache, engine=lambda: app.state.engine, max_bytes=settings.response_cache_mb * 1024 * 1024
    )
    app.add_middleware(CursorSecretMiddleware, secret=settings.cursor_secret.get_secret_value())
    # Outside the cache, which then sees (and answers) a HEAD as the GET it stands for.
    app.add_middleware(HeadAsGet)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
            expose_headers=["Link", "Location"],
        )
    app.add_middleware(SecurityHeaders)  # outermost: every answer, CORS preflights and errors included
    install_problem_handlers(app)
    for router in (health_router, articles_router, people_router, meetings_router, timeline_router, web_router):
        app.include_router(router)
    app.mount("/assets", ASSETS, name="assets")
    _register_extra_schemas(app)
    return app


def _register_extra_schemas(app: FastAPI) -> None:
    """Publish schemas that routes reference without declaring: the problem body, the JSON article."""
    openapi = app.openapi

    def with_extra_schemas() -> dict:
        schema = openapi()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (Problem, ArticleCreate):
            components.setdefault(model.__name__, model.model_json_schema(ref_template="#/components/schemas/{model}"))
        return schema

    app.openapi = with_extra_schemas
