"""Limits per sender on what readers send (comments, contact messages), read from the rows
they sent: each row keeps the keyed hash of its sender's address (portal.visitors.address_hash),
never the address, and the sender's e-mail, either of which identifies a sender."""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone


class Refusal(str):
    """Why a row is refused (the message), and in how many seconds to try again."""

    def __new__(cls, message, retry_after):
        refusal = super().__new__(cls, message)
        refusal.retry_after = retry_after
        return refusal


@dataclass(frozen=True)
class Limits:
    interval_seconds: int  # between two rows of one sender (in one place: `nearby`)
    hourly: int  # rows of one sender an hour, anywhere
    too_soon: str  # the messages a refused sender reads
    too_many: str


def sent_by(queryset, address, email, address_field="address", email_field="email"):
    """The rows of `queryset` sent from this address hash or this e-mail."""
    rows = queryset.none()
    for field, value in ((address_field, address), (email_field, (email or "").lower())):
        if value:
            rows |= queryset.filter(**{field: value})
    return rows


def flood_refusal(recent, limits, nearby=None, created="created_at"):
    """A Refusal if the sender's rows (`recent`; the interval counts those of `nearby` only,
    e.g. of one article) are too many or too recent, else None."""
    now = timezone.now()
    interval = timedelta(seconds=limits.interval_seconds)
    nearby = recent if nearby is None else nearby
    since = {f"{created}__gt": now - interval}
    latest = nearby.filter(**since).order_by(f"-{created}").values_list(created, flat=True)
    latest = latest.first()
    if latest:
        return Refusal(limits.too_soon, seconds_until(latest + interval, now))
    hour = recent.filter(**{f"{created}__gt": now - timedelta(hours=1)}).order_by(f"-{created}")
    times = list(hour.values_list(created, flat=True)[: limits.hourly])
    if len(times) >= limits.hourly:
        return Refusal(limits.too_many, seconds_until(times[-1] + timedelta(hours=1), now))
    return None


def seconds_until(moment, now):
    return max(1, math.ceil((moment - now).total_seconds()))
