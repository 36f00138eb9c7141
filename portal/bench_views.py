"""The benchmark's ceiling: a page with no template and no database behind the site's
middleware. It exists only when settings.PORTAL_BENCH_VIEWS is true (bench/settings.py)."""

from django.conf import settings
from django.http import Http404, HttpResponse


def ceiling(request):
    if not getattr(settings, "PORTAL_BENCH_VIEWS", False):
        raise Http404
    return HttpResponse("ok", content_type="text/plain")
