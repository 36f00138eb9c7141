"""Store the full-text search document of an article on PostgreSQL; nothing on other databases.

Matching the expression index of migration 0004 still computed to_tsvector for every row when
the query words are in most articles and the planner scans the table (about 2 s on 20,000 rows).
`search_document` is a STORED generated column that PostgreSQL keeps up to date from the folded
columns, the title words weighted 'A' so a query can ask for title matches without parsing the
title again. Storage MAIN keeps the document (about 2 kB) in the row rather than in the TOAST
table, which a scan over most rows would otherwise read once per row (4 times slower).
It is not a model field: Django never writes it and SQLite has no such column.
Its GIN index replaces `article_search_document_idx`; the trigram index of 0004 stays.
"""

from importlib import import_module

from django.db import migrations

COLUMN = "search_document"
INDEX = "article_search_vector_idx"
DOCUMENT = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(search_title, '')), 'A')"
    " || to_tsvector('simple'::regconfig, coalesce(search_body, ''))"
)
EXPRESSION_INDEX = "article_search_document_idx"


def add_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    table = quote(apps.get_model("articles", "Article")._meta.db_table)
    # One statement, so the table is rewritten once, with the storage already MAIN.
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {quote(COLUMN)} tsvector"
        f" GENERATED ALWAYS AS ({DOCUMENT}) STORED,"
        f" ALTER COLUMN {quote(COLUMN)} SET STORAGE MAIN"
    )
    schema_editor.execute(f"CREATE INDEX {quote(INDEX)} ON {table} USING gin ({quote(COLUMN)})")
    schema_editor.execute(f"DROP INDEX IF EXISTS {quote(EXPRESSION_INDEX)}")


def remove_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("articles", "Article")
    quote = schema_editor.quote_name
    expression_index = import_module("articles.migrations.0004_search_indexes").INDEXES
    schema_editor.add_index(Article, expression_index[EXPRESSION_INDEX]())
    schema_editor.execute(f"DROP INDEX IF EXISTS {quote(INDEX)}")
    schema_editor.execute(
        f"ALTER TABLE {quote(Article._meta.db_table)} DROP COLUMN IF EXISTS {quote(COLUMN)}"
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_refill_search_text")]

    operations = [migrations.RunPython(add_document, remove_document)]
