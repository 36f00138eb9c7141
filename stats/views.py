from django.conf import settings
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from portal.middleware import passive_request

from .counting import summary

SUMMARY_CACHE_KEY = "stats:summary:{site_id}"


def cached_summary(site):
    """The site's live figures, computed at most once per PORTAL_STATS_SUMMARY_SECONDS for all
    its readers."""
    key = SUMMARY_CACHE_KEY.format(site_id=site.pk)
    figures = cache.get(key)
    if figures is None:
        figures = summary(site)
        cache.set(key, figures, settings.PORTAL_STATS_SUMMARY_SECONDS)
    return figures


@require_GET
@passive_request
def summary_json(request):
    if request.site is None:
        raise Http404
    response = JsonResponse(cached_summary(request.site))
    response["Cache-Control"] = f"public, max-age={settings.PORTAL_STATS_SUMMARY_SECONDS}"
    return response
