from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .middleware import passive_request, record_activity


@never_cache
@require_POST
def keep_alive(request):
    """Extend a signed-in session; the idle notice calls this while the person is active."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False}, status=401)
    record_activity(request)
    return JsonResponse({"authenticated": True, "timeout": settings.PORTAL_IDLE_TIMEOUT})


@never_cache
@require_GET
@passive_request
def healthz(request):
    """Liveness and database check for the load balancer; never counts as activity."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    # A moved admin (PORTAL_ADMIN_URL) is not announced here; its pages say noindex themselves.
    admin_lines = ["Disallow: /admin/"] if reverse("admin:index") == "/admin/" else []
    lines = [
        "User-agent: *",
        *admin_lines,
        "Disallow: /tai-khoan/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
