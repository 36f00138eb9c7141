"""Staff edit their site's menus, links and layout in the admin; another site's rows are out of
reach."""

import pytest
from django.urls import reverse

from menus.models import Link, Menu, MenuItem, Placement
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.factories import first_site, make_category

from .helpers import header, url_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(client, django_user_model):
    user = django_user_model.objects.create_user("quantri", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR, first_site())
    client.force_login(user)
    return user


def item_form(prefix="items", **rows):
    """The POST data of the menu form with the given new item rows."""
    data = {
        "place": "header",
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, (label, (destination, url, order)) in enumerate(rows.items()):
        data |= {
            f"{prefix}-{index}-label": label,
            f"{prefix}-{index}-destination": destination,
            f"{prefix}-{index}-url": url,
            f"{prefix}-{index}-order": str(order),
            f"{prefix}-{index}-is_active": "on",
        }
    return data


def test_a_site_administrator_adds_a_menu_with_a_category_and_an_address(client, site_admin):
    category = make_category("Thông báo")
    form = client.get(reverse("admin:menus_menu_add")).content.decode()
    assert "Thông báo" in form and "Trang chủ" in form
    data = item_form(
        Thong_bao=(f"category:{category.slug}", "", 20),
        Trang_chu=("list:home", "", 10),
        Lien_he=("url", "/lien-he/", 30),
    )
    response = client.post(reverse("admin:menus_menu_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    items = MenuItem.objects.filter(menu__site=first_site())
    assert [(i.label, i.kind, i.target, i.url) for i in items] == [
        ("Trang_chu", "list", "home", ""),
        ("Thong_bao", "category", "thong-bao", ""),
        ("Lien_he", "url", "", "/lien-he/"),
    ]


def test_a_bad_address_gets_a_clear_message_and_keeps_what_was_typed(client, site_admin):
    data = item_form(Lien_he=("url", "javascript:alert(1)", 10))
    response = client.post(reverse("admin:menus_menu_add"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "http://" in html and "https://" in html
    assert "Lien_he" in html and "javascript:alert(1)" in html
    assert not MenuItem.objects.exists()


def test_an_item_leading_to_an_address_needs_one(client, site_admin):
    response = client.post(reverse("admin:menus_menu_add"), item_form(Trong=("url", "", 10)))
    assert response.status_code == 200
    assert not Menu.objects.exists()


def test_the_current_navigation_becomes_the_header_menu_in_one_click(client, site_admin):
    parent = make_category("Chính quyền")
    make_category("Hội đồng nhân dân", parent=parent)
    listing = client.get(reverse("admin:menus_menu_changelist")).content.decode()
    assert reverse("admin:menus_menu_start") in listing
    response = client.post(reverse("admin:menus_menu_start"))
    menu = Menu.objects.get(site=first_site(), place="header")
    assert response.status_code == 302
    top = [(i.label, i.kind) for i in menu.items.filter(parent=None)]
    assert top == [("Trang chủ", "list"), ("Chính quyền", "category")]
    assert [i.label for i in menu.items.exclude(parent=None)] == ["Hội đồng nhân dân"]
    listing = client.get(reverse("admin:menus_menu_changelist")).content.decode()
    assert reverse("admin:menus_menu_start") not in listing
    assert client.post(reverse("admin:menus_menu_start")).status_code == 302
    assert Menu.objects.count() == 1


def test_the_menu_form_offers_only_this_sites_categories_and_items(client, site_admin, other_site):
    make_category("Chuyên mục của phường B", site=other_site)
    theirs = header(url_item("Mục của phường B", "/b/"), site=other_site)
    ours = header(url_item("Mục của ta", "/a/"))
    form = client.get(reverse("admin:menus_menu_change", args=[ours.pk])).content.decode()
    assert "Mục của ta" in form
    assert "Chuyên mục của phường B" not in form and "Mục của phường B" not in form
    assert client.get(reverse("admin:menus_menu_change", args=[theirs.pk])).status_code == 302


def test_an_item_whose_target_is_gone_is_marked_in_the_form(client, site_admin):
    category = make_category("Sẽ xóa")
    menu = header(registry_spec(category))
    category.delete()
    form = client.get(reverse("admin:menus_menu_change", args=[menu.pk])).content.decode()
    assert "category:se-xoa" in form


def registry_spec(category):
    from .helpers import category_item

    return category_item(category)


def test_a_link_with_a_logo_that_is_not_a_picture_is_refused(client, site_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("logo.png", b"<?php echo 1; ?>", content_type="image/png")
    data = {
        "title": "Cổng tỉnh",
        "url": "https://example.gov.vn",
        "logo": fake,
        "placement": "sidebar",
        "order": "1",
        "is_active": "on",
    }
    response = client.post(reverse("admin:menus_link_add"), data)
    assert response.status_code == 200
    assert "Cổng tỉnh" in response.content.decode()
    assert not Link.objects.exists()


def test_a_link_ends_after_it_starts_and_leads_to_a_web_address(client, site_admin):
    data = {
        "title": "Cổng tỉnh",
        "url": "/trang/",
        "placement": "sidebar",
        "order": "1",
        "starts_at_0": "02/01/2026",
        "starts_at_1": "08:00",
        "ends_at_0": "01/01/2026",
        "ends_at_1": "08:00",
    }
    response = client.post(reverse("admin:menus_link_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) >= {"url"}
    assert not Link.objects.exists()


def test_the_layout_starts_from_the_defaults_and_validates_blocks(client, site_admin):
    client.post(reverse("admin:menus_placement_start"))
    rows = Placement.objects.for_site(first_site())
    sidebar = [row.block for row in rows.filter(area="sidebar")]
    assert sidebar == ["most_viewed", "rated", "poll", "latest", "links", "statistics"]
    assert [row.block for row in rows.filter(area="home")] == ["featured", "sections", "links"]
    data = {"area": "sidebar", "block": "featured", "option": "", "order": "5", "is_enabled": "on"}
    response = client.post(reverse("admin:menus_placement_add"), data)
    assert response.status_code == 200
    assert "block" in response.context["adminform"].form.errors
