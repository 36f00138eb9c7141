from django.conf import settings
from django.core.management.base import BaseCommand

from stats import counting


class Command(BaseCommand):
    help = (
        "Delete hourly visit rows and daily breakdowns (browser, OS, device, referrer, bot) older "
        "than PORTAL_STATS_RETENTION_DAYS (default 400) days. Daily totals are kept for good. "
        "Run it from cron once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "PORTAL_STATS_RETENTION_DAYS", 400),
            help="keep this many days (default: PORTAL_STATS_RETENTION_DAYS)",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            return
        deleted = counting.prune(days)
        self.stdout.write(f"Statistics pruned: {deleted} rows older than {days} days deleted.")
