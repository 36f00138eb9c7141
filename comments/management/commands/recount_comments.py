from django.core.management.base import BaseCommand

from comments.services import recount_comments


class Command(BaseCommand):
    help = (
        "Recount the public comment count of every commented page that keeps one (articles) "
        "from its comments and report any drift."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only report the drift; change nothing."
        )

    def handle(self, *args, check=False, **options):
        drift = recount_comments(fix=not check)
        for row, stored, actual in drift:
            self.stdout.write(
                f"{row._meta.verbose_name} #{row.pk} {row}: stored {stored}, comments say {actual}"
            )
        verb = "found" if check else "fixed"
        self.stdout.write(f"{len(drift)} page(s) with a drifted comment count {verb}.")
