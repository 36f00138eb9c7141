"""E-mail to moderators when comments wait, at most one every PORTAL_COMMENT_NOTIFY_SECONDS.

Two cache keys hold the state, so they must live in a cache every process shares (Redis):
WINDOW_KEY exists while the last e-mail is younger than the window (taken with an atomic
cache.add, so of several workers exactly one sends), and REPORTED_KEY is the id of the newest
comment an e-mail has reported. Comments arriving during the window are reported by the first
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

from tenancy.current import default_site

from .models import Comment

logger = logging.getLogger(__name__)

WINDOW_KEY = "comments:notify:window"
REPORTED_KEY = "comments:notify:reported"
NEWEST_SHOWN = 5
EXCERPT_CHARS = 160


def cache_is_shared():
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def moderator_emails():
    """Addresses of the active staff who may moderate (directly, by a role on a site, or as
    superusers)."""
    users = (
        get_user_model()
        ._default_manager.with_perm(
            "comments.moderate_comment", backend="tenancy.backends.SiteRoleBackend"
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
        "article": comment.article.title,
        "name": comment.name,
        "excerpt": Truncator(" ".join(comment.text.split())).chars(EXCERPT_CHARS),
        "held_because": comment.held_because,
        "url": base + reverse("admin:comments_comment_change", args=[comment.pk]),
    }


def compose(waiting, site=None):
    """Subject and plain-text body in the site's language, whatever the request's language.
    Comments belong to no site yet: the e-mail speaks for the first one."""
    site = site or default_site()
    name = site.name if site else settings.PORTAL_SITE_NAME
    base = site_url(site)
    count = waiting.count()
    newest = waiting.select_related("article").order_by("-created_at", "-pk")[:NEWEST_SHOWN]
    with translation.override(site.language if site else settings.LANGUAGE_CODE):
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


def notify_moderators():
    """E-mail moderators about waiting comments no e-mail has reported yet; True if sent."""
    reported = cache.get(REPORTED_KEY, 0)
    if not Comment.objects.pending().filter(pk__gt=reported).exists():
        return False
    recipients = moderator_emails()
    if not recipients:
        logger.warning("Comments wait for moderation but no moderator has an e-mail address.")
        return False
    if not cache.add(WINDOW_KEY, True, timeout=settings.PORTAL_COMMENT_NOTIFY_SECONDS):
        return False
    waiting = Comment.objects.pending()
    newest_id = waiting.aggregate(newest=Max("pk"))["newest"] or 0
    subject, body = compose(waiting)
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        logger.exception("Could not e-mail the moderators; the next call tries again.")
        cache.delete(WINDOW_KEY)
        return False
    cache.set(REPORTED_KEY, max(reported, newest_id), timeout=None)
    return True
