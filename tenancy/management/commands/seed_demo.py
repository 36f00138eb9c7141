from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tenancy import demo as tenancy_demo
from tenancy.current import default_site
from tenancy.demo_registry import seed_site
from tenancy.models import Site


class Command(BaseCommand):
    help = (
        "Load the demo content of every app; running it again adds nothing twice. "
        "Without --site: both demo wards; with --site DOMAIN: that site only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="the host name of an existing site (see add_site)")

    @transaction.atomic
    def handle(self, *args, site=None, **options):
        added = self.seed_one(site) if site else self.seed_both()
        figures = ", ".join(f"{count} new {label}" for label, count in added.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({figures})."))

    def seed_one(self, host):
        site = Site.objects.for_host(host)
        if site is None:
            raise CommandError(
                f"No site answers on {host}. Create it first: "
                f'manage.py add_site --domain {host} --name "…"'
            )
        return seed_site(site)

    def seed_both(self):
        added = Counter(seed_site(default_site()))
        ward, _created = tenancy_demo.seed()
        if ward:
            added.update(seed_site(ward, second_ward=True))
            self.stdout.write(f"{ward.name}: {ward.primary_host}")
        return dict(added)
