from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import demo as articles_demo
from comments import demo as comments_demo
from tenancy import demo as tenancy_demo
from tenancy.current import default_site
from tenancy.models import Site


class Command(BaseCommand):
    help = (
        "Load the demo categories and articles; running it again adds nothing twice. "
        "Without --site: both demo wards; with --site DOMAIN: that site only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="the host name of an existing site (see add_site)")

    @transaction.atomic
    def handle(self, *args, site=None, **options):
        if site:
            articles, comments = self.seed_one(site)
        else:
            articles, comments = self.seed_both()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({articles} new articles, {comments} new comments)."
            )
        )

    def seed_one(self, host):
        site = Site.objects.for_host(host)
        if site is None:
            raise CommandError(
                f"No site answers on {host}. Create it first: "
                f'manage.py add_site --domain {host} --name "…"'
            )
        articles = articles_demo.seed(site)
        return articles, comments_demo.seed(site)

    def seed_both(self):
        first = default_site()
        articles = articles_demo.seed(first)
        comments = comments_demo.seed(first)
        ward, _created = tenancy_demo.seed()
        if ward:
            articles += articles_demo.seed_second_ward(ward)
            comments += comments_demo.seed(ward)
            self.stdout.write(f"{ward.name}: {ward.primary_host}")
        return articles, comments
