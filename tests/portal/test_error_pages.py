"""Error pages 400/403/404/500 in the site's layout, in the reader's language, with a way back."""

from unittest import mock

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}

PAGES = [
    ("/thu-loi/400/", 400, "Yêu cầu không hợp lệ", "Bad request"),
    ("/thu-loi/403/", 403, "Không có quyền truy cập", "Access denied"),
    ("/khong-co-trang-nay/", 404, "Không tìm thấy trang", "Page not found"),
    ("/thu-loi/500/", 500, "Trang web đang gặp sự cố", "The site is having a problem"),
]


class BrokenCache(BaseCache):
    """A cache server that does not answer."""

    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise ConnectionError("the cache is down")

    add = get = set = touch = delete = incr = get_many = set_many = delete_many = _down
    has_key = _down

    def clear(self):
        pass


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.portal.error_urls"


def reader(language=None):
    client = Client(raise_request_exception=False, **READER)
    if language:
        client.cookies["django_language"] = language
    return client


def assert_way_back(html):
    assert f'href="{reverse("articles:home")}"' in html
    assert f'action="{reverse("articles:search")}"' in html
    assert 'name="q"' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "Phù Vân" in html


@pytest.mark.parametrize(("path", "status", "vietnamese", "english"), PAGES)
def test_error_pages_are_in_the_layout_in_vietnamese(production, path, status, vietnamese, english):
    response = reader().get(path)
    assert response.status_code == status
    html = response.content.decode()
    assert "<h1" in html and vietnamese in html
    assert "Về trang chủ" in html
    assert '<meta name="robots" content="noindex">' in html
    assert_way_back(html)


@pytest.mark.parametrize(("path", "status", "vietnamese", "english"), PAGES)
def test_error_pages_speak_english_to_a_reader_who_chose_it(
    production, path, status, vietnamese, english
):
    response = reader("en").get(path)
    assert response.status_code == status
    html = response.content.decode()
    assert english in html and vietnamese not in html
    assert "Back to the home page" in html
    assert '<html lang="en">' in html


def test_a_refused_form_says_so_in_the_layout(production):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False, **READER)
    response = client.post(reverse("articles:rate", args=["bai-bat-ky"]), {"score": "5"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in html
    assert_way_back(html)


def test_the_server_error_page_renders_with_the_database_and_the_cache_down(production, settings):
    settings.CACHES = {"default": {"BACKEND": "tests.portal.test_error_pages.BrokenCache"}}
    down = OperationalError("the database is down")
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=down):
        response = reader().get(reverse("articles:home"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Trang web đang gặp sự cố" in html
    assert "/static/portal/css/site.css" in html
    assert_way_back(html)
