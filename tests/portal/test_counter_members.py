"""Distinct counters (exact, stored as keyed hashes) and what a record does only when new."""

from datetime import date

import pytest

from portal import counters
from portal.models import CounterMember
from stats.models import DailyVisits
from tests.factories import first_site
from tests.portal.test_counters import buffer, redis_buffer  # noqa: F401

DAY = date(2025, 7, 18)
GROUPS = ("guests", "members")


def day_key(field):
    """The counter of the first site's day (its pk is known once the database is)."""
    return counters.counter_key(DailyVisits, {"site_id": first_site().pk, "day": DAY}, field)


def unique():
    return DailyVisits.objects.get(day=DAY).unique_visitors


def first_page(buffer, issued, now=0):  # noqa: F811
    """A request without cookie: checked under the shared key, claimed by the new cookie."""
    return buffer.record(
        marks=["shared"],
        gap=60,
        marks_if_new=[issued],
        counts_if_new={day_key("visits"): 1},
        distinct_if_new={day_key("unique_visitors"): issued},
        presence=("guests", "shared", GROUPS),
        now=now,
    )


def with_cookie(buffer, cookie, now=1):  # noqa: F811
    return buffer.record(
        marks=[cookie],
        gap=60,
        counts_if_new={day_key("visits"): 1},
        distinct={day_key("unique_visitors"): cookie},
        presence=("guests", cookie, GROUPS, ["shared"]),
        now=now,
    )


@pytest.mark.django_db
def test_marks_and_members_if_new_apply_only_to_a_new_record(buffer):  # noqa: F811
    assert first_page(buffer, "a")
    assert not first_page(buffer, "b")
    assert not with_cookie(buffer, "a")  # "a" was marked with the counted first page
    assert with_cookie(buffer, "b")  # "b" was not: its first page counted nothing
    assert buffer.present(["guests"], 0) == {"guests": 2}  # "shared" is gone
    buffer.flush()
    assert unique() == 2
    assert DailyVisits.objects.get(day=DAY).visits == 2


@pytest.mark.django_db
def test_stored_members_make_the_count_exact_and_idempotent(buffer):  # noqa: F811
    for n in range(300):
        buffer.record(distinct={day_key("unique_visitors"): f"reader-{n}"})
    buffer.flush()
    assert unique() == 300
    counters.apply_members({day_key("unique_visitors"): {f"reader-{n}" for n in range(250, 310)}})
    assert unique() == 310
    assert not CounterMember.objects.filter(member__startswith="reader").exists()


@pytest.mark.django_db
def test_a_failed_flush_keeps_the_members_for_the_next(buffer, monkeypatch):  # noqa: F811
    buffer.record(distinct={day_key("unique_visitors"): "a"})

    def broken(members):
        raise RuntimeError("database down")

    monkeypatch.setattr(counters.buffer, "apply_members", broken)
    with pytest.raises(RuntimeError):
        buffer.flush()
    buffer.record(distinct={day_key("unique_visitors"): "b"})
    monkeypatch.undo()
    buffer.flush()
    assert unique() == 2
