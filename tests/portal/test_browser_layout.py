"""Browser journeys for the layout and the idle notice (Playwright + Debian's Chromium)."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IDLE_TIMEOUT = 8
IDLE_WARNING = 5


@pytest.fixture
def short_idle(settings):
    settings.PORTAL_IDLE_TIMEOUT = IDLE_TIMEOUT
    settings.PORTAL_IDLE_WARNING = IDLE_WARNING


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_home_page_renders_the_layout_on_a_phone_and_a_desktop(page):
    call_command("seed_demo")
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/")
        expect(page.locator(".brand__name")).to_have_text("Cổng thông tin điện tử phường Phù Vân")
        expect(page.get_by_role("navigation", name="Menu chính")).to_be_visible()
        expect(page.locator(".lead-article")).to_have_count(1)
        expect(page.locator(".section")).to_have_count(5)
        expect(page.get_by_role("heading", name="Tin mới")).to_be_visible()
        expect(page.locator(".site-footer")).to_contain_text("Phù Vân")
        assert horizontal_overflow(page) <= 0, f"horizontal scrolling at {width}px"
    page.locator(".card__title a").first.click()
    expect(page.locator(".article__dateline")).to_have_text(re.compile(r" - \d\d/\d\d/\d{4} "))
    page.set_viewport_size({"width": 360, "height": 800})
    for path in [page.url, "/tim-kiem/?q=phu+van", page.url.rstrip("/") + "/in/"]:
        page.goto(path)
        assert horizontal_overflow(page) <= 0, f"horizontal scrolling at 360px on {path}"


def test_idle_notice_counts_down_and_a_click_keeps_the_session(staff_page, short_idle):
    page = staff_page
    page.goto("/")
    notice = page.locator("#idle-notice")
    expect(notice).to_be_hidden()
    expect(notice).to_be_visible(timeout=(IDLE_TIMEOUT - IDLE_WARNING + 2) * 1000)
    text = " ".join(notice.inner_text().split())
    assert re.fullmatch(
        r"Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập\. "
        r"Thời gian chờ: \d giây",
        text,
    ), text
    first = int(page.locator(".idle-notice__seconds").inner_text())
    page.wait_for_timeout(1100)
    assert int(page.locator(".idle-notice__seconds").inner_text()) < first

    with page.expect_response("**/tai-khoan/duy-tri/") as keep_alive:
        page.get_by_role("button", name="Bấm vào đây để duy trì trạng thái đăng nhập").click()
    assert keep_alive.value.status == 200
    expect(notice).to_be_hidden()

    # Past the moment the server would have ended the session without the click.
    page.wait_for_timeout((IDLE_WARNING - 1) * 1000)
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#user-tools")).to_contain_text("bientap")


def test_activity_in_another_tab_keeps_this_tab_signed_in(staff_page, short_idle):
    idle_tab = staff_page
    idle_tab.goto("/")
    busy_tab = idle_tab.context.new_page()
    busy_tab.goto("/")
    for step in range(IDLE_TIMEOUT + 2):
        busy_tab.mouse.move(10 + step * 5, 200)
        busy_tab.wait_for_timeout(1000)
        expect(idle_tab.locator("#idle-notice")).to_be_hidden()
    # The busy tab's pings kept the server session alive too.
    idle_tab.goto("/admin/")
    expect(idle_tab).to_have_url(re.compile(r"/admin/$"))


def test_at_zero_the_user_is_signed_out_and_the_half_written_form_comes_back(
    staff_page, short_idle
):
    page = staff_page
    page.goto("/admin/articles/category/add/")
    page.fill("#id_name", "Chuyên mục đang soạn dở")
    page.fill("#id_description", "Mô tả chưa kịp lưu")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next="), timeout=15_000)
    expect(page.locator("#idle-notice")).to_have_count(0)

    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mat-khau-dai-123")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/category/add/$"))
    expect(page.locator("#id_name")).to_have_value("Chuyên mục đang soạn dở")
    expect(page.locator("#id_description")).to_have_value("Mô tả chưa kịp lưu")
    expect(page.locator(".idle-restored")).to_be_visible()


def test_no_page_type_scrolls_sideways_on_a_phone(page, settings):
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    call_command("seed_demo")
    from articles.models import Article, Tag
    from tests.factories import first_site

    article = Article.objects.for_site(first_site()).published().exclude(cover_image="").first()
    pages = [
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        f"{article.get_absolute_url()}in/",
        "/tim-kiem/?q=phu+van",
        Tag.objects.for_site(first_site())
        .filter(articles__isnull=False)
        .first()
        .get_absolute_url(),
        "/khong-co-trang-nay/",
        "/thu-loi/403/",
        "/thu-loi/500/",
    ]
    page.set_viewport_size({"width": 360, "height": 800})
    for path in pages:
        page.goto(path)
        assert horizontal_overflow(page) <= 0, f"horizontal scrolling at 360px on {path}"
    settings.PORTAL_RATE_LIMITS = {"articles:search": (0, 60)}
    response = page.goto("/tim-kiem/?q=qua+nhieu")
    assert response.status == 429
    assert horizontal_overflow(page) <= 0, "horizontal scrolling at 360px on the 429 page"
