"""The first site, from the settings that named the one portal before there were many."""

from django.conf import settings
from django.db import migrations

# The demo's second ward answers on localhost (portal/management/commands/seed_demo.py).
RESERVED_HOSTS = {"localhost"}


def first_site_hosts():
    """DJANGO_ALLOWED_HOSTS' plain host names, first one primary; else 127.0.0.1."""
    hosts = []
    for entry in settings.ALLOWED_HOSTS:
        host = entry.strip().lower()
        if host and host != "*" and not host.startswith(".") and host not in RESERVED_HOSTS:
            if host not in hosts:
                hosts.append(host)
    return hosts or ["127.0.0.1"]


def create_first_site(apps, schema_editor):
    Site = apps.get_model("tenancy", "Site")
    Domain = apps.get_model("tenancy", "Domain")
    if Site.objects.exists():
        return
    site = Site.objects.create(
        name=settings.PORTAL_SITE_NAME,
        office_name=settings.PORTAL_OFFICE_NAME,
        office_address=settings.PORTAL_OFFICE_ADDRESS,
        phone=settings.PORTAL_OFFICE_PHONE,
        email=settings.PORTAL_OFFICE_EMAIL,
        language=settings.LANGUAGE_CODE,
    )
    taken = set(Domain.objects.values_list("host", flat=True))
    for index, host in enumerate(first_site_hosts()):
        if host not in taken:
            Domain.objects.create(site=site, host=host, is_primary=index == 0)


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0001_sites_and_domains")]

    operations = [migrations.RunPython(create_first_site, migrations.RunPython.noop)]
