from django import template
from django.conf import settings

from ..views import cached_summary

register = template.Library()


@register.inclusion_tag("stats/block.html", takes_context=True)
def statistics_block(context):
    """The "Thống kê" sidebar block of the request's site; its script refreshes it from the
    JSON endpoint. Nothing on a page of no site (an unknown host's 404)."""
    site = getattr(context.get("request"), "site", None)
    if site is None:
        return {"figures": None}
    return {"figures": cached_summary(site), "refresh": settings.PORTAL_STATS_REFRESH_SECONDS}
