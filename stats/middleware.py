"""Count every page request into the visitor statistics (stats/counting.py)."""

import functools
import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from . import counting

logger = logging.getLogger(__name__)

COUNTED_METHODS = {"GET", "HEAD"}


class VisitStatisticsMiddleware:
    """After the response: a page is a GET or HEAD of a site (not an unknown host) answered with
    2xx HTML, or 304, outside static files, media, the admin, the keep-alive ping and the health
    check. Placed just before
    portal.visitors.VisitorCookieMiddleware (so it sees the cookie a new reader is given) and
    before any page cache (so cached pages count too). Counting never breaks a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if self.is_page(request, response):
                counting.record_request(request, response)
        except Exception:
            logger.exception("A page request could not be counted")
        return response

    def is_page(self, request, response):
        return (
            getattr(request, "site", None) is not None
            and request.method in COUNTED_METHODS
            and (response.status_code == 304 or _is_html_success(response))
            and not request.path.startswith(self.excluded_prefixes)
        )

    @functools.cached_property
    def excluded_prefixes(self):
        prefixes = [settings.STATIC_URL, settings.MEDIA_URL]
        for name in ("admin:index", "keep_alive", "healthz"):
            try:
                prefixes.append(reverse(name))
            except NoReverseMatch:
                logger.warning("No URL named %s to leave out of the statistics", name)
        return tuple(prefix for prefix in prefixes if prefix and prefix != "/")


def _is_html_success(response):
    return 200 <= response.status_code < 300 and response.get("Content-Type", "").startswith(
        "text/html"
    )
