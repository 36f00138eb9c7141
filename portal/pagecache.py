"""Pages for anonymous readers served from a cache of their rendered HTML.

A view opts in with `@cached_page(...)`. Only GET/HEAD requests of readers without a session or
pending messages are served from, or stored in, the cache; signed-in staff always get a fresh
page. What differs per reader is kept out of the stored HTML: the CSRF token is swapped for a
placeholder when the page is stored and for this reader's token when it is served; the
statistics block, "you already rated" and the security code are filled by small JSON requests.
The middlewares above this one (statistics, visitor cookie, CSRF cookie) run for every request,
so a page served from the cache is counted like any other.
"""

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
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
    entry = found.get(key)
    if entry is not None and entry.get("versions") != versions:
        entry = None
    return key, versions, entry


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
        seconds = min(storable_seconds(response), seconds_before(request))
        if pending and seconds > 0:
            store(*pending, response, seconds)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        policy = getattr(view_func, "page_cache", None)
        if policy is None or not is_cacheable_request(request):
            return None
        key, versions, entry = lookup(request, policy, view_kwargs)
        if entry is None:
            request._page_cache_pending = (key, versions)
            return None
        if policy.on_hit:
            policy.on_hit(request, entry["meta"])
        return served(request, entry)


def storable_seconds(response):
    """How long this response may be served from the cache (0: not at all)."""
    if (
        response.status_code != 200
        or response.streaming
        or not response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    ):
        return 0
    seconds = settings.PORTAL_PAGE_CACHE_SECONDS
    return min(seconds, getattr(response, "page_cache_seconds", seconds))


def seconds_before(request):
    """How long a page may be kept before the moment given to keep_until (0: not at all)."""
    until = getattr(request, "page_cache_until", None)
    if until is None:
        return settings.PORTAL_PAGE_CACHE_SECONDS
    return max(0, int((until - timezone.now()).total_seconds()))


def store(key, versions, response, seconds):
    """Versions are those read before the page was made: if one changed meanwhile, the next
    request finds them different and makes the page again."""
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
    meta = getattr(response, "page_cache_meta", {})
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    entry = {"html": html, "meta": meta, "versions": versions, "headers": headers}
    cache.set(key, entry, seconds)
    response["X-Page-Cache"] = "miss"


def served(request, entry):
    html = entry["html"].replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    for name, value in entry.get("headers", {}).items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response
