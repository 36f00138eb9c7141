"""A flush costs a few statements per model, not one per row: with two hundred sites, each
site's visit rows would otherwise be hundreds of statements every few seconds (make
bench-sites)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from portal import counters
from portal.models import CounterMember
from stats.models import DailyVisits
from tenancy.services import add_site
from tests.factories import make_article

DAY = date(2026, 11, 30)


def sites(count, name):
    return [add_site(f"{name}-{n}.example.gov.vn", f"Phường {n}")[0] for n in range(count)]


def visits_counts(sites, articles):
    counts = {}
    for n, site in enumerate(sites, start=1):
        key = {"site_id": site.pk, "day": DAY}
        counts[counters.counter_key(DailyVisits, key, "visits")] = n
        counts[counters.counter_key(DailyVisits, key, "page_views")] = 2 * n
    for n, article in enumerate(articles, start=1):
        counts[counters.counter_key(Article, article.pk, "view_count")] = n
    return counts


def statements(apply, *args):
    with CaptureQueriesContext(connection) as captured:
        apply(*args)
    return len(captured)


@pytest.mark.django_db
def test_a_flush_of_many_sites_costs_what_a_flush_of_few_costs():
    few, many = sites(2, "few"), sites(40, "many")
    articles = [make_article(slug=f"bai-{n}") for n in range(30)]
    few_statements = statements(counters.apply_counts, visits_counts(few, articles[:2]))
    many_statements = statements(counters.apply_counts, visits_counts(many, articles))
    assert many_statements == few_statements
    # The rows did not exist: created, then counted exactly; a second flush adds to them.
    counters.apply_counts(visits_counts(many, articles))
    for n, site in enumerate(many, start=1):
        row = DailyVisits.objects.get(site=site, day=DAY)
        assert (row.visits, row.page_views) == (2 * n, 4 * n)
    assert [
        a.view_count for a in Article.objects.filter(slug__startswith="bai-").order_by("pk")
    ] == [(3 if n <= 2 else 2) * n for n in range(1, 31)]


@pytest.mark.django_db
def test_members_of_many_sites_are_counted_in_a_few_statements():
    def members(sites, start):
        return {
            counters.counter_key(
                DailyVisits, {"site_id": site.pk, "day": DAY}, "unique_visitors"
            ): {f"reader-{start + m}" for m in range(n % 5 + 1)}
            for n, site in enumerate(sites)
        }

    few, many = sites(2, "few"), sites(40, "many")
    counters.apply_members({})  # the hourly clean-up of old members, out of the way
    assert statements(counters.apply_members, members(few, 0)) == statements(
        counters.apply_members, members(many, 0)
    )
    # Readers met again and new ones: each site's number is its distinct readers.
    counters.apply_members(members(many, 1))
    for n, site in enumerate(many):
        assert DailyVisits.objects.get(site=site, day=DAY).unique_visitors == n % 5 + 2
    assert CounterMember.objects.count() == 1 + 2 + sum(n % 5 + 2 for n in range(40))
