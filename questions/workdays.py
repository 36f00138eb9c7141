"""Working days (Monday to Friday) for the time limit of answers. Public holidays are not
known to the portal: a site that wants them counted sets a longer limit."""

from datetime import timedelta

FRIDAY = 4


def is_working_day(day):
    return day.weekday() <= FRIDAY


def add_working_days(day, count):
    """The date `count` working days after `day` (a question asked on a Saturday counts from
    the Monday): Friday + 1 is Monday."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
