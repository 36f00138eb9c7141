"""The province administrator's overview of the sites (a page of the admin)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http.request import split_domain_port
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _


def overview(request, admin_site, sites):
    """Every site, its host name, its number of staff and a link to its own admin. (Figures per
    site wait for the content to carry a site key.)"""
    if not request.user.is_superuser:
        raise PermissionDenied
    _domain, port = split_domain_port(request.get_host())
    suffix = f":{port}" if port else ""
    index = reverse("admin:index")
    rows = [
        {
            "site": site,
            "host": site.primary_host,
            "admin_url": f"{request.scheme}://{site.primary_host}{suffix}{index}",
        }
        for site in sites.annotate(staff=Count("memberships"))
    ]
    context = {
        **admin_site.each_context(request),
        "title": _("Overview of the sites"),
        "rows": rows,
    }
    return TemplateResponse(request, "admin/tenancy/site/overview.html", context)
