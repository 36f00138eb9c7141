"""Cached pages show an edit at once, on the edited site only; the sitemap lists pages."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pages.models import Page
from tests.pages.helpers import about_tree, make_page
from tests.tenancy.conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def reader(n=1, host="testserver"):
    return Client(REMOTE_ADDR=f"198.51.100.{n}", HTTP_HOST=host, **READER)


def test_an_edited_page_is_shown_at_once_and_its_parent_lists_the_new_title(committed):
    with committed():
        root, first, _second, _grandchild = about_tree()
    url = root.get_absolute_url()
    assert reader(1).get(url)["X-Page-Cache"] == "miss"
    assert reader(2).get(url)["X-Page-Cache"] == "hit"
    with committed():
        first.title = "Tổng quan về phường"
        first.save()
    response = reader(3).get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Tổng quan về phường" in response.content.decode()


def test_a_page_unpublished_leaves_the_cached_index_and_its_address(committed):
    with committed():
        root, *_rest = about_tree()
    assert "Giới thiệu" in reader(1).get("/trang/").content.decode()
    reader(2).get(root.get_absolute_url())
    with committed():
        root.status = Page.Status.DRAFT
        root.save()
    assert reader(3).get(root.get_absolute_url()).status_code == 404
    assert "gioi-thieu" not in reader(4).get("/trang/").content.decode()


def test_an_edit_on_one_site_keeps_the_other_sites_cached_pages(committed, other_site):
    with committed():
        make_page("Giới thiệu", slug="gioi-thieu")
        theirs = make_page("Giới thiệu xã", site=other_site, slug="gioi-thieu")
    assert reader(1, OTHER_HOST).get(theirs.get_absolute_url())["X-Page-Cache"] == "miss"
    with committed():
        make_page("Trang mới của phường", slug="trang-moi")
    assert reader(2, OTHER_HOST).get(theirs.get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_sitemap_has_a_pages_section_of_public_pages(client):
    root, first, second, grandchild = about_tree()
    make_page("Bản nháp", status=Page.Status.DRAFT)
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP)]
    assert "http://testserver/sitemap-pages.xml" in sections
    pages = ElementTree.fromstring(client.get(reverse("sitemap_section", args=["pages"])).content)
    locations = [loc.text for loc in pages.findall("s:url/s:loc", SITEMAP)]
    assert locations == [
        f"http://testserver{page.get_absolute_url()}" for page in (root, first, second, grandchild)
    ]


def test_the_cached_sitemap_shows_a_new_page_at_once(committed):
    url = reverse("sitemap_section", args=["pages"])
    with committed():
        make_page("Giới thiệu", slug="gioi-thieu")
    assert reader(1).get(url)["X-Page-Cache"] == "miss"
    assert reader(2).get(url)["X-Page-Cache"] == "hit"
    with committed():
        make_page("Lịch sử hình thành", slug="lich-su-hinh-thanh")
    assert "lich-su-hinh-thanh" in reader(3).get(url).content.decode()


def test_the_sitemap_lists_no_page_of_another_site(client, other_site):
    make_page("Trang của xã", site=other_site, slug="trang-cua-xa")
    html = client.get(reverse("sitemap_section", args=["pages"])).content.decode()
    assert "trang-cua-xa" not in html


def test_a_cached_page_lasts_no_longer_than_until_a_scheduled_page_appears(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    root = make_page("Giới thiệu", slug="gioi-thieu")
    make_page(
        "Sắp đăng", parent=root, slug="sap-dang", publish_at=timezone.now() + timedelta(seconds=30)
    )
    response = reader(1).get(root.get_absolute_url())
    assert "sap-dang" not in response.content.decode()
    assert response.wsgi_request.page_cache_until <= timezone.now() + timedelta(seconds=30)
