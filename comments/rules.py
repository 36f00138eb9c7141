"""What the server checks before a comment is accepted or shown: flooding, links, words."""

import re

from django.conf import settings
from django.utils.translation import gettext as _

from guard.flood import Limits, sent_by
from guard.flood import flood_refusal as flood_refusal_of
from portal.text import fold

from . import targets
from .models import Comment, text_key

LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|vn|info|xyz|top|io)\b", re.I)


def flood_refusal(target, address, email):
    """A Refusal if this address or email wrote too much too recently, else None."""
    recent = sent_by(Comment.objects.all(), address, email)
    noun = targets.of(target).noun
    limits = Limits(
        interval_seconds=settings.PORTAL_COMMENT_INTERVAL_SECONDS,
        hourly=settings.PORTAL_COMMENT_HOURLY_LIMIT,
        too_soon=_(
            "You have just commented on this %(noun)s. Please wait a minute before writing again."
        )
        % {"noun": noun},
        too_many=_("You have written many comments in the last hour. Please try again later."),
    )
    return flood_refusal_of(recent, limits, nearby=recent.for_target(target))


def held_because(text):
    """Why a comment must wait for a moderator whatever the moderation mode ("" if not)."""
    reasons = []
    if len(LINK.findall(text)) > settings.PORTAL_COMMENT_MAX_LINKS:
        reasons.append(_("too many links"))
    folded = fold(text)
    if any(fold(word) in folded for word in settings.PORTAL_COMMENT_BANNED_WORDS if word):
        reasons.append(_("banned words"))
    return ", ".join(reasons)


def is_duplicate(target, text):
    """Has this text already been posted on this target (ignoring case, accents, spaces)?"""
    earlier = Comment.objects.for_target(target).filter(text_key=text_key(text))
    return earlier.exclude(status=Comment.Status.REJECTED).exists()
