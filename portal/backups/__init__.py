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

A site's backup (`tenancy/backups.py`) holds that site's rows as JSON instead of a dump, with the
same manifest and checks, and is restored beside the sites already there.
"""

from .common import VENDOR_NAMES, BackupError
from .reading import verify_archive
from .restoring import restore_backup
from .writing import create_backup, default_path

__all__ = [
    "VENDOR_NAMES",
    "BackupError",
    "create_backup",
    "default_path",
    "restore_backup",
    "verify_archive",
]
