"""What the server checks before a comment is accepted or shown: flooding, links, words."""

import math
import re
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.text import fold

from .models import Comment, text_key

LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|vn|info|xyz|top|io)\b", re.I)


class Refusal(str):
    """Why a comment is refused (the message), and in how many seconds to try again."""

    def __new__(cls, message, retry_after):
        refusal = super().__new__(cls, message)
        refusal.retry_after = retry_after
        return refusal


def flood_refusal(article, address, email):
    """A Refusal if this address or email wrote too much too recently, else None."""
    now = timezone.now()
    recent = Comment.objects.none()
    for field, value in (("address", address), ("email", email.lower())):
        if value:
            recent |= Comment.objects.filter(**{field: value})
    interval = timedelta(seconds=settings.PORTAL_COMMENT_INTERVAL_SECONDS)
    latest = (
        recent.filter(article=article, created_at__gt=now - interval)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if latest:
        message = _(
            "You have just commented on this article. Please wait a minute before writing again."
        )
        return Refusal(message, seconds_until(latest + interval, now))
    hour = recent.filter(created_at__gt=now - timedelta(hours=1)).order_by("-created_at")
    limit = settings.PORTAL_COMMENT_HOURLY_LIMIT
    times = list(hour.values_list("created_at", flat=True)[:limit])
    if len(times) >= limit:
        return Refusal(
            _("You have written many comments in the last hour. Please try again later."),
            seconds_until(times[-1] + timedelta(hours=1), now),
        )
    return None


def seconds_until(moment, now):
    return max(1, math.ceil((moment - now).total_seconds()))


def held_because(text):
    """Why a comment must wait for a moderator whatever the moderation mode ("" if not)."""
    reasons = []
    if len(LINK.findall(text)) > settings.PORTAL_COMMENT_MAX_LINKS:
        reasons.append(_("too many links"))
    folded = fold(text)
    if any(fold(word) in folded for word in settings.PORTAL_COMMENT_BANNED_WORDS if word):
        reasons.append(_("banned words"))
    return ", ".join(reasons)


def is_duplicate(article, text):
    """Has this text already been posted on this article (ignoring case, accents, spaces)?"""
    earlier = Comment.objects.filter(article=article, text_key=text_key(text))
    return earlier.exclude(status=Comment.Status.REJECTED).exists()
