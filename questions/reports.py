"""The questions' report beside the visitor reports (stats.admin_views.register_report): per
month of a year, the questions received, answered (the answer written) and overdue (due that
month and answered late or not at all, once the due date has passed), and the average time
from the question to its answer, in days."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stats import charts
from stats.forms import YearForm

from .models import Question

RECEIVED, ANSWERED = _("Received"), _("Answered")


@dataclass
class Month:
    label: str
    received: int = 0
    answered: int = 0
    overdue: int = 0
    days: list = None

    def average(self):
        return average(self.days)


def average(days):
    return f"{sum(days) / len(days):.1f}" if days else "—"


def local_day(moment):
    return timezone.localdate(moment) if moment else None


def monthly(site, year, today=None):
    today = today or timezone.localdate()
    months = [Month(f"{n:02d}/{year}", days=[]) for n in range(1, 13)]
    start, end = date(year, 1, 1), date(year, 12, 31)
    rows = Question.objects.for_site(site).filter(
        Q(created_at__date__range=(start, end))
        | Q(answered_at__date__range=(start, end))
        | Q(due_on__range=(start, end))
    )
    fields = ("created_at", "answered_at", "refused_at", "due_on")
    for created_at, answered_at, refused_at, due_on in rows.values_list(*fields):
        asked, answered = local_day(created_at), local_day(answered_at)
        if asked.year == year:
            months[asked.month - 1].received += 1
        if answered and answered.year == year:
            month = months[answered.month - 1]
            month.answered += 1
            month.days.append((answered_at - created_at).total_seconds() / 86400)
        replied = answered or local_day(refused_at)
        late = due_on and due_on < today and (replied is None or replied > due_on)
        if late and due_on.year == year:
            months[due_on.month - 1].overdue += 1
    return months


@dataclass(frozen=True)
class QuestionsReport:
    slug: str = "questions"
    title: str = _("Questions and answers by month")
    form_class: type = YearForm

    def read(self, site, data):
        return monthly(site, data["year"])

    def columns(self):
        return [_("Month"), RECEIVED, ANSWERED, _("Overdue"), _("Average days to answer")]

    def cells(self, rows):
        return [[m.label, m.received, m.answered, m.overdue, m.average()] for m in rows]

    def totals(self, rows):
        days = [day for month in rows for day in month.days]
        sums = [sum(getattr(month, name) for month in rows) for name in ("received", "answered")]
        return [*sums, sum(month.overdue for month in rows), average(days)]

    def chart(self, rows, caption):
        received, answered = [m.received for m in rows], [m.answered for m in rows]
        description = _(
            "%(received)s questions received, %(answered)s answered, %(overdue)s overdue."
        ) % {
            "received": sum(received),
            "answered": sum(answered),
            "overdue": sum(m.overdue for m in rows),
        }
        return charts.column_chart(
            f"chart-{self.slug}",
            f"{self.title} {caption}".strip(),
            description,
            [m.label[:2] for m in rows],
            [charts.Series(str(RECEIVED), received), charts.Series(str(ANSWERED), answered)],
            x_title=str(_("Month")),
        )
