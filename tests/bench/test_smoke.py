"""The benchmark's own logic; the full harness runs with `make bench-smoke`."""

import pytest
from django.http import Http404

from bench.counts import expected
from bench.load import parse
from bench.run import Scenario
from portal.bench_views import ceiling

WRK_OUTPUT = """sent 6
answered 5
failed 0
bot_sent 3
bot_answered 3
requests 9
duration_us 2000000
errors 0
non2xx 0
p50_us 1500
p95_us 7000
p99_us 9000
visitor 1 3
visitor 2 2
"""


def test_ceiling_exists_only_for_the_benchmark(rf, settings):
    settings.PORTAL_BENCH_VIEWS = False
    with pytest.raises(Http404):
        ceiling(rf.get("/bench/ceiling"))
    settings.PORTAL_BENCH_VIEWS = True
    response = ceiling(rf.get("/bench/ceiling"))
    assert (response.status_code, response.content) == (200, b"ok")


def test_wrk_figures_are_read():
    result = parse(WRK_OUTPUT)
    assert (result.requests, result.rate, result.p50_ms, result.p95_ms, result.p99_ms) == (
        9,
        4.5,
        1.5,
        7.0,
        9.0,
    )
    assert result.ok_by_visitor == {1: 3, 2: 2}
    assert result.problems() == []


def test_expected_counts_follow_the_readers_answers():
    plan = [
        Scenario("article", "/a", counted=True, article_id=7),
        Scenario("home", "/", counted=True),
        Scenario("json", "/j"),
        Scenario("article_no_stats", "/b", article_id=8, statistics=False),
    ]
    results = {
        "article": parse(WRK_OUTPUT),
        "home": parse(WRK_OUTPUT.replace("visitor 2 2", "visitor 3 2")),
        "json": parse(WRK_OUTPUT.replace("visitor 1 3", "visitor 4 3")),
        "article_no_stats": parse(WRK_OUTPUT),
    }
    assert expected(plan, results) == {
        "page_views": 10,
        "visits": 3,
        "unique_visitors": 3,
        "all_article_views": 4,
        "views of article 7": 2,
        "views of article 8": 2,
    }


def test_a_run_that_would_cross_local_midnight_waits_for_it(monkeypatch, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bench import run

    slept = []
    monkeypatch.setattr(run.time, "sleep", slept.append)
    before_midnight = datetime(2026, 11, 25, 23, 58, tzinfo=ZoneInfo(settings.TIME_ZONE))
    monkeypatch.setattr("django.utils.timezone.now", lambda: before_midnight)
    run.wait_for_the_day(60)
    assert slept == []
    run.wait_for_the_day(300)
    assert slept == [122]
