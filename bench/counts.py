"""What the database counted against what the load generator was answered."""

from django.db.models import Sum

from articles.models import Article
from stats.models import DailyVisits
from tenancy.current import default_site


def snapshot(article_ids):
    """The bench's one site's figures."""
    totals = DailyVisits.objects.filter(site=default_site()).aggregate(
        page_views=Sum("page_views"), visits=Sum("visits"), unique_visitors=Sum("unique_visitors")
    )
    views = dict(Article.objects.filter(pk__in=article_ids).values_list("pk", "view_count"))
    return {
        "page_views": totals["page_views"] or 0,
        "visits": totals["visits"] or 0,
        "unique_visitors": totals["unique_visitors"] or 0,
        "all_article_views": Article.objects.aggregate(n=Sum("view_count"))["n"] or 0,
        **{f"views of article {pk}": views[pk] for pk in article_ids},
    }


def expected(scenarios, results):
    """Page views: every reader's 200 on a counted page; a visit and a unique visitor per reader
    (each reader's requests fall within one visit gap and one day); an article view per reader
    who read the article."""
    counted = [results[s.name] for s in scenarios if s.counted and s.name in results]
    readers = set().union(*(set(r.ok_by_visitor) for r in counted))
    figures = {
        "page_views": sum(r.answered for r in counted),
        "visits": len(readers),
        "unique_visitors": len(readers),
        "all_article_views": 0,
    }
    for scenario in scenarios:
        if scenario.article_id is not None and scenario.name in results:
            readers_of_article = len(results[scenario.name].ok_by_visitor)
            key = f"views of article {scenario.article_id}"
            figures[key] = figures.get(key, 0) + readers_of_article
            figures["all_article_views"] += readers_of_article
    return figures


def differences(before, after, wanted):
    return {
        name: {"expected": value, "counted": after[name] - before[name]}
        for name, value in wanted.items()
        if after[name] - before[name] != value
    }


def site_snapshot(site_ids, article_ids):
    """Per site: page views and visits counted; per article: its views."""
    days = DailyVisits.objects.filter(site_id__in=site_ids).values("site_id")
    totals = {
        row["site_id"]: row
        for row in days.annotate(views_sum=Sum("page_views"), visits_sum=Sum("visits"))
    }
    views = dict(Article.objects.filter(pk__in=article_ids).values_list("pk", "view_count"))
    figures = {}
    for site_id in site_ids:
        row = totals.get(site_id, {})
        figures[f"site {site_id} page_views"] = row.get("views_sum") or 0
        figures[f"site {site_id} visits"] = row.get("visits_sum") or 0
    return figures | {f"views of article {pk}": views[pk] for pk in article_ids}


def site_expected(answers, site_ids, article_ids):
    """From (visitor, site id, article id or None, answers) records of every counted run: a page
    view per answer, a visit per reader per site, an article view per reader per article."""
    page_views = dict.fromkeys(site_ids, 0)
    readers = {site_id: set() for site_id in site_ids}
    article_readers = {pk: set() for pk in article_ids}
    for visitor, site_id, article_id, answered in answers:
        page_views[site_id] += answered
        readers[site_id].add(visitor)
        if article_id is not None:
            article_readers[article_id].add(visitor)
    figures = {}
    for site_id in site_ids:
        figures[f"site {site_id} page_views"] = page_views[site_id]
        figures[f"site {site_id} visits"] = len(readers[site_id])
    return figures | {f"views of article {pk}": len(article_readers[pk]) for pk in article_ids}
