from django.core.management.base import BaseCommand, CommandError

from portal import backups


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into this instance, whose database and "
        "DJANGO_MEDIA_ROOT must be empty (a new database, or one that `migrate` made). Every "
        "member is checked against the manifest before anything is written. Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz written by `manage.py backup`")
        parser.add_argument(
            "--check",
            action="store_true",
            help="only verify the archive's checksums; change nothing",
        )

    def handle(self, *args, archive, check=False, **options):
        try:
            if check:
                manifest = backups.verify_archive(archive)
                self.stdout.write(f"{archive} is intact: {len(manifest['members'])} members.")
                return
            restored = backups.restore_backup(archive)
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
        if restored.pending_migrations:
            self.stdout.write(
                f"This code has {len(restored.pending_migrations)} migrations newer than the "
                "backup: run `manage.py migrate` before starting the site."
            )
