"""Without JavaScript a reader still reads, rates and comments (progressive enhancement)."""

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from articles.models import Article
from comments.models import Comment
from tests.conftest import READER_AGENT
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        user_agent=READER_AGENT,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def expect_where_the_reader_is(notice, text):
    """On a phone the thank-you is on screen, and focused, not off-screen at the top."""
    expect(notice).to_contain_text(text)
    expect(notice).to_be_in_viewport()
    expect(notice).to_be_focused()


def test_a_reader_without_javascript_reads_rates_and_comments(page):
    page.set_viewport_size({"width": 360, "height": 740})
    article = make_article(
        title="Lịch tiếp công dân tháng này", body="<p>Chủ tịch phường tiếp công dân.</p>"
    )
    page.goto(article.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Lịch tiếp công dân tháng này")
    expect(page.locator(".article__body")).to_contain_text("Chủ tịch phường tiếp công dân.")

    page.locator("label[for=rating-star-4]").click()
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect_where_the_reader_is(page.locator("#danh-gia-thong-bao"), "Cảm ơn bạn đã đánh giá")
    article.refresh_from_db()
    assert (article.rating_sum, article.rating_count) == (4, 1)

    form = page.locator("#comment-form")
    form.get_by_label("Họ và tên").fill("Ngô Văn Lâm")
    form.get_by_label("Thư điện tử").fill("lam@example.vn")
    form.get_by_label("Nội dung bình luận").fill("Xin hỏi lịch tiếp công dân tháng sau.")
    form.get_by_role("button", name="Hiện mã bảo mật").click()
    expect(form.locator("img.captcha__image")).to_be_visible()
    expect(form.get_by_label("Nội dung bình luận")).to_have_value(
        "Xin hỏi lịch tiếp công dân tháng sau."
    )
    key = form.locator("input[name=captcha_0]").input_value()
    form.get_by_label("Mã bảo mật").fill(CaptchaStore.objects.get(hashkey=key).response)
    form.get_by_role("button", name="Gửi bình luận").click()
    expect_where_the_reader_is(
        page.locator("#binh-luan-thong-bao"),
        "Bình luận của bạn sẽ hiển thị sau khi được kiểm duyệt",
    )
    comment = Comment.objects.get()
    assert (comment.name, comment.status) == ("Ngô Văn Lâm", Comment.Status.PENDING)
    assert Article.objects.get().rating_count == 1
