"""The admin works under its Content-Security-Policy (settings.PORTAL_CSP_ADMIN): no page an
editor uses logs a CSP violation nor a script error, in Chromium (Playwright).

What the policy still allows beyond the public one is listed in README.md (Security)."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Category
from comments.models import Comment
from tests.factories import make_article, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Console:
    """CSP violations, Permissions-Policy complaints and script errors, by page."""

    def __init__(self, page):
        self.page = page
        self.found = []
        page.on("console", self.message)
        page.on("pageerror", lambda error: self.found.append((page.url, f"error: {error}")))

    def message(self, message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            self.found.append((self.page.url, text))

    def assert_clean(self):
        report = "\n".join(f"{url}: {text}" for url, text in self.found)
        assert not self.found, f"the admin broke its policy:\n{report}"


@pytest.fixture
def content():
    article = make_article(title="Thông báo lịch tiếp công dân")
    article.tags.add(make_tag(name="Tiếp công dân"))
    Comment.objects.create(target=article, name="Bạn đọc", text="Cảm ơn", status="pending")
    return article


def test_admin_pages_an_editor_uses_break_no_policy(staff_page, content):
    page = staff_page
    console = Console(page)
    for address in [
        "/admin/",
        "/admin/articles/article/?status__exact=published&q=th%C3%B4ng",
        "/admin/comments/comment/",
        "/admin/articles/category/",
        f"/admin/articles/article/{content.pk}/history/",
        f"/admin/articles/article/{content.pk}/delete/",
        "/admin/stats/dailyvisits/reports/",
        "/admin/library/picture/picker/",
        "/admin/library/attachment/",
        "/admin/library/attachment/add/",
        "/admin/password_change/",
        "/admin/xac-thuc-hai-buoc/",
    ]:
        page.goto(address)
        expect(page.locator("#content")).to_be_visible()

    page.goto("/admin/articles/article/")
    page.locator("#changelist-filter details summary").first.click()
    page.locator("select[name=action]").select_option("publish")
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter")).to_contain_text("1")

    page.goto(f"/admin/articles/article/{content.pk}/change/")
    expect(page.locator(".ProseMirror[contenteditable=true]")).to_be_visible()
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(" Thêm một câu.")
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0")).to_be_visible()
    page.locator("#calendarbox0 .calendar-shortcuts a").first.click()
    page.locator("#clocklink0").click()
    page.locator("#clockbox0 a").first.click()
    page.locator("#id_tags").locator("..").locator(".select2-selection").click()
    page.keyboard.type("Tiếp")
    expect(page.locator(".select2-results__option").first).to_contain_text("Tiếp công dân")
    page.keyboard.press("Escape")

    with page.expect_popup() as opened:
        page.locator("#add_id_category").click()
    popup = opened.value
    popup_console = Console(popup)
    popup.locator("#id_name").fill("Văn bản mới")
    popup.locator("input[name=_save]").click()
    popup.wait_for_event("close")
    expect(page.locator("#id_category option:checked")).to_have_text("Văn bản mới")
    assert Category.objects.filter(name="Văn bản mới").exists()

    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert "Thêm một câu." in Article.objects.get(pk=content.pk).body
    console.assert_clean()
    popup_console.assert_clean()


def test_the_sign_in_page_breaks_no_policy(page):
    console = Console(page)
    page.goto("/admin/login/")
    expect(page.locator("input[name=username]")).to_be_visible()
    console.assert_clean()
