import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    news = make_category("Tin tức - Sự kiện", order=1)
    government = make_category("Chính quyền", order=2)
    council = make_category("Hội đồng nhân dân", parent=government)
    make_category("Chuyên mục ẩn", is_active=False)
    for n in range(12):
        make_article(category=council if n % 2 else news, title=f"Bản tin số {n} của phường")
    return news


def test_home_page_has_the_layout(client, site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert settings.PORTAL_SITE_NAME in html
    assert 'class="skip-link" href="#main"' in html
    assert 'class="main-nav"' in html
    assert "Tin tức - Sự kiện" in html
    assert "Hội đồng nhân dân" in html
    assert "Chuyên mục ẩn" not in html
    assert 'class="layout__sidebar"' in html
    assert settings.PORTAL_OFFICE_ADDRESS in html
    assert settings.PORTAL_OFFICE_PHONE in html
    assert "Tin mới" in html


def test_home_page_query_count(client, site, django_assert_max_num_queries, no_page_cache):
    client.get("/")  # warm the navigation cache
    with django_assert_max_num_queries(4):
        response = client.get("/")
    assert sum(len(articles) for _category, articles in response.context["sections"]) == 8


def test_english_is_chosen_with_the_language_switch(client, site):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Latest news" in html


def test_vietnamese_stays_the_default_for_english_browsers(client, site):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html


def test_unknown_language_cookie_falls_back_to_vietnamese(client, site):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_category_page_lists_its_subcategories_articles(client, site):
    government = site.__class__.objects.get(name="Chính quyền")
    response = client.get(government.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["articles"]) == 6


def test_inactive_category_is_not_found(client, site):
    hidden = site.__class__.objects.get(name="Chuyên mục ẩn")
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_pagination(client, site):
    news = site.__class__.objects.get(name="Tin tức - Sự kiện")
    for n in range(6):
        make_article(category=news, title=f"Tin bổ sung {n}")
    page_two = client.get(news.get_absolute_url(), {"page": 2})
    assert page_two.status_code == 200
    assert len(page_two.context["articles"]) == 2
    assert client.get(news.get_absolute_url(), {"page": 99}).status_code == 404
