from django.db import transaction
from django.utils.translation import gettext as _

from .hosts import normalize_host
from .models import Domain, Site


class SiteError(Exception):
    pass


@transaction.atomic
def add_site(domain, name, extra_domains=(), **fields):
    """Create a site answering on `domain` (primary) and `extra_domains`; (site, created).
    A site already primary on `domain` is left as it is; a host of another site is refused."""
    hosts = [clean_host(host) for host in [domain, *extra_domains]]
    existing = Domain.objects.filter(host=hosts[0], is_primary=True).select_related("site")
    if existing:
        return existing[0].site, False
    taken = Domain.objects.filter(host__in=hosts).select_related("site").first()
    if taken:
        raise SiteError(
            _("The host name %(host)s already belongs to the site “%(site)s”.")
            % {"host": taken.host, "site": taken.site.name}
        )
    site = Site(name=name, **{key: value for key, value in fields.items() if value})
    site.full_clean()
    site.save()
    Domain.objects.bulk_create(
        Domain(site=site, host=host, is_primary=index == 0)
        for index, host in enumerate(dict.fromkeys(hosts))
    )
    return site, True


def clean_host(host):
    try:
        return normalize_host(host, strict=True)
    except ValueError as error:
        raise SiteError(f"{host}: {error}") from error
