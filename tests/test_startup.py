import shutil
import threading

from fastapi.testclient import TestClient

from app.application import create_app, ingest_seeds
from app.extraction import DeferredExtractor
from tests.conftest import SEEDS_DIR
from tests.seeds_gold import SEEDS_GOLD, assert_seed_counts, served_counts


def _with_seeds(settings, *names):
    for name in names:
        shutil.copy(SEEDS_DIR / name, settings.seeds_dir)
    return settings.model_copy(update={"ingest_on_startup": True})


SEED_NAMES = tuple(article["file"] for article in SEEDS_GOLD["articles"])


def test_startup_ingests_the_seeds_and_then_reports_ready_with_counts(settings):
    settings = _with_seeds(settings, *SEED_NAMES)
    with TestClient(create_app(settings)) as client:
        assert client.app.state.startup.finished.wait(timeout=60)
        response = client.get("/readyz")
        served = served_counts(client)
        articles = client.get("/v1/articles").json()["items"]

    assert response.status_code == 200
    # The counts are what the API serves, and what the seeds' gold says a correct extraction yields.
    assert response.json() == {"status": "ready", "counts": served}
    assert_seed_counts(served, SEED_NAMES)
    assert {a["published_at"] for a in articles} == {a["published"] for a in SEEDS_GOLD["articles"]}


def test_readiness_is_503_until_the_startup_ingest_finishes_and_liveness_is_200_throughout(settings):
    settings = settings.model_copy(update={"ingest_on_startup": True})
    started, release = threading.Event(), threading.Event()

    def gated_ingest(engine, settings, extractor, stop):
        started.set()
        release.wait(timeout=60)
        return ingest_seeds(engine, settings, extractor, stop)

    with TestClient(create_app(settings, startup_ingest=gated_ingest)) as client:
        assert started.wait(timeout=60)
        waiting = client.get("/readyz")
        alive = client.get("/healthz")
        release.set()
        assert client.app.state.startup.finished.wait(timeout=60)
        ready = client.get("/readyz")
        served = served_counts(client)  # an empty seeds folder: nothing stored

    assert waiting.status_code == 503
    assert waiting.headers["content-type"] == "application/problem+json"
    assert waiting.json()["detail"] == "startup ingest in progress"
    assert alive.status_code == 200
    assert alive.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "counts": dict.fromkeys(served, 0)}


def test_a_failed_startup_ingest_keeps_readiness_at_503_with_the_reason(settings):
    settings = settings.model_copy(update={"ingest_on_startup": True})

    def broken_ingest(engine, settings, extractor, stop):
        raise RuntimeError("disk gone")

    with TestClient(create_app(settings, startup_ingest=broken_ingest)) as client:
        assert client.app.state.startup.finished.wait(timeout=60)
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "startup ingest failed: RuntimeError",
        "instance": "/readyz",
    }
    assert "disk gone" not in response.text


def test_restart_does_not_duplicate_and_a_bad_seed_file_is_skipped(settings, caplog):
    settings = _with_seeds(settings, *SEED_NAMES)
    (settings.seeds_dir / "broken.txt").write_bytes(b"\x00\x01\x02binary")

    for _ in range(2):
        with TestClient(create_app(settings)) as client:
            assert client.app.state.startup.finished.wait(timeout=60)
            counts = client.get("/readyz").json()["counts"]
            assert counts == served_counts(client)
        assert_seed_counts(counts, SEED_NAMES)

    skipped = [r for r in caplog.records if "article.skipped" in r.getMessage()]
    assert len(skipped) == 2
    assert "broken.txt" in skipped[0].getMessage()
    assert "binary content" in skipped[0].getMessage()


def test_a_missing_seeds_folder_is_not_fatal(settings):
    settings = settings.model_copy(update={"ingest_on_startup": True, "seeds_dir": settings.seeds_dir / "nope"})
    with TestClient(create_app(settings)) as client:
        assert client.app.state.startup.finished.wait(timeout=60)
        response = client.get("/readyz")
        served = served_counts(client)
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "counts": served}
    assert set(served.values()) == {0}


def test_two_instances_starting_together_store_each_seed_once(settings):
    settings = _with_seeds(settings, *SEED_NAMES)
    barrier = threading.Barrier(2)

    def synchronised_ingest(engine, settings, extractor, stop):
        barrier.wait(timeout=60)
        return ingest_seeds(engine, settings, extractor, stop)

    first, second = (create_app(settings, startup_ingest=synchronised_ingest) for _ in range(2))
    with TestClient(first) as one, TestClient(second) as two:
        assert one.app.state.startup.finished.wait(timeout=60)
        assert two.app.state.startup.finished.wait(timeout=60)
        counts = [c.get("/readyz").json()["counts"] for c in (one, two)]
        served = served_counts(one)

    assert counts == [served, served]
    assert_seed_counts(served, SEED_NAMES)


def test_a_restart_with_the_seeds_stored_needs_no_model_to_be_ready(settings):
    settings = _with_seeds(settings, *SEED_NAMES)
    with TestClient(create_app(settings)) as first:
        assert first.app.state.startup.finished.wait(timeout=60)
        assert first.app.state.extractor.loaded  # a fresh database needed it for the seeds
        engine = first.app.state.write_engine

        # No such model exists: had the restart's seed check asked for it, this would raise.
        extractor = DeferredExtractor("no_such_spacy_model")
        report = ingest_seeds(engine, settings, extractor, threading.Event())

    assert report.counts == {"unchanged": len(SEED_NAMES)}
    assert not extractor.loaded
