"""The province administrator's overview of the sites (a page of the admin), with figures per
site that the content apps register (tenancy imports none of them)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http.request import split_domain_port
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Figure:
    label: str
    count: object  # count(site ids) -> {site id: number}, in one query


FIGURES = []


def register(label, count):
    """Adds a column to the overview: `count(site_ids)` answers {site id: number} in one
    grouped query, whatever the number of sites (a site missing from it counts 0)."""
    if all(figure.count is not count for figure in FIGURES):
        FIGURES.append(Figure(label, count))


def count_per_site(queryset, site_path="site"):
    """{site id: number of rows} of `queryset`, in one grouped query."""
    return dict(queryset.order_by().values_list(site_path).annotate(number=Count("pk")))


def figures_of(site_ids):
    """The figures of each site, in the order of FIGURES: {site id: [number, ...]}."""
    counts = [figure.count(site_ids) for figure in FIGURES]
    return {pk: [count.get(pk, 0) for count in counts] for pk in site_ids}


def overview(request, admin_site, sites):
    """Every site, its host name, its number of staff, its figures and a link to its own
    admin."""
    if not request.user.is_superuser:
        raise PermissionDenied
    _domain, port = split_domain_port(request.get_host())
    suffix = f":{port}" if port else ""
    index = reverse("admin:index")
    sites = list(sites.annotate(staff=Count("memberships")))
    figures = figures_of([site.pk for site in sites])
    rows = [
        {
            "site": site,
            "host": site.primary_host,
            "admin_url": f"{request.scheme}://{site.primary_host}{suffix}{index}",
            "figures": figures[site.pk],
        }
        for site in sites
    ]
    context = {
        **admin_site.each_context(request),
        "title": _("Overview of the sites"),
        "figures": [figure.label for figure in FIGURES],
        "rows": rows,
    }
    return TemplateResponse(request, "admin/tenancy/site/overview.html", context)
