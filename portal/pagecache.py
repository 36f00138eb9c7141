"""Pages for anonymous readers served from a cache of their rendered HTML.

A view opts in with `@cached_page(...)`. Only GET/HEAD requests of readers without a session or
pending messages are served from, or stored in, the cache; signed-in staff always get a fresh
page. What differs per reader is kept out of the stored HTML: the CSRF token is swapped for a
placeholder when the page is stored and for this reader's token when it is served; the
statistics block, "you already rated" and the security code are filled by small JSON requests.
The middlewares above this one (statistics, visitor cookie, CSRF cookie) run for every request,
so a page served from the cache is counted like any other.

A page past its lifetime is not made again while readers wait: the first reader after it gets
the stored copy, and the page is made again once that reader's response has been sent; others
get the copy meanwhile (at most PORTAL_PAGE_CACHE_STALE_SECONDS). A page whose content changed
(a version moved) is made again before it is served, by one request at a time: readers who come
while it is being made get the previous copy, for as long as that takes. A page that must not
outlive a moment (a scheduled publication, keep_until) is never served after it.
"""

import contextvars
import hashlib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "@@csrf-token@@"
CACHEABLE_METHODS = {"GET", "HEAD"}
CACHEABLE_TYPES = ("text/html", "application/xml")  # pages, and sitemaps
# Headers a page served from the cache keeps (a sitemap's X-Robots-Tag and Last-Modified).
KEPT_HEADERS = ("Content-Type", "X-Robots-Tag", "Last-Modified")
MAX_KEY_PATH = 200
# How long one request may take to make a page again before another may try (a crash).
REBUILD_LOCK_SECONDS = 10
FRESH, STALE, OUTDATED = "fresh", "stale", "outdated"

logger = logging.getLogger(__name__)
# (request) -> a cache key (or None) every cached page also depends on, registered by apps that
# show something on every page (a site's menus): a change to it rebuilds all the site's pages.
_everywhere = []


@dataclass(frozen=True)
class Policy:
    """How a view's pages are cached: what they depend on, what a hit must do."""

    # (request, view_kwargs) -> cache keys whose values change when the page must be rebuilt
    depends_on: Callable
    on_hit: Callable | None = None  # (request, meta) -> None, e.g. count an article view
    # The query parameters the view reads. Others (fbclid, utm_source, junk) change nothing on
    # the page, so they neither miss the cache nor fill it with copies.
    parameters: tuple = ()


def cached_page(depends_on, on_hit=None, parameters=()):
    def decorate(view):
        view.page_cache = Policy(depends_on, on_hit, tuple(parameters))
        return view

    return decorate


def depend_everywhere(dependency):
    if dependency not in _everywhere:
        _everywhere.append(dependency)


def keep_until(request, moment):
    """The page being made must not be served from the cache after `moment` (a link block
    that ends then)."""
    current = getattr(request, "page_cache_until", None)
    request.page_cache_until = moment if current is None else min(current, moment)


def is_cacheable_request(request):
    return (
        request.method in CACHEABLE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def canonical_path(request, parameters):
    """The path with only the given query parameters, in a fixed order."""
    query = QueryDict(mutable=True)
    for name in sorted(parameters):
        if name in request.GET:
            query.setlist(name, request.GET.getlist(name))
    return f"{request.path}?{query.urlencode()}" if query else request.path


def page_key(request, path):
    """The cache key of a page; a long address (a search of 200 characters) is hashed. Pages
    hold absolute addresses (canonical link, structured data): one per scheme and host, and
    the site's identity (`request.site.fingerprint`): one per state of the site's name, logo..."""
    if len(path) > MAX_KEY_PATH:
        path = "sha256:" + hashlib.sha256(path.encode()).hexdigest()[:32]
    site = getattr(getattr(request, "site", None), "fingerprint", "")
    return f"page:{request.scheme}:{request.get_host()}:{site}:{get_language()}:{path}"


def lookup(request, policy, view_kwargs):
    """The stored page, if still current, and the versions a page stored now would carry: one
    cache round trip that reads the page with the values it depends on."""
    request.canonical_path = canonical_path(request, policy.parameters)
    key = page_key(request, request.canonical_path)
    everywhere = (dependency(request) for dependency in _everywhere)
    dependencies = [*policy.depends_on(request, view_kwargs), *filter(None, everywhere)]
    found = cache.get_many([key, *dependencies])
    missing = [dependency for dependency in dependencies if dependency not in found]
    if missing:
        found.update(first_versions(missing))
    versions = [found.get(dependency) for dependency in dependencies]
    return key, versions, found.get(key)


def freshness(entry, versions):
    """FRESH, STALE (past its lifetime), OUTDATED (what it shows changed), or None."""
    if entry is None:
        return None
    now = timezone.now().timestamp()
    if now >= entry.get("kept_until", 0):
        return None
    if entry.get("versions") != versions:
        return OUTDATED
    return FRESH if now < entry["fresh_until"] else STALE


def rebuild_key(key):
    return f"{key}:rebuilding"


def bump(key):
    """Give the version key `key` a new value when the current transaction commits (at once
    outside one): a reader who read the old rows just before the commit would otherwise store
    them under the new value."""
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), None))


def current_version(key):
    """The value of a version key, given a first one if nobody has bumped it yet."""
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), None)
        value = cache.get(key)
    return value


def first_versions(keys):
    """Versions for keys nobody has bumped yet (or that Redis evicted): a page stored under
    "no version" would still match after the view itself (or a change) gives them one."""
    for key in keys:
        cache.add(key, time.time_ns(), None)
    return cache.get_many(keys)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        pending = getattr(request, "_page_cache_pending", None)
        if pending:
            keep(*pending, request, response)
            if getattr(request, "_page_cache_rebuilding", False):
                cache.delete(rebuild_key(pending[0]))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        policy = getattr(view_func, "page_cache", None)
        if policy is None or not is_cacheable_request(request):
            return None
        key, versions, entry = lookup(request, policy, view_kwargs)
        state = freshness(entry, versions)
        if state == FRESH:
            return hit(request, policy, entry, "hit")
        rebuilding = state is not None and cache.add(rebuild_key(key), 1, REBUILD_LOCK_SECONDS)
        if state is None or (state == OUTDATED and rebuilding):
            request._page_cache_pending = (key, versions)
            request._page_cache_rebuilding = rebuilding
            return None
        response = hit(request, policy, entry, "stale")
        if state == STALE and rebuilding:
            view = (view_func, view_args, view_kwargs)
            after_response(response, remake(request, key, versions, *view))
        return response


def hit(request, policy, entry, kind):
    if policy.on_hit:
        policy.on_hit(request, entry["meta"])
    return served(request, entry, kind)


def remake(request, key, versions, view_func, view_args, view_kwargs):
    """A function that makes the page again and stores it, in this request's context (its
    language, its site) though it runs after the response has been sent. The request was
    counted when its stored copy was served: what the view records again joins the request's
    queue of counts, which has been written already, and is dropped with it."""
    context = contextvars.copy_context()

    def make():
        try:
            response = view_func(request, *view_args, **view_kwargs)
        except Http404:
            cache.delete(key)
            return
        if callable(getattr(response, "render", None)):
            response = response.render()
        keep(key, versions, request, response)

    def run():
        try:
            context.run(make)
        except Exception:
            logger.exception("The page cache could not make %s again", key)
        finally:
            cache.delete(rebuild_key(key))

    return run


def after_response(response, function):
    """Run `function` when the server closes the response, after sending it (WSGI close())."""
    response._resource_closers.append(function)


def keep(key, versions, request, response):
    """Store the page for the cache's lifetime, then as a copy to serve while it is made again,
    never past the moment given to keep_until."""
    if not is_storable(response):
        return
    lifetime, kept = settings.PORTAL_PAGE_CACHE_SECONDS, seconds_before(request)
    stale = settings.PORTAL_PAGE_CACHE_STALE_SECONDS
    if kept is None:
        kept = lifetime + stale
    if min(lifetime, kept) > 0:
        store(key, versions, response, min(lifetime, kept), min(lifetime + stale, kept))


def is_storable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


def seconds_before(request):
    """Seconds left before the moment given to keep_until (None: no such moment)."""
    until = getattr(request, "page_cache_until", None)
    if until is None:
        return None
    return max(0, int((until - timezone.now()).total_seconds()))


def store(key, versions, response, seconds, kept):
    """Fresh for `seconds`, kept for `kept`. Versions are those read before the page was made:
    if one changed meanwhile, the next request finds them different and makes it again."""
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
    meta = getattr(response, "page_cache_meta", {})
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    now = timezone.now().timestamp()
    entry = {
        "html": html,
        "meta": meta,
        "versions": versions,
        "headers": headers,
        "fresh_until": now + seconds,
        "kept_until": now + kept,
    }
    cache.set(key, entry, kept)
    response["X-Page-Cache"] = "miss"


def served(request, entry, kind="hit"):
    html = entry["html"].replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    for name, value in entry.get("headers", {}).items():
        response[name] = value
    response["X-Page-Cache"] = kind
    return response
