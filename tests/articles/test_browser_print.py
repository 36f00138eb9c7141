"""An article prints cleanly: no navigation, the text, and the comments only when asked."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "Phường tổ chức lễ ra quân tổng vệ sinh môi trường."


@pytest.fixture
def article():
    article = make_article(title="Ra quân vệ sinh môi trường", body=f"<p>{BODY}</p>")
    Comment.objects.create(
        target=article, name="Đỗ Thị Hoa", text="Rất đồng tình.", status=Comment.Status.APPROVED
    )
    article.comment_count = 1
    article.save()
    return article


def test_the_article_page_prints_the_article_without_the_site_around_it(page, article):
    page.goto(article.get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator(".article__body")).to_contain_text(BODY)
    expect(page.locator(".article__title")).to_be_visible()
    for hidden in [
        ".site-header",
        ".main-nav",
        ".site-footer",
        ".layout__sidebar",
        ".comment-form",
        ".share",
        ".rating__form",
        ".breadcrumb",
    ]:
        expect(page.locator(hidden).first).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.locator(".comment-form")).to_be_visible()


def test_the_print_view_prints_the_comments_only_when_the_reader_asks(page, article):
    page.goto(f"{article.get_absolute_url()}in/")
    page.emulate_media(media="print")
    expect(page.locator(".article__body")).to_contain_text(BODY)
    expect(page.locator(".print__site")).to_be_visible()
    expect(page.locator(".print__actions")).to_be_hidden()
    expect(page.locator(".print__choice")).to_be_hidden()
    expect(page.locator("nav, .comment-form, .main-nav, .site-header")).to_have_count(0)
    expect(page.get_by_text("Rất đồng tình.")).to_have_count(0)

    page.emulate_media(media="screen")
    page.get_by_label("In kèm ý kiến bạn đọc").check()
    page.get_by_role("button", name="Áp dụng").click()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?binh-luan=1")
    page.emulate_media(media="print")
    expect(page.get_by_text("Rất đồng tình.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ý kiến bạn đọc")).to_be_visible()
    expect(page.locator(".comment-form")).to_have_count(0)
