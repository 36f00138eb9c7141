"""Backups: one archive with the database and the media files, restored into an empty instance.

An archive is a gzipped tar. Its first member, manifest.json, says what the rest is: the format
version, the database vendor, the applied migrations, the number of rows of every model and the
SHA-256 of every other member. Then comes the database (`database/portal.pgdump`, made by
pg_dump, or `database/portal.sqlite3`, a copy made with SQLite's online backup API) and the files
under MEDIA_ROOT (`media/<path>`). The counts, the migrations and the dump come from one snapshot
of the database, so the manifest describes exactly the rows in the archive.

A restore reads the manifest, checks that this instance can take the backup (same database
vendor, code that knows every migration, an empty database and MEDIA_ROOT), then extracts every
member into a staging area while checking its checksum. Only when all of them are right does it
put the database in place (in one transaction on PostgreSQL, by renaming the file on SQLite),
then the media (by renaming).
"""

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection, connections, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from portal import counters

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
DATABASE_MEMBERS = {"postgresql": "database/portal.pgdump", "sqlite": "database/portal.sqlite3"}
MEDIA_PREFIX = "media/"
# What `migrate` writes into a new database: an instance with rows only there is still empty.
BOOKKEEPING_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something an operator has to fix; the message says what."""


@dataclass
class Member:
    name: str
    path: Path
    sha256: str
    size: int

    def entry(self):
        return {"name": self.name, "sha256": self.sha256, "size": self.size}


@dataclass
class Restored:
    manifest: dict
    media_files: int = 0
    pending_migrations: list = field(default_factory=list)


# Writing a backup.


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


# Command-line tools of PostgreSQL.


def tool_major_version(tool):
    output = run_tool(tool, "--version").stdout
    found = re.search(r"(\d+)(?:\.\d+)?", output)
    if not found:
        raise BackupError(f"Cannot read the version of {tool} from {output!r}.")
    return int(found.group(1))


def run_tool(tool, *args):
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client).")
    result = subprocess.run(  # noqa: S603
        [executable, *args],
        env=postgresql_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{tool} failed:\n{result.stderr.strip()}")
    return result


def postgresql_environment():
    """The connection settings as libpq variables: the password never shows in `ps`."""
    settings_dict = connection.settings_dict
    _args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    variables = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "NAME": "PGDATABASE"}
    named = {
        var: str(settings_dict[key]) for key, var in variables.items() if settings_dict.get(key)
    }
    return {**os.environ, **named, **(env or {})}


# Reading an archive.


def read_manifest(archive):
    """(The manifest, an iterator over the members after it)."""
    members = iter(archive)
    first = next(members, None)
    if first is None or first.name != MANIFEST or not first.isreg():
        raise BackupError(f"This is not a portal backup: it does not start with {MANIFEST}.")
    try:
        manifest = json.loads(archive.extractfile(first).read())
        check_manifest(manifest)
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"The archive's {MANIFEST} is damaged: {error!r}.") from error
    return manifest, members


def check_manifest(manifest):
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"This backup has format {manifest.get('format')!r}; this version of the portal "
            f"reads format {FORMAT_VERSION}."
        )
    names = [entry["name"] for entry in manifest["members"]]
    for name in names:
        check_member_name(name)
    if len(set(names)) != len(names):
        raise BackupError("The manifest lists a member twice.")


def check_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name:
        raise BackupError(f"Refusing the archive: the member {name!r} has an unsafe path.")
    if name != MANIFEST and not name.startswith(("database/", MEDIA_PREFIX)):
        raise BackupError(f"Refusing the archive: unexpected member {name!r}.")


def check_member(member, expected, seen):
    """Refuse anything but a regular file the manifest lists, named safely, seen once."""
    check_member_name(member.name)
    if not member.isreg():
        raise BackupError(
            f"Refusing the archive: the member {member.name!r} is not a regular file "
            "(links, devices and directories are never in a portal backup)."
        )
    if member.name not in expected:
        raise BackupError(f"Refusing the archive: {member.name!r} is not in its manifest.")
    if member.name in seen:
        raise BackupError(f"Refusing the archive: {member.name!r} appears twice.")


def copy_checked(source, entry, target):
    """Copy a member's bytes to `target` (a file object, or None to only check them)."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
    if digest.hexdigest() != entry["sha256"] or size != entry["size"]:
        raise BackupError(
            f"The archive is damaged: {entry['name']} does not match the checksum in its "
            "manifest. Nothing was restored."
        )


def extract_members(archive, members, manifest, destination):
    """Check every member; write each to destination(name) when it is not None."""
    expected = {entry["name"]: entry for entry in manifest["members"]}
    seen = set()
    for member in members:
        check_member(member, expected, seen)
        seen.add(member.name)
        source = archive.extractfile(member)
        if destination is None:
            copy_checked(source, expected[member.name], None)
            continue
        with open(destination(member.name), "xb") as target:
            copy_checked(source, expected[member.name], target)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"The archive is incomplete: {', '.join(missing)} missing.")


def verify_archive(path):
    """Check an archive without touching this instance; return its manifest."""
    with open_archive(path) as archive:
        manifest, members = read_manifest(archive)
        extract_members(archive, members, manifest, None)
    return manifest


@contextmanager
def open_archive(path):
    try:
        with tarfile.open(path, mode="r|*") as archive:
            yield archive
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from error


# Restoring.


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
