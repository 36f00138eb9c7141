"""Content-Security-Policy on every response (Django 5.2 has none of its own).

Public pages run only the site's own script and style files: no inline script, no inline
style, no plugin, no framing, forms post only here. The admin keeps inline scripts and styles
(Django's admin and the editor use them) but nothing from elsewhere.
"""

import functools

from django.conf import settings
from django.urls import reverse

HEADER = "Content-Security-Policy"


def policy(directives):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            admin = request.path.startswith(self.admin_prefix)
            response[HEADER] = self.admin_policy if admin else self.public_policy
        return response

    @functools.cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    @functools.cached_property
    def public_policy(self):
        return policy(settings.PORTAL_CSP)

    @functools.cached_property
    def admin_policy(self):
        return policy({**settings.PORTAL_CSP, **settings.PORTAL_CSP_ADMIN})
