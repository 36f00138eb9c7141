"""The organisation's pages are lists a menu item can lead to."""

import pytest

from menus import registry
from tests.menus.helpers import header, nav_html

pytestmark = pytest.mark.django_db


def test_menu_items_lead_to_the_chart_and_the_directory(client):
    header(
        registry.Spec("Cơ cấu tổ chức", registry.LIST, "organisation"),
        registry.Spec("Danh bạ", registry.LIST, "directory"),
    )
    nav = nav_html(client.get("/"))
    assert 'href="/to-chuc/"' in nav and 'href="/danh-ba/"' in nav
