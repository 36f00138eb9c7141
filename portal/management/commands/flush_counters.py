from django.core.management.base import BaseCommand

from portal import counters


class Command(BaseCommand):
    help = (
        "Apply the pending increments of the buffered counters (views, visits) to the database. "
        "With REDIS_URL set it flushes what every worker buffered; run it from cron every minute "
        "so counts arrive even when the site is quiet. Without Redis each process buffers and "
        "flushes its own increments, and this command has nothing to do."
    )

    def handle(self, *args, **options):
        rows = counters.flush()
        self.stdout.write(f"Counters flushed: {rows} rows updated.")
