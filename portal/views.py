from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
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


def unreachable():
    """What this node needs and cannot reach now: "database", "redis" (when it uses Redis)."""
    down = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        down.append("database")
    reachable = getattr(caches["default"], "reachable", None)
    if reachable is not None and not reachable():
        down.append("redis")
    return down


def health_response(down, required):
    """503 naming what is down if a required part is; else 200 "ok" or "degraded: ..."."""
    if any(part in required for part in down):
        return HttpResponse(f"down: {', '.join(down)}", content_type="text/plain", status=503)
    text = f"degraded: {', '.join(down)}" if down else "ok"
    return HttpResponse(text, content_type="text/plain")


@never_cache
@require_GET
@passive_request
def healthz(request):
    """For the load balancer: 503 only when this node cannot serve pages (no database). Without
    Redis pages come from the database, and every node shares the one Redis: taking them all
    out would leave readers nothing, so that is 200 "degraded: redis"."""
    return health_response(unreachable(), required={"database"})


@never_cache
@require_GET
@passive_request
def healthz_all(request):
    """For monitoring: 503 naming whatever is down, Redis included."""
    return health_response(unreachable(), required={"database", "redis"})


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


def server_error(request):
    """Django's 500 view, given the request: the page names the request's site, which the
    middleware already holds in memory (no query, no cache)."""
    html = loader.get_template("500.html").render({"request": request})
    return HttpResponseServerError(html)
