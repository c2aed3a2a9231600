import warnings

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from app.db import alembic_config, include_in_migrations, make_engine, upgrade_schema
from tests.databases import ON_POSTGRES


def _differences(engine) -> list:
    with engine.connect() as connection, warnings.catch_warnings():
        # The lower(...) indexes are the migrations' own (app.db), and SQLite cannot reflect them.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        context = MigrationContext.configure(
            connection, opts={"include_object": include_in_migrations, "compare_type": True}
        )
        return compare_metadata(context, SQLModel.metadata)


def test_upgrade_head_on_an_empty_database_equals_the_models(database_url):
    engine = make_engine(database_url)
    upgrade_schema(engine)

    assert _differences(engine) == []
    if ON_POSTGRES:
        assert "search_vector" in {c["name"] for c in inspect(engine).get_columns("article")}
    else:
        assert "article_fts" in inspect(engine).get_table_names()
    engine.dispose()


def test_downgrade_to_base_and_upgrade_again_round_trips(database_url):
    engine = make_engine(database_url)
    upgrade_schema(engine)
    command.downgrade(alembic_config(engine), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}

    upgrade_schema(engine)
    assert _differences(engine) == []
    engine.dispose()


def test_case_insensitive_filters_have_their_indexes_on_lower(database_url):
    engine = make_engine(database_url)
    upgrade_schema(engine)
    listing = (
        "SELECT indexname FROM pg_indexes" if ON_POSTGRES else "SELECT name FROM sqlite_master WHERE type = 'index'"
    )
    with engine.connect() as connection:
        indexes = set(connection.exec_driver_sql(listing).scalars())
    engine.dispose()
    assert {"ix_person_name_lower", "ix_person_alias_alias_lower", "ix_article_source_lower"} <= indexes


def _rows(connection, sql: str) -> list[tuple]:
    return [tuple(row) for row in connection.exec_driver_sql(sql)]


def test_0008_and_0009_fill_meeting_reports_and_rekey_people_by_full_name(database_url):
    engine = make_engine(database_url)
    config = alembic_config(engine)
    command.upgrade(config, "0007")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, published_at, body, paragraphs, raw_text, word_count, content_sha256, "
                "ingested_at) VALUES ('a1', '2024-06-13', 'Kaja Kallas met Antony J. Blinken.', '[]', 'x', 6, "
                "'h1', '2024-06-13 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO person (id, name, match_key) VALUES ('kaja-kallas', 'Kaja Kallas', 'kalas|k'), "
                "('antony-j-blinken', 'Antony J. Blinken', 'blinken|a'), ('lula', 'Lula', 'lula|l')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO meeting (id, date, date_precision, status, summary) "
                "VALUES ('m1', '2024-06-12', 'day', 'held', 'Kaja Kallas met Antony J. Blinken.')"
            )
        )
        for quote_end in (10, 20):  # two quotes of one article: one report
            connection.execute(
                text(
                    "INSERT INTO evidence (article_id, meeting_id, quote, start_offset, end_offset, "
                    "extractor_version) VALUES ('a1', 'm1', 'q', 0, :end, 'old')"
                ),
                {"end": quote_end},
            )

    upgrade_schema(engine)

    with engine.connect() as connection:
        assert _rows(connection, "SELECT id, match_key FROM person ORDER BY id") == [
            ("antony-j-blinken", "blinken|antoni"),
            ("kaja-kallas", "kalas|kaia"),
            ("lula", "lula|"),
        ]
        assert _rows(
            connection, "SELECT meeting_id, article_id, status, date_precision, summary FROM meeting_report"
        ) == [("m1", "a1", "held", "day", "Kaja Kallas met Antony J. Blinken.")]
        assert _rows(connection, "SELECT count(*) FROM meeting_unnamed_participant") == [(0,)]
    assert {"id", "meeting_id", "role", "organization", "country", "position"} == {
        c["name"] for c in inspect(engine).get_columns("meeting_unnamed_participant")
    }

    # Back to 0008: the keys of before, by first initial.
    command.downgrade(config, "0008")
    with engine.connect() as connection:
        assert _rows(connection, "SELECT match_key FROM person ORDER BY id") == [
            ("blinken|a",),
            ("kalas|k",),
            ("lula|l",),
        ]
    engine.dispose()


def test_0010_adds_a_nullable_dateline_that_old_articles_leave_null(database_url):
    engine = make_engine(database_url)
    config = alembic_config(engine)
    command.upgrade(config, "0009")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, title, published_at, body, paragraphs, raw_text, word_count, "
                "content_sha256, ingested_at) VALUES ('a1', 'Talks', '2024-06-13', 'RIGA - Two ministers met.', "
                "'[]', 'x', 4, 'h1', '2024-06-13 10:00:00')"
            )
        )
    assert "dateline" not in {c["name"] for c in inspect(engine).get_columns("article")}

    command.upgrade(config, "0010")

    column = next(c for c in inspect(engine).get_columns("article") if c["name"] == "dateline")
    assert column["nullable"] is True
    assert column["type"].length == 200
    with engine.begin() as connection:
        # Stored before the column: NULL, and the rest of the row as it was.
        assert _rows(connection, "SELECT id, title, dateline FROM article") == [("a1", "Talks", None)]
        connection.execute(text("UPDATE article SET dateline = 'Riga, Latvia' WHERE id = 'a1'"))
        assert _rows(connection, "SELECT dateline FROM article") == [("Riga, Latvia",)]
        # The full-text index still follows the article (its triggers survived the new column).
        matched = (
            "SELECT count(*) FROM article WHERE search_vector @@ plainto_tsquery('english', 'ministers')"
            if ON_POSTGRES
            else "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ministers'"
        )
        assert _rows(connection, matched) == [(1,)]

    command.downgrade(config, "0009")
    assert "dateline" not in {c["name"] for c in inspect(engine).get_columns("article")}
    with engine.connect() as connection:
        assert _rows(connection, "SELECT id, title FROM article") == [("a1", "Talks")]
    engine.dispose()


def _indexes(engine, table: str) -> dict[str, list[str]]:
    return {index["name"]: index["column_names"] for index in inspect(engine).get_indexes(table)}


def _insert_entry(connection, entry_id: str, kind: str) -> None:
    connection.execute(
        text(
            "INSERT INTO timeline_entry (id, date, date_precision, kind, summary) "
            "VALUES (:id, '2024-03-07', 'day', :kind, 'Sweden joined NATO.')"
        ),
        {"id": entry_id, "kind": kind},
    )


def _refused(connection, insert) -> bool:
    """Whether the database refuses what `insert(connection)` writes (a CHECK), leaving the rest as it was."""
    try:
        with connection.begin_nested():
            insert(connection)
    except IntegrityError:
        return True
    return False


def _kind_refused(connection, kind: str) -> bool:
    return _refused(connection, lambda c: _insert_entry(c, f"try-{kind}", kind))


def test_0011_adds_country_and_its_index_widens_kinds_and_keeps_actors_and_sources(database_url):
    engine = make_engine(database_url)
    config = alembic_config(engine)
    command.upgrade(config, "0010")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, published_at, body, paragraphs, raw_text, word_count, content_sha256, "
                "ingested_at) VALUES ('a1', '2024-03-07', 'Sweden joined NATO.', '[]', 'x', 3, 'h1', "
                "'2024-03-07 10:00:00')"
            )
        )
        connection.execute(text("INSERT INTO person (id, name, match_key) VALUES ('ulf', 'Ulf Kristersson', 'k|u')"))
        _insert_entry(connection, "e1", "statement")
        connection.execute(text("INSERT INTO timeline_actor (entry_id, person_id, position) VALUES ('e1', 'ulf', 0)"))
        connection.execute(
            text(
                "INSERT INTO evidence (article_id, timeline_entry_id, quote, start_offset, end_offset, "
                "extractor_version) VALUES ('a1', 'e1', 'Sweden joined NATO.', 0, 19, 'old')"
            )
        )
        assert _kind_refused(connection, "accession")  # by the constraint of 0001

    upgrade_schema(engine)

    assert _differences(engine) == []
    assert _indexes(engine, "timeline_entry")["ix_timeline_entry_country_date_id"] == ["country", "date", "id"]
    with engine.begin() as connection:
        # SQLite rebuilt the table: the actors and sources of the entries it held are still there.
        assert _rows(connection, "SELECT id, kind, country FROM timeline_entry") == [("e1", "statement", None)]
        assert _rows(connection, "SELECT entry_id, person_id FROM timeline_actor") == [("e1", "ulf")]
        assert _rows(connection, "SELECT timeline_entry_id, quote FROM evidence") == [("e1", "Sweden joined NATO.")]
        _insert_entry(connection, "e2", "ratification")
        _insert_entry(connection, "e3", "accession")
        connection.execute(
            text(
                "INSERT INTO evidence (article_id, timeline_entry_id, quote, start_offset, end_offset, "
                "extractor_version) VALUES ('a1', 'e3', 'joined', 7, 13, 'new')"
            )
        )
        connection.execute(text("UPDATE timeline_entry SET country = 'Sweden'"))
    with engine.begin() as connection:
        assert _kind_refused(connection, "membership")

    # Back to 0010: the entries of the new kinds go (with their sources), the others stay whole.
    command.downgrade(config, "0010")
    assert "country" not in {c["name"] for c in inspect(engine).get_columns("timeline_entry")}
    assert "ix_timeline_entry_country_date_id" not in _indexes(engine, "timeline_entry")
    with engine.begin() as connection:
        assert _rows(connection, "SELECT id, kind FROM timeline_entry") == [("e1", "statement")]
        assert _rows(connection, "SELECT entry_id FROM timeline_actor") == [("e1",)]
        assert _rows(connection, "SELECT timeline_entry_id FROM evidence") == [("e1",)]
        assert _kind_refused(connection, "ratification")
    engine.dispose()


def _evidence_part_refused(connection, part: str) -> bool:
    insert = text(
        "INSERT INTO evidence (article_id, timeline_entry_id, quote, part, start_offset, end_offset, "
        "extractor_version) VALUES ('a1', 'e1', 'Sweden joins', :part, 0, 12, 'new')"
    )
    return _refused(connection, lambda c: c.execute(insert, {"part": part}))


def test_0013_marks_every_stored_quote_as_the_body_s_and_takes_title_quotes_after(database_url):
    engine = make_engine(database_url)
    config = alembic_config(engine)
    command.upgrade(config, "0012")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, title, published_at, body, paragraphs, raw_text, word_count, "
                "content_sha256, ingested_at) VALUES ('a1', 'Sweden joins', '2024-03-07', 'Sweden joined NATO.', "
                "'[]', 'x', 3, 'h1', '2024-03-07 10:00:00')"
            )
        )
        _insert_entry(connection, "e1", "accession")
        connection.execute(
            text(
                "INSERT INTO evidence (article_id, timeline_entry_id, quote, start_offset, end_offset, "
                "extractor_version) VALUES ('a1', 'e1', 'Sweden joined NATO.', 0, 19, 'old')"
            )
        )

    command.upgrade(config, "0013")

    assert _differences(engine) == []
    with engine.begin() as connection:
        assert _rows(connection, "SELECT quote, part, start_offset FROM evidence") == [
            ("Sweden joined NATO.", "body", 0)
        ]
        assert not _evidence_part_refused(connection, "title")
        assert _evidence_part_refused(connection, "caption")
        assert sorted(_rows(connection, "SELECT part FROM evidence")) == [("body",), ("title",)]

    command.downgrade(config, "0012")
    assert "part" not in {c["name"] for c in inspect(engine).get_columns("evidence")}
    with engine.begin() as connection:
        assert sorted(_rows(connection, "SELECT quote FROM evidence")) == [("Sweden joined NATO.",), ("Sweden joins",)]
    engine.dispose()
