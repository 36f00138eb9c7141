"""The site's identity for pages rendered without the context processors (500.html)."""

from django import template

from portal.context_processors import portal

register = template.Library()


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The request's site if the page has one, else plain settings: safe to call with the
    database and the cache down."""
    return portal(context.get("request"))
