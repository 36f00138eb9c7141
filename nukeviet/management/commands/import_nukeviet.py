from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from nukeviet.images import Uploads
from nukeviet.importer import Importer, MissingTables
from nukeviet.report import Progress, Report
from nukeviet.source import SourceError, open_source
from nukeviet.sqldump import DumpError
from nukeviet.tables import Tables
from tenancy.current import default_site
from tenancy.models import Site


class Command(BaseCommand):
    help = (
        "Import the categories, articles (with their pictures), comments and visitor counters "
        "of a NukeViet 4 site, from its MySQL/MariaDB database or a .sql dump of it. Run it "
        "again at any time: what was imported is skipped, an interrupted run continues."
    )

    def add_arguments(self, parser):
        origin = parser.add_mutually_exclusive_group(required=True)
        origin.add_argument("--db", metavar="DSN", help="mysql://user:password@host:3306/name")
        origin.add_argument("--dump", metavar="FILE", help="a .sql (or .sql.gz) dump instead")
        parser.add_argument("--prefix", default="nv4", help="table prefix (default nv4)")
        parser.add_argument("--lang", default="vi", help="site language (default vi)")
        parser.add_argument("--module", default="news", help="news module name (default news)")
        parser.add_argument("--uploads", metavar="DIR", help="NukeViet's uploads/ folder")
        parser.add_argument(
            "--old-url",
            action="append",
            default=[],
            metavar="URL",
            help="the old site's address, e.g. https://phuvan.gov.vn (links to it are local)",
        )
        parser.add_argument(
            "--site",
            metavar="DOMAIN",
            help="a host name of the site to import into (default: the first site)",
        )

    @no_translations  # The output is for the operator, in English; stored text is not affected.
    def handle(self, *args, **options):
        site = target_site(options["site"])
        try:
            tables = Tables(options["prefix"], options["lang"], options["module"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["uploads"] and not Path(options["uploads"]).is_dir():
            raise CommandError(f"{options['uploads']} is not a folder")
        uploads = Uploads(options["uploads"], tables.module, options["old_url"])
        progress = partial(Progress, self.stdout, interactive=self.stdout.isatty())
        try:
            with open_source(db=options["db"], dump=options["dump"], wanted=tables.all()) as source:
                report = Importer(site, source, tables, uploads, Report(), progress).run()
        except (SourceError, DumpError) as error:
            raise CommandError(str(error)) from error
        except MissingTables as error:
            raise CommandError(f"not a NukeViet news database: no table {error}") from error
        for line in report.lines():
            self.stdout.write(line)
        if report.failures:
            raise CommandError(
                f"{report.failures} row(s) failed (listed above); run the command again to retry"
            )


def target_site(domain):
    site = Site.objects.for_host(domain) if domain else default_site()
    if site is None:
        raise CommandError(f"no active site answers on {domain}" if domain else "no site yet")
    return site
