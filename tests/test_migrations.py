import warnings

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
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
