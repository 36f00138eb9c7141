"""A site administrator writes a page and a sub-page in the admin (and puts a page in the menu);
a reader on a phone opens the page, follows its sub-page list, and finds the way back by the
breadcrumb (or opens the page from the menu)."""

import pytest
from playwright.sync_api import expect

from pages.models import Page
from tenancy.roles import Role
from tenancy.testing import give_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 780}


@pytest.fixture
def administrator_page(page, client, django_user_model, live_server):
    user = django_user_model.objects.create_user("quantri", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR)
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def write_page(page, title, text, parent=None):
    page.goto("/admin/pages/page/add/")
    page.locator("#id_title").fill(title)
    if parent:
        page.locator("#id_parent").select_option(label=parent)
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type(text)
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_an_administrator_writes_a_page_with_a_sub_page_and_a_reader_opens_it(
    administrator_page, browser, live_server
):
    admin = administrator_page
    write_page(admin, "Giới thiệu", "Phường Phù Vân nằm bên bờ sông Vân.")
    write_page(admin, "Lịch sử hình thành", "Làng Phù Vân có từ thế kỷ XV.", parent="Giới thiệu")
    rows = admin.locator("#result_list tbody th a")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("└ Lịch sử hình thành")

    about = Page.objects.get(slug="gioi-thieu")
    history = Page.objects.get(slug="lich-su-hinh-thanh")
    assert history.parent == about and history.status == Page.Status.PUBLISHED

    context = browser.new_context(locale="vi-VN", base_url=live_server.url, viewport=PHONE)
    reader = context.new_page()
    assert reader.goto("/trang/gioi-thieu/").status == 200
    expect(reader.locator("h1")).to_have_text("Giới thiệu")
    expect(reader.locator(".article__body")).to_contain_text("bờ sông Vân")
    sub_pages = reader.get_by_role("navigation", name="Các trang trong mục này")
    sub_pages.get_by_role("link", name="Lịch sử hình thành").click()
    expect(reader.locator("h1")).to_have_text("Lịch sử hình thành")
    expect(reader.locator(".article__body")).to_contain_text("thế kỷ XV")
    breadcrumb = reader.get_by_role("navigation", name="Đường dẫn trang")
    expect(breadcrumb.locator("[aria-current=page]")).to_have_text("Lịch sử hình thành")
    breadcrumb.get_by_role("link", name="Giới thiệu").click()
    expect(reader).to_have_url(f"{live_server.url}/trang/gioi-thieu/")
    width = reader.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "nothing overflows the phone's width"
    context.close()


def test_an_administrator_writes_a_page_puts_it_in_the_menu_and_a_phone_reader_opens_it(
    administrator_page, browser, live_server
):
    from menus import registry
    from menus.models import MenuItem
    from tests.menus.helpers import header

    header(registry.Spec("Trang chủ", registry.LIST, "home"))
    admin = administrator_page
    write_page(admin, "Lịch tiếp công dân", "Chủ tịch UBND phường tiếp công dân sáng thứ Năm.")

    menu = MenuItem.objects.get(label="Trang chủ").menu
    admin.goto(f"/admin/menus/menu/{menu.pk}/change/")
    new_row = admin.locator("#items-group tbody tr.form-row:not(.empty-form)").last
    new_row.locator("input[name$='-label']").fill("Tiếp công dân")
    new_row.locator("select[name$='-destination']").select_option(label="Lịch tiếp công dân")
    admin.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(admin.locator(".messagelist")).to_contain_text("thành công")

    context = browser.new_context(locale="vi-VN", base_url=live_server.url, viewport=PHONE)
    reader = context.new_page()
    reader.goto("/")
    reader.get_by_role("button", name="Menu").click()
    reader.locator("#main-nav-list").get_by_role("link", name="Tiếp công dân").click()
    expect(reader).to_have_url(f"{live_server.url}/trang/lich-tiep-cong-dan/")
    expect(reader.locator("h1")).to_have_text("Lịch tiếp công dân")
    expect(reader.locator(".article__body")).to_contain_text("sáng thứ Năm")
    context.close()
