"""What a menu shows: the registered kinds and lists, items whose target is gone hidden, one
level of sub-items, the order, and the addresses staff may type."""

import pytest
from django.core.exceptions import ValidationError

from menus import registry
from menus.addresses import validate_address
from menus.models import MenuItem
from menus.navigation import build
from tests.factories import first_site, make_category

from .helpers import category_item, header, nav_html, url_item

pytestmark = pytest.mark.django_db


def header_nodes(site=None):
    from django.utils import timezone

    return build(site or first_site(), timezone.now())["menus"]["header"]


def test_articles_register_categories_and_their_lists():
    assert "category" in registry.kinds()
    assert {"home", "search", "feed"} <= set(registry.lists())
    category = make_category("Thông báo")
    found = registry.resolve(first_site(), {("category", category.slug), ("list", "home")})
    assert found == {
        ("category", "thong-bao"): "/chuyen-muc/thong-bao/",
        ("list", "home"): "/",
    }


def test_an_app_registers_a_kind_of_target_and_a_list(monkeypatch):
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))
    monkeypatch.setattr(registry, "_lists", dict(registry._lists))
    registry.register_kind(
        "poll", "Thăm dò", lambda site: [("7", "Ý kiến")], lambda site, key: f"/tham-do/{key}/"
    )
    registry.register_list("documents", "Văn bản", "/van-ban/")
    header(
        registry.Spec("Thăm dò", "poll", "7"),
        registry.Spec("Văn bản", registry.LIST, "documents"),
    )
    assert [(n["label"], n["url"]) for n in header_nodes()] == [
        ("Thăm dò", "/tham-do/7/"),
        ("Văn bản", "/van-ban/"),
    ]
    with pytest.raises(ValueError):
        registry.register_kind("url", "x", list, str)


def test_an_item_whose_target_is_gone_is_hidden_not_an_error(client, no_page_cache):
    kept, hidden, deleted = make_category("Còn"), make_category("Ẩn"), make_category("Xóa")
    header(
        category_item(kept),
        category_item(hidden, children=[url_item("Con của mục ẩn", "/con/")]),
        category_item(deleted),
        registry.Spec("Danh sách chưa có", registry.LIST, "van-ban-chua-co"),
        registry.Spec("Loại chưa đăng ký", "trang", "3"),
    )
    hidden.is_active = False
    hidden.save()
    deleted.delete()
    response = client.get("/")
    assert response.status_code == 200
    nav = nav_html(response)
    assert "Còn" in nav
    for label in ("Ẩn", "Con của mục ẩn", "Xóa", "Danh sách chưa có", "Loại chưa đăng ký"):
        assert label not in nav


def test_sub_items_one_level_and_headings_without_a_page():
    news = make_category("Tin tức - Sự kiện")
    header(
        registry.Spec("Tin tức", children=[category_item(news), url_item("Ảnh", "/anh/")]),
        registry.Spec("Mục trống"),
    )
    assert header_nodes() == [
        {
            "label": "Tin tức",
            "url": None,
            "children": [
                {"label": "Tin tức - Sự kiện", "url": news.get_absolute_url(), "children": []},
                {"label": "Ảnh", "url": "/anh/", "children": []},
            ],
        }
    ]
    parent = MenuItem.objects.get(label="Tin tức")
    child = MenuItem.objects.get(label="Ảnh")
    grandchild = MenuItem(menu=parent.menu, parent=child, label="Cháu", kind="url", url="/c/")
    with pytest.raises(ValidationError, match=r"một cấp|one level"):
        grandchild.full_clean()
    parent.parent = MenuItem.objects.get(label="Mục trống")
    with pytest.raises(ValidationError):
        parent.full_clean()


def test_items_follow_their_order_numbers():
    menu = header(url_item("Một", "/1/"), url_item("Hai", "/2/"), url_item("Ba", "/3/"))
    MenuItem.objects.filter(menu=menu, label="Ba").update(order=1)
    MenuItem.objects.filter(menu=menu, label="Một").update(order=99)
    assert [node["label"] for node in header_nodes()] == ["Ba", "Hai", "Một"]


def test_a_hidden_item_is_not_shown():
    menu = header(url_item("Hiện", "/hien/"), url_item("Tắt", "/tat/"))
    MenuItem.objects.filter(menu=menu, label="Tắt").update(is_active=False)
    assert [node["label"] for node in header_nodes()] == ["Hiện"]


@pytest.mark.parametrize(
    "address",
    [
        "https://dichvucong.gov.vn",
        "http://example.gov.vn/trang?a=1",
        "/lien-he/",
        "/van-ban/?loai=2",
    ],
)
def test_web_addresses_and_paths_of_the_portal_are_accepted(address):
    validate_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
        "/\\evil.example",
        "ftp://example.gov.vn/",
        "lien-he",
        "https://",
        "/co khoang trang/",
    ],
)
def test_other_addresses_are_refused(address):
    with pytest.raises(ValidationError):
        validate_address(address)


def test_a_site_without_a_menu_shows_home_and_its_categories(client, no_page_cache):
    parent = make_category("Chính quyền")
    make_category("Hội đồng nhân dân", parent=parent)
    nav = nav_html(client.get("/"))
    assert 'href="/"' in nav and "Trang chủ" in nav
    assert f'href="{parent.get_absolute_url()}"' in nav
    assert "Hội đồng nhân dân" in nav


def test_a_kind_scheduled_to_change_bounds_how_long_the_menus_are_kept(
    monkeypatch, client, no_page_cache
):
    from datetime import timedelta

    from django.utils import timezone

    later = timezone.now() + timedelta(minutes=10)
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))
    registry.register_kind(
        "scheduled",
        "Hẹn giờ",
        lambda site: [],
        lambda site, key: "/hen-gio/" if timezone.now() >= later else None,
        next_change=lambda site, now: later if later > now else None,
    )
    header(registry.Spec("Trang hẹn giờ", "scheduled", "1"))
    response = client.get("/")
    assert "Trang hẹn giờ" not in nav_html(response)
    assert response.wsgi_request.page_cache_until == later
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Trang hẹn giờ" in nav_html(client.get("/"))
