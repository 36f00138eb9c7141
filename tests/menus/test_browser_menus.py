"""The header menu in a browser: on a phone it opens from a button, with or without JavaScript;
on a desktop sub-items open on hover and keyboard focus; a site administrator edits it by
dragging rows in the admin."""

import pytest
from playwright.sync_api import expect

from menus import registry
from menus.models import MenuItem
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.conftest import READER_AGENT
from tests.factories import make_article, make_category

from .helpers import category_item, header, url_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}


def reader(browser, live_server, javascript=True):
    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        user_agent=READER_AGENT,
        java_script_enabled=javascript,
        viewport=PHONE,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def notices():
    category = make_category("Thông báo")
    make_article(category, title="Thông báo lịch tiếp công dân")
    header(
        registry.Spec("Trang chủ", registry.LIST, "home"),
        registry.Spec("Tin tức", children=[category_item(category)]),
        url_item("Liên hệ", "/lien-he/"),
    )
    return category


def test_without_javascript_a_phone_opens_the_menu_and_follows_a_link(
    browser, live_server, notices
):
    page = reader(browser, live_server, javascript=False)
    page.goto("/")
    menu = page.get_by_role("navigation", name="Menu chính")
    link = menu.get_by_role("link", name="Thông báo")
    expect(link).to_be_hidden()
    menu.get_by_text("Menu", exact=True).click()
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thông báo")
    expect(page.locator("main").get_by_text("Thông báo lịch tiếp công dân")).to_be_visible()
    page.context.close()


def test_with_javascript_the_menu_button_says_whether_it_is_open(page, notices):
    page.set_viewport_size(PHONE)
    page.goto("/")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#main-nav-switch")).to_have_count(0)
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    link = page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Thông báo")
    expect(link).to_be_visible()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(link).to_be_hidden()


def test_on_a_desktop_sub_items_open_on_hover_and_by_keyboard(page, notices):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    menu = page.get_by_role("navigation", name="Menu chính")
    heading = menu.get_by_role("button", name="Tin tức")
    sub_item = menu.get_by_role("link", name="Thông báo")
    expect(sub_item).to_be_hidden()
    heading.hover()
    expect(sub_item).to_be_visible()
    page.mouse.move(0, 700)
    expect(sub_item).to_be_hidden()
    heading.focus()
    expect(sub_item).to_be_visible()
    page.keyboard.press("Tab")
    expect(sub_item).to_be_focused()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Liên hệ")).to_be_focused()
    expect(sub_item).to_be_hidden()
    heading.click()
    expect(heading).to_have_attribute("aria-expanded", "true")


@pytest.fixture
def site_admin_page(page, client, live_server, django_user_model):
    user = django_user_model.objects.create_user("quantri", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR)
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def test_a_site_administrator_adds_an_item_drags_it_first_and_a_reader_opens_it(
    site_admin_page, browser, live_server, notices
):
    page = site_admin_page
    menu = MenuItem.objects.get(label="Trang chủ").menu
    page.goto(f"/admin/menus/menu/{menu.pk}/change/")
    rows = page.locator("#items-group tbody tr.form-row:not(.empty-form)")
    new_row = rows.last
    new_row.locator("input[name$='-label']").fill("Lịch tiếp dân")
    new_row.locator("select[name$='-destination']").select_option(label="Thông báo")
    new_row.locator(".sortable-handle").drag_to(rows.first.locator(".sortable-handle"))
    expect(rows.first.locator("input[name$='-label']")).to_have_value("Lịch tiếp dân")
    expect(rows.first.locator("input[name$='-order']")).to_have_value("10")
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("thành công")
    top = list(menu.items.filter(parent=None).order_by("order", "pk"))
    assert [item.label for item in top] == ["Lịch tiếp dân", "Trang chủ", "Tin tức", "Liên hệ"]

    phone = reader(browser, live_server)
    phone.goto("/")
    phone.get_by_role("button", name="Menu").click()
    links = phone.locator("#main-nav-list > li > a")
    expect(links.first).to_have_text("Lịch tiếp dân")
    links.first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thông báo")
    phone.context.close()


def test_the_order_handles_move_rows_with_the_arrow_keys(site_admin_page, notices):
    page = site_admin_page
    menu = MenuItem.objects.get(label="Trang chủ").menu
    page.goto(f"/admin/menus/menu/{menu.pk}/change/")
    rows = page.locator("#items-group tbody tr.form-row.has_original")
    last = rows.filter(has=page.locator("input[value='Liên hệ']")).locator(".sortable-handle")
    last.focus()
    page.keyboard.press("ArrowUp")
    expect(last).to_be_focused()
    labels = rows.locator("input[name$='-label']")
    expect(labels.nth(2)).to_have_value("Liên hệ")
    expect(labels.nth(3)).to_have_value("Thông báo")
    expect(rows.nth(2).locator("input[name$='-order']")).to_have_value("30")
