"""Sign-in lockout with django-axes: per account and address, and per address at a higher count."""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.contrib import admin
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

ADDRESS_PARAMETERS = ("ip_address", ["ip_address"])


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a separate limit for a client address.

    The staff of a ward office share one address behind its router: a few typing mistakes
    there must not lock everybody out, so an address locks only at
    PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT failures and counts as at the account limit from then on.
    """

    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        groups = zip(
            get_lockout_parameters(request, credentials),
            self.get_user_attempts(request, credentials),
            strict=True,
        )
        return max((weighted(group, attempts, limit) for group, attempts in groups), default=0)


def weighted(group, attempts, limit):
    failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
    if group not in ADDRESS_PARAMETERS:
        return failures
    return limit if failures >= settings.PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT else 0


def lockout_response(request, original_response=None, credentials=None):
    """The admin-looking page that tells a locked-out person when to try again (HTTP 429)."""
    seconds = seconds_left(request, credentials)
    minutes = max(1, math.ceil(seconds / 60))
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in temporarily locked"),
        "minutes": minutes,
    }
    response = render(
        request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    response["Retry-After"] = str(seconds)
    return response


def seconds_left(request, credentials):
    """Seconds until the newest failure that counts falls out of the cool-off period."""
    cool_off = get_cool_off(request)
    attempts = LockoutHandler().get_user_attempts(request, credentials)
    times = [found.aggregate(newest=Max("attempt_time"))["newest"] for found in attempts]
    newest = max((moment for moment in times if moment), default=timezone.now())
    return max(1, math.ceil((newest + cool_off - timezone.now()).total_seconds()))
