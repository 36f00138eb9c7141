"""`manage.py screenshots` (`make screenshots`): PNGs of every page type at three widths.

The site runs in a child process on a throwaway SQLite database filled with the demo content,
so the pictures never depend on (or touch) the database of the checkout. Error pages look as
in production: the child turns DEBUG off once its URLs and static files are set up.
"""

import argparse
import io
import logging
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal import screenshots

STAFF_USERNAME = "bientap"
START_SECONDS = 180


class Command(BaseCommand):
    help = "Save full-page PNGs of each page type at 360, 768 and 1280 px to var/screenshots/."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "screenshots"))
        parser.add_argument("--widths", default="360,768,1280")
        parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["serve"]:
            return serve(options["serve"])
        chromium = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
        if not Path(chromium).exists():
            raise CommandError(f"Chromium not found at {chromium} (apt-get install chromium)")
        widths = [int(width) for width in options["widths"].split(",")]
        output = Path(options["output"])
        output.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(16)
        with tempfile.TemporaryDirectory(prefix="portal-screenshots-") as scratch:
            port = free_port()
            server = start_site(Path(scratch), port, password)
            try:
                wait_for(server, f"http://127.0.0.1:{port}/healthz")
                site = screenshots.Site(f"http://127.0.0.1:{port}", STAFF_USERNAME, password)
                for path in screenshots.take(site, chromium, widths, output):
                    self.stdout.write(str(path))
            finally:
                server.terminate()
                server.wait(timeout=30)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_site(scratch, port, password):
    """This command again, in --serve mode, with settings that point into `scratch`."""
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "DJANGO_VAR_DIR": str(scratch),
        "DJANGO_MEDIA_ROOT": str(scratch / "media"),
        "DJANGO_STATIC_ROOT": str(scratch / "static"),
        "REDIS_URL": "",
        "PORTAL_ADMIN_URL": "admin/",
        "PORTAL_STAFF_2FA_REQUIRED": "0",
        "PORTAL_RATE_LIMIT_SEARCH": str(screenshots.SEARCH_LIMIT),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SUPERUSER_USERNAME": STAFF_USERNAME,
        "DJANGO_SUPERUSER_PASSWORD": password,
    }
    manage = Path(settings.BASE_DIR) / "manage.py"
    command = [sys.executable, str(manage), "screenshots", "--serve", str(port)]
    return subprocess.Popen(command, env=environment, cwd=settings.BASE_DIR)  # noqa: S603


def wait_for(server, url):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError("The site stopped before it answered (see the output above).")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local site
                return
        except OSError:
            time.sleep(0.5)
    raise CommandError(f"The site did not answer at {url} within {START_SECONDS} s.")


def serve(port):
    """The child: a fresh database with the demo content, then the site with DEBUG off."""
    from importlib import import_module

    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    call_command("demo_staff", stdout=io.StringIO())
    import_module(settings.ROOT_URLCONF)  # with DEBUG on: media files are served
    application = get_wsgi_application()  # with DEBUG on: WhiteNoise finds static files
    settings.DEBUG = False  # the error pages the public sees, not the technical ones
    logging.getLogger("django.server").setLevel(logging.ERROR)  # no line per request
    run("127.0.0.1", port, application, threading=True)
