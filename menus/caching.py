"""Everything the menus app shows on a site's pages (menus, links, block layout), made in one go
and cached per site, language and version.

A change to a menu, an item, a link, a placement, or to a row a menu points to (a registered
kind's models) gives the site's version a new value once committed: the cached bundle and the
site's cached pages (the version is a dependency of every cached page, see apps.py) are made
again, and no other site's. A bundle, and a page showing it, is kept no longer than the next
start or end of one of the site's links.
"""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from portal.pagecache import bump, current_version

# How long a bundle is kept when no link starts or ends sooner.
BUNDLE_SECONDS = 24 * 3600


def version_key(site_id):
    return f"menus:version:{site_id}"


def invalidate(site_id):
    bump(version_key(site_id))


def version(site_id):
    return current_version(version_key(site_id))


def page_dependency(request):
    """The key every cached page of the request's site also depends on."""
    site = getattr(request, "site", None)
    return version_key(site.pk) if site else None


def bundle(site, build):
    """`build(site, now)` -> dict with "until" (None or a time): kept until the version
    changes or "until" comes."""
    key = f"menus:bundle:{site.pk}:{version(site.pk)}:{get_language()}"
    now = timezone.now()
    found = cache.get(key)
    if found is None or (found["until"] is not None and found["until"] <= now):
        found = build(site, now)
        until = found["until"] or now + timedelta(seconds=BUNDLE_SECONDS)
        cache.set(key, found, max(1, int((until - now).total_seconds())))
    return found


def request_bundle(request, build):
    """The bundle of the request's site, read once per request (None on a page of no site)."""
    site = getattr(request, "site", None)
    if site is None:
        return None
    found = getattr(request, "_menus_bundle", None)
    if found is None:
        found = request._menus_bundle = bundle(site, build)
    return found
