"""The contact page is served from the page cache (portal.pagecache); it shows the site's
office (part of every page's key) and the units a reader may write to, whose changes bump the
site's contact version."""

import time

from django.core.cache import cache
from django.db import transaction


def version_key(site_id):
    return f"contact:version:{site_id}"


def page_depends_on(request, view_kwargs):
    return [version_key(request.site.pk)]


def units_changed(sender, instance, **kwargs):
    """A unit saved or deleted: the contact page of its site lists units again."""
    key = version_key(instance.site_id)
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), None))
