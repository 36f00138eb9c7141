from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from portal.middleware import passive_request

from .counting import summary

SUMMARY_CACHE_KEY = "stats:summary"


def cached_summary():
    """The live figures, computed at most once per PORTAL_STATS_SUMMARY_SECONDS for everyone."""
    figures = cache.get(SUMMARY_CACHE_KEY)
    if figures is None:
        figures = summary()
        cache.set(SUMMARY_CACHE_KEY, figures, settings.PORTAL_STATS_SUMMARY_SECONDS)
    return figures


@require_GET
@passive_request
def summary_json(request):
    response = JsonResponse(cached_summary())
    response["Cache-Control"] = f"public, max-age={settings.PORTAL_STATS_SUMMARY_SECONDS}"
    return response
