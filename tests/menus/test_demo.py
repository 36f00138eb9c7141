"""The demo wards get a header menu, footer links and website links, once."""

import pytest
from django.core.management import call_command

from menus.demo import seed_demo
from menus.models import Link, Menu
from tenancy.models import Site

from .helpers import nav_html

pytestmark = pytest.mark.django_db


def test_both_demo_wards_get_menus_and_links_once(client):
    call_command("seed_demo", verbosity=0)
    sites = list(Site.objects.order_by("pk"))
    assert len(sites) == 2
    for site in sites:
        header = Menu.objects.get(site=site, place="header")
        top = [item.label for item in header.items.filter(parent=None)]
        assert top == [
            "Trang chủ",
            "Giới thiệu",
            "Tin tức",
            "Văn bản",
            "Thủ tục hành chính",
            "Hỏi đáp",
            "Liên hệ",
        ]
        lists = header.items.filter(kind="list").values_list("target", flat=True)
        assert {"documents", "procedures", "questions"} <= set(lists)
        news = header.items.get(label="Tin tức", parent=None)
        assert news.children.count() >= 2
        assert all(child.kind == "category" for child in news.children.all())
        assert Menu.objects.filter(site=site, place="footer").exists()
        urls = set(Link.objects.filter(site=site).values_list("url", flat=True))
        assert {"https://dichvucong.gov.vn", "https://chinhphu.vn"} <= urls
        assert Link.objects.get(site=site, url="https://example.gov.vn").logo
        assert seed_demo(site) == 0
    nav = nav_html(client.get("/"))
    assert 'href="/trang/gioi-thieu/"' in nav and 'href="/van-ban/"' in nav
    assert 'href="/thu-tuc-hanh-chinh/"' in nav and 'href="/hoi-dap/"' in nav
    assert "chuyen-muc/" in nav
