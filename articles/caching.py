"""Cached sidebar blocks and navigation, invalidated whenever articles or categories change.

Every key embeds a generation number; a change bumps it, so all blocks are rebuilt at once. A
bump happens once the change is committed: a reader who read the old rows just before the commit
would otherwise store them under the new number. Nothing cached here (nor a page cached with
`seconds_left`) outlives the next scheduled publication or expiry, so scheduled articles appear
and expired ones leave on time; blocks also expire after BLOCK_SECONDS, for new view counts.
"""

import math
import time
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Article

GENERATION_KEY = "articles:generation"
BLOCK_SECONDS = 60
# How long the time of the next scheduled change is kept when none is due soon.
NEXT_CHANGE_SECONDS = 24 * 3600


def bump(key):
    """Give `key` a new version when the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), None))


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate():
    bump(GENERATION_KEY)


def next_change():
    """When published() next changes by itself (None: nothing is due), cached per generation."""
    key = f"articles:next-change:{generation()}"
    now = timezone.now()
    found = cache.get(key)
    if found is None or (found[0] is not None and found[0] <= now):
        found = (Article.objects.next_change(now),)
        cache.set(key, found, NEXT_CHANGE_SECONDS)
    return found[0]


def deadline(seconds):
    """The time by which something cached now for `seconds` must be made again."""
    limit = timezone.now() + timedelta(seconds=seconds)
    change = next_change()
    return min(limit, change) if change else limit


def seconds_until(moment):
    """A cache timeout that ends at `moment` (at least one second)."""
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def seconds_left(seconds):
    return seconds_until(deadline(seconds))


def cached_block(name, build, seconds=BLOCK_SECONDS):
    key = f"articles:block:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        until = deadline(seconds)
        value = build()
        cache.set(key, value, seconds_until(until))
    return value


def article_version_key(slug):
    """The cache key of a value that changes whenever what an article's page shows changes
    (votes, comments)."""
    return f"articles:page-version:{slug}"


def touch_article(slug):
    bump(article_version_key(slug))
