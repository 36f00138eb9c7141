"""The menus are cached per site: a warm page reads nothing of them from the database; a menu
change rebuilds that site's pages only; a link is not served past its end."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from menus.models import Link, MenuItem
from portal import pagecache
from tests.factories import first_site, make_article, make_category

from .conftest import OTHER_HOST
from .helpers import category_item, header, nav_html, url_item

pytestmark = pytest.mark.django_db


def menu_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "menus_" in q["sql"]]


def test_a_warm_page_reads_no_menu_link_or_layout(
    client, no_page_cache, django_assert_max_num_queries
):
    category = make_category("Thông báo")
    make_article(category)
    header(category_item(category, children=[url_item("Lịch tiếp dân", "/lich/")]))
    Link.objects.create(
        site=first_site(), title="Cổng Dịch vụ công", url="https://dichvucong.gov.vn"
    )
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert "Lịch tiếp dân" in html and "Cổng Dịch vụ công" in html
    assert menu_queries(queries) == []
    with django_assert_max_num_queries(4):
        client.get("/")


def test_a_cold_bundle_takes_a_few_queries_whatever_the_menu_size(no_page_cache, client):
    categories = [make_category(f"Chuyên mục {n}") for n in range(8)]
    header(*(category_item(c, children=[url_item(f"Con {c.pk}", "/c/")]) for c in categories))
    with CaptureQueriesContext(connection) as queries:
        client.get("/tim-kiem/")
    assert len(menu_queries(queries)) <= 6


def test_a_menu_change_refreshes_the_cached_pages_of_its_site_only(client, other_site, committed):
    with committed():
        header(url_item("Mục của phường B", "/b/"), site=other_site)
        menu = header(url_item("Mục cũ", "/cu/"))
    assert "Mục cũ" in client.get("/").content.decode()
    assert client.get("/").headers["X-Page-Cache"] == "hit"
    theirs = client.get("/", HTTP_HOST=OTHER_HOST)
    assert "Mục của phường B" in nav_html(theirs) and "Mục cũ" not in nav_html(theirs)
    assert client.get("/", HTTP_HOST=OTHER_HOST).headers["X-Page-Cache"] == "hit"
    item = MenuItem.objects.get(menu=menu)
    item.label = "Mục mới"
    with committed():
        item.save()
    response = client.get("/")
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Mục mới" in nav_html(response) and "Mục cũ" not in nav_html(response)
    assert client.get("/", HTTP_HOST=OTHER_HOST).headers["X-Page-Cache"] == "hit"


def test_deleting_an_item_refreshes_the_menu(client, committed):
    with committed():
        menu = header(url_item("Giữ", "/giu/"), url_item("Bỏ", "/bo/"))
    assert "Bỏ" in nav_html(client.get("/"))
    with committed():
        MenuItem.objects.get(menu=menu, label="Bỏ").delete()
    assert "Bỏ" not in nav_html(client.get("/"))


def test_renaming_a_category_refreshes_the_menu(client, committed):
    with committed():
        category = make_category("Tên cũ")
    assert "Tên cũ" in nav_html(client.get("/"))
    category.name = "Tên mới"
    with committed():
        category.save()
    assert "Tên mới" in nav_html(client.get("/"))


def test_a_link_shows_between_its_dates_and_the_page_cache_ends_with_it(client, settings):
    now = timezone.now()
    Link.objects.create(
        site=first_site(),
        title="Sắp có",
        url="https://a.example.vn",
        starts_at=now + timedelta(days=1),
    )
    Link.objects.create(
        site=first_site(),
        title="Đã hết",
        url="https://b.example.vn",
        ends_at=now - timedelta(minutes=1),
    )
    Link.objects.create(
        site=first_site(),
        title="Đang có",
        url="https://c.example.vn",
        ends_at=now + timedelta(seconds=30),
    )
    response = client.get("/")
    html = response.content.decode()
    assert "Đang có" in html and "Sắp có" not in html and "Đã hết" not in html
    assert response.wsgi_request.page_cache_until <= now + timedelta(seconds=30)


def test_a_page_is_stored_no_longer_than_until_a_link_ends(client, settings, monkeypatch):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    stored, store = [], pagecache.store

    def recorded(key, versions, response, seconds, kept):
        stored.append((seconds, kept))
        store(key, versions, response, seconds, kept)

    monkeypatch.setattr(pagecache, "store", recorded)
    Link.objects.create(
        site=first_site(),
        title="Hết sau một phút",
        url="https://c.example.vn",
        ends_at=timezone.now() + timedelta(seconds=60),
    )
    assert "Hết sau một phút" in client.get("/").content.decode()
    assert len(stored) == 1 and 0 < stored[0][0] <= stored[0][1] <= 60


def test_after_its_end_a_link_leaves_the_cached_bundle(client, no_page_cache, monkeypatch):
    ends = timezone.now() + timedelta(minutes=5)
    Link.objects.create(
        site=first_site(), title="Sắp hết", url="https://c.example.vn", ends_at=ends
    )
    assert "Sắp hết" in client.get("/").content.decode()
    assert "Sắp hết" in client.get("/").content.decode()
    later = ends + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Sắp hết" not in client.get("/").content.decode()
