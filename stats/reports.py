"""The figures of the admin reports, read from the statistics rows with bounded queries.

Every period report returns one row per period, zeros where nothing was counted, so the charts
have no gaps. Days and hours are local (the site's time zone, Asia/Ho_Chi_Minh). Every report is
one site's.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

from .models import DailyBreakdown, DailyVisits, HourlyVisits

OTHER = _("Other")


@dataclass(frozen=True)
class Period:
    label: str
    visits: int = 0
    page_views: int = 0


@dataclass(frozen=True)
class Share:
    label: str
    count: int


def _sums(queryset, key):
    """{key: (visits, page_views)} of rows grouped by `key` (an expression)."""
    rows = (
        queryset.annotate(period=key)
        .values("period")
        .annotate(visits=Sum("visits"), page_views=Sum("page_views"))
        .order_by()
    )
    return {row["period"]: (row["visits"], row["page_views"]) for row in rows}


def _periods(keys, labels, sums):
    return [Period(label, *sums.get(key, (0, 0))) for key, label in zip(keys, labels, strict=True)]


def hourly(site, day=None):
    """The 24 local hours of `day` (default: today)."""
    day = day or timezone.localdate()
    start = timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())
    rows = HourlyVisits.objects.filter(
        site=site, hour__gte=start, hour__lt=start + timedelta(days=1)
    )
    sums = {
        timezone.localtime(row.hour).hour: (row.visits, row.page_views)
        for row in rows.only("hour", "visits", "page_views")
    }
    return _periods(range(24), [f"{n:02d}:00" for n in range(24)], sums)


def daily(site, year, month):
    """Every day of a month."""
    days = [date(year, month, n) for n in range(1, calendar.monthrange(year, month)[1] + 1)]
    rows = DailyVisits.objects.filter(site=site, day__range=(days[0], days[-1])).values_list(
        "day", "visits", "page_views"
    )
    sums = {day: (visits, page_views) for day, visits, page_views in rows}
    return _periods(days, [f"{day:%d/%m/%Y}" for day in days], sums)


def monthly(site, year):
    """The twelve months of a year, each the sum of its days."""
    rows = DailyVisits.objects.filter(site=site, day__range=(date(year, 1, 1), date(year, 12, 31)))
    sums = _sums(rows, ExtractMonth("day"))
    months = range(1, 13)
    return _periods(months, [f"{month:02d}/{year}" for month in months], sums)


def yearly(site, until=None):
    """Every year from the first one counted until `until` (default: this year)."""
    until = until or timezone.localdate().year
    sums = _sums(DailyVisits.objects.filter(site=site), ExtractYear("day"))
    first = min([*sums, until])
    years = range(first, until + 1)
    return _periods(years, [str(year) for year in years], sums)


def top_articles(site, limit=10):
    """The site's most viewed published articles."""
    articles = Article.objects.for_site(site).published().most_viewed()
    articles = articles.values_list("title", "view_count")
    return [Share(title, views) for title, views in articles[:limit]]


def breakdown(site, dimension, start, end, limit=10):
    """The `limit` most frequent values of a dimension between two days; the rest as "Other"."""
    rows = DailyBreakdown.objects.filter(site=site, dimension=dimension, day__range=(start, end))
    top = list(
        rows.values("value").annotate(total=Sum("count")).order_by("-total", "value")[:limit]
    )
    shares = [Share(row["value"], row["total"]) for row in top]
    if len(top) == limit:
        rest = (rows.aggregate(total=Sum("count"))["total"] or 0) - sum(s.count for s in shares)
        if rest:
            shares.append(Share(str(OTHER), rest))
    return shares
