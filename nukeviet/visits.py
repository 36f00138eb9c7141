"""What NukeViet's `{prefix}_counter` table can tell about past visits, as day and hour rows.

NukeViet counts a visit (a visitor again after 30 minutes) into one row per c_type at once:
total/hits, year/<YYYY>, month/<Jan..Dec>, day/<01..31>, hour/<00..23>, dayofweek, browser, os,
country and bot; c_time/start and c_time/last hold when counting began and last happened (in
c_count). It resets the month rows when a year ends, the day rows when a month ends and the hour
rows when a day ends, so what survives is: each year's total, the months of the last year, the
days of the last month and the hours of the last day.

The plan puts each figure on the day (or hour) it belongs to, as finely as it survives: the days
of the last month and the hours of the last day as they are; each earlier month of the last year
on its first day; each earlier year on its 1 January; what the total counts beyond the years
(before NukeViet created year rows) on the day counting started. Sums by month and by year, and
the all-time total, are then NukeViet's own figures. The rows by weekday, browser, OS, country
and bot are all-time totals without a day: they are not imported.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from .mapping import integer, text, timestamp

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNMAPPED = ("dayofweek", "browser", "os", "country", "bot")


@dataclass
class VisitPlan:
    days: dict = field(default_factory=dict)  # date: visits
    hours: dict = field(default_factory=dict)  # aware datetime of the local hour: visits
    total: int = 0
    notes: list = field(default_factory=list)

    def add_day(self, day, visits):
        if visits > 0:
            self.days[day] = self.days.get(day, 0) + visits


def counts_of(rows):
    """{(c_type, c_val): c_count} of the counter rows."""
    return {(text(r.get("c_type")), text(r.get("c_val"))): integer(r.get("c_count")) for r in rows}


def plan_visits(rows):
    counts = counts_of(rows)
    plan = VisitPlan(total=max(counts.get(("total", "hits"), 0), 0))
    last = timestamp(counts.get(("c_time", "last"))) or latest_update(rows)
    if last is None:
        if plan.total:
            plan.notes.append("no c_time/last row: the counters cannot be dated")
        return plan
    last = timezone.localtime(last)
    add_last_month(plan, counts, last)
    add_last_day_hours(plan, counts, last)
    add_months(plan, counts, last)
    add_years(plan, counts, last)
    add_rest(plan, counts, last)
    unmapped = sorted({kind for kind, _ in counts if kind in UNMAPPED})
    if unmapped:
        plan.notes.append(f"all-time totals without a day not imported: {', '.join(unmapped)}")
    return plan


def latest_update(rows):
    moments = [timestamp(row.get("last_update")) for row in rows]
    return max((moment for moment in moments if moment), default=None)


def add_last_month(plan, counts, last):
    for day in range(1, last.day + 1):
        plan.add_day(last.date().replace(day=day), counts.get(("day", f"{day:02d}"), 0))


def add_last_day_hours(plan, counts, last):
    midnight = last.replace(hour=0, minute=0, second=0, microsecond=0)
    for hour in range(last.hour + 1):
        visits = counts.get(("hour", f"{hour:02d}"), 0)
        if visits > 0:
            moment = timezone.make_aware(midnight.replace(tzinfo=None) + timedelta(hours=hour))
            plan.hours[moment] = visits


def add_months(plan, counts, last):
    """Earlier months of the last year on their first day; the last month's remainder (a site
    installed in the middle of it) on its first day too."""
    for month in range(1, last.month + 1):
        first = date(last.year, month, 1)
        known = sum(v for d, v in plan.days.items() if (d.year, d.month) == (last.year, month))
        plan.add_day(first, counts.get(("month", MONTHS[month - 1]), 0) - known)


def add_years(plan, counts, last):
    for (kind, value), visits in sorted(counts.items()):
        year = integer(value) if kind == "year" else 0
        if not 1990 < year <= 9999 or visits <= 0:
            continue
        if year > last.year:
            plan.notes.append(f"year {year} counted after the last visit: not imported")
            continue
        known = sum(v for d, v in plan.days.items() if d.year == year)
        plan.add_day(date(year, 1, 1), visits - known)


def add_rest(plan, counts, last):
    """What the total counts beyond the years, on the day counting started."""
    rest = plan.total - sum(plan.days.values())
    if rest < 0:
        plan.notes.append(f"the years add up to {-rest} more visits than the total")
        return
    start = timestamp(counts.get(("c_time", "start")))
    day = timezone.localtime(start).date() if start else min(plan.days, default=last.date())
    plan.add_day(day, rest)


def as_keys(plan):
    """{(period, start): visits}: what ImportedVisits records."""
    keys = {("day", day.isoformat()): visits for day, visits in plan.days.items()}
    keys.update({("hour", hour.isoformat()): visits for hour, visits in plan.hours.items()})
    return keys


def start_of(period, start):
    return date.fromisoformat(start) if period == "day" else datetime.fromisoformat(start)
