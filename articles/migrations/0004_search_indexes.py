"""GIN indexes for article search on PostgreSQL; nothing on other databases.

The expressions are the ones articles/search.py queries with, compiled by Django the same way,
so the planner can use the indexes:
- `article_search_document_idx`: to_tsvector('simple', search_title || ' ' || search_body),
  for full-text matching;
- `article_search_title_trgm_idx`: search_title gin_trgm_ops, for the "did you mean" titles.
  Only when the pg_trgm extension is available and may be created.
The model state does not change: the indexes live outside Article.Meta because SQLite has
neither of them.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import DatabaseError, migrations, transaction

INDEXES = {
    "article_search_document_idx": lambda: GinIndex(
        SearchVector("search_title", "search_body", config="simple"),
        name="article_search_document_idx",
    ),
    "article_search_title_trgm_idx": lambda: GinIndex(
        fields=["search_title"],
        opclasses=["gin_trgm_ops"],
        name="article_search_title_trgm_idx",
    ),
}


def create_trigram_extension(connection):
    """True when pg_trgm is there; creating it needs a privilege some hosts withhold."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return False
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:
            return False
    return True


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    Article = apps.get_model("articles", "Article")
    schema_editor.add_index(Article, INDEXES["article_search_document_idx"]())
    if create_trigram_extension(connection):
        schema_editor.add_index(Article, INDEXES["article_search_title_trgm_idx"]())


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_groups_and_search_text"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
