from datetime import date

import pytest
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.test import RequestFactory

from portal import counters
from stats import counting
from stats.middleware import VisitStatisticsMiddleware
from stats.models import DailyBreakdown, DailyVisits
from tests import concurrency
from tests.factories import first_site
from tests.stats import (
    BROWSER,
    GOOGLEBOT,
    Clock,
    drop_redis_keys,
    other_site,
    use_statistics,
    visitor_cookie,
)

THREADS, VISITORS, ROUNDS, BOT_HITS = 8, 12, 5, 10
TODAY = date(2025, 7, 18)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent flushes need PostgreSQL"
)
rf = RequestFactory()


@pytest.fixture(params=["memory", "redis"])
def backend(request, settings, monkeypatch):
    buffer = use_statistics(settings, monkeypatch, request.param, Clock(2025, 7, 18, 9, 0))
    yield request.param
    counters.get_buffer().wait()
    drop_redis_keys(buffer)
    counters.reset()


def run_threads(target, count=THREADS):
    concurrency.run_threads(target, count)


def page(request):
    return HttpResponse("<p>Trang</p>", content_type="text/html; charset=utf-8")


COOKIES = [visitor_cookie(f"reader-{n}") for n in range(VISITORS)]
middleware = VisitStatisticsMiddleware(page)


def hit(n, flush_every=0, sites=None):
    """Thread n, on the site n of `sites` (modulo; default the first site): every reader opens
    the page ROUNDS times; a bot comes BOT_HITS times."""
    site = sites[n % len(sites)] if sites else first_site()

    def request(agent, address):
        request = rf.get("/", HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
        request.site = site
        return request

    for i in range(ROUNDS):
        for reader, cookie in enumerate(COOKIES):
            page_request = request(BROWSER, f"192.0.2.{reader}")
            page_request.COOKIES["pv"] = cookie
            middleware(page_request)
        if flush_every and i % flush_every == n % flush_every:
            counters.flush()
    for _ in range(BOT_HITS):
        middleware(request(GOOGLEBOT, f"66.249.66.{n}"))


def assert_exact(site=None, threads=THREADS):
    """Every reader is one visit and one unique visitor of the site; each thread's bot is one."""
    site = site or first_site()
    row = DailyVisits.objects.get(site=site, day=TODAY)
    assert (row.visits, row.page_views, row.unique_visitors, row.bot_hits) == (
        VISITORS,
        threads * ROUNDS * VISITORS,
        VISITORS,
        threads * BOT_HITS,
    )
    browsers = DailyBreakdown.objects.filter(site=site, day=TODAY, dimension="browser")
    assert dict(browsers.values_list("value", "count")) == {"Chrome": VISITORS}
    summary = counting.summary(site)
    assert (summary["today"], summary["guests"], summary["bots"]) == (VISITORS, VISITORS, threads)


@pytest.mark.django_db
def test_threads_count_exactly(backend):
    sites = [first_site()]
    run_threads(lambda n: hit(n, sites=sites))
    assert counting.summary(sites[0])["today"] == VISITORS
    counters.flush()
    assert_exact()


@pytest.mark.django_db
def test_flushing_twice_changes_nothing(backend):
    hit(0)
    counters.flush()
    counters.flush()
    row = DailyVisits.objects.get(day=TODAY)
    assert (row.visits, row.page_views, row.bot_hits) == (VISITORS, ROUNDS * VISITORS, BOT_HITS)


@pytest.mark.django_db
def test_a_flush_that_fails_before_commit_loses_nothing(backend, monkeypatch):
    hit(0)
    real = counters.apply_counts

    def fail_after_writing(counts):
        real(counts)
        raise DatabaseError("connection lost before COMMIT")

    monkeypatch.setattr(counters.rows, "apply_counts", fail_after_writing)
    with pytest.raises(DatabaseError):
        counters.flush()
    assert not DailyVisits.objects.exists()
    monkeypatch.setattr(counters.rows, "apply_counts", real)
    counters.flush()
    assert DailyVisits.objects.get(day=TODAY).page_views == ROUNDS * VISITORS


@pytest.mark.django_db
def test_a_flush_that_dies_after_commit_is_not_applied_again(backend, monkeypatch):
    hit(0)
    buffer = counters.get_buffer()
    real = buffer._forget

    def die(batch_id):
        raise SystemExit("worker killed after COMMIT, before dropping the batch")

    monkeypatch.setattr(buffer, "_forget", die)
    with pytest.raises(SystemExit):
        counters.flush()
    assert len(buffer._batch_ids()) == 1
    monkeypatch.setattr(buffer, "_forget", real)
    counters.flush()
    assert buffer._batch_ids() == []
    assert DailyVisits.objects.get(day=TODAY).page_views == ROUNDS * VISITORS


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_threads_counting_and_flushing_at_once_count_exactly_on_postgresql(backend):
    sites = [first_site()]
    run_threads(lambda n: hit(n, flush_every=2, sites=sites))
    counters.flush()
    assert_exact()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_sites_counted_and_flushed_at_once_each_count_exactly_on_postgresql(backend):
    """The same readers on two sites: each site counts them once, with its own threads' views."""
    sites = [first_site(), other_site()]
    run_threads(lambda n: hit(n, flush_every=2, sites=sites))
    counters.flush()
    for site in sites:
        assert_exact(site, threads=THREADS // 2)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_workers_applying_one_batch_apply_it_once_on_postgresql(backend, settings):
    if backend == "memory":
        pytest.skip("a memory buffer belongs to one process")
    hit(0)
    first = counters.get_buffer()
    first._take()
    workers = [first, counters.RedisBuffer(3600, settings.REDIS_URL, first.key)]
    run_threads(lambda n: workers[n % 2].flush(), count=6)
    assert DailyVisits.objects.get(day=TODAY).page_views == ROUNDS * VISITORS
