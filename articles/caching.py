"""Cached sidebar blocks and navigation, invalidated whenever a site's articles or categories
change.

Every key embeds the site's generation number; a change bumps it, so all the site's blocks are
rebuilt at once, and no other site's. A
bump happens once the change is committed: a reader who read the old rows just before the commit
would otherwise store them under the new number. Nothing cached here (nor a cached page:
views.until_next_change) outlives the next scheduled publication or expiry, so scheduled articles
appear and expired ones leave on time; blocks also expire after BLOCK_SECONDS, for new view
counts.
"""

import math
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from portal.pagecache import bump, current_version

from .models import Article

BLOCK_SECONDS = 60
# How long the time of the next scheduled change is kept when none is due soon.
NEXT_CHANGE_SECONDS = 24 * 3600


def generation_key(site_id):
    return f"articles:generation:{site_id}"


def generation(site_id):
    return current_version(generation_key(site_id))


def invalidate(site_id):
    bump(generation_key(site_id))


def next_change(site_id):
    """When the site's published() next changes by itself (None: nothing is due), cached per
    generation."""
    key = f"articles:next-change:{site_id}:{generation(site_id)}"
    now = timezone.now()
    found = cache.get(key)
    if found is None or (found[0] is not None and found[0] <= now):
        found = (Article.objects.filter(site_id=site_id).next_change(now),)
        cache.set(key, found, NEXT_CHANGE_SECONDS)
    return found[0]


def deadline(seconds, site_id):
    """The time by which something of the site cached now for `seconds` must be made again."""
    limit = timezone.now() + timedelta(seconds=seconds)
    change = next_change(site_id)
    return min(limit, change) if change else limit


def seconds_until(moment):
    """A cache timeout that ends at `moment` (at least one second)."""
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def cached_block(site, name, build, seconds=BLOCK_SECONDS):
    """`build(site)`, kept until the site's articles change."""
    key = f"articles:block:{site.pk}:{generation(site.pk)}:{name}"
    value = cache.get(key)
    if value is None:
        until = deadline(seconds, site.pk)
        value = build(site)
        cache.set(key, value, seconds_until(until))
    return value


def article_version_key(site_id, slug):
    """The cache key of a value that changes whenever what an article's page shows changes
    (votes, comments)."""
    return f"articles:page-version:{site_id}:{slug}"


def touch_article(site_id, slug):
    bump(article_version_key(site_id, slug))
