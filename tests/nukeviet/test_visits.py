from datetime import date

from nukeviet.visits import plan_visits

from .nukeviet_site import ts


def row(c_type, c_val, count, last_update=0):
    return {"c_type": c_type, "c_val": c_val, "c_count": count, "last_update": last_update}


def test_a_site_installed_in_the_middle_of_a_month():
    """The month row counts what the day rows do not (before the days were kept): on day 1."""
    rows = [
        row("c_time", "start", ts(2024, 6, 3, 10, 0)),
        row("c_time", "last", ts(2024, 6, 4, 9, 0)),
        row("total", "hits", 30),
        row("year", "2024", 30),
        row("month", "Jun", 30),
        row("day", "03", 10),
        row("day", "04", 15),
        row("hour", "09", 15),
    ]
    plan = plan_visits(rows)
    assert plan.days == {date(2024, 6, 3): 10, date(2024, 6, 4): 15, date(2024, 6, 1): 5}
    assert sum(plan.days.values()) == plan.total == 30
    assert [(hour.hour, visits) for hour, visits in plan.hours.items()] == [(9, 15)]
    assert plan.notes == []


def test_without_a_last_visit_time_the_last_update_dates_the_rows():
    rows = [row("total", "hits", 7, ts(2024, 1, 2, 8, 0)), row("day", "02", 7, ts(2024, 1, 2, 8))]
    assert plan_visits(rows).days == {date(2024, 1, 2): 7}


def test_counters_that_cannot_be_dated_are_not_imported():
    plan = plan_visits([row("total", "hits", 7)])
    assert plan.days == {} and plan.hours == {}
    assert plan.notes == ["no c_time/last row: the counters cannot be dated"]


def test_years_counting_more_than_the_total_are_reported():
    rows = [
        row("c_time", "last", ts(2024, 3, 1, 8, 0)),
        row("total", "hits", 100),
        row("year", "2023", 150),
        row("year", "2031", 9),
    ]
    plan = plan_visits(rows)
    assert plan.days == {date(2023, 1, 1): 150}
    assert "year 2031 counted after the last visit: not imported" in plan.notes
    assert "the years add up to 50 more visits than the total" in plan.notes
