"""Security headers and cookies of the site's responses."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from portal.security import sha256_source
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def directives(response):
    parts = (part.strip().split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in parts}


@pytest.fixture
def article():
    article = make_article(title="Thông báo tiêm chủng")
    article.tags.add(make_tag(name="Y tế", slug="y-te"))
    return article


def public_pages(article):
    return [
        "/",
        article.get_absolute_url(),
        reverse("articles:print", args=[article.slug]),
        article.category.get_absolute_url(),
        reverse("articles:tag", args=[article.tags.get().slug]),
        reverse("articles:search") + "?q=tiem+chung",
        "/khong-co-trang-nay/",
    ]


def test_public_pages_run_only_the_sites_script_files(article):
    for url in public_pages(article):
        for attempt in ("first", "from the page cache"):
            response = Client(**READER).get(url)
            policy = directives(response)
            assert policy["script-src"] == ["'self'"], (url, attempt)
            assert policy["style-src"] == ["'self'"], (url, attempt)
            assert policy["frame-ancestors"] == ["'none'"]
            assert policy["object-src"] == ["'none'"]
            html = response.content.decode()
            assert not INLINE_SCRIPT.search(html), url
            assert not INLINE_HANDLER.search(html), url


def test_the_admin_runs_no_inline_script_but_the_editors_import_map(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("admin:articles_article_add"))
    policy = directives(response)
    import_maps = re.findall(
        r'<script type="importmap">(.*?)</script>', response.content.decode(), re.S
    )
    hashes = [sha256_source(import_map) for import_map in import_maps]
    assert len(hashes) == 1
    assert policy["script-src"] == ["'self'", *hashes]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["style-src-attr"] == ["'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_other_headers_of_a_page(article):
    response = Client(**READER).get(article.get_absolute_url())
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_every_response_refuses_the_browser_features_the_site_does_not_use(
    article, client, staff_user
):
    reader = Client(**READER)
    responses = [reader.get(url) for url in public_pages(article)]
    responses += [reader.get("/robots.txt"), reader.get("/rss/"), reader.get("/healthz")]
    responses.append(reader.get(reverse("admin:index")))  # the sign-in redirect
    client.force_login(staff_user)
    responses.append(client.get(reverse("admin:articles_article_changelist")))
    for response in responses:
        features = dict(
            feature.strip().split("=") for feature in response["Permissions-Policy"].split(",")
        )
        denied = {"camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"}
        assert {features[name] for name in denied} == {"()"}, response.request["PATH_INFO"]


def test_cookies_are_secure_httponly_and_same_site_in_production(article, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    reader = Client(**READER)
    page = reader.get(article.get_absolute_url())
    switched = reader.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookies = {**page.cookies, **switched.cookies}
    assert {"pv", "csrftoken", settings.LANGUAGE_COOKIE_NAME} <= set(cookies)
    for name, cookie in cookies.items():
        assert cookie["secure"], name
        assert cookie["samesite"] == "Lax", name
        # The CSRF cookie is read by the picture upload script: Django's default, not HttpOnly.
        assert cookie["httponly"] or name == "csrftoken", name
