"""Counting people right: readers behind one address, clients without cookies, unique visitors."""

from datetime import date

import pytest
from django.test import Client

from portal import counters
from stats import counting
from stats.models import DailyVisits
from tests.factories import first_site
from tests.stats import GOOGLEBOT, Clock, drop_redis_keys, use_statistics

pytestmark = pytest.mark.django_db

TODAY = date(2025, 7, 18)
CARRIER = "203.0.113.50"
# Chrome's reduced user-agent string: most Android phones send exactly this.
ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def clock():
    return Clock(2025, 7, 18, 10, 15)


@pytest.fixture(params=["memory", "redis"])
def site(request, settings, monkeypatch, clock):
    buffer = use_statistics(settings, monkeypatch, request.param, clock)
    yield buffer
    counters.get_buffer().wait()
    drop_redis_keys(buffer)
    counters.reset()


def phone(ip=CARRIER, agent=ANDROID):
    return Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)


def today():
    counters.flush()
    return DailyVisits.objects.filter(day=TODAY).values(
        "visits", "page_views", "unique_visitors", "bot_hits"
    ).first() or {"visits": 0, "page_views": 0, "unique_visitors": 0, "bot_hits": 0}


def read(client, pages, clock=None, refuses_cookies=False):
    for _ in range(pages):
        assert client.get("/").status_code == 200
        if refuses_cookies:
            client.cookies.clear()
        if clock is not None:
            clock.advance(1)


@pytest.mark.parametrize("interleaved", [True, False], ids=["interleaved", "one-by-one"])
def test_readers_behind_one_address_with_one_browser_are_each_a_visit(site, clock, interleaved):
    phones = [phone() for _ in range(5)]
    if interleaved:
        for _ in range(2):
            for reader in phones:
                read(reader, 1)
    else:
        for reader in phones:
            read(reader, 2)
    live = counting.summary(first_site())
    assert (live["today"], live["guests"]) == (5, 5)
    assert today() == {"visits": 5, "page_views": 10, "unique_visitors": 5, "bot_hits": 0}


def test_a_client_refusing_cookies_is_one_visit_per_thirty_minutes(site, clock):
    client = phone()
    read(client, 10, clock, refuses_cookies=True)
    assert (counting.summary(first_site())["today"], counting.summary(first_site())["online"]) == (
        1,
        1,
    )
    clock.advance(31)
    read(client, 10, clock, refuses_cookies=True)
    # Nothing tells its second visit apart from a new reader's first page.
    assert today() == {"visits": 2, "page_views": 20, "unique_visitors": 2, "bot_hits": 0}


def test_a_bot_is_never_a_visit(site, clock):
    read(phone(agent=GOOGLEBOT), 10, clock)
    read(phone(agent=GOOGLEBOT), 10, clock, refuses_cookies=True)
    assert counting.summary(first_site())["today"] == 0
    assert today() == {"visits": 0, "page_views": 0, "unique_visitors": 0, "bot_hits": 20}


@pytest.mark.parametrize("readers", [60, 250])
def test_unique_visitors_are_exact(site, clock, readers):
    for n in range(readers):
        read(phone(ip=f"198.51.{n // 200}.{n % 200}"), 2)
        if n == readers // 2:
            counters.flush()
    assert today()["unique_visitors"] == readers
    counters.flush()
    assert today()["unique_visitors"] == readers


def test_new_readers_count_after_the_buffer_lost_the_day(site, clock):
    readers = [phone(ip=f"198.51.100.{n}") for n in range(40)]
    for reader in readers[:30]:
        read(reader, 1)
    assert today()["unique_visitors"] == 30
    # Redis restarted or evicted its keys; without Redis, the process restarted.
    drop_redis_keys(site)
    counters.reset()
    for reader in readers[25:]:  # five of them again, ten new
        read(reader, 1)
    assert today()["unique_visitors"] == 40


def test_a_reader_back_hours_later_is_one_unique_visitor_online_once(site, clock, monkeypatch):
    monkeypatch.setattr("time.time", clock)  # the cookie's age too
    reader = phone()
    read(reader, 1)
    clock.advance(59)
    read(reader, 1)
    clock.advance(2)  # the cookie is more than an hour old
    read(reader, 1)
    assert counting.summary(first_site())["online"] == 1
    clock.advance(120)
    read(reader, 1)
    assert today() == {"visits": 3, "page_views": 4, "unique_visitors": 1, "bot_hits": 0}
