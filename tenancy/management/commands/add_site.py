from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tenancy.services import SiteError, add_site


class Command(BaseCommand):
    help = "Add a ward's portal answering on a host name; running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True, help="primary host name")
        parser.add_argument("--name", required=True, help="the portal's name")
        parser.add_argument("--office", default="", help="the office's name")
        parser.add_argument("--address", default="", help="the office's address")
        parser.add_argument("--phone", default="")
        parser.add_argument("--fax", default="")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--extra-domain", action="append", default=[], help="another host name (301)"
        )

    def handle(self, *args, **options):
        try:
            site, created = add_site(
                options["domain"],
                options["name"],
                options["extra_domain"],
                office_name=options["office"],
                office_address=options["address"],
                phone=options["phone"],
                fax=options["fax"],
                email=options["email"],
            )
        except SiteError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        if created:
            message = _("Site “%(name)s” added (id %(id)s).") % {"name": site.name, "id": site.pk}
            self.stdout.write(self.style.SUCCESS(message))
        else:
            message = _("%(host)s is already the site “%(name)s”: nothing changed.")
            self.stdout.write(message % {"host": site.primary_host, "name": site.name})
