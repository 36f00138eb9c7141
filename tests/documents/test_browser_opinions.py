"""A reader on a phone sends an opinion on a draft put out for public opinion, and finds the
form closed on a draft whose deadline has passed (Playwright + Chromium)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment
from tests.comments.test_browser_comments import answer
from tests.documents.helpers import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPINION = "Đề nghị ghi rõ thời hạn trả lời kiến nghị của cử tri\nlà 15 ngày làm việc."


def draft(abstract, days_left):
    return make_document(
        number="",
        abstract=abstract,
        opinion_until=timezone.now() + timedelta(days=days_left),
        show_opinions=True,
    )


def test_a_reader_sends_an_opinion_on_an_open_draft(page, live_server):
    open_draft = draft("Dự thảo quy chế tiếp công dân phường Phù Vân", 10)
    closed = draft("Dự thảo kế hoạch chỉnh trang đô thị năm 2026", -2)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/van-ban/du-thao/")
    page.get_by_role("link", name=open_draft.abstract).first.click()
    expect(page.get_by_role("heading", name="Góp ý dự thảo")).to_be_visible()
    form = page.locator("#comment-form")
    form.get_by_label("Họ và tên").fill("Lê Thị Hoa")
    form.get_by_label("Thư điện tử").fill("hoa@example.vn")
    form.get_by_label("Nội dung bình luận").fill(OPINION)
    expect(page.locator("input[name=captcha_0]")).not_to_have_value("")
    form.get_by_label("Mã bảo mật").fill(answer(page))
    form.get_by_role("button").filter(has_text="Gửi").first.click()
    notice = page.locator("#binh-luan-thong-bao")
    expect(notice).to_be_visible()
    expect(notice).to_be_focused()
    opinion = Comment.objects.get()
    assert opinion.target == open_draft
    assert opinion.text.splitlines() == OPINION.splitlines()

    page.goto(closed.get_absolute_url())
    expect(page.get_by_text("Đã hết thời hạn góp ý cho dự thảo này.")).to_be_visible()
    expect(page.locator("#comment-form")).to_have_count(0)
