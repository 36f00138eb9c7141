"""Which site a request is for, from a map of host -> site kept in this process.

The map is rebuilt when the generation number in the cache changes (a site or host name was
saved or deleted), and that number is read at most once every PORTAL_SITES_CHECK_SECONDS: a
request normally costs neither a query nor a cache round trip. The process that made the change
forgets its map at once.
"""

import contextvars
import threading
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .hosts import normalize_host

GENERATION_KEY = "tenancy:generation"

# The site of the request being handled, for code that has no request: Django's permission API
# (user.has_perm, the authentication backends) is given a user and no request, and a staff
# member's permissions depend on the site (tenancy.backends.SiteRoleBackend). A context variable
# is per thread and per asyncio task, so concurrent requests never see each other's site.
request_site = contextvars.ContextVar("request_site", default=None)


@dataclass(frozen=True)
class Resolved:
    site: object
    primary_host: str


class SiteMap:
    def __init__(self):
        self._hosts = None
        self._generation = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def forget(self):
        self._hosts = None

    def lookup(self, host):
        """The `Resolved` for a normalized host of an active site, or None."""
        return self._current().get(host)

    def _current(self):
        hosts, now = self._hosts, time.monotonic()
        if hosts is not None and now - self._checked < settings.PORTAL_SITES_CHECK_SECONDS:
            return hosts
        generation = cache.get(GENERATION_KEY)
        with self._lock:
            if self._hosts is None or generation != self._generation:
                self._hosts = load_hosts()
                self._generation = generation
            self._checked = now
            return self._hosts


def load_hosts():
    from .models import Site

    hosts = {}
    for site in Site.objects.active().prefetch_related("domains"):
        for domain in site.domains.all():
            hosts[domain.host] = Resolved(site, site.primary_host or domain.host)
    return hosts


site_map = SiteMap()


def changed():
    """A site or host name changed: this process forgets its map, the others within seconds."""
    site_map.forget()
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def resolve(host):
    return site_map.lookup(normalize_host(host))


def site_for(request):
    """The site of this request (None for an unknown host, or no request: use `default_site`)."""
    if request is None:
        return None
    if hasattr(request, "site"):
        return request.site
    found = resolve(request.get_host())
    return found.site if found else None


def default_site():
    """The first active site: what commands and e-mails without a request speak for."""
    from .models import Site

    return Site.objects.active().first()
