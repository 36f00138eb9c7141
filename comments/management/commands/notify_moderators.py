from django.core.management.base import BaseCommand, CommandError

from comments import notifications
from tenancy.models import Site


class Command(BaseCommand):
    help = (
        "E-mail each site's moderators about its waiting comments that no e-mail has reported "
        "yet, unless one was sent less than PORTAL_COMMENT_NOTIFY_SECONDS ago. Run it from cron "
        "every few minutes so comments posted during that window are reported. It needs the "
        "cache every process shares (REDIS_URL), where the window and the last reported comment "
        "are kept."
    )

    def handle(self, *args, **options):
        if not notifications.cache_is_shared():
            raise CommandError(
                "The cache is private to each process: set REDIS_URL so this command knows "
                "which comments were already reported."
            )
        for site in Site.objects.active():
            if notifications.notify_moderators(site):
                self.stdout.write(f"The moderators of {site} were e-mailed.")
            else:
                self.stdout.write(f"Nothing new to report on {site}.")
