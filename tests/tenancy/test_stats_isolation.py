"""Visitor statistics and online counts belong to one site: a host counts and shows its own."""

from datetime import date

import pytest
import redis
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from nukeviet import services
from nukeviet.models import ImportedVisits
from nukeviet.visits import VisitPlan
from portal import counters
from portal.redis_breaker import breaker
from stats import counting
from stats.models import DailyBreakdown, DailyVisits, HourlyVisits
from stats.views import SUMMARY_CACHE_KEY
from tests.stats import BROWSER, GOOGLEBOT, Clock, drop_redis_keys, use_statistics

from .conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

TODAY = date(2025, 7, 18)
EMPTY = {"visits": 0, "page_views": 0, "unique_visitors": 0, "bot_hits": 0}


@pytest.fixture
def clock():
    return Clock(2025, 7, 18, 10, 15)


@pytest.fixture(params=["memory", "redis", "redis away"])
def backend(request, settings, monkeypatch, clock):
    """Counting in memory, in Redis, and in memory while Redis is unreachable."""
    buffer = use_statistics(settings, monkeypatch, request.param.split()[0], clock)
    if request.param == "redis away":
        settings.PORTAL_REDIS_RETRY_SECONDS = 3600
        breaker.failed(redis.ConnectionError("refused"))
    yield request.param
    breaker.reset()
    counters.get_buffer().wait()
    drop_redis_keys(buffer)
    counters.reset()


def reader(host="testserver", agent=BROWSER, ip="203.0.113.7"):
    return Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, HTTP_HOST=host)


def day_row(site):
    counters.flush()
    row = DailyVisits.objects.filter(site=site, day=TODAY)
    return row.values(*EMPTY).first() or dict(EMPTY)


def live(site):
    figures = counting.summary(site)
    return {name: figures[name] for name in ("online", "guests", "bots", "today", "total")}


def test_readers_of_one_host_count_for_its_site_only(backend, first_site, other_site):
    first = reader()
    first.get("/")
    first.get("/")
    reader(ip="198.51.100.2").get("/")

    assert live(first_site) == {"online": 2, "guests": 2, "bots": 0, "today": 2, "total": 2}
    assert live(other_site) == {"online": 0, "guests": 0, "bots": 0, "today": 0, "total": 0}
    assert day_row(first_site) == {
        "visits": 2,
        "page_views": 3,
        "unique_visitors": 2,
        "bot_hits": 0,
    }
    assert day_row(other_site) == EMPTY
    assert not HourlyVisits.objects.filter(site=other_site).exists()
    assert not DailyBreakdown.objects.filter(site=other_site).exists()


def test_one_reader_of_two_sites_is_a_visitor_of_each(backend, first_site, other_site):
    reader().get("/")
    reader(OTHER_HOST).get("/")
    reader(OTHER_HOST).get("/")

    assert live(first_site)["online"] == live(other_site)["online"] == 1
    assert day_row(first_site) == {
        "visits": 1,
        "page_views": 1,
        "unique_visitors": 1,
        "bot_hits": 0,
    }
    assert day_row(other_site) == {
        "visits": 1,
        "page_views": 2,
        "unique_visitors": 1,
        "bot_hits": 0,
    }


def test_search_engines_are_counted_per_site(backend, first_site, other_site):
    reader(agent=GOOGLEBOT, ip="66.249.66.1").get("/")
    reader(agent=GOOGLEBOT, ip="66.249.66.2").get("/")
    reader(OTHER_HOST, agent=GOOGLEBOT, ip="66.249.66.1").get("/")

    assert (live(first_site)["bots"], live(other_site)["bots"]) == (2, 1)
    assert (day_row(first_site)["bot_hits"], day_row(other_site)["bot_hits"]) == (2, 1)
    bots = DailyBreakdown.objects.filter(dimension="bot", value="Googlebot")
    assert dict(bots.values_list("site", "count")) == {first_site.pk: 2, other_site.pk: 1}


def test_requests_of_no_site_count_nothing(backend, first_site):
    assert reader("unknown.example.org").get("/").status_code == 404
    assert reader().get("/healthz").status_code in {200, 503}

    counters.flush()
    assert not DailyVisits.objects.exists()
    assert live(first_site)["online"] == 0


def test_each_site_is_flushed_exactly_once(backend, first_site, other_site, monkeypatch):
    for n in range(3):
        reader(ip=f"192.0.2.{n}").get("/")
    reader(OTHER_HOST).get("/")
    buffer = counters.get_buffer()
    buffer = buffer.memory if backend == "redis away" else buffer
    forget = buffer._forget
    monkeypatch.setattr(buffer, "_forget", lambda batch_id: None)
    counters.flush()  # applied, but the batch stays as if the worker died before dropping it
    monkeypatch.setattr(buffer, "_forget", forget)
    counters.flush()
    counters.flush()

    rows = DailyVisits.objects.filter(day=TODAY).values_list("site", "visits", "page_views")
    assert sorted(rows) == sorted([(first_site.pk, 3, 3), (other_site.pk, 1, 1)])


def test_the_block_and_its_json_show_the_hosts_site(backend, client, first_site, other_site):
    for n in range(3):
        reader(ip=f"192.0.2.{n}").get("/")
    # The summary those pages cached (before they were counted) expires.
    cache.delete(SUMMARY_CACHE_KEY.format(site_id=first_site.pk))
    url = reverse("stats:summary")

    assert client.get(url).json()["today"] == 3
    other = client.get(url, HTTP_HOST=OTHER_HOST).json()
    assert (other["today"], other["online"], other["total"]) == (0, 0, 0)
    html = client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    block = html.split('class="block block--stats"', 1)[1].split("</section>", 1)[0]
    assert '<span>Hôm nay</span><strong data-stat="today">0</strong>' in block


def test_admin_reports_show_the_site_of_the_admins_host(client, staff_user, first_site, other_site):
    DailyVisits.objects.create(site=first_site, day=TODAY, visits=2557, page_views=9001)
    DailyVisits.objects.create(site=other_site, day=TODAY, visits=31, page_views=47)
    client.force_login(staff_user)
    query = {"month": "7", "year": "2025"}

    page = client.get(reverse("admin:stats_report", args=["daily"]), query, HTTP_HOST=OTHER_HOST)
    csv = client.get(reverse("admin:stats_report_csv", args=["daily"]), query, HTTP_HOST=OTHER_HOST)
    own = client.get(reverse("admin:stats_report_csv", args=["daily"]), query)

    assert page.status_code == csv.status_code == 200
    assert "2557" not in page.content.decode().replace(",", "").replace(".", "")
    assert "18/07/2025,31,47" in csv.content.decode()
    assert "2557" not in csv.content.decode()
    assert "18/07/2025,2557,9001" in own.content.decode()


def test_prune_stats_prunes_every_site(clock, monkeypatch, first_site, other_site):
    monkeypatch.setattr(counting, "clock", clock)
    for site in (first_site, other_site):
        DailyVisits.objects.create(site=site, day=date(2024, 1, 1), visits=5)
        DailyBreakdown.objects.create(
            site=site, day=date(2024, 1, 1), dimension="browser", value="Chrome", count=5
        )
        DailyBreakdown.objects.create(
            site=site, day=TODAY, dimension="browser", value="Chrome", count=1
        )

    call_command("prune_stats", "--days", "30", stdout=None)

    assert sorted(DailyBreakdown.objects.values_list("site", "day")) == [
        (first_site.pk, TODAY),
        (other_site.pk, TODAY),
    ]
    assert DailyVisits.objects.count() == 2


def test_nukeviet_visits_are_imported_into_one_site(first_site, other_site):
    DailyVisits.objects.create(site=first_site, day=TODAY, visits=7)
    plan = VisitPlan(days={TODAY: 40}, total=40)

    services.import_visits(plan, "nv4", other_site)
    services.import_visits(VisitPlan(days={TODAY: 50}, total=50), "nv4", other_site)
    services.import_visits(plan, "nv4", first_site)

    visits = DailyVisits.objects.filter(day=TODAY).values_list("site", "visits")
    assert dict(visits) == {first_site.pk: 47, other_site.pk: 50}
    imported = ImportedVisits.objects.values_list("site", "visits")
    assert sorted(imported) == sorted([(first_site.pk, 40), (other_site.pk, 50)])


def test_counts_recorded_before_sites_are_dropped_not_stuck(backend, first_site):
    """A key without a site (pending in Redis across the upgrade) names no row that can be
    created: the flush drops it and applies the rest, again and again."""
    buffer = counters.get_buffer()
    old = {"day": date(2025, 7, 17)}
    buffer.record(
        counts={counters.counter_key(DailyVisits, old, "visits"): 5},
        distinct={counters.counter_key(DailyVisits, old, "unique_visitors"): "reader"},
    )
    reader().get("/")

    counters.flush()
    reader(ip="198.51.100.2").get("/")
    counters.flush()

    assert day_row(first_site) == {
        "visits": 2,
        "page_views": 2,
        "unique_visitors": 2,
        "bot_hits": 0,
    }
    assert list(DailyVisits.objects.values_list("day", flat=True)) == [TODAY]
