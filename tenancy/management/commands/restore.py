from django.core.management.base import BaseCommand, CommandError

from portal import backups
from tenancy import backups as site_backups


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into this instance, whose database and "
        "DJANGO_MEDIA_ROOT must be empty (a new database, or one that `migrate` made). Every "
        "member is checked against the manifest before anything is written. Stop the site first. "
        "With --site: a site's archive (backup --site), added beside the sites already here."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz written by `manage.py backup`")
        parser.add_argument(
            "--check",
            action="store_true",
            help="only verify the archive's checksums; change nothing",
        )
        parser.add_argument(
            "--site",
            action="store_true",
            help="the archive is one site's (backup --site): add it beside the sites here",
        )

    def handle(self, *args, archive, check=False, site=False, **options):
        try:
            if check:
                manifest = backups.verify_archive(archive)
                self.stdout.write(f"{archive} is intact: {len(manifest['members'])} members.")
                return
            restore = site_backups.restore_site_backup if site else backups.restore_backup
            restored = restore(archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.report(archive, restored)

    def report(self, archive, restored):
        manifest = restored.manifest
        rows = sum(manifest["database"]["counts"].values())
        self.stdout.write(
            f"Restored {archive} (made {manifest['created_at']}): {rows} rows, "
            f"{restored.media_files} media files."
        )
        if not manifest["media"]["included"]:
            self.stdout.write(f"Not restored: {manifest['media']['reason']}.")
        if site := manifest.get("site"):
            self.stdout.write(f"Site “{site['name']}”: {', '.join(site['hosts'])}.")
        if restored.pending_migrations:
            self.stdout.write(
                f"This code has {len(restored.pending_migrations)} migrations newer than the "
                "backup: run `manage.py migrate` before starting the site."
            )
