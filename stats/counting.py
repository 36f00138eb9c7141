"""Counting visitors into the buffered counters of portal/counters/, and the live summary.

Every counted page request is one `counters.record_for()` (sent with the request's other
counts in one Redis round trip, or a few dictionary updates in memory): a human's page view,
and when none of the visitor's keys was seen for PORTAL_STATS_VISIT_GAP_SECONDS, or not yet
this local day, a visit with its browser, OS, device and referrer; a bot's hit with its name.
A unique visitor is a member of the day's distinct counter, exact (portal/counters/).
The flush writes them into DailyVisits, HourlyVisits and DailyBreakdown. Days and hours are
those of Asia/Ho_Chi_Minh (TIME_ZONE). Everything is the request's site's: its id is in every
counter's natural key, visit mark and presence group, so each site counts alone (a request for no
site counts nothing).
"""

import ipaddress
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from portal import counters
from portal.visitors import issued_cookie_key, visitor_keys

from .models import DailyBreakdown, DailyVisits, HourlyVisits
from .useragents import parse

GROUPS = ("bots", "guests", "members")
MAX_REFERRER = 2048
MAX_VALUE = 100

# The injectable clock: seconds since the epoch, like time.time (tests replace it).
clock = time.time


def local_time(timestamp):
    return timezone.localtime(datetime.fromtimestamp(timestamp, tz=UTC))


def visit_gap():
    return getattr(settings, "PORTAL_STATS_VISIT_GAP_SECONDS", 30 * 60)


def online_seconds():
    return getattr(settings, "PORTAL_STATS_ONLINE_SECONDS", 5 * 60)


def record_request(request, response=None):
    """Count this page request (the middleware has decided it is one) for the request's site."""
    site = getattr(request, "site", None)
    if site is None:
        return None
    now = clock()
    moment = local_time(now)
    at = Moment(site.pk, moment.date(), moment.replace(minute=0, second=0, microsecond=0))
    agent = parse(request.META.get("HTTP_USER_AGENT", ""))
    if agent.bot:
        counts = _day_and_hour(at, "bot_hits")
        counts[_breakdown(at, DailyBreakdown.Dimension.BOT, agent.bot)] = 1
        presence = _presence(site.pk, "bots", visitor_keys(request)[0])
        return counters.record_for(request, counts=counts, presence=presence, now=now)
    return counters.record_for(request, **_page_view(request, response, agent, at), now=now)


@dataclass(frozen=True)
class Moment:
    """Where a request is counted: its site's day and hour."""

    site_id: int
    day: date
    hour: datetime

    def day_key(self):
        return {"site_id": self.site_id, "day": self.day}

    def hour_key(self):
        return {"site_id": self.site_id, "hour": self.hour}


def presence_groups(site_id):
    """The site's "online now" groups: {group: its name in the buffer's presence}."""
    return {group: f"{site_id}:{group}" for group in GROUPS}


def _presence(site_id, group, member, former=()):
    groups = presence_groups(site_id)
    return groups[group], member, tuple(groups.values()), former


def _page_view(request, response, agent, at):
    """A human's page view, and the visit it starts if it starts one."""
    visit = _day_and_hour(at, "visits")
    for dimension, value in [
        (DailyBreakdown.Dimension.BROWSER, agent.browser),
        (DailyBreakdown.Dimension.OS, agent.os),
        (DailyBreakdown.Dimension.DEVICE, agent.device),
        (DailyBreakdown.Dimension.REFERRER, referrer_host(request)),
    ]:
        if value:
            visit[_breakdown(at, dimension, value)] = 1
    watched, issued, former = _visitor(request, response)
    unique = counters.counter_key(DailyVisits, at.day_key(), "unique_visitors")
    member = {unique: issued or watched}
    group = "members" if _is_member(request) else "guests"
    mark = f"visit:{at.site_id}:{at.day.isoformat()}"
    return {
        "counts": _day_and_hour(at, "page_views"),
        "marks": [f"{mark}:{watched}"],
        "gap": visit_gap(),
        "counts_if_new": visit,
        "marks_if_new": [f"{mark}:{issued}"] if issued else [],
        "distinct": {} if issued else member,
        "distinct_if_new": member if issued else {},
        "presence": _presence(at.site_id, group, watched, former),
    }


def _visitor(request, response):
    """(the key whose visit this request continues, the key of the cookie it is given, the key
    it had before its cookie).

    A reader with the visitor cookie is its cookie. A first request without it is checked
    against the cookieless key (address, browser, day): if that key is in a visit, the request
    belongs to it (a client that refuses cookies) and counts no visit; else it starts a visit,
    counted under the new cookie too, so the next page, with the cookie, is in the same visit.
    A reader who shares the address and browser of another is counted when it comes back with
    its cookie: N browsers that accept cookies are N visitors. A unique visitor is the member of
    a counted visit; "online now" shows a first request under its cookieless key, which its
    next page, with the new cookie, replaces.
    """
    keys = visitor_keys(request)
    if keys[0].startswith("c:"):
        return keys[0], None, keys[1:]
    return keys[0], issued_cookie_key(response), ()


def _day_and_hour(at, field):
    return {
        counters.counter_key(DailyVisits, at.day_key(), field): 1,
        counters.counter_key(HourlyVisits, at.hour_key(), field): 1,
    }


def _breakdown(at, dimension, value):
    lookup = {**at.day_key(), "dimension": str(dimension), "value": value[:MAX_VALUE]}
    return counters.counter_key(DailyBreakdown, lookup, "count")


def _is_member(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def referrer_host(request):
    """The referring site's host name, normalized; None for none, a bad one, or this site."""
    host = _host(request.META.get("HTTP_REFERER", "")[:MAX_REFERRER])
    if not host or len(host) > MAX_VALUE:
        return None
    return None if host == _own_host(request) else host


def _own_host(request):
    try:
        return _host("//" + request.get_host())
    except DisallowedHost:
        return None


def _host(url):
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or not all(c.isalnum() or c in ".-" for c in host) or _is_address(host):
        return None
    return host.strip(".").removeprefix("www.") or None


def _is_address(host):
    """An address is no site name, and it could be a person's: never stored."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def summary(site):
    """The site's {"online", "bots", "guests", "members", "today", "month", "total"} right now.

    The visit counters are the daily rows plus what the buffer holds for today and yesterday
    (not yet flushed); online counts everyone seen in the last PORTAL_STATS_ONLINE_SECONDS.
    """
    now = clock()
    today = local_time(now).date()
    yesterday, month_start = today - timedelta(days=1), today.replace(day=1)
    groups = presence_groups(site.pk)
    present = counters.present(groups.values(), now - online_seconds())
    online = {group: present[name] for group, name in groups.items()}
    stored = DailyVisits.objects.filter(site=site).aggregate(
        total=Sum("visits"),
        month=Sum("visits", filter=Q(day__gte=month_start)),
        today=Sum("visits", filter=Q(day=today)),
    )
    pending_today = counters.pending(DailyVisits, {"site_id": site.pk, "day": today}, "visits")
    pending_yesterday = counters.pending(
        DailyVisits, {"site_id": site.pk, "day": yesterday}, "visits"
    )
    return {
        "online": sum(online.values()),
        **online,
        "today": (stored["today"] or 0) + pending_today,
        "month": (stored["month"] or 0)
        + pending_today
        + (pending_yesterday if yesterday >= month_start else 0),
        "total": (stored["total"] or 0) + pending_today + pending_yesterday,
    }


def prune(days):
    """Delete every site's hourly rows and daily breakdowns older than `days` local days (daily
    rows stay: the monthly and all-time figures are their sums). Returns the rows deleted."""
    cutoff = local_time(clock()).date() - timedelta(days=days)
    start = timezone.make_aware(datetime.combine(cutoff, datetime.min.time()))
    with transaction.atomic():
        hours, _ = HourlyVisits.objects.filter(hour__lt=start).delete()
        breakdowns, _ = DailyBreakdown.objects.filter(day__lt=cutoff).delete()
    return hours + breakdowns
