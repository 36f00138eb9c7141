from django import template
from django.utils.html import format_html_join

from portal.pagecache import keep_until

from .. import blocks
from ..caching import request_bundle
from ..navigation import build

register = template.Library()


def site_bundle(context):
    """The request's bundle; a page showing it is cached no longer than it stays true."""
    request = context.get("request")
    found = request_bundle(request, build) if request is not None else None
    if found and found["until"]:
        keep_until(request, found["until"])
    return found


@register.inclusion_tag("menus/main_menu.html", takes_context=True)
def main_menu(context):
    found = site_bundle(context)
    return {"items": found["menus"].get("header", []) if found else [], **current(context)}


@register.inclusion_tag("menus/footer_menu.html", takes_context=True)
def footer_menu(context):
    found = site_bundle(context)
    return {"items": found["menus"].get("footer", []) if found else []}


@register.inclusion_tag("menus/links.html", takes_context=True)
def website_links(context, placement):
    found = site_bundle(context)
    return {"links": found["links"].get(placement, []) if found else [], "placement": placement}


def current(context):
    request = context.get("request")
    return {"path": request.path if request is not None else ""}


@register.simple_tag(takes_context=True)
def block_area(context, area):
    """The blocks of the site's layout of `area`, each rendered with the page's context."""
    found = site_bundle(context)
    layout = found["layout"].get(area, []) if found else blocks.default_layout(area)
    engine = context.template.engine
    parts = []
    for name, option in layout:
        block = blocks.block(name)
        if block is None:
            continue
        with context.push(block_option=option, block_area=area):
            parts.append((engine.get_template(block.template).render(context),))
    return format_html_join("", "{}", parts)
