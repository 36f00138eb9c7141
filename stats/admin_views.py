"""The admin reports: each one a chart, its numbers in a table, and the same numbers as CSV.

Each report reads `read(site, cleaned form data)` for the site of the admin's host. Other apps
add theirs with `register_report` (stats imports none of them): an object with `slug`, `title`,
`form_class`, `read`, `columns()`, `cells(rows)`, `chart(rows, caption)` and, when a column's
total is not its sum (an average), `totals(rows)`."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.csvexport import csv_response

from . import charts, reports
from .forms import DayForm, MonthForm, PeriodForm, RangeForm, YearForm
from .models import DailyBreakdown

VISITS = _("Visits")
PAGE_VIEWS = _("Page views")
Dimension = DailyBreakdown.Dimension


@dataclass(frozen=True)
class PeriodReport:
    """Visits and page views per hour, day, month or year."""

    slug: str
    title: str
    first_column: str
    form_class: type
    read: Callable
    tick: Callable = str

    def columns(self):
        return [self.first_column, VISITS, PAGE_VIEWS]

    def cells(self, rows):
        return [[row.label, row.visits, row.page_views] for row in rows]

    def chart(self, rows, caption):
        visits = [row.visits for row in rows]
        page_views = [row.page_views for row in rows]
        description = _("%(visits)s visits and %(page_views)s page views in all.") % {
            "visits": charts.grouped(sum(visits)),
            "page_views": charts.grouped(sum(page_views)),
        }
        return charts.column_chart(
            f"chart-{self.slug}",
            f"{self.title} {caption}".strip(),
            description,
            [self.tick(row.label) for row in rows],
            [charts.Series(str(VISITS), visits), charts.Series(str(PAGE_VIEWS), page_views)],
            x_title=str(self.first_column),
        )


@dataclass(frozen=True)
class ShareReport:
    """The largest values of something (articles, browsers...), as horizontal bars."""

    slug: str
    title: str
    first_column: str
    count_column: str
    form_class: type
    read: Callable

    def columns(self):
        return [self.first_column, self.count_column]

    def cells(self, rows):
        return [[row.label, row.count] for row in rows]

    def chart(self, rows, caption):
        if not rows:
            return None
        description = _("%(count)s in all.") % {
            "count": charts.grouped(sum(row.count for row in rows))
        }
        return charts.bar_chart(
            f"chart-{self.slug}",
            f"{self.title} {caption}".strip(),
            f"{self.count_column}: {description}",
            [(row.label, row.count) for row in rows],
        )


def _breakdown(dimension, title, count_column=VISITS):
    return ShareReport(
        dimension.value,
        title,
        Dimension(dimension).label,
        count_column,
        RangeForm,
        lambda site, data: reports.breakdown(site, dimension, data["start"], data["end"]),
    )


REPORTS = {
    report.slug: report
    for report in [
        PeriodReport(
            "hourly",
            _("Visits by hour"),
            _("Hour"),
            DayForm,
            lambda site, data: reports.hourly(site, data["day"]),
            lambda label: label[:2],
        ),
        PeriodReport(
            "daily",
            _("Visits by day"),
            _("Day"),
            MonthForm,
            lambda site, data: reports.daily(site, data["year"], data["month"]),
            lambda label: label[:2],
        ),
        PeriodReport(
            "monthly",
            _("Visits by month"),
            _("Month"),
            YearForm,
            lambda site, data: reports.monthly(site, data["year"]),
            lambda label: label[:2],
        ),
        PeriodReport(
            "yearly",
            _("Visits by year"),
            _("Year"),
            PeriodForm,
            lambda site, data: reports.yearly(site),
        ),
        ShareReport(
            "articles",
            _("Most viewed articles"),
            _("Article"),
            _("Views"),
            PeriodForm,
            lambda site, data: reports.top_articles(site),
        ),
        _breakdown(Dimension.BROWSER, _("Browsers")),
        _breakdown(Dimension.OS, _("Operating systems")),
        _breakdown(Dimension.DEVICE, _("Devices")),
        _breakdown(Dimension.REFERRER, _("Referrers")),
        _breakdown(Dimension.BOT, _("Search engines"), _("Hits")),
    ]
}
DEFAULT_REPORT = "daily"


def register_report(report):
    REPORTS.setdefault(report.slug, report)


def totals_of(report, rows, cells):
    if hasattr(report, "totals"):
        return report.totals(rows)
    return [sum(column) for column in list(zip(*cells, strict=True))[1:]]


def _report_and_form(slug, request):
    report = REPORTS.get(slug)
    if report is None:
        raise Http404
    return report, report.form_class(request.GET)


def report_page(request, admin_site, slug=DEFAULT_REPORT):
    report, form = _report_and_form(slug, request)
    context = {
        **admin_site.each_context(request),
        "title": report.title,
        "reports": REPORTS.values(),
        "report": report,
        "form": form,
        "columns": report.columns(),
    }
    if not form.is_valid():
        return TemplateResponse(request, "admin/stats/report.html", context, status=400)
    rows = report.read(request.site, form.cleaned_data)
    cells = report.cells(rows)
    query = request.GET.urlencode()
    context |= {
        "caption": form.caption(),
        "chart": report.chart(rows, form.caption()),
        "rows": cells,
        "totals": totals_of(report, rows, cells),
        "csv_url": reverse("admin:stats_report_csv", args=[slug]) + (f"?{query}" if query else ""),
    }
    return TemplateResponse(request, "admin/stats/report.html", context)


def report_csv(request, slug):
    report, form = _report_and_form(slug, request)
    if not form.is_valid():
        messages = [str(error) for errors in form.errors.values() for error in errors]
        return HttpResponseBadRequest(" ".join(messages), content_type="text/plain; charset=utf-8")
    name = "-".join(filter(None, ["thong-ke", slug, form.filename_part()]))
    rows = report.cells(report.read(request.site, form.cleaned_data))
    return csv_response(f"{name}.csv", report.columns(), rows)
