"""On PostgreSQL the listings of one site among several stay on the site-led indexes."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from tests.factories import make_category

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plans"),
]

PER_SITE = 2000


def fill(site, name):
    category = make_category(name=name, site=site)
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            site=site,
            category=category,
            title=f"{name} {n}",
            slug=f"bai-{n}",
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(minutes=n),
            is_featured=n % 50 == 0,
        )
        for n in range(PER_SITE)
    )
    return category


@pytest.fixture
def sites(first_site, other_site):
    categories = {site: fill(site, site.name) for site in (first_site, other_site)}
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    return categories


def test_a_sites_listing_page_reads_a_site_led_index(sites, first_site):
    """At 2,000 rows a site the planner chooses among the indexes that lead with the site (the
    covering listing index, the public one, the foreign key's), run to run: whichever it takes,
    it reads the site's rows through an index, never another site's."""
    ids = Article.objects.for_site(first_site).published().order_by("-publish_at", "-pk")
    plan = ids.values("pk")[400:410].explain()
    assert re.search(r"Index (Only )?Scan using \w+ on articles_article", plan), plan
    assert re.search(rf"Index Cond: \(+site_id = {first_site.pk}\)", plan), plan
    assert "Seq Scan on articles_article" not in plan, plan


def test_a_sites_featured_articles_come_from_the_featured_index(sites, first_site):
    featured = Article.objects.for_site(first_site).published().filter(is_featured=True)
    plan = featured.for_listing()[:3].explain()
    assert "article_featured_idx" in plan, plan


def test_the_home_pages_sections_are_one_index_read_each(sites, first_site):
    section = {sites[first_site].pk: [sites[first_site].pk]}
    published = Article.objects.for_site(first_site).published()
    plan = published.for_listing().newest_per_section(section, 4)
    assert len(plan) == 4 and {a.site_id for a in plan} == {first_site.pk}
    union = published.filter(category_id__in=[sites[first_site].pk]).order_by("-publish_at", "-pk")
    explained = union.for_listing()[:4].explain()
    assert "article_listing_idx" in explained or "article_public_idx" in explained, explained
