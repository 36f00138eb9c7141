from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from portal import counters
from stats import counting
from stats.models import DailyBreakdown, DailyVisits, HourlyVisits
from tests.factories import first_site, make_article
from tests.stats import (
    BROWSER,
    COCCOCBOT,
    GOOGLEBOT,
    PHONE,
    Clock,
    drop_redis_keys,
    use_statistics,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    return Clock(2025, 7, 18, 10, 15)


@pytest.fixture(params=["memory", "redis"])
def site(request, settings, monkeypatch, clock):
    buffer = use_statistics(settings, monkeypatch, request.param, clock)
    yield request.param
    counters.get_buffer().wait()
    drop_redis_keys(buffer)
    counters.reset()


def reader(agent=BROWSER, ip="203.0.113.7", **headers):
    return Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, **headers)


def day_row(day):
    counters.flush()
    return DailyVisits.objects.filter(day=day).values(
        "visits", "page_views", "unique_visitors", "bot_hits"
    ).first() or {"visits": 0, "page_views": 0, "unique_visitors": 0, "bot_hits": 0}


def breakdown(day, dimension):
    counters.flush()
    rows = DailyBreakdown.objects.filter(day=day, dimension=dimension)
    return dict(rows.values_list("value", "count"))


TODAY = date(2025, 7, 18)


def test_bots_guests_and_members_are_counted_apart(site, staff_user):
    for agent in (GOOGLEBOT, COCCOCBOT, ""):
        assert reader(agent).get("/").status_code == 200
    reader(GOOGLEBOT, ip="66.249.66.1").get("/")
    reader().get("/")
    member = reader(PHONE, ip="198.51.100.9")
    member.force_login(staff_user)
    member.get("/")

    assert counting.summary(first_site()) == {
        "online": 6, "bots": 4, "guests": 1, "members": 1,
        "today": 2, "month": 2, "total": 2,
    }  # fmt: skip
    assert day_row(TODAY) == {"visits": 2, "page_views": 2, "unique_visitors": 2, "bot_hits": 4}
    assert breakdown(TODAY, "bot") == {"Googlebot": 2, "coccocbot-web": 1, "Other": 1}


def test_a_visit_ends_after_thirty_minutes_of_absence(site, clock):
    browser = reader()
    for minutes in (0, 10, 29, 29, 20):  # the gap is counted from the last request
        clock.advance(minutes)
        browser.get("/")
    assert day_row(TODAY)["visits"] == 1
    clock.advance(30)
    browser.get("/")
    clock.advance(31)
    browser.get("/")
    assert day_row(TODAY) == {"visits": 3, "page_views": 7, "unique_visitors": 1, "bot_hits": 0}


def test_the_visitor_cookie_keeps_a_visit_across_addresses(site, clock):
    browser = reader()
    assert "pv" in browser.get("/").cookies
    browser.get("/", REMOTE_ADDR="198.51.100.30")
    browser.get("/", REMOTE_ADDR="198.51.100.31")
    clock.advance(40)
    browser.get("/")
    assert day_row(TODAY)["visits"] == 2
    assert day_row(TODAY)["page_views"] == 4


def test_a_reader_without_cookies_is_one_visitor_a_day(site, clock):
    for _ in range(3):
        reader().get("/")
    assert day_row(TODAY) == {"visits": 1, "page_views": 3, "unique_visitors": 1, "bot_hits": 0}


def test_a_visit_spanning_midnight_counts_in_the_new_day(settings, monkeypatch):
    clock = Clock(2025, 1, 31, 23, 50)
    use_statistics(settings, monkeypatch, "memory", clock)
    browser = reader()
    browser.get("/")
    clock.advance(5)
    browser.get("/")
    assert counting.summary(first_site())["today"] == 1
    clock.advance(10)  # 00:05 on 1 February: a new day and a new month
    browser.get("/")
    assert counting.summary(first_site()) | {"online": 0, "guests": 0} == {
        "online": 0, "bots": 0, "guests": 0, "members": 0, "today": 1, "month": 1, "total": 2,
    }  # fmt: skip
    assert day_row(date(2025, 1, 31))["page_views"] == 2
    assert day_row(date(2025, 2, 1))["visits"] == 1
    hours = HourlyVisits.objects.order_by("hour").values_list("hour", "visits", "page_views")
    local_hours = [(counting.local_time(h.timestamp()).hour, v, p) for h, v, p in hours]
    assert local_hours == [(23, 1, 2), (0, 1, 1)]


def test_summary_includes_what_is_not_yet_flushed(site, clock):
    DailyVisits.objects.create(site=first_site(), day=date(2025, 6, 30), visits=100)
    DailyVisits.objects.create(site=first_site(), day=date(2025, 7, 1), visits=20)
    reader().get("/")
    reader(ip="192.0.2.1").get("/")
    live = counting.summary(first_site())
    assert (live["today"], live["month"], live["total"]) == (2, 22, 122)
    counters.flush()
    counters.flush()
    assert counting.summary(first_site()) == live


def test_online_means_seen_in_the_last_minutes(site, clock, settings):
    settings.PORTAL_STATS_ONLINE_SECONDS = 300
    reader().get("/")
    clock.advance(4)
    reader(ip="192.0.2.1").get("/")
    assert counting.summary(first_site())["online"] == 2
    clock.advance(2)
    assert (counting.summary(first_site())["online"], counting.summary(first_site())["guests"]) == (
        1,
        1,
    )


def test_signing_in_moves_a_reader_from_guests_to_members(site, staff_user):
    browser = reader()
    browser.get("/")
    browser.force_login(staff_user)
    browser.get("/")
    assert {k: counting.summary(first_site())[k] for k in ("online", "guests", "members")} == {
        "online": 1, "guests": 0, "members": 1,
    }  # fmt: skip


def test_breakdowns_of_visits(site, clock):
    reader(HTTP_REFERER="https://www.Google.com.vn/search?q=ph%C6%B0%E1%BB%9Dng").get("/")
    phone = reader(PHONE, ip="192.0.2.1", HTTP_REFERER="https://zalo.me/g/abc")
    phone.get("/")
    phone.get("/", HTTP_REFERER="https://facebook.com/")  # the same visit
    reader(ip="192.0.2.2", HTTP_REFERER="http://testserver/bai-viet/x/").get("/")
    reader(ip="192.0.2.3", HTTP_REFERER="http://203.0.113.99/").get("/")
    assert breakdown(TODAY, "browser") == {"Chrome": 3, "Safari": 1}
    assert breakdown(TODAY, "os") == {"Windows": 3, "iOS": 1}
    assert breakdown(TODAY, "device") == {"desktop": 3, "mobile": 1}
    assert breakdown(TODAY, "referrer") == {"google.com.vn": 1, "zalo.me": 1}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/static/portal/css/site.css"),
        ("get", "/admin/login/"),
        ("post", "/tai-khoan/duy-tri/"),
        ("get", "/tai-khoan/duy-tri/"),
        ("get", "/healthz"),
        ("get", "/healthz/all"),
        ("get", "/khong-co-trang-nay/"),
        ("post", "/"),
        ("get", "/robots.txt"),
    ],
)
def test_what_is_not_a_page_is_not_counted(site, method, path):
    getattr(reader(), method)(path)
    assert counting.summary(first_site())["online"] == 0
    assert day_row(TODAY)["page_views"] == 0


def test_article_pages_and_head_requests_count(site):
    article = make_article()
    browser = reader()
    browser.get(article.get_absolute_url())
    browser.head("/")
    assert day_row(TODAY)["page_views"] == 2


def test_counting_a_page_does_not_touch_the_database(site, django_assert_num_queries):
    browser = reader()
    browser.get("/")
    request = browser.get("/").wsgi_request
    with django_assert_num_queries(0):
        counting.record_request(request, None)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Mozilla/5.0 " + "A" * 200_000},
        {"HTTP_USER_AGENT": "Mozilla/5.0 \xc3\x28 \xff\xfe B\xe1\xba\xa1n"},
        {"HTTP_REFERER": "https://" + "x" * 300 + ".vn/" + "q" * 100_000},
        {"HTTP_REFERER": "http://[::1"},
        {"HTTP_REFERER": "https://ví-dụ.vn/\xff\xfe"},
        {"HTTP_REFERER": "javascript:alert(1)"},
        {"HTTP_HOST": "testserver", "HTTP_USER_AGENT": "\x00\x01"},
    ],
    ids=["huge-agent", "latin1-agent", "huge-referrer", "bad-ipv6", "idn", "scheme", "control"],
)
def test_bad_headers_never_break_a_page(site, headers):
    assert Client(**headers).get("/").status_code == 200
    assert counting.summary(first_site())["online"] == 1
    row = day_row(TODAY)
    assert row["page_views"] + row["bot_hits"] == 1
    assert all(len(v) <= 100 for v in DailyBreakdown.objects.values_list("value", flat=True))


def test_no_address_is_stored_anywhere(site, settings, staff_user):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    addresses = ["203.0.113.77", "198.51.100.123", "2001:db8::abcd", "192.0.2.201"]
    for address in addresses:
        reader(ip="10.0.0.1", HTTP_X_FORWARDED_FOR=address).get("/")
        reader(GOOGLEBOT, ip=address, HTTP_REFERER=f"http://{address}/").get("/")
    counters.flush()
    assert DailyVisits.objects.get(day=TODAY).visits == len(addresses)

    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                found += [(table, a) for a in addresses if a in text]
    assert found == []


def test_prune_stats_keeps_daily_totals(site, settings, capsys):
    settings.PORTAL_STATS_RETENTION_DAYS = 30
    for day in (date(2025, 6, 1), date(2025, 7, 17)):
        DailyVisits.objects.create(site=first_site(), day=day, visits=5)
        DailyBreakdown.objects.create(
            site=first_site(), day=day, dimension="browser", value="Chrome", count=5
        )
    reader().get("/")
    counters.flush()
    call_command("prune_stats")
    assert "1 rows" in capsys.readouterr().out
    assert DailyVisits.objects.count() == 3
    assert set(DailyBreakdown.objects.values_list("day", flat=True)) == {
        date(2025, 7, 17),
        TODAY,
    }
    assert HourlyVisits.objects.count() == 1
