"""With Redis unreachable readers still get pages, counts still arrive, health says so."""

import socket
import threading

import pytest
import redis
from captcha.models import CaptchaStore
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from articles.models import Article, Vote
from comments.models import Comment
from portal import counters, redis_breaker
from portal.redis_breaker import breaker
from tests.factories import first_site, make_article

from .redis_outage import RedisServer, free_port, use_redis

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def redis_away(settings):
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 3600
    settings.PORTAL_REDIS_RETRY_SECONDS = 60
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")


@pytest.fixture
def article():
    return make_article(title="Lịch tiếp công dân tháng này")


def reader(address="203.0.113.30"):
    return Client(REMOTE_ADDR=address, **READER)


def test_public_pages_are_made_from_the_database(redis_away, article):
    urls = [
        reverse("articles:home"),
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:search") + "?q=tiếp+công+dân",
        reverse("stats:summary"),
    ]
    for url in urls:
        for _ in range(2):
            response = reader().get(url)
            assert response.status_code == 200, url
    assert "Lịch tiếp công dân" in reader().get(article.get_absolute_url()).content.decode()


def test_redis_is_asked_once_per_pause_not_on_every_request(redis_away, article, monkeypatch):
    attempts = []
    connect = redis.connection.AbstractConnection.connect

    def counted(self, *args, **kwargs):
        attempts.append(self.port)
        return connect(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "connect", counted)
    breaker.reset()
    for _ in range(3):
        assert reader().get(article.get_absolute_url()).status_code == 200
    assert len(attempts) == 1


def test_a_silent_redis_costs_one_timeout_not_a_hung_site(settings, article):
    """A black-holed host: connections are accepted and never answered."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        use_redis(settings, f"redis://127.0.0.1:{silent.getsockname()[1]}/0", timeout=0.2)
        settings.PORTAL_REDIS_RETRY_SECONDS = 60
        assert reader().get(article.get_absolute_url()).status_code == 200
        assert breaker.down


def test_a_comment_and_a_rating_still_work(redis_away, article):
    key = CaptchaStore.generate_key()
    comment = {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "text": "Xin hỏi lịch tiếp công dân buổi chiều.",
        "captcha_0": key,
        "captcha_1": CaptchaStore.objects.get(hashkey=key).response,
    }
    posted = reader().post(reverse("comments:post", args=["bai-viet", article.pk]), comment)
    assert posted.status_code == 302
    assert Comment.objects.get().text == comment["text"]
    client = reader("203.0.113.31")
    client.get(article.get_absolute_url())
    rated = client.post(reverse("articles:rate", args=[article.slug]), {"score": "4"}, **JSON)
    assert rated.status_code == 200
    assert Vote.objects.get().score == 4


def test_views_counted_meanwhile_reach_the_database(redis_away, article, settings):
    settings.PORTAL_VIEW_DEDUP_SECONDS = 0
    for n in range(5):
        reader(f"198.51.100.{n}").get(article.get_absolute_url())
    assert counters.pending(Article, article.pk, "view_count") == 5
    counters.flush()
    article.refresh_from_db()
    assert article.view_count == 5
    assert counters.pending(Article, article.pk, "view_count") == 0


def test_rate_limits_hold_in_each_process(redis_away, settings, no_page_cache):
    settings.PORTAL_RATE_LIMITS = {"articles:search": (2, 60)}
    client = reader("203.0.113.40")
    statuses = [client.get(reverse("articles:search"), {"q": "tin"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_health_stays_up_without_redis_and_says_so(redis_away):
    response = Client().get(reverse("healthz"))
    assert (response.status_code, response.content) == (200, b"degraded: redis")
    strict = Client().get(reverse("healthz_all"))
    assert (strict.status_code, strict.content) == (503, b"down: redis")


def test_health_is_down_without_the_database(monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    for name in ("healthz", "healthz_all"):
        response = Client().get(reverse(name))
        assert (response.status_code, response.content) == (503, b"down: database")


def test_health_is_ok_when_everything_answers():
    for name in ("healthz", "healthz_all"):
        response = Client().get(reverse(name))
        assert (response.status_code, response.content) == (200, b"ok")
        assert response["Content-Type"].startswith("text/plain")


def test_counts_from_threads_are_kept_while_redis_is_away(redis_away, article):
    def count():
        for _ in range(50):
            counters.increment(Article, article.pk, "view_count")

    threads = [threading.Thread(target=count) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counters.flush()
    article.refresh_from_db()
    assert article.view_count == 200


def test_the_moderators_email_waits_for_redis(redis_away, article, django_user_model, mailoutbox):
    from comments import notifications
    from tenancy.testing import give_role

    moderator = django_user_model.objects.create_user(
        "kiemduyet", email="kiemduyet@example.vn", is_staff=True
    )
    give_role(moderator, "Người kiểm duyệt")
    Comment.objects.create(target=article, name="An", email="an@example.vn", text="Chờ duyệt")
    assert notifications.notify_moderators(first_site()) is False
    assert mailoutbox == []


def test_a_page_from_the_cache_costs_two_round_trips_with_redis_up(settings, monkeypatch):
    server = RedisServer()
    server.start()
    try:
        use_redis(settings, server.url, timeout=1)
        article = make_article()
        reader().get(article.get_absolute_url())
        sent = []
        send = redis.connection.AbstractConnection.send_packed_command
        monkeypatch.setattr(
            redis.connection.AbstractConnection,
            "send_packed_command",
            lambda self, *args, **kwargs: sent.append(1) or send(self, *args, **kwargs),
        )
        page = reader("198.51.100.9").get(article.get_absolute_url())
        assert page["X-Page-Cache"] == "hit"
        assert len(sent) == 2  # the page with its versions; the request's counts
    finally:
        server.stop()


def test_after_the_pause_one_request_asks_redis_the_others_wait_for_its_answer(
    settings, monkeypatch
):
    settings.PORTAL_REDIS_RETRY_SECONDS = 5
    now = [1000.0]
    monkeypatch.setattr(redis_breaker.time, "monotonic", lambda: now[0])
    breaker.failed(redis.ConnectionError("refused"))
    assert not breaker.allows()
    now[0] += 5
    assert [breaker.allows() for _ in range(3)] == [True, False, False]
    breaker.succeeded()
    assert [breaker.allows() for _ in range(3)] == [True, True, True]
