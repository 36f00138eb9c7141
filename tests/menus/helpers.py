"""Menus and links made for the tests."""

from menus import registry, services
from menus.models import Menu
from tests.factories import first_site


def header(*specs, site=None):
    site = site or first_site()
    return services.create_menu(site, Menu.Place.HEADER, list(specs))


def url_item(label, url, children=()):
    return registry.Spec(label, registry.URL, url=url, children=list(children))


def category_item(category, label=None, children=()):
    return registry.Spec(label or category.name, "category", category.slug, children=list(children))


def nav_html(response):
    html = response.content.decode()
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]
