"""Writing a backup: the database dumped from one snapshot, the media files, the manifest."""

import hashlib
import io
import json
import os
import sqlite3
import tarfile
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection, transaction
from django.utils import timezone

from portal import counters

from .common import (
    CHUNK,
    DATABASE_MEMBERS,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    BackupError,
    Member,
)
from .tools import run_tool, tool_major_version


def default_path():
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"portal-{stamp}.tar.gz"


def create_backup(path=None):
    """Write the archive at `path` (default_path() when None); return its manifest."""
    path = Path(path or default_path())
    if path.exists():
        raise BackupError(f"{path} already exists; choose another --output.")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    counters.flush()
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as workdir:
        database, description = dump_database(Path(workdir))
        # Media after the database: every file a dumped row names is already on disk.
        media, media_entry = collect_media()
        members = [database, *media]
        manifest = build_manifest(description, media_entry, members)
        write_archive(path, manifest, members)
    return manifest


def dump_database(workdir):
    """(the dump as a Member, {"counts", "migrations", ...}) of one snapshot of the database."""
    vendor = connection.vendor
    if vendor == "sqlite":
        return dump_sqlite(workdir / "portal.sqlite3")
    if vendor == "postgresql":
        return dump_postgresql(workdir / "portal.pgdump")
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")


def dump_sqlite(target):
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        with closing(copy.cursor()) as cursor:
            description = describe_database(cursor)
    description["sqlite_version"] = sqlite3.sqlite_version
    return member_of(DATABASE_MEMBERS["sqlite"], target), description


def dump_postgresql(target):
    dump_version = tool_major_version("pg_dump")
    server_version = connection.pg_version // 10000 if connection.pg_version else 0
    if dump_version < server_version:
        raise BackupError(
            f"pg_dump {dump_version} cannot dump a PostgreSQL {server_version} server: install "
            f"the PostgreSQL {server_version} client tools and put them first on PATH."
        )
    with exported_snapshot() as (snapshot, cursor):
        description = describe_database(cursor)
        run_tool(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--snapshot={snapshot}",
            f"--file={target}",
        )
    description.update(server_version=server_version, pg_dump_version=dump_version)
    return member_of(DATABASE_MEMBERS["postgresql"], target), description


@contextmanager
def exported_snapshot():
    """A read-only snapshot pg_dump can share, so the manifest counts what the dump holds."""
    if connection.in_atomic_block:
        raise BackupError("Run the backup outside a database transaction.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        yield cursor.fetchone()[0], cursor


def describe_database(cursor):
    """Rows per model and applied migrations per app, read through a DB-API cursor."""
    existing = set(connection.introspection.table_names(cursor))
    tables = {label: table for label, table in model_tables().items() if table in existing}
    return {"counts": count_rows(cursor, tables), "migrations": applied_migrations(cursor)}


def count_rows(cursor, tables):
    counts = {}
    for label, table in tables.items():
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[label] = cursor.fetchone()[0]
    return counts


def applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations = {}
    for app, name in cursor.fetchall():
        migrations.setdefault(app, []).append(name)
    return migrations


def model_tables():
    models = apps.get_models(include_auto_created=True)
    return {
        model._meta.label_lower: model._meta.db_table
        for model in sorted(models, key=lambda model: model._meta.label_lower)
        if model._meta.managed and not model._meta.proxy
    }


def filesystem_media_root():
    """MEDIA_ROOT when uploads are files on this machine; None when they live in a bucket."""
    storage = storages["default"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def bucket_reason():
    bucket = getattr(settings, "PORTAL_S3_BUCKET", "") or "object storage"
    return f"media live in the bucket {bucket} and are not in this backup"


def collect_media():
    """(Members for the regular files under MEDIA_ROOT, the manifest's "media" entry).
    Symbolic links are left out (and named in the entry): a restore never makes links."""
    root = filesystem_media_root()
    if root is None:
        return [], {"included": False, "reason": bucket_reason()}
    paths = sorted(walk(root))
    media = [
        member_of(MEDIA_PREFIX + path.relative_to(root).as_posix(), path)
        for path in paths
        if path.is_file() and not path.is_symlink()
    ]
    entry = {
        "included": True,
        "files": len(media),
        "bytes": sum(member.size for member in media),
        "skipped_links": [path.relative_to(root).as_posix() for path in paths if path.is_symlink()],
    }
    return media, entry


def walk(root):
    """Every entry under root but its real directories (files, links, links to directories)."""
    for directory, dirnames, filenames in os.walk(root):
        paths = [Path(directory, name) for name in [*filenames, *dirnames]]
        yield from (path for path in paths if path.is_symlink() or not path.is_dir())


def member_of(name, path):
    sha256, size = file_digest(path)
    return Member(name=name, path=path, sha256=sha256, size=size)


def file_digest(path):
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def build_manifest(description, media_entry, members):
    return {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "django_version": django.get_version(),
        "database": {
            "vendor": connection.vendor,
            "member": members[0].name,
            **description,
        },
        "media": media_entry,
        "members": [member.entry() for member in members],
    }


def write_archive(path, manifest, members):
    """Write beside `path`, then rename: a failed backup leaves no archive that looks whole."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with (
            os.fdopen(handle, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive,
        ):
            add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            for member in members:
                add_file(archive, member)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def add_bytes(archive, name, data):
    archive.addfile(tar_info(name, len(data), timezone.now().timestamp()), io.BytesIO(data))


def add_file(archive, member):
    try:
        with open(member.path, "rb") as handle:
            reader = HashingReader(handle)
            info = tar_info(member.name, member.size, os.fstat(handle.fileno()).st_mtime)
            archive.addfile(info, reader)
    except OSError as error:
        raise changed_during_backup(member) from error
    if reader.hexdigest() != member.sha256:
        raise changed_during_backup(member)


def tar_info(name, size, mtime):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(mtime), 0o644
    return info


def changed_during_backup(member):
    return BackupError(f"{member.path} changed while the backup was running; run it again.")


class HashingReader:
    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data

    def hexdigest(self):
        return self.digest.hexdigest()
