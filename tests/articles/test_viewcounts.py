import threading
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import timezone

from articles.models import Article
from articles.viewcounts import record_view
from portal import counters
from tests.factories import make_article

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

pytestmark = pytest.mark.django_db
rf = RequestFactory()


@pytest.fixture(autouse=True)
def _fresh_counters(settings):
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 3600
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "portal.visitors.VisitorCookieMiddleware"]
    counters.reset()
    yield
    counters.get_buffer().wait()
    counters.reset()


def view(article, ip="203.0.113.7", agent=BROWSER, user=None, method="get", **headers):
    request = getattr(rf, method)(
        article.get_absolute_url(), REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **headers
    )
    request.user = user or AnonymousUser()
    record_view(request, article)


def pending(article):
    return counters.pending(Article, article.pk, "view_count")


def stored(article):
    article.refresh_from_db(fields=["view_count"])
    return article.view_count


def test_a_visitor_counts_once_per_article():
    article, other = make_article(title="Một"), make_article(title="Hai")
    view(article)
    view(article)
    view(other)
    assert (pending(article), pending(other)) == (1, 1)


def test_a_second_visitor_counts():
    article = make_article()
    view(article, ip="203.0.113.7")
    view(article, ip="198.51.100.20")
    view(article, ip="203.0.113.7", agent=BROWSER + " Firefox")
    assert pending(article) == 3


def test_the_same_visitor_counts_again_after_the_dedup_window(settings):
    settings.PORTAL_VIEW_DEDUP_SECONDS = 1
    article = make_article()
    view(article)
    view(article)
    time.sleep(1.2)
    view(article)
    assert pending(article) == 2


@pytest.mark.parametrize(
    "kwargs",
    [
        {"agent": GOOGLEBOT},
        {"agent": ""},
        {"method": "head"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
    ],
    ids=["bot", "no-agent", "head", "prefetch"],
)
def test_what_is_not_a_reader_is_not_counted(kwargs):
    article = make_article()
    view(article, **kwargs)
    assert pending(article) == 0


def test_staff_previews_are_not_counted(staff_user):
    article = make_article()
    view(article, user=staff_user)
    assert pending(article) == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"publish_at": timezone.now() + timedelta(days=1)},
        {"expire_at": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled", "expired"],
)
def test_articles_the_public_cannot_see_are_not_counted(fields):
    article = make_article(**fields)
    view(article)
    assert pending(article) == 0


def test_counting_a_view_does_not_touch_the_database(django_assert_num_queries):
    article = make_article()
    with django_assert_num_queries(0):
        view(article)
    assert stored(article) == 0
    assert pending(article) == 1


def test_pages_count_once_per_reader_and_reach_the_database(client, staff_user):
    article = make_article(view_count=40)
    url = article.get_absolute_url()
    first = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert "pv" in first.cookies
    client.get(url, HTTP_USER_AGENT=BROWSER)
    client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.20")
    Client().get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.21")
    Client().get(url, HTTP_USER_AGENT=GOOGLEBOT)
    preview = Client()
    preview.force_login(staff_user)
    assert preview.get(url).status_code == 200
    assert stored(article) == 40
    assert pending(article) == 2

    counters.flush()

    assert stored(article) == 42
    assert pending(article) == 0


def test_a_staff_preview_of_a_draft_is_not_counted(client, staff_user):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(staff_user)
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    counters.flush()
    assert stored(article) == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_readers_are_counted_exactly_on_postgresql(settings):
    """16 threads: each has 4 readers of its own and all share 10 readers (same address and
    browser, no cookie yet); every reader opens the page twice. Flushes run in the background
    meanwhile."""
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 0
    article = make_article()
    url = article.get_absolute_url()
    threads, own, shared = 16, 4, 10
    errors = []

    def read(n):
        try:
            readers = [f"198.51.100.{i}" for i in range(shared)]
            readers += [f"203.0.113.{n * own + i}" for i in range(own)]
            for ip in readers:
                reader = Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=BROWSER)
                for _ in range(2):
                    assert reader.get(url).status_code == 200
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=read, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    counters.get_buffer().wait()
    counters.flush()

    assert errors == []
    assert stored(article) == shared + threads * own
