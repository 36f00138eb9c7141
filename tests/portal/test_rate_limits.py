"""Rate limits per client address: 429 with a Vietnamese message and Retry-After."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}


@pytest.fixture
def limits(settings):
    settings.PORTAL_RATE_LIMITS = {
        "articles:search": (3, 60),
        "comments:post": (2, 60),
        "set_language": (2, 60),
    }
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1


def reader(address):
    return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address, **READER)


def test_searches_beyond_the_limit_are_refused_with_a_way_back(limits, no_page_cache):
    client = reader("203.0.113.5")
    for n in range(3):
        assert client.get(reverse("articles:search"), {"q": f"tin {n}"}).status_code == 200
    refused = client.get(reverse("articles:search"), {"q": "tin 4"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    html = refused.content.decode()
    assert "Bạn đã gửi quá nhiều yêu cầu" in html
    assert reverse("articles:home") in html
    other = reader("203.0.113.6").get(reverse("articles:search"), {"q": "tin"})
    assert other.status_code == 200


def test_cached_pages_are_never_refused(limits):
    make_article(title="Tin mới")
    client = reader("203.0.113.7")
    client.get(reverse("articles:search"), {"q": "tin"})
    for _ in range(5):
        page = client.get(reverse("articles:search"), {"q": "tin"})
        assert (page.status_code, page["X-Page-Cache"]) == (200, "hit")


def test_a_refused_write_changes_nothing_and_answers_json_to_scripts(limits):
    article = make_article()
    url = reverse("comments:post", args=["bai-viet", article.pk])
    client = reader("203.0.113.8")
    for _ in range(2):
        client.post(url, {"text": "x"})
    refused = client.post(url, {"text": "Ý kiến"}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert "quá nhiều yêu cầu" in refused.json()["error"]
    assert not Comment.objects.exists()


def test_the_limit_follows_the_address_the_proxy_saw_not_what_the_client_wrote(limits):
    url = reverse("set_language")
    for n in range(2):
        forged = f"198.51.100.{n}, 203.0.113.9"  # the client wrote the first, nginx the last
        assert reader(forged).post(url, {"language": "en"}).status_code == 302
    assert reader("192.0.2.1, 203.0.113.9").post(url, {"language": "en"}).status_code == 429
