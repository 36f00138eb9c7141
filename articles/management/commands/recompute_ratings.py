from django.core.management.base import BaseCommand

from articles.services import recompute_ratings


class Command(BaseCommand):
    help = "Recompute every article's rating totals from its votes and report any drift."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only report the drift; change nothing."
        )

    def handle(self, *args, check=False, **options):
        drift = recompute_ratings(fix=not check)
        for article, (points, count), (true_points, true_count) in drift:
            self.stdout.write(
                f"#{article.pk} {article.title}: stored {points}/{count}, "
                f"votes say {true_points}/{true_count}"
            )
        verb = "found" if check else "fixed"
        self.stdout.write(f"{len(drift)} article(s) with drifted totals {verb}.")
