from django.core.management.base import BaseCommand, CommandError

from tenancy.hosts import normalize_host
from tenancy.models import Site
from tenancy.removal import remove_site
from tenancy.services import SiteError


class Command(BaseCommand):
    help = (
        "Delete a site and everything that belongs to it (articles, pictures, comments, "
        "statistics, staff roles...); the accounts themselves stay. Make a backup first: "
        "manage.py backup --site DOMAIN."
    )

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True, help="one of the site's host names")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask to type the host name again"
        )

    def handle(self, *args, domain, yes, **options):
        site = Site.objects.filter(domains__host=normalize_host(domain)).first()
        if site is None:
            raise CommandError(f"No site answers on {domain}.")
        if not yes:
            self.stdout.write(
                f"This deletes “{site.name}” and all of its content for good. "
                f"A backup first: manage.py backup --site {site.primary_host}"
            )
            if input("Type the site's host name to confirm: ").strip() != site.primary_host:
                raise CommandError("Not confirmed: nothing was deleted.")
        try:
            deleted = remove_site(site)
        except SiteError as error:
            raise CommandError(str(error)) from error
        figures = ", ".join(f"{count} {label}" for label, count in sorted(deleted.items()))
        self.stdout.write(self.style.SUCCESS(f"Site “{site.name}” removed ({figures})."))
