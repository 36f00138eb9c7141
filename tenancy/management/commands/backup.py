from django.core.management.base import BaseCommand, CommandError

from portal import backups
from tenancy import backups as site_backups


class Command(BaseCommand):
    help = (
        "Write one archive with the database (pg_dump on PostgreSQL, an online copy on SQLite) "
        "and the media files, after flushing the buffered counters. Default: "
        "var/backups/portal-YYYYMMDD-HHMMSS.tar.gz. The site may keep running. With --site "
        "DOMAIN: only that site's rows, staff accounts and media (restore --site)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="where to write the archive (must not exist)")
        parser.add_argument("--site", help="back up only the site answering on this host name")

    def handle(self, *args, output=None, site=None, **options):
        try:
            if site:
                path = output or site_backups.default_site_path(site)
                manifest = site_backups.create_site_backup(site, path)
            else:
                path = output or backups.default_path()
                manifest = backups.create_backup(path)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        database = manifest["database"]
        self.stdout.write(
            f"Backup written to {path}: {backups.VENDOR_NAMES[database['vendor']]} database "
            f"({sum(database['counts'].values())} rows), {media_summary(manifest['media'])}."
        )
        for link in manifest["media"].get("skipped_links", []):
            self.stderr.write(f"Not included (a symbolic link): {link}")
        for name in manifest["media"].get("missing", []):
            self.stderr.write(f"Not included (missing from the media folder): {name}")


def media_summary(media):
    if not media["included"]:
        return media["reason"]
    return f"{media['files']} media files ({media['bytes']} bytes)"
