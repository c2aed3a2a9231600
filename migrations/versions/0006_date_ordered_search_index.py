"""SQLite full-text index keyed by publication day, so a page of matches is read off the index in list order

Each article is indexed under (julian day of published_at) << 32 | article rowid. The index can then
hand out matches newest day first, and a page costs the same for a rare word and for one in every
article. Contentless: the text stays in article; the triggers pass the old values when removing.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"
TRIGGERS = ("article_fts_ai", "article_fts_ad", "article_fts_au")


def _key(row: str) -> str:
    return f"((CAST(julianday({row}.published_at) AS INTEGER) << 32) | {row}.rowid)"


def _drop() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS article_fts")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    op.execute(f"CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='', {TOKENIZE})")
    insert_new = f"INSERT INTO article_fts(rowid, title, body) VALUES ({_key('new')}, new.title, new.body);"
    delete_old = (
        f"INSERT INTO article_fts(article_fts, rowid, title, body) "
        f"VALUES ('delete', {_key('old')}, old.title, old.body);"
    )
    op.execute(f"CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN {insert_new} END")
    op.execute(f"CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN {delete_old} END")
    op.execute(
        f"CREATE TRIGGER article_fts_au AFTER UPDATE OF title, body, published_at ON article "
        f"BEGIN {delete_old} {insert_new} END"
    )
    op.execute(f"INSERT INTO article_fts(rowid, title, body) SELECT {_key('article')}, title, body FROM article")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    # The index of 0001: external content keyed by rowid.
    op.execute(
        f"CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article', content_rowid='rowid', {TOKENIZE})"
    )
    op.execute(
        "CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN "
        "INSERT INTO article_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN "
        "INSERT INTO article_fts(article_fts, rowid, title, body) "
        "VALUES ('delete', old.rowid, old.title, old.body); END"
    )
    op.execute(
        "CREATE TRIGGER article_fts_au AFTER UPDATE OF title, body ON article BEGIN "
        "INSERT INTO article_fts(article_fts, rowid, title, body) "
        "VALUES ('delete', old.rowid, old.title, old.body); "
        "INSERT INTO article_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END"
    )
    op.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
