"""Full-text search returns the list's order and pages whichever plan finds the matches."""

from datetime import date

import pytest
from alembic import command
from sqlalchemy import text
from sqlmodel import Session

from app.articles import service as articles_service
from app.db import alembic_config, make_engine, upgrade_schema
from tests.databases import ON_POSTGRES
from tests.factories import make_article

WORDS = ("alpha", "beta", "gamma")


@pytest.fixture
def corpus(db_session):
    """30 articles over 4 days, several a day: alpha in every 2nd, beta every 3rd, gamma every 4th."""
    rows = []
    for n in range(30):
        words = [word for i, word in enumerate(WORDS) if n % (i + 2) == 0]
        article = make_article(
            db_session,
            body=f"Report {n}: officials met. {' '.join(words)}",
            published_at=date(2024, 1, 1 + n % 4),
            source="Wire A" if n % 2 else "Wire B",
        )
        rows.append((article, set(words) | {"officials", "report"}))
    return rows


def expected(corpus, words, *, source=None, published_from=None, published_to=None):
    found = [
        article
        for article, vocabulary in corpus
        if set(words) <= vocabulary
        and (source is None or article.source == source)
        and (published_from is None or article.published_at >= published_from)
        and (published_to is None or article.published_at <= published_to)
    ]
    return [a.id for a in sorted(found, key=lambda a: (a.published_at, a.id), reverse=True)]


def pages(client, limit, **params):
    ids, cursor = [], None
    for _ in range(100):
        response = client.get("/v1/articles", params={**params, "limit": limit, "cursor": cursor})
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= limit
        ids += [item["id"] for item in body["items"]]
        if not (cursor := body["next_cursor"]):
            return ids
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize("query", ["alpha", "beta gamma", "officials", "Report officials alpha", "zzz"])
@pytest.mark.parametrize("limit", [1, 2, 7])
def test_search_pages_come_in_list_order(client, corpus, query, limit):
    assert pages(client, limit, q=query) == expected(corpus, query.lower().split())


@pytest.mark.parametrize(
    ("published_from", "published_to"),
    [
        (date(2024, 1, 2), None),
        (None, date(2024, 1, 3)),
        (date(2024, 1, 2), date(2024, 1, 2)),
        (date(2025, 1, 1), None),
    ],
)
def test_search_with_dates_pages_within_them(client, corpus, published_from, published_to):
    params = {"published_from": published_from, "published_to": published_to}
    got = pages(client, 2, q="alpha", **{k: v.isoformat() for k, v in params.items() if v})

    assert got == expected(corpus, ["alpha"], **params)


@pytest.mark.parametrize(
    ("few", "most"),
    [(1000, 0.3), (0, 1000.0), (0, 0.0)],
    ids=["sorts-the-matches", "walks-by-date-against-the-set", "walks-by-date-probing-the-index"],
)
@pytest.mark.parametrize("query", ["alpha", "beta gamma", "zzz"])
def test_search_with_a_source_gives_the_same_pages_by_every_plan(client, corpus, monkeypatch, few, most, query):
    monkeypatch.setattr(articles_service, "_FEW_MATCHES", few)
    monkeypatch.setattr(articles_service, "_MOST_OF_CORPUS", most)

    assert pages(client, 2, q=query, source="Wire B") == expected(corpus, query.split(), source="Wire B")


def test_an_edited_or_removed_article_leaves_the_index(client, db_session, corpus):
    article, _ = corpus[0]
    db_session.execute(
        text("UPDATE article SET body = 'nothing here', published_at = '2023-06-01' WHERE id = :id"), {"id": article.id}
    )
    removed, _ = corpus[2]
    db_session.execute(text("DELETE FROM article WHERE id = :id"), {"id": removed.id})
    db_session.commit()

    alpha = pages(client, 3, q="alpha")

    assert article.id not in alpha
    assert removed.id not in alpha
    assert pages(client, 3, q="nothing") == [article.id]


@pytest.mark.skipif(ON_POSTGRES, reason="the day-keyed index is SQLite's; PostgreSQL searches its tsvector")
def test_upgrading_indexes_the_articles_already_stored(database_url):
    engine = make_engine(database_url, for_writes=True)
    upgrade_schema(engine)
    command.downgrade(alembic_config(engine), "0005")
    # The row as 0005's schema has it: written in SQL, since the model has columns added after 0005.
    article_id = "4f69e1eab230d9ed"
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, title, published_at, body, paragraphs, raw_text, word_count, "
                "content_sha256, ingested_at) VALUES (:id, 'Riga', '2024-03-14', 'Foreign ministers met in Riga.', "
                "'[]', 'x', 5, :id, '2024-03-14 10:00:00')"
            ),
            {"id": article_id},
        )

    upgrade_schema(engine)
    with Session(engine) as session:
        statement = articles_service.ArticleFilters(q="riga ministers")
        found, _ = articles_service.list_articles(db_session=session, filters=statement, limit=5, cursor=None)
    engine.dispose()
    assert [a.id for a in found] == [article_id]
