from django.core.management.base import BaseCommand, CommandError

from library.attachments import read_text
from library.models import Attachment
from tenancy.hosts import normalize_host
from tenancy.models import Site


def site_of(host):
    site = Site.objects.filter(domains__host=normalize_host(host)).first()
    if site is None:
        raise CommandError(f"No site answers on {host} in this installation.")
    return site


class Command(BaseCommand):
    help = (
        "Read the text of stored attachments (for search): those without text, or all of them "
        "with --all; every site's, or one site's with --site DOMAIN."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="only the site answering on this host name")
        parser.add_argument(
            "--all", action="store_true", help="read every attachment again, not only empty ones"
        )

    def handle(self, *args, site=None, all=False, **options):
        attachments = Attachment.objects.order_by("pk").without_text()
        if site:
            attachments = attachments.for_site(site_of(site))
        if not all:
            attachments = attachments.filter(text="")
        found = empty = 0
        for attachment in attachments.iterator(chunk_size=100):
            attachment.text = read_text(attachment)
            attachment.save(update_fields=["text"])
            found, empty = (found + 1, empty) if attachment.text else (found, empty + 1)
        self.stdout.write(
            f"{found + empty} attachment(s) read: {found} with text, {empty} without "
            "(a legacy DOC/XLS, a scan, an encrypted or unreadable file)."
        )
