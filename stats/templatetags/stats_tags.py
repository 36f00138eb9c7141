from django import template
from django.conf import settings

from ..views import cached_summary

register = template.Library()


@register.inclusion_tag("stats/block.html")
def statistics_block():
    """The "Thống kê" sidebar block; its script refreshes it from the JSON endpoint."""
    return {"figures": cached_summary(), "refresh": settings.PORTAL_STATS_REFRESH_SECONDS}
