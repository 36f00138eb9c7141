"""A ward's menus, links and layout never show on another ward's pages."""

import pytest

from menus.models import Link, Placement
from tests.factories import first_site, make_category

from .conftest import OTHER_HOST
from .helpers import category_item, header, nav_html, url_item

pytestmark = pytest.mark.django_db


def test_each_site_shows_its_own_menu_links_and_layout(client, other_site, no_page_cache):
    ours = make_category("Chuyên mục phường A")
    theirs = make_category("Chuyên mục xã B", site=other_site)
    header(category_item(ours), url_item("Mục phường A", "/a/"))
    header(category_item(theirs), url_item("Mục xã B", "/b/"), site=other_site)
    Link.objects.create(site=first_site(), title="Liên kết phường A", url="https://a.example.vn")
    Link.objects.create(site=other_site, title="Liên kết xã B", url="https://b.example.vn")
    Placement.objects.create(site=other_site, area="sidebar", block="links", order=1)

    a = client.get("/")
    b = client.get("/", HTTP_HOST=OTHER_HOST)
    a_html, b_html = a.content.decode(), b.content.decode()
    assert "Mục phường A" in nav_html(a) and "Mục xã B" not in a_html
    assert "Liên kết phường A" in a_html and "Liên kết xã B" not in a_html
    assert "Mục xã B" in nav_html(b) and "Mục phường A" not in b_html
    assert "Liên kết xã B" in b_html and "Liên kết phường A" not in b_html
    assert 'id="block-latest"' in a_html and 'id="block-latest"' not in b_html


def test_a_menu_item_cannot_point_to_another_sites_category(client, other_site, no_page_cache):
    theirs = make_category("Chuyên mục xã B", site=other_site)
    header(category_item(theirs, label="Mục trỏ sang xã B"))
    assert "Mục trỏ sang xã B" not in nav_html(client.get("/"))


def test_the_fallback_menu_lists_the_sites_own_categories(client, other_site, no_page_cache):
    make_category("Chuyên mục phường A")
    make_category("Chuyên mục xã B", site=other_site)
    nav = nav_html(client.get("/", HTTP_HOST=OTHER_HOST))
    assert "Chuyên mục xã B" in nav and "Chuyên mục phường A" not in nav
