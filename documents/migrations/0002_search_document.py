"""The full-text search document of a document, on PostgreSQL only: a STORED generated tsvector
column over the folded columns that Document.save and services.refresh_file_text keep filled,
with a GIN index, so a search of 100,000 documents reads the index, not every row. Storage
MAIN keeps the tsvector in the row: a search of a common word walks the newest documents and
reads it for each (as articles' migration 0006 explains). It is not a
model field (Django never writes it) and other databases, which search with LIKE, lack it."""

from django.db import migrations

COLUMN = "search_document"
INDEX = "document_search_vector_idx"
DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(search_number, '') || ' ' ||"
    " coalesce(search_text, '') || ' ' || coalesce(search_files, ''))"
)


def add_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    table = quote(apps.get_model("documents", "Document")._meta.db_table)
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {quote(COLUMN)} tsvector"
        f" GENERATED ALWAYS AS ({DOCUMENT}) STORED,"
        f" ALTER COLUMN {quote(COLUMN)} SET STORAGE MAIN"
    )
    schema_editor.execute(f"CREATE INDEX {quote(INDEX)} ON {table} USING gin ({quote(COLUMN)})")


def remove_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    table = quote(apps.get_model("documents", "Document")._meta.db_table)
    schema_editor.execute(f"DROP INDEX IF EXISTS {quote(INDEX)}")
    schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {quote(COLUMN)}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_document, remove_document)]
