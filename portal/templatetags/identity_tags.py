"""The site's identity for pages rendered without a request or context (500.html)."""

from django import template

from portal.context_processors import portal

register = template.Library()


@register.simple_tag
def site_identity():
    """Plain settings: safe to call with the database and the cache down."""
    return portal(None)
