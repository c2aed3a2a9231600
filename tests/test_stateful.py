"""Random histories of posting and deleting articles leave exactly the facts of the articles that remain.

A hypothesis state machine posts and deletes articles of a small pool through the write service
(app/articles/writes.py, what POST and DELETE /v1/articles call) and, after every step, compares the
stored facts with those of ingesting the remaining articles, in the order they were stored, into an
empty database. tests/ingest/snapshots.py says what is compared and which ids may differ.

The pool's articles overlap on purpose: one meeting announced as planned in one article and reported
held in two others (with another place, other topics, the participants in another order), one reported
by two articles of which only one names a topic, and one NATO statement quoted by two articles. spaCy
is slow, so each text is extracted once per session (the extractor is deterministic) and the steps only
store and delete.

Not covered, by design of the pool: a surname alone naming someone another article introduced, whose
resolution depends on who else is stored at the time (docs in app/ingest/facts.py).
"""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlmodel import Session

from app.articles import writes
from app.db import make_engine, upgrade_schema
from app.errors import NotFoundError
from app.extraction import ArticleText, Extraction
from app.ingest.parsing import parse_seed_text
from app.ingest.service import store_parsed
from app.models import Article, Meeting, Person, TimelineEntry
from tests.databases import fresh_database
from tests.ingest.snapshots import fact_snapshot

POOL = [
    " date 2024-05-02 Baltic ministers to meet\nLatvian Foreign Minister Baiba Braze will meet Estonian Foreign "
    "Minister Margus Tsahkna in Tallinn next week to discuss air defense.\n",
    " date 2024-05-09 Braze and Tsahkna hold talks\nLatvian Foreign Minister Baiba Braze met Estonian Foreign "
    "Minister Margus Tsahkna on Wednesday. They discussed sanctions against Russia.\n",
    " date 2024-05-10 Tallinn talks\nEstonian Foreign Minister Margus Tsahkna hosted Latvian Foreign Minister "
    "Baiba Braze in Tallinn on May 8. Tsahkna said Ukraine's future is in NATO.\n",
    " date 2024-06-14 Kuleba in Riga\nUkrainian Foreign Minister Dmytro Kuleba met Latvian Foreign Minister Baiba "
    "Braze in Riga on Thursday. Kuleba said Ukraine hopes for an invitation to join NATO at the Washington "
    "summit.\n",
    " date 2024-06-15 Kuleba visit\nUkrainian Foreign Minister Dmytro Kuleba held talks with Latvian Foreign "
    "Minister Baiba Braze in Riga on June 13 on energy security.\n",
    " date 2024-07-11 Washington summit\nNATO Secretary General Jens Stoltenberg said at the Washington summit on "
    "July 10 that Ukraine's path to NATO membership is irreversible. Stoltenberg met Dmytro Kuleba on the "
    "sidelines.\n",
    " date 2024-07-12 Summit aftermath\nNATO Secretary General Jens Stoltenberg said on July 10 that Ukraine's "
    "path to NATO membership is irreversible. Stoltenberg met Estonian Foreign Minister Margus Tsahkna in "
    "Washington.\n",
]
PARSED = [parse_seed_text(text) for text in POOL]


class CachedExtractor:
    """The real extractor, asked once per text: what the write service calls `extract` on."""

    def __init__(self, extractor) -> None:
        self._extractor = extractor
        self._done: dict[str, Extraction] = {}

    def extract(self, text: ArticleText) -> Extraction:
        if text.body not in self._done:
            self._done[text.body] = self._extractor.extract(text)
        return self._done[text.body]


@pytest.fixture(scope="module")
def cached_extractor(extractor) -> CachedExtractor:
    return CachedExtractor(extractor)


def _engine(url: str):
    upgrade_schema(make_engine(url))
    return make_engine(url, for_writes=True)


def _clear(engine) -> None:
    with Session(engine) as session:
        for table in (Meeting, TimelineEntry, Person, Article):
            session.execute(table.__table__.delete())
        session.commit()


def _snapshot(engine) -> dict:
    with Session(engine) as session:
        return fact_snapshot(session)


def test_random_posts_and_deletes_leave_the_facts_of_the_remaining_articles(tmp_path: Path, cached_extractor):
    (tmp_path / "history").mkdir()
    (tmp_path / "reference").mkdir()
    with fresh_database(tmp_path / "history") as history_url, fresh_database(tmp_path / "reference") as reference_url:
        history, reference = _engine(history_url), _engine(reference_url)
        try:
            run_state_machine_as_test(
                lambda: ArticleHistory(history, reference, cached_extractor),
                settings=settings(
                    max_examples=12,
                    stateful_step_count=8,
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow],
                ),
            )
        finally:
            history.dispose()
            reference.dispose()


class ArticleHistory(RuleBasedStateMachine):
    def __init__(self, history, reference, extractor: CachedExtractor) -> None:
        super().__init__()
        self.history, self.reference, self.extractor = history, reference, extractor
        _clear(history)
        self.stored: list[int] = []  # pool indexes, in the order they were stored

    @rule(index=st.integers(0, len(POOL) - 1))
    def post(self, index: int) -> None:
        outcome = writes.create(engine=self.history, parsed=PARSED[index], extractor=self.extractor)
        assert outcome.created == (index not in self.stored)
        if outcome.created:
            self.stored.append(index)

    @rule(index=st.integers(0, len(POOL) - 1))
    def delete(self, index: int) -> None:
        article_id = PARSED[index].content_sha256[:16]
        if index in self.stored:
            writes.remove(engine=self.history, article_id=article_id)
            self.stored.remove(index)
        else:
            with pytest.raises(NotFoundError):
                writes.remove(engine=self.history, article_id=article_id)

    @invariant()
    def facts_are_those_of_the_remaining_articles(self) -> None:
        _clear(self.reference)
        for index in self.stored:
            parsed = PARSED[index]
            store_parsed(engine=self.reference, parsed=parsed, extraction=self.extractor.extract(parsed.text))
        assert _snapshot(self.history) == _snapshot(self.reference)
