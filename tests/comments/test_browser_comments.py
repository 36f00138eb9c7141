"""A reader comments with the security code; a moderator approves it (Playwright + Chromium)."""

import re

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from comments.models import Comment
from tenancy.testing import give_role
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Đề nghị phường sửa lại đèn đường ở ngõ 7,\nbuổi tối rất tối."


def answer(page):
    key = page.locator("input[name=captcha_0]").input_value()
    return CaptchaStore.objects.get(hashkey=key).response


def test_reader_comments_and_a_moderator_approves(page, browser, live_server, django_user_model):
    page.set_viewport_size({"width": 360, "height": 740})
    article = make_article(title="Góp ý chỉnh trang đô thị")
    page.goto(article.get_absolute_url())
    form = page.locator("#comment-form")
    form.get_by_label("Họ và tên").fill("Trần Thị Bình")
    form.get_by_label("Thư điện tử").fill("binh@example.vn")
    form.get_by_label("Nội dung bình luận").fill(TEXT)

    expect(page.locator("input[name=captcha_0]")).not_to_have_value("")
    first_key = page.locator("input[name=captcha_0]").input_value()
    form.get_by_role("button", name="Đổi mã khác").click()
    expect(page.locator("input[name=captcha_0]")).not_to_have_value(first_key)

    form.get_by_label("Mã bảo mật").fill("SAI00")
    form.get_by_role("button", name="Gửi bình luận").click()
    expect(page.get_by_text("Mã bảo mật không chính xác")).to_be_visible()
    expect(form.get_by_label("Nội dung bình luận")).to_have_value(TEXT)
    expect(form.get_by_label("Họ và tên")).to_have_value("Trần Thị Bình")
    expect(form.get_by_label("Mã bảo mật")).to_have_value("")

    form.get_by_label("Mã bảo mật").fill(answer(page))
    form.get_by_role("button", name="Gửi bình luận").click()
    notice = page.locator("#binh-luan-thong-bao")
    expect(notice).to_have_text("Bình luận của bạn sẽ hiển thị sau khi được kiểm duyệt")
    expect(notice).to_be_in_viewport()  # on a phone, not at the top of the page
    expect(notice).to_be_focused()
    expect(page.locator(".comment__text")).to_have_count(0)

    moderator = django_user_model.objects.create_user(
        "kiemduyet", password="mat-khau-kiem-duyet", is_staff=True
    )
    give_role(moderator, "Người kiểm duyệt")
    admin = browser.new_context(locale="vi-VN", base_url=live_server.url).new_page()
    admin.goto("/admin/comments/comment/")
    admin.fill("#id_username", "kiemduyet")
    admin.fill("#id_password", "mat-khau-kiem-duyet")
    admin.get_by_role("button", name="Đăng nhập").click()
    row = admin.locator("#result_list tbody tr", has_text="Trần Thị Bình")
    expect(row).to_contain_text("Góp ý chỉnh trang đô thị")
    row.locator("input.action-select").check()
    admin.locator("select[name=action]").select_option("approve")
    admin.locator("button[name=index]").click()
    expect(admin.locator(".messagelist")).to_be_visible()
    assert Comment.objects.get().status == Comment.Status.APPROVED
    admin.context.close()

    page.reload()
    comment = page.locator(".comment", has_text="Trần Thị Bình")
    expect(comment.locator(".comment__text")).to_have_text(re.compile("buổi tối rất tối"))
    expect(comment.locator(".comment__time")).to_have_text("vừa xong")
    expect(page.locator(".comments__count")).to_have_text("(1)")
