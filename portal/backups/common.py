"""What backups and restores share: the archive's layout and the errors an operator sees."""

from dataclasses import dataclass, field
from pathlib import Path

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
    # The first site (tenancy's data migration).
    "tenancy_site",
    "tenancy_domain",
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
