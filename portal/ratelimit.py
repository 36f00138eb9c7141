"""Rate limits per client address on the views that write or cost: HTTP 429 with Retry-After.

Counted in the cache (Redis in production, so every worker and node shares the counts) in
fixed windows, under the keyed hash of the address that portal.visitors decides; while Redis is
unreachable, in this process's memory (a client then gets the limit once per worker). The
middleware stands after the page cache: a page served from the cache costs nothing and is never
refused, which matters behind carrier-grade NAT, where thousands of phones share one address.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .redis_breaker import breaker
from .visitors import address_hash

_process_counts = LocMemCache("portal-ratelimit", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def counts():
    return _process_counts if breaker.down else cache


def seconds_to_wait(request, name, requests, seconds):
    """0 if this request is within the limit `name` (requests per seconds), else how long
    until the window ends."""
    now = time.time()
    window = int(now // seconds)
    key = f"ratelimit:{name}:{window}:{address_hash(request, 'rate-limit')}"
    store = counts()
    store.add(key, 0, seconds + 1)
    try:
        count = store.incr(key)
    except ValueError:  # expired between add and incr: this request starts the window
        store.set(key, 1, seconds + 1)
        count = 1
    if count <= requests:
        return 0
    return max(1, math.ceil((window + 1) * seconds - now))


def too_many_requests(request, retry_after):
    message = _("You have sent too many requests. Please wait %(seconds)d seconds and try again.")
    message %= {"seconds": retry_after}
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"error": message}, status=429)
    else:
        response = TemplateResponse(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitMiddleware:
    """Limits from settings.PORTAL_RATE_LIMITS: {view name: (requests, seconds)}."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        limit = settings.PORTAL_RATE_LIMITS.get(match.view_name if match else None)
        if limit is None:
            return None
        retry_after = seconds_to_wait(request, match.view_name, *limit)
        return too_many_requests(request, retry_after) if retry_after else None
