"""Restoring into an empty instance: every check first, then the database, then the media."""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from .common import BOOKKEEPING_TABLES, MEDIA_PREFIX, VENDOR_NAMES, BackupError, Restored
from .reading import extract_members, open_archive, read_manifest
from .tools import run_tool, tool_major_version
from .writing import count_rows, filesystem_media_root, model_tables, walk


def restore_backup(path):
    """Restore the archive into this (empty) instance; return what was restored."""
    with open_archive(path) as archive:
        manifest, members = read_manifest(archive)
        check_compatible(manifest)
        check_database_empty()
        check_media_empty()
        with staging(manifest) as stage:
            extract_members(archive, members, manifest, stage.path_for)
            check_database_empty()
            install_database(manifest, stage.path_for(manifest["database"]["member"]))
            media_files = stage.install_media()
    check_counts(manifest)
    return Restored(manifest, media_files, pending_migrations())


def check_compatible(manifest):
    if manifest.get("kind", "full") != "full":
        raise BackupError(
            "This is the backup of one site: restore it with `restore --site`, into an "
            "installation that does not use its host names."
        )
    check_vendor(manifest["database"]["vendor"])
    check_migrations_known(manifest["database"]["migrations"])
    if manifest["media"]["included"] and filesystem_media_root() is None:
        raise BackupError(
            f"This backup holds {manifest['media']['files']} media files, but this instance "
            "keeps media in a bucket (PORTAL_S3_BUCKET). Restore it without PORTAL_S3_BUCKET, "
            "then copy DJANGO_MEDIA_ROOT into the bucket (README, 'Moving existing pictures')."
        )
    if manifest["database"]["vendor"] == "postgresql":
        check_pg_restore(manifest["database"]["pg_dump_version"])


def check_vendor(vendor):
    if vendor != connection.vendor:
        name = VENDOR_NAMES.get(vendor, vendor)
        raise BackupError(
            f"This backup is of {name}; restore it into a {name} instance (this one uses "
            f"{VENDOR_NAMES.get(connection.vendor, connection.vendor)})."
        )


def check_migrations_known(migrations):
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}"
        for app, names in sorted(migrations.items())
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "This backup was made by a newer or different version of the portal; this code "
            f"does not know the migrations {', '.join(unknown)}. Deploy that version first."
        )


def check_pg_restore(dump_version):
    restore_version = tool_major_version("pg_restore")
    if restore_version < dump_version:
        raise BackupError(
            f"pg_restore {restore_version} cannot read a dump made by pg_dump {dump_version}: "
            f"install the PostgreSQL {dump_version} client tools and put them first on PATH."
        )


def check_database_empty():
    tables = tables_with_rows()
    if tables:
        raise BackupError(
            "Refusing to restore into a database that holds data (rows in "
            f"{', '.join(tables[:5])}{'…' if len(tables) > 5 else ''}). Restore into a new, "
            "empty database (createdb, or a new SQLite file), or migrated and still empty."
        )


def check_media_empty():
    root = filesystem_media_root()
    if root is not None and next(walk(root), None) is not None:
        raise BackupError(
            f"Refusing to restore: the media folder {root} already holds files. "
            "Point DJANGO_MEDIA_ROOT at an empty folder."
        )


def tables_with_rows():
    if connection.vendor == "sqlite" and not sqlite_file_has_data():
        return []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        return [
            table for table in tables if table not in BOOKKEEPING_TABLES and has_rows(cursor, table)
        ]


def sqlite_file_has_data():
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        return True
    return Path(name).exists() and Path(name).stat().st_size > 0


def has_rows(cursor, table):
    cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
    return cursor.fetchone() is not None


class Staging:
    """Where members wait until every one is checked: beside their final place, so that
    putting them there is a rename."""

    def __init__(self, manifest):
        self.database_dir = Path(tempfile.mkdtemp(prefix=".restore-", dir=database_staging_dir()))
        self.media_root = filesystem_media_root() if manifest["media"]["included"] else None
        self.media_dir = None
        if self.media_root is not None:
            self.media_root.mkdir(parents=True, exist_ok=True)
            self.media_dir = Path(tempfile.mkdtemp(prefix=".restore-", dir=self.media_root))

    def path_for(self, name):
        if name.startswith(MEDIA_PREFIX):
            path = self.media_dir.joinpath(*PurePosixPath(name[len(MEDIA_PREFIX) :]).parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            return path
        return self.database_dir / PurePosixPath(name).name

    def install_media(self):
        if self.media_dir is None:
            return 0
        files = sum(1 for path in walk(self.media_dir) if path.is_file())
        for child in self.media_dir.iterdir():
            child.rename(self.media_root / child.name)
        return files

    def remove(self):
        shutil.rmtree(self.database_dir, ignore_errors=True)
        if self.media_dir is not None:
            shutil.rmtree(self.media_dir, ignore_errors=True)


@contextmanager
def staging(manifest):
    stage = Staging(manifest)
    try:
        yield stage
    finally:
        stage.remove()


def database_staging_dir():
    if connection.vendor == "sqlite":
        directory = Path(connection.settings_dict["NAME"]).parent
        directory.mkdir(parents=True, exist_ok=True)
        return directory
    return None


def install_database(manifest, staged):
    connections.close_all()
    if manifest["database"]["vendor"] == "sqlite":
        install_sqlite(staged)
    else:
        install_postgresql(staged)


def install_sqlite(staged):
    target = Path(connection.settings_dict["NAME"])
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    staged.rename(target)


def install_postgresql(staged):
    """One transaction: pg_restore stops at the first error and nothing stays applied.
    --clean drops the tables an earlier `migrate` made, so a migrated empty database works."""
    run_tool(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        "--clean",
        "--if-exists",
        f"--dbname={connection.settings_dict['NAME'] or 'postgres'}",
        str(staged),
    )


def check_counts(manifest):
    expected = manifest["database"]["counts"]
    tables = {label: table for label, table in model_tables().items() if label in expected}
    with connection.cursor() as cursor:
        restored = count_rows(cursor, tables)
    different = [
        f"{label} ({count} rows, expected {expected[label]})"
        for label, count in restored.items()
        if count != expected[label]
    ]
    if different:
        raise BackupError(f"The restored database differs from the backup: {', '.join(different)}.")


def pending_migrations():
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
