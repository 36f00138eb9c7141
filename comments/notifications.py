"""E-mail to moderators when comments wait, at most one every PORTAL_COMMENT_NOTIFY_SECONDS.

Each site's moderators get their own e-mail about their own site's comments. Two cache keys per
site hold the state, so they must live in a cache every process shares (Redis): the window key
exists while the site's last e-mail is younger than the window (taken with an atomic cache.add,
so of several workers exactly one sends), and the reported key is the id of the newest comment
an e-mail has reported. Comments arriving during the window are reported by the first
call after it: the next comment posted, or `manage.py notify_moderators` from cron.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.mail import send_mail
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import ngettext

from .models import Comment

logger = logging.getLogger(__name__)


def window_key(site):
    return f"comments:notify:{site.pk}:window"


def reported_key(site):
    return f"comments:notify:{site.pk}:reported"


NEWEST_SHOWN = 5
EXCERPT_CHARS = 160


def cache_is_shared():
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def moderator_emails(site):
    """Addresses of the active staff who may moderate the site's comments (directly, by a role
    on that site, or as superusers)."""
    users = (
        get_user_model()
        ._default_manager.with_perm(
            "comments.moderate_comment", backend="tenancy.backends.SiteRoleBackend", obj=site
        )
        .filter(is_staff=True)
        .exclude(email="")
    )
    return sorted({email.lower() for email in users.values_list("email", flat=True)})


def site_url(site):
    """PORTAL_SITE_URL if set, else the site's primary host name."""
    return (settings.PORTAL_SITE_URL or (site.base_url() if site else "")).rstrip("/")


def summary(comment, base):
    return {
        "target": str(comment.target),
        "name": comment.name,
        "excerpt": Truncator(" ".join(comment.text.split())).chars(EXCERPT_CHARS),
        "held_because": comment.held_because,
        "url": base + reverse("admin:comments_comment_change", args=[comment.pk]),
    }


def compose(waiting, site):
    """Subject and plain-text body in the site's language, whatever the request's language."""
    name = site.name
    base = site_url(site)
    count = waiting.count()
    newest = waiting.prefetch_related("target").order_by("-created_at", "-pk")[:NEWEST_SHOWN]
    with translation.override(site.language):
        subject = ngettext(
            "[%(site)s] %(count)d comment is waiting for moderation",
            "[%(site)s] %(count)d comments are waiting for moderation",
            count,
        ) % {"site": name, "count": count}
        body = render_to_string(
            "comments/email/moderators.txt",
            {
                "count": count,
                "site": name,
                "comments": [summary(comment, base) for comment in newest],
                "queue_url": base + reverse("admin:comments_comment_changelist"),
            },
        )
    return subject, body


def notify_moderators(site):
    """E-mail the site's moderators about its waiting comments no e-mail has reported yet;
    True if sent."""
    waiting = Comment.objects.pending().for_site(site)
    reported = cache.get(reported_key(site), 0)
    if not waiting.filter(pk__gt=reported).exists():
        return False
    recipients = moderator_emails(site)
    if not recipients:
        logger.warning("Comments wait for moderation on %s but no moderator has an e-mail.", site)
        return False
    if not cache.add(window_key(site), True, timeout=settings.PORTAL_COMMENT_NOTIFY_SECONDS):
        return False
    newest_id = waiting.aggregate(newest=Max("pk"))["newest"] or 0
    subject, body = compose(waiting, site)
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        logger.exception("Could not e-mail the moderators; the next call tries again.")
        cache.delete(window_key(site))
        return False
    cache.set(reported_key(site), max(reported, newest_id), timeout=None)
    return True
