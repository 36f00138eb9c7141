"""Who is visiting: the client's address, a stable visitor key, and whether it is a bot.

A reader's browser keeps a signed random id in the "pv" cookie for a year. Without one (first
request, cookies refused) the visitor is a keyed hash of address, user agent and local date, so
a client that drops cookies is still one visitor a day and no address is stored in clear.
"""

import functools
import ipaddress
import re
import secrets
import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

VISITOR_COOKIE = "pv"
COOKIE_SALT = "portal.visitors"
COOKIE_MAX_AGE = 365 * 24 * 3600
# For this long after its cookie is issued a visitor is also known by its cookieless key, so
# what it did just before it had the cookie is not counted again.
NEW_COOKIE_SECONDS = 3600

BOT_AGENT = re.compile(
    r"[a-z]bot(?:[/;)\-]|$)|crawl|spider|slurp|facebookexternalhit|facebookcatalog"
    r"|meta-externalagent|zalo(?:bot|crawl|preview)|bingpreview|mediapartners|inspectiontool"
    r"|feedfetcher|lighthouse|headless|phantomjs|puppeteer|playwright|selenium"
    r"|curl/|wget/|python-requests|python-urllib|aiohttp|httpx|go-http-client|java/|okhttp"
    r"|libwww-perl|scrapy",
    re.IGNORECASE,
)


def client_ip(request):
    """The client's address: the one place that decides it.

    REMOTE_ADDR, unless PORTAL_TRUSTED_PROXY_COUNT = N proxies stand in front: then the
    address the outermost of them saw, N-th from the right in X-Forwarded-For. Entries left of
    it are whatever the client wrote and are never read.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0)
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [entry.strip() for entry in header.split(",") if entry.strip()]
    if proxies <= 0 or not forwarded:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-min(proxies, len(forwarded))]))
    except ValueError:
        return remote


def keyed_hash(purpose, value):
    """A keyed hash that stands for `value` (an address, a visitor key) in stored rows."""
    return salted_hmac(f"portal.visitors.{purpose}", value, algorithm="sha256").hexdigest()[:40]


def address_hash(request, purpose):
    """The client's address as stored for abuse checks: never the address itself."""
    return keyed_hash(purpose, client_ip(request))


def is_bot(request):
    return _is_bot_agent(request.META.get("HTTP_USER_AGENT", "")[:512])


@functools.lru_cache(maxsize=2048)
def _is_bot_agent(agent):
    return not agent.strip() or BOT_AGENT.search(agent) is not None


def visitor_keys(request):
    """The visitor's key first; while its cookie is new, also the cookieless key it had."""
    visitor_id, signed_at = _visitor_cookie(request)
    if visitor_id is None:
        return (_cookieless_key(request),)
    if time.time() - signed_at > NEW_COOKIE_SECONDS:
        return (f"c:{visitor_id}",)
    return (f"c:{visitor_id}", _cookieless_key(request))


def issued_cookie_key(response):
    """The key of the visitor cookie this response gives (a reader's first page), or None."""
    issued = response.cookies.get(VISITOR_COOKIE) if response is not None else None
    if issued is None:
        return None
    given = HttpRequest()
    given.COOKIES[VISITOR_COOKIE] = issued.value
    return f"c:{given.get_signed_cookie(VISITOR_COOKIE, salt=COOKIE_SALT)}"


def _visitor_cookie(request):
    """(visitor id, when its cookie was signed) or (None, None); checked once per request."""
    found = getattr(request, "_visitor_cookie", None)
    if found is None:
        found = request._visitor_cookie = _read_visitor_cookie(request)
    return found


def _read_visitor_cookie(request):
    visitor_id = request.get_signed_cookie(VISITOR_COOKIE, default=None, salt=COOKIE_SALT)
    if visitor_id is None:
        return None, None
    # A signed cookie is "value:timestamp:signature" (django.core.signing.TimestampSigner).
    return visitor_id, signing.b62_decode(request.COOKIES[VISITOR_COOKIE].rsplit(":", 2)[-2])


def _cookieless_key(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    value = f"{client_ip(request)}|{agent}|{timezone.localdate().isoformat()}"
    return "h:" + salted_hmac(COOKIE_SALT, value, algorithm="sha256").hexdigest()[:32]


class VisitorCookieMiddleware:
    """Give a reader's browser the visitor cookie with its first HTML page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.wants_cookie(request, response):
            response.set_signed_cookie(
                VISITOR_COOKIE,
                secrets.token_urlsafe(16),
                salt=COOKIE_SALT,
                max_age=COOKIE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    @staticmethod
    def wants_cookie(request, response):
        return (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and VISITOR_COOKIE not in response.cookies
            and not is_bot(request)
            and _visitor_cookie(request)[0] is None
        )
