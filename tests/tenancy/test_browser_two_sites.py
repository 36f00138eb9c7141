"""Two wards, two staff accounts, in a browser at 1280 px: each writes on their own ward's
admin, each public site shows only its own article, and a ward's staff are refused from the
other's admin (then each home at 360 px, under var/screenshots, to look at).

The live server's host serves the first site; the second answers on `ninhhai.localhost` (with
the live server's port), which Chromium resolves to the loopback address."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from articles.models import Article
from tenancy.roles import Role
from tenancy.services import add_site
from tenancy.testing import give_role
from tests.conftest import READER_AGENT, is_csp_violation
from tests.factories import first_site, make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFUSED = "Tài khoản này không có quyền truy cập trang quản trị của cổng thông tin này"
SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def base_url(live_server, host):
    return f"http://{host}:{urlsplit(live_server.url).port}"


def open_page(browser, url, width=1280):
    context = browser.new_context(
        locale="vi-VN",
        base_url=url,
        user_agent=READER_AGENT,
        viewport={"width": width, "height": 900},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.blocked = []
    page.on(
        "console", lambda message: is_csp_violation(message.text) and page.blocked.append(message)
    )
    return page


def close(page):
    page.context.close()
    assert not [message.text for message in page.blocked], (
        "the Content-Security-Policy blocked this"
    )


def sign_in(page, username):
    page.goto("/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-bien-tap")
    page.get_by_role("button", name="Đăng nhập").click()


def write_article(page, title, category):
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill(f"Tóm tắt: {title}.")
    page.locator("#id_category").select_option(str(category.pk))
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(f"Nội dung: {title}.")
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def staff(django_user_model, username, site):
    user = django_user_model.objects.create_user(
        username, password="mat-khau-bien-tap", is_staff=True
    )
    return give_role(user, Role.PUBLISHER, site)


@pytest.fixture
def wards(live_server, django_user_model):
    """{name: (site, its base url, its staff account's username, its category)}."""
    ours = first_site()
    theirs, _created = add_site("ninhhai.localhost", "Cổng thông tin điện tử xã Ninh Hải")
    live_host = urlsplit(live_server.url).hostname
    wards = {}
    for name, site, host in [("a", ours, live_host), ("b", theirs, "ninhhai.localhost")]:
        username = f"bientap.{name}"
        staff(django_user_model, username, site)
        category = make_category("Tin hoạt động", site=site, slug="tin-hoat-dong")
        wards[name] = (site, base_url(live_server, host), username, category)
    return wards


def test_two_wards_two_editors_each_on_their_own_site(browser, wards):
    titles = {"a": "Phường ra quân dọn vệ sinh", "b": "Xã Ninh Hải khai giảng lớp học nghề"}
    for name, (_site, url, username, category) in wards.items():
        page = open_page(browser, url)
        sign_in(page, username)
        expect(page.locator("#user-tools")).to_contain_text(username)
        write_article(page, titles[name], category)
        close(page)

    for name, (site, url, _username, _category) in wards.items():
        article = Article.objects.get(title=titles[name])
        assert article.site == site and article.status == Article.Status.PUBLISHED
        other = titles["b" if name == "a" else "a"]
        reader = open_page(browser, url)
        reader.goto("/")
        expect(reader.get_by_role("main")).to_contain_text(titles[name])
        expect(reader.get_by_role("main")).not_to_contain_text(other)
        other_article = Article.objects.get(title=other)
        assert reader.goto(other_article.get_absolute_url()).status == 404
        assert reader.goto(article.get_absolute_url()).status == 200
        close(reader)

    _site, b_url, _username, _category = wards["b"]
    intruder = open_page(browser, b_url)
    sign_in(intruder, wards["a"][2])
    expect(intruder.get_by_text(REFUSED)).to_be_visible()
    assert "/admin/login/" in intruder.url
    assert intruder.goto("/admin/articles/article/").url.startswith(f"{b_url}/admin/login/")
    close(intruder)

    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, (_site, url, _username, _category) in wards.items():
        phone = open_page(browser, url, width=360)
        phone.goto("/")
        expect(phone.get_by_role("main")).to_contain_text(titles[name])
        phone.screenshot(path=SHOTS / f"two-sites-{name}-360.png")
        close(phone)
