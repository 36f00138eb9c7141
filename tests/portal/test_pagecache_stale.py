"""A page past its lifetime is served as it was while it is made again after the response; a
page whose content changed is made again by one request while others get the previous copy."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from portal import counters, pagecache
from tests.factories import make_article
from tests.portal.test_pagecache import reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60
    settings.PORTAL_PAGE_CACHE_STALE_SECONDS = 60
    return make_article(title="Lịch tiếp công dân tháng Mười hai")


@pytest.fixture
def later(monkeypatch):
    """Move the clock `seconds` on (the cache's own expiry keeps real time)."""

    def move(seconds):
        moment = timezone.now() + timedelta(seconds=seconds)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


def retitle_quietly(article, title):
    """A change the page cache is not told of, as a view count is: only time renews it."""
    Article.objects.filter(pk=article.pk).update(title=title)


def held_by_another(response):
    """Take the lock on making the page of `response` again, as a request in progress would."""
    request = response.wsgi_request
    key = pagecache.page_key(request, request.canonical_path)
    assert cache.add(pagecache.rebuild_key(key), 1, 10)


def test_past_its_lifetime_a_page_is_served_then_made_again_after_the_response(
    article, later, django_assert_max_num_queries
):
    url = article.get_absolute_url()
    assert reader().get(url)["X-Page-Cache"] == "miss"
    retitle_quietly(article, "Lịch tiếp công dân đã đổi")
    later(61)
    stale = reader("198.51.100.7").get(url)
    assert stale["X-Page-Cache"] == "stale"
    assert "Lịch tiếp công dân tháng Mười hai" in stale.content.decode()
    with django_assert_max_num_queries(0):
        fresh = reader("198.51.100.8").get(url)
    assert fresh["X-Page-Cache"] == "hit"
    assert "Lịch tiếp công dân đã đổi" in fresh.content.decode()


def test_while_one_request_makes_a_page_again_the_others_get_the_copy(article, later):
    url = article.get_absolute_url()
    held_by_another(reader().get(url))
    retitle_quietly(article, "Lịch tiếp công dân đã đổi")
    later(61)
    for n in range(3):
        response = reader(f"198.51.100.{n}").get(url)
        assert response["X-Page-Cache"] == "stale"
        assert "tháng Mười hai" in response.content.decode()


def test_a_changed_page_is_made_again_before_it_is_served(article, committed):
    url = article.get_absolute_url()
    reader().get(url)
    with committed():
        article.title = "Lịch tiếp công dân mới"
        article.save()
    response = reader("198.51.100.9").get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Lịch tiếp công dân mới" in response.content.decode()


def test_a_changed_page_being_made_by_another_request_is_served_as_it_was(article, committed):
    url = article.get_absolute_url()
    held_by_another(reader().get(url))
    with committed():
        article.title = "Lịch tiếp công dân mới"
        article.save()
    response = reader("198.51.100.9").get(url)
    assert response["X-Page-Cache"] == "stale"
    assert "tháng Mười hai" in response.content.decode()


def test_a_page_is_never_served_past_a_moment_it_must_not_outlive(article, later):
    Article.objects.filter(pk=article.pk).update(expire_at=timezone.now() + timedelta(seconds=90))
    url = article.get_absolute_url()
    reader().get(url)
    later(91)
    assert reader("198.51.100.9").get(url).status_code == 404


def test_a_page_made_again_keeps_its_readers_language(article, later, settings):
    english = {settings.LANGUAGE_COOKIE_NAME: "en"}
    first = reader()
    first.cookies.load(english)
    assert 'lang="en"' in first.get("/").content.decode()
    later(61)
    stale = reader("198.51.100.5")
    stale.cookies.load(english)
    assert stale.get("/")["X-Page-Cache"] == "stale"
    again = reader("198.51.100.6")
    again.cookies.load(english)
    response = again.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert 'lang="en"' in response.content.decode()
    assert 'lang="vi"' in reader("198.51.100.4").get("/").content.decode()


def test_a_view_served_stale_and_made_again_counts_once(article, later):
    url = article.get_absolute_url()
    reader().get(url, HTTP_USER_AGENT="Agent 1")
    later(61)
    assert reader("198.51.100.2").get(url, HTTP_USER_AGENT="Agent 2")["X-Page-Cache"] == "stale"
    assert counters.pending(Article, article.pk, "view_count") == 2


def test_a_page_that_cannot_be_made_again_is_logged_and_freed(article, later, monkeypatch, caplog):
    url = article.get_absolute_url()
    reader().get(url)
    later(61)

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(pagecache, "keep", broken)
    assert reader("198.51.100.2").get(url)["X-Page-Cache"] == "stale"
    assert "could not make" in caplog.text
    monkeypatch.undo()
    later(61)
    assert reader("198.51.100.3").get(url)["X-Page-Cache"] == "stale"
    assert reader("198.51.100.4").get(url)["X-Page-Cache"] == "hit"


def test_a_page_gone_when_it_is_made_again_is_no_longer_served(article, later):
    url = article.get_absolute_url()
    reader().get(url)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    later(61)
    assert reader("198.51.100.2").get(url)["X-Page-Cache"] == "stale"
    assert reader("198.51.100.3").get(url).status_code == 404
