"""Nothing cached shows what should be gone: versions bumped on commit, hidden categories,
scheduled and expiring articles, removed votes, the sitemap."""

import threading
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.caching import generation, generation_key
from articles.models import Article, Vote
from tests.factories import make_article, make_category, make_tag

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions"
)


def reader(n=1):
    return Client(REMOTE_ADDR=f"198.51.100.{n}", **READER)


def block(html, title):
    return html.split(title, 1)[1].split("</section>", 1)[0]


class Clock:
    """Moves timezone.now(), and expires what the cache would have expired by then (the cache
    keeps its own time, and Redis's cannot be moved)."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        self.deadlines = {}
        real_set = cache.set

        def set_and_remember(key, value, timeout=cache.default_timeout, **kwargs):
            if timeout is not None:
                self.deadlines[key] = self.now + timedelta(seconds=timeout)
            real_set(key, value, timeout, **kwargs)

        monkeypatch.setattr(cache, "set", set_and_remember)
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def move(self, seconds):
        self.now += timedelta(seconds=seconds)
        for key, deadline in list(self.deadlines.items()):
            if deadline <= self.now:
                cache.delete(key)
                del self.deadlines[key]


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def test_versions_change_when_the_change_commits_not_before(django_capture_on_commit_callbacks):
    article = make_article(title="Tin sắp gỡ")
    before = generation(article.site_id)
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.DRAFT
        article.save()
        assert cache.get(generation_key(article.site_id)) == before
    assert cache.get(generation_key(article.site_id)) != before


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_reader_between_the_write_and_the_commit_cannot_keep_the_old_page():
    article = make_article(title="Tin sắp gỡ")
    saved, read = threading.Event(), threading.Event()

    def unpublish():
        try:
            with transaction.atomic():
                article.status = Article.Status.DRAFT
                article.save()
                saved.set()
                read.wait(10)
        finally:
            connections.close_all()

    editor = threading.Thread(target=unpublish)
    editor.start()
    assert saved.wait(10)
    assert "Tin sắp gỡ" in reader(1).get("/").content.decode()  # the old rows, stored
    read.set()
    editor.join()
    assert "Tin sắp gỡ" not in reader(2).get("/").content.decode()


def test_a_scheduled_article_appears_on_the_cached_home_page_at_its_time(clock, committed):
    with committed():
        make_article(title="Tin đã đăng")
        make_article(title="Tin hẹn giờ", publish_at=clock.now + timedelta(seconds=10))
    assert "Tin hẹn giờ" not in reader(1).get("/").content.decode()
    clock.move(5)
    assert reader(2).get("/")["X-Page-Cache"] == "hit"
    clock.move(6)
    home = reader(3).get("/").content.decode()
    assert "Tin hẹn giờ" in block(home, "Tin mới")


def test_an_expired_article_leaves_the_most_viewed_block_at_its_time(clock, committed):
    with committed():
        make_article(
            title="Tin hết hạn", view_count=900, expire_at=clock.now + timedelta(seconds=10)
        )
        other = make_article(title="Tin còn hạn", view_count=3)
    assert "Tin hết hạn" in block(reader(1).get("/").content.decode(), "Tin xem nhiều")
    clock.move(11)
    category = reader(2).get(other.category.get_absolute_url()).content.decode()
    assert "Tin hết hạn" not in block(category, "Tin xem nhiều")
    assert "Tin còn hạn" in block(category, "Tin xem nhiều")


def test_a_page_is_not_kept_past_the_next_scheduled_change(committed, monkeypatch):
    from portal import pagecache

    with committed():
        make_article(publish_at=timezone.now() + timedelta(seconds=20))
    stored = {}
    real_set = pagecache.cache.set
    monkeypatch.setattr(
        pagecache.cache,
        "set",
        lambda key, value, timeout: stored.update({key: timeout}) or real_set(key, value, timeout),
    )
    reader().get("/")
    [timeout] = [timeout for key, timeout in stored.items() if key.startswith("page:")]
    assert 0 < timeout <= 20


@pytest.fixture
def hidden(committed):
    """A hidden category with a (ticked) sub-category, an article in each, and one public
    article with the same tag and words."""
    tag = make_tag(name="Tiêm chủng")
    with committed():
        root = make_category(name="Chuyên mục ẩn", is_active=False)
        child = make_category(name="Chuyên mục con", parent=root)
        articles = [
            make_article(category=root, title="Lịch tiêm chủng ẩn"),
            make_article(category=child, title="Lịch tiêm chủng con ẩn"),
            make_article(title="Lịch tiêm chủng công khai"),
        ]
        for article in articles:
            article.tags.add(tag)
    return {"root": root, "child": child, "articles": articles, "tag": tag}


def test_a_hidden_categorys_articles_are_public_nowhere(client, hidden):
    *gone, public = hidden["articles"]
    for article in gone:
        assert client.get(article.get_absolute_url()).status_code == 404
    for category in (hidden["root"], hidden["child"]):
        assert client.get(category.get_absolute_url()).status_code == 404
        assert (
            client.get(reverse("articles:category_feed", args=[category.slug])).status_code == 404
        )
    pages = [
        "/",
        public.category.get_absolute_url(),
        hidden["tag"].get_absolute_url(),
        reverse("articles:search") + "?q=tiem+chung",
        reverse("articles:feed"),
        reverse("sitemap_section", args=["articles"]),
        reverse("sitemap_section", args=["categories"]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert public.slug in html or url.endswith("categories.xml"), url
        assert not any(article.slug in html for article in gone), url
        assert "chuyen-muc-an" not in html and "chuyen-muc-con" not in html, url


def test_hiding_a_category_takes_its_articles_off_cached_pages(hidden, committed):
    public = hidden["articles"][2]
    url = public.category.get_absolute_url()
    assert public.slug in reader(1).get(url).content.decode()
    with committed():
        public.category.is_active = False
        public.category.save()
    assert reader(2).get(url).status_code == 404
    assert public.slug not in reader(3).get("/").content.decode()
    assert reader(4).get(public.get_absolute_url()).status_code == 404


def test_deleting_votes_in_the_admin_updates_the_cached_article_page(admin_client, committed):
    with committed():
        article = make_article(rating_sum=9, rating_count=2)
    for n, score in enumerate([5, 4]):
        Vote.objects.create(article=article, score=score, voter=f"v{n}", address=f"a{n}")
    assert "9 trong 2 đánh giá" in reader(1).get(article.get_absolute_url()).content.decode()
    vote = Vote.objects.get(score=4)
    with committed():
        admin_client.post(reverse("admin:articles_vote_delete", args=[vote.pk]), {"post": "yes"})
    page = reader(2).get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "5 trong 1 đánh giá" in page.content.decode()


def test_the_sitemap_shows_a_new_article_at_once(committed):
    url = reverse("sitemap_section", args=["articles"])
    with committed():
        make_article(title="Bài cũ")
    assert reader(1).get(url)["X-Page-Cache"] == "miss"
    cached = reader(2).get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert cached["Content-Type"].startswith("application/xml")
    assert cached["X-Robots-Tag"]
    with committed():
        new = make_article(title="Bài mới đăng")
    assert new.slug in reader(3).get(url).content.decode()


def test_the_admin_says_an_article_is_in_a_hidden_category(admin_client, hidden):
    from django.utils.translation import gettext

    html = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert html.count(gettext("In a hidden category")) == 2
    assert html.count(f">{gettext('Preview')}<") == 2


def test_the_next_change_is_the_first_publication_or_expiry_of_a_published_article():
    now = timezone.now()
    assert Article.objects.next_change(now) is None
    make_article(status=Article.Status.DRAFT, publish_at=now + timedelta(seconds=5))
    make_article(publish_at=now + timedelta(seconds=20))
    assert Article.objects.next_change(now) == now + timedelta(seconds=20)
    make_article(expire_at=now + timedelta(seconds=10))
    assert Article.objects.next_change(now) == now + timedelta(seconds=10)


def test_a_page_made_before_its_versions_exist_is_served_from_the_cache_next_time():
    make_article()
    cache.clear()  # as after Redis lost or evicted the versions
    assert reader(1).get("/")["X-Page-Cache"] == "miss"
    assert reader(2).get("/")["X-Page-Cache"] == "hit"
