"""Pages for anonymous readers served from a cache of their rendered HTML.

A view opts in with `@cached_page(...)`. Only GET/HEAD requests of readers without a session or
pending messages are served from, or stored in, the cache; signed-in staff always get a fresh
page. What differs per reader is kept out of the stored HTML: the CSRF token is swapped for a
placeholder when the page is stored and for this reader's token when it is served; the
statistics block, "you already rated" and the security code are filled by small JSON requests.
The middlewares above this one (statistics, visitor cookie, CSRF cookie) run for every request,
so a page served from the cache is counted like any other.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "@@csrf-token@@"
CACHEABLE_METHODS = {"GET", "HEAD"}


@dataclass(frozen=True)
class Policy:
    """How a view's pages are cached: what else their key depends on, what a hit must do."""

    version: Callable  # (request, view_kwargs) -> str: changes when the page must be rebuilt
    on_hit: Callable | None = None  # (request, meta) -> None, e.g. count an article view


def cached_page(version, on_hit=None):
    def decorate(view):
        view.page_cache = Policy(version, on_hit)
        return view

    return decorate


def is_cacheable_request(request):
    return (
        request.method in CACHEABLE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def page_key(request, policy, view_kwargs):
    version = policy.version(request, view_kwargs)
    return f"page:{get_language()}:{version}:{request.get_full_path()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        seconds = storable_seconds(response)
        if key and seconds > 0:
            store(key, response, seconds)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        policy = getattr(view_func, "page_cache", None)
        if policy is None or not is_cacheable_request(request):
            return None
        key = page_key(request, policy, view_kwargs)
        entry = cache.get(key)
        if entry is None:
            request._page_cache_key = key
            return None
        if policy.on_hit:
            policy.on_hit(request, entry["meta"])
        return served(request, entry)


def storable_seconds(response):
    """How long this response may be served from the cache (0: not at all)."""
    if (
        response.status_code != 200
        or response.streaming
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return 0
    seconds = settings.PORTAL_PAGE_CACHE_SECONDS
    return min(seconds, getattr(response, "page_cache_seconds", seconds))


def store(key, response, seconds):
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
    entry = {"html": html, "meta": getattr(response, "page_cache_meta", {})}
    cache.set(key, entry, seconds)
    response["X-Page-Cache"] = "miss"


def served(request, entry):
    html = entry["html"].replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["X-Page-Cache"] = "hit"
    return response
