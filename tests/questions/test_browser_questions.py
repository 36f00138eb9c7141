"""The whole journey on phones (Playwright + Chromium, 360 px): a reader asks and gets a
tracking code; a moderator signs in, answers in the editor and publishes with the name
shortened; the reader follows the e-mailed link and reads the answer."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from questions.models import Question
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.contact.test_browser_contact import answer, assert_accessible, fits_the_phone

from .helpers import sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
QUESTION = "Con tôi mới sinh ở bệnh viện tỉnh,\nđăng ký khai sinh cần mang giấy tờ gì?"
ANSWER = "Ông mang giấy chứng sinh và căn cước của cha mẹ đến Bộ phận một cửa."


def ask(page):
    page.goto("/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi").click()
    form = page.locator("#question-form")
    form.get_by_role("textbox", name="Họ và tên").fill("Nguyễn Văn An")
    form.get_by_role("textbox", name="Thư điện tử").fill("an.nguyen@example.com")
    form.get_by_role("textbox", name="Tổ dân phố").fill("Tổ dân phố số 3")
    form.get_by_label("Lĩnh vực").select_option(label="Hộ tịch")
    form.get_by_role("textbox", name="Tiêu đề").fill("Đăng ký khai sinh cho con")
    form.get_by_role("textbox", name="Câu hỏi").fill(QUESTION)
    expect(page.locator("input[name=captcha_0]")).not_to_have_value("")
    form.get_by_role("textbox", name="Mã bảo mật").fill("SAI00")
    form.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.get_by_text("Mã bảo mật không chính xác")).to_be_visible()
    expect(form.get_by_role("textbox", name="Câu hỏi")).to_have_value(QUESTION)
    assert fits_the_phone(page)
    assert_accessible(page)
    expect(page.locator("input[name=captcha_0]")).not_to_have_value("")
    form.get_by_role("textbox", name="Mã bảo mật").fill(answer(page))
    form.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.get_by_role("heading", name="Câu hỏi của bạn đã được gửi")).to_be_visible()


def answer_and_publish(staff):
    staff.goto("/admin/questions/question/")
    staff.fill("#id_username", "kiemduyet")
    staff.fill("#id_password", "mat-khau-kiem-duyet")
    staff.get_by_role("button", name="Đăng nhập").click()
    staff.get_by_role("link", name="Đăng ký khai sinh cho con").click()
    expect(staff.locator(".question-text")).to_contain_text("bệnh viện tỉnh")
    editor = staff.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    staff.keyboard.type(ANSWER)
    staff.locator("#id_name_shown").select_option("short")
    staff.get_by_label("Đăng câu hỏi và câu trả lời").check()
    staff.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    assert fits_the_phone(staff)


def test_a_reader_asks_staff_answer_and_the_reader_reads_it_from_the_e_mail(
    page, browser, live_server, django_user_model
):
    sector("Hộ tịch")
    page.set_viewport_size(PHONE)
    ask(page)
    question = Question.objects.get()
    expect(page.locator("#tracking-code")).to_have_text(question.code)
    receipt = next(email for email in mail.outbox if email.to == ["an.nguyen@example.com"])
    assert question.code in receipt.body

    moderator = django_user_model.objects.create_user(
        "kiemduyet", password="mat-khau-kiem-duyet", is_staff=True
    )
    give_role(moderator, Role.MODERATOR)
    admin = browser.new_context(locale="vi-VN", base_url=live_server.url, viewport=PHONE)
    answer_and_publish(admin.new_page())
    admin.close()
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.answered_by == moderator

    published = mail.outbox[-1]
    assert published.to == ["an.nguyen@example.com"]
    path = re.search(r"https?://[^/\s]+(/hoi-dap/\S+)", published.body).group(1)
    page.goto(path)
    expect(page.locator("h1")).to_have_text("Đăng ký khai sinh cho con")
    expect(page.locator(".question__answer")).to_contain_text("giấy chứng sinh")
    expect(page.locator(".question__meta").first).to_contain_text("Nguyễn V. A.")
    expect(page.get_by_text("an.nguyen@example.com")).to_have_count(0)
    assert fits_the_phone(page)
    assert_accessible(page)
    page.goto(f"/hoi-dap/tra-cuu/?ma={question.code}")
    expect(page.locator("#question-status")).to_have_text("Đã đăng")
