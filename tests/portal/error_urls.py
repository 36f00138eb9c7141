"""The site's addresses plus views that fail on purpose, for the error page tests only."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import include, path

from portal.urls import handler500  # noqa: F401


def server_error(request):
    raise RuntimeError("a view that fails")


def forbidden(request):
    raise PermissionDenied


def bad_request(request):
    raise SuspiciousOperation("a malformed request")


urlpatterns = [
    path("thu-loi/500/", server_error),
    path("thu-loi/403/", forbidden),
    path("thu-loi/400/", bad_request),
    path("", include("portal.urls")),
]
