"""Counting article views through the buffered counters of portal/counters/.

A view counts once per visitor per article per PORTAL_VIEW_DEDUP_SECONDS. The mark that says
"already counted" is a cache.add: with Redis (REDIS_URL) it is atomic and shared by every
worker; with the per-process memory cache each process dedupes on its own, so a reader whose
requests reach two processes may be counted twice.
"""

import logging

import redis
from django.conf import settings
from django.core.cache import cache

from portal import counters
from portal.visitors import is_bot, visitor_keys

from .models import Article

logger = logging.getLogger(__name__)


def record_view(request, article):
    """Count one view of `article` by this visitor; never an UPDATE in the request."""
    if article.is_public():
        record_view_of(request, article.pk)


def record_view_of(request, article_id):
    """Count a view of a public article (a page from the page cache knows only its id)."""
    if is_countable(request) and is_first_view(request, article_id):
        counters.increment(Article, article_id, "view_count")


def is_countable(request):
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and "prefetch" not in request.headers.get("Sec-Purpose", "")
        and not (user is not None and user.is_staff)
        and not is_bot(request)
    )


def is_first_view(request, article_id):
    """Mark the view seen under every key of the visitor; first only if none had seen it."""
    timeout = getattr(settings, "PORTAL_VIEW_DEDUP_SECONDS", 30 * 60)
    keys = visitor_keys(request)
    try:
        marks = [cache.add(f"article-view:{article_id}:{key}", 1, timeout) for key in keys]
    except redis.RedisError:
        logger.warning("Redis unavailable: a view of article %s is not counted", article_id)
        return False
    return all(marks)
