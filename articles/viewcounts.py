"""Counting article views through the buffered counters of portal/counters/.

A view counts once per visitor per article per PORTAL_VIEW_DEDUP_SECONDS. The marks that say
"already counted" live with the counters: with Redis (REDIS_URL) the check and the count are one
atomic script shared by every worker; in memory each process dedupes on its own, so a reader
whose requests reach two processes may be counted twice.
"""

from django.conf import settings

from portal import counters
from portal.visitors import is_bot, visitor_keys

from .models import Article


def record_view(request, article):
    """Count one view of `article` by this visitor; never an UPDATE in the request."""
    if article.is_public():
        record_view_of(request, article.pk)


def record_view_of(request, article_id):
    """Count a view of a public article (a page from the page cache knows only its id), unless
    one of the visitor's keys viewed it within PORTAL_VIEW_DEDUP_SECONDS."""
    if not is_countable(request):
        return
    counters.record_for(
        request,
        marks=[f"article-view:{article_id}:{key}" for key in visitor_keys(request)],
        gap=getattr(settings, "PORTAL_VIEW_DEDUP_SECONDS", 30 * 60),
        fixed=True,
        counts_if_new={counters.counter_key(Article, article_id, "view_count"): 1},
    )


def is_countable(request):
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and "prefetch" not in request.headers.get("Sec-Purpose", "")
        and not (user is not None and user.is_staff)
        and not is_bot(request)
    )
