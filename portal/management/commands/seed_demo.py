from django.core.management.base import BaseCommand
from django.db import transaction

from articles import demo as articles_demo
from comments import demo as comments_demo
from tenancy import demo as tenancy_demo
from tenancy.current import default_site


class Command(BaseCommand):
    help = "Load the demo categories and articles; running it again adds nothing twice."

    @transaction.atomic
    def handle(self, *args, **options):
        first = default_site()
        articles = articles_demo.seed(first)
        comments = comments_demo.seed(first)
        ward, _created = tenancy_demo.seed()
        if ward:
            articles += articles_demo.seed_second_ward(ward)
            comments += comments_demo.seed(ward)
            self.stdout.write(f"{ward.name}: {ward.primary_host}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({articles} new articles, {comments} new comments)."
            )
        )
