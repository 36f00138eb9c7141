"""Five wrong passwords lock a staff account; an administrator unlocks it (Playwright +
Chromium)."""

import pytest
from playwright.sync_api import expect

from tenancy.roles import Role
from tenancy.testing import give_role
from tests.conftest import READER_AGENT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCKED = "tạm thời bị khóa đăng nhập"


def sign_in(page, username, password):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_five_wrong_passwords_lock_the_account_and_an_administrator_unlocks_it(
    page, browser, live_server, django_user_model
):
    writer = django_user_model.objects.create_user(
        "phongvien", password="mat-khau-phong-vien", is_staff=True
    )
    give_role(writer, Role.EDITOR)
    django_user_model.objects.create_superuser("quantri", password="mat-khau-quan-tri")

    page.goto("/admin/")
    for _ in range(4):
        sign_in(page, "phongvien", "doan-sai-mat-khau")
        expect(page.locator(".errornote")).to_contain_text("Bạn hãy nhập đúng")
    sign_in(page, "phongvien", "doan-sai-mat-khau")
    expect(page.get_by_role("alert")).to_contain_text(LOCKED)
    expect(page.get_by_role("alert")).to_contain_text("thử lại sau 30 phút")
    page.get_by_role("link", name="Quay lại trang đăng nhập").click()
    sign_in(page, "phongvien", "mat-khau-phong-vien")
    expect(page.get_by_role("alert")).to_contain_text(LOCKED)

    context = browser.new_context(locale="vi-VN", base_url=live_server.url, user_agent=READER_AGENT)
    admin = context.new_page()
    admin.set_default_timeout(15_000)
    admin.goto("/admin/")
    sign_in(admin, "quantri", "mat-khau-quan-tri")
    admin.get_by_role("link", name="Đăng nhập sai gần đây (mở khóa)").click()
    row = admin.locator("#result_list tbody tr", has_text="phongvien")
    expect(row).to_contain_text("Đã khóa")
    row.locator("input.action-select").check()
    admin.get_by_label("Hoạt động").select_option(label="Mở khóa các tài khoản và địa chỉ đã chọn")
    admin.get_by_role("button", name="Đi").click()
    expect(admin.get_by_text("Đã mở khóa 1 mục.")).to_be_visible()
    expect(admin.locator("#result_list")).to_have_count(0)
    context.close()

    page.goto("/admin/")
    sign_in(page, "phongvien", "mat-khau-phong-vien")
    expect(page.locator("#user-tools")).to_contain_text("phongvien")
