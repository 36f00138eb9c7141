from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from comments.services import set_status
from tests.factories import make_article

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}


def reader(address="203.0.113.20"):
    return Client(REMOTE_ADDR=address, **READER)


@pytest.fixture
def article():
    return make_article(title="Thông báo lịch cắt điện")


def test_anonymous_pages_come_from_the_cache_without_queries(
    article, django_assert_max_num_queries
):
    for url in ["/", article.get_absolute_url(), article.category.get_absolute_url()]:
        first = reader().get(url)
        assert first["X-Page-Cache"] == "miss"
        with django_assert_max_num_queries(0):
            second = reader("198.51.100.3").get(url)
        assert second["X-Page-Cache"] == "hit"
        assert "Thông báo lịch cắt điện" in second.content.decode()


def test_a_page_from_the_cache_has_this_readers_csrf_token(article):
    reader().get(article.get_absolute_url())
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.4", **READER)
    page = client.get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    html = page.content.decode()
    assert "@@csrf-token@@" not in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post(
        reverse("articles:rate", args=[article.slug]),
        {"score": "5", "csrfmiddlewaretoken": token},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200


def test_views_of_cached_pages_are_counted(article):
    from portal import counters

    for n in range(3):
        reader(f"198.51.100.{n}").get(article.get_absolute_url(), HTTP_USER_AGENT=f"Agent {n}")
    assert counters.pending(Article, article.pk, "view_count") == 3


def test_a_vote_or_an_approved_comment_rebuilds_the_article_page(article, committed):
    url = article.get_absolute_url()
    reader().get(url)
    with committed():
        reader("198.51.100.5").post(reverse("articles:rate", args=[article.slug]), {"score": "4"})
    page = reader("198.51.100.6").get(url)
    assert page["X-Page-Cache"] == "miss"
    assert "4 trong 1 đánh giá" in page.content.decode()
    comment = Comment.objects.create(target=article, name="An", text="Ý kiến mới")
    with committed():
        set_status(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED)
    assert "Ý kiến mới" in reader("198.51.100.7").get(url).content.decode()


def test_editing_an_article_rebuilds_every_page(article, committed):
    reader().get("/")
    article.title = "Thông báo lịch cắt điện (đã sửa)"
    with committed():
        article.save()
    assert "(đã sửa)" in reader("198.51.100.8").get("/").content.decode()


def test_an_expiring_article_is_kept_no_longer_than_it_has_left(article, monkeypatch, settings):
    from portal import pagecache

    stored = {}
    real_set = pagecache.cache.set

    def remember(key, value, timeout):
        stored[key] = timeout
        real_set(key, value, timeout)

    monkeypatch.setattr(pagecache.cache, "set", remember)
    reader().get("/")
    Article.objects.filter(pk=article.pk).update(expire_at=timezone.now() + timedelta(seconds=5))
    reader("198.51.100.2").get(article.get_absolute_url())
    article_keys = [key for key in stored if key.endswith(article.get_absolute_url())]
    assert len(article_keys) == 1
    assert 0 < stored[article_keys[0]] <= 5
    kept = settings.PORTAL_PAGE_CACHE_SECONDS + settings.PORTAL_PAGE_CACHE_STALE_SECONDS
    assert stored[next(key for key in stored if key.endswith(":/"))] == kept


def test_signed_in_staff_and_readers_with_messages_get_fresh_pages(article, staff_user):
    reader().get(article.get_absolute_url())
    staff = Client()
    staff.force_login(staff_user)
    page = staff.get(article.get_absolute_url())
    assert "X-Page-Cache" not in page
    assert 'id="idle-notice"' in page.content.decode()
    voter = reader("198.51.100.10")
    redirect = voter.post(reverse("articles:rate", args=[article.slug]), {"score": "3"})
    after = voter.get(redirect.url)
    assert "Cảm ơn bạn đã đánh giá bài viết." in after.content.decode()
    cached = reader("198.51.100.11").get(article.get_absolute_url()).content.decode()
    assert "Cảm ơn bạn đã đánh giá bài viết." not in cached


def test_the_reader_asks_for_their_own_score(article):
    client = reader()
    client.get(article.get_absolute_url())
    url = reverse("articles:my_score", args=[article.slug])
    assert client.get(url).json() == {"score": None}
    client.post(reverse("articles:rate", args=[article.slug]), {"score": "2"})
    assert client.get(url).json() == {"score": 2}


def test_a_page_from_the_cache_is_one_cache_read(article, monkeypatch):
    from portal import pagecache

    reader().get(article.get_absolute_url())
    reads = []
    for name in ("get", "get_many"):
        monkeypatch.setattr(pagecache.cache, name, spy(getattr(pagecache.cache, name), reads))
    page = reader("198.51.100.12").get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    assert reads == ["get_many"]


def spy(method, calls):
    """Records the cache reads the site asks for (not those get_many makes inside)."""

    def call(*args, **kwargs):
        if not calls or calls[-1] != "inside":
            calls.append(method.__name__)
        calls.append("inside")
        try:
            return method(*args, **kwargs)
        finally:
            calls.pop()

    return call


def test_a_page_made_while_its_article_changed_is_made_again(article, monkeypatch, committed):
    from articles.caching import touch_article
    from portal import pagecache

    real_store = pagecache.store

    def changed_meanwhile(*args):
        with committed():
            touch_article(article.site_id, article.slug)
        real_store(*args)

    monkeypatch.setattr(pagecache, "store", changed_meanwhile)
    assert reader().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    monkeypatch.setattr(pagecache, "store", real_store)
    assert reader("198.51.100.13").get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert reader("198.51.100.14").get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_parameters_a_page_does_not_read_neither_miss_nor_fill_the_cache(article):
    assert reader().get("/")["X-Page-Cache"] == "miss"
    shared = reader("198.51.100.15").get("/?fbclid=IwAR0abc&utm_source=zalo")
    assert shared["X-Page-Cache"] == "hit"
    assert "fbclid" not in shared.content.decode()
    category = article.category.get_absolute_url()
    assert reader().get(f"{category}?x=1")["X-Page-Cache"] == "miss"
    assert reader("198.51.100.16").get(category)["X-Page-Cache"] == "hit"
    assert reader("198.51.100.17").get(f"{category}?page=1")["X-Page-Cache"] == "miss"


def test_searches_are_cached_per_query(article):
    search = reverse("articles:search")
    assert reader().get(search, {"q": "cat dien"})["X-Page-Cache"] == "miss"
    again = reader("198.51.100.18").get(search, {"q": "cat dien", "fbclid": "x"})
    assert again["X-Page-Cache"] == "hit"
    assert "Thông báo lịch cắt điện" in again.content.decode()
    assert reader("198.51.100.19").get(search, {"q": "lich"})["X-Page-Cache"] == "miss"


def test_a_long_address_has_a_short_cache_key(article, monkeypatch):
    from portal import pagecache

    stored = []
    real_set = pagecache.cache.set
    monkeypatch.setattr(
        pagecache.cache, "set", lambda key, *a, **k: stored.append(key) or real_set(key, *a, **k)
    )
    query = " ".join(["cat dien"] * 22)  # 197 characters: valid, and a long address
    search = reverse("articles:search")
    assert reader().get(search, {"q": query})["X-Page-Cache"] == "miss"
    assert reader("198.51.100.20").get(search, {"q": query})["X-Page-Cache"] == "hit"
    pages = [key for key in stored if key.startswith("page:")]
    assert len(pages) == 1 and len(pages[0]) < 100
