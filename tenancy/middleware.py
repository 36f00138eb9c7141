from django.http import HttpResponseNotFound, HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.template.loader import render_to_string

from .current import request_site, resolve

# Monitoring asks by address, not by a site's name.
EXEMPT_PREFIXES = ("/healthz",)


class SiteMiddleware:
    """Sets `request.site` from the host name; a host that is no active site's gets a 404 that
    names no site, and a site's other host names redirect to its primary one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(EXEMPT_PREFIXES):
            request.site = None
            return self.get_response(request)
        host = request.get_host()
        found = resolve(host)
        if found is None:
            return unknown_host(request)
        domain, port = split_domain_port(host)
        if domain.rstrip(".") != found.primary_host:
            primary = f"{found.primary_host}:{port}" if port else found.primary_host
            return HttpResponsePermanentRedirect(
                f"{request.scheme}://{primary}{request.get_full_path()}"
            )
        request.site = found.site
        token = request_site.set(found.site)
        try:
            return self.get_response(request)
        finally:
            request_site.reset(token)


def unknown_host(request):
    return HttpResponseNotFound(render_to_string("tenancy/unknown_host.html", request=None))
