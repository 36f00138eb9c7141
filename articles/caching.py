"""Cached sidebar blocks and navigation, invalidated whenever articles or categories change.

Every key embeds a generation number; a change bumps it, so all blocks are rebuilt at once.
Blocks also expire after BLOCK_SECONDS, so scheduled articles and new view counts show up
within a minute without anyone saving anything.
"""

import time

from django.core.cache import cache

GENERATION_KEY = "articles:generation"
BLOCK_SECONDS = 60


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate():
    cache.set(GENERATION_KEY, time.time_ns(), None)


def cached_block(name, build, seconds=BLOCK_SECONDS):
    key = f"articles:block:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def article_version_key(slug):
    """The cache key of a value that changes whenever what an article's page shows changes
    (votes, comments)."""
    return f"articles:page-version:{slug}"


def touch_article(slug):
    cache.set(article_version_key(slug), time.time_ns(), None)
