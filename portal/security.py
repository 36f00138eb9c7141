"""Content-Security-Policy and Permissions-Policy on every response (Django 5.2 has neither).

Public pages run only the site's own script and style files: no inline script, no inline
style, no plugin, no framing, forms post only here. The admin runs no inline script either but
the editor's import map (allowed by its hash); settings.PORTAL_CSP_ADMIN says what else it needs.
"""

import base64
import functools
import hashlib
import re

from django.conf import settings
from django.urls import reverse

HEADER = "Content-Security-Policy"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


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
        directives = {**settings.PORTAL_CSP, **settings.PORTAL_CSP_ADMIN}
        directives["script-src"] = [*directives["script-src"], *editor_import_map_sources()]
        return policy(directives)


def editor_import_map_sources():
    """The editor's <script type="importmap"> is inline by nature: allow it by the hash of its
    content, which depends only on the static files' addresses (fixed for a deployment)."""
    from django_prose_editor.widgets import ProseEditorWidget

    return [
        sha256_source(script) for script in INLINE_SCRIPT.findall(str(ProseEditorWidget().media))
    ]


def sha256_source(text):
    """A CSP source that allows exactly this inline script or style."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the browser features of the setting are refused
    to the site and to anything it frames."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PORTAL_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
