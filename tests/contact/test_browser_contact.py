"""A reader on a phone sends a message to a unit; a moderator answers it in the admin on a
phone (Playwright + Chromium, 360 px)."""

import re

import pytest
from captcha.models import CaptchaStore
from django.core import mail
from playwright.sync_api import expect

from contact.models import ContactMessage
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.portal.test_browser_accessibility import AXE_FILE, serious_violations

from .helpers import office_unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
TEXT = "Đề nghị phường cho biết lịch thu gom rác\ncủa tổ dân phố số 3."
ANSWER = "Xe thu gom rác qua tổ dân phố số 3 vào 18 giờ hằng ngày."


def answer(page):
    key = page.locator("input[name=captcha_0]").input_value()
    return CaptchaStore.objects.get(hashkey=key).response


def fits_the_phone(page):
    return page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def assert_accessible(page):
    if AXE_FILE.exists():
        found = serious_violations(page, AXE_FILE.read_text(encoding="utf-8"))
        assert not found, found


def test_a_reader_writes_to_a_unit_and_a_moderator_answers(
    page, browser, live_server, django_user_model
):
    office_unit(name="Văn phòng HĐND và UBND", email="vanphong@example.gov.vn")
    page.set_viewport_size(PHONE)
    page.goto("/lien-he/")
    form = page.locator("#contact-form")
    form.get_by_label("Gửi tới").select_option(label="Văn phòng HĐND và UBND")
    form.get_by_role("textbox", name="Họ và tên").fill("Đỗ Thị Thu")
    form.get_by_role("textbox", name="Thư điện tử").fill("thu.do@example.com")
    form.get_by_role("textbox", name="Tiêu đề").fill("Lịch thu gom rác")
    form.get_by_role("textbox", name="Nội dung").fill(TEXT)
    form.get_by_label("Gửi cho tôi một bản sao qua thư điện tử").check()
    expect(page.locator("input[name=captcha_0]")).not_to_have_value("")

    form.get_by_role("textbox", name="Mã bảo mật").fill("SAI00")
    form.get_by_role("button", name="Gửi tin nhắn").click()
    expect(page.get_by_text("Mã bảo mật không chính xác")).to_be_visible()
    expect(form.get_by_role("textbox", name="Nội dung")).to_have_value(TEXT)
    expect(form.get_by_label("Gửi tới")).to_have_value(re.compile(r"\d+"))
    expect(form.get_by_label("Gửi cho tôi một bản sao qua thư điện tử")).to_be_checked()
    assert fits_the_phone(page)
    assert_accessible(page)

    expect(page.locator("input[name=captcha_0]")).not_to_have_value("")
    form.get_by_role("textbox", name="Mã bảo mật").fill(answer(page))
    form.get_by_role("button", name="Gửi tin nhắn").click()
    expect(page.get_by_role("heading", name="Tin nhắn của bạn đã được gửi")).to_be_visible()
    message = ContactMessage.objects.get()
    expect(page.locator(".contact-sent__reference")).to_contain_text(message.reference)
    assert sorted(email.to[0] for email in mail.outbox) == [
        "thu.do@example.com",
        "vanphong@example.gov.vn",
    ]
    assert fits_the_phone(page)

    moderator = django_user_model.objects.create_user(
        "kiemduyet", password="mat-khau-kiem-duyet", is_staff=True
    )
    give_role(moderator, Role.MODERATOR)
    admin = browser.new_context(locale="vi-VN", base_url=live_server.url, viewport=PHONE)
    staff = admin.new_page()
    staff.goto("/admin/contact/contactmessage/")
    staff.fill("#id_username", "kiemduyet")
    staff.fill("#id_password", "mat-khau-kiem-duyet")
    staff.get_by_role("button", name="Đăng nhập").click()
    expect(staff.locator(".contact-waiting")).to_contain_text("Văn phòng HĐND và UBND: 1 mới")
    staff.get_by_role("link", name="Lịch thu gom rác").click()
    expect(staff.locator(".contact-message")).to_contain_text("lịch thu gom rác")
    assert fits_the_phone(staff)
    staff.get_by_role("textbox", name="Trả lời").fill(ANSWER)
    staff.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(staff.locator(".messagelist")).to_contain_text("thu.do@example.com")
    admin.close()

    message.refresh_from_db()
    assert message.status == ContactMessage.Status.ANSWERED and message.handled_by == moderator
    answered = mail.outbox[-1]
    assert answered.to == ["thu.do@example.com"] and ANSWER in answered.body
