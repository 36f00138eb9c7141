"""Writes of the comments app: posting, moderating, and keeping the article's count exact."""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from articles.caching import touch_article
from articles.models import Article

from .models import Comment
from .notifications import notify_moderators
from .rules import held_because

MODERATE_ALL, MODERATE_GUESTS, MODERATE_NONE = "all", "guests", "none"


def refresh_comment_counts(article_ids):
    """Set each article's comment_count to the comments the public sees, in one UPDATE.

    That is approved comments whose thread is approved too: replies under a rejected comment
    are not shown. The articles' cached pages are rebuilt.
    """
    approved = (
        Comment.objects.approved()
        .filter(Q(parent=None) | Q(parent__status=Comment.Status.APPROVED), article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    articles = Article.objects.filter(pk__in=set(article_ids))
    articles.update(comment_count=Coalesce(Subquery(approved), 0))
    for slug in articles.values_list("slug", flat=True):
        touch_article(slug)


def initial_status(user, text):
    """Approved at once, or held: staff are trusted; links and banned words always wait."""
    if user is not None and user.is_staff:
        return Comment.Status.APPROVED, ""
    reason = held_because(text)
    mode = settings.PORTAL_COMMENT_MODERATION
    if reason or mode == MODERATE_ALL or (mode == MODERATE_GUESTS and user is None):
        return Comment.Status.PENDING, reason
    return Comment.Status.APPROVED, ""


@transaction.atomic
def post_comment(article, *, name, email, text, parent=None, user=None, address=""):
    status, reason = initial_status(user, text)
    comment = Comment.objects.create(
        article=article,
        parent=parent,
        user=user,
        name=name,
        email=email.lower(),
        text=text,
        status=status,
        held_because=reason,
        address=address,
    )
    if status == Comment.Status.APPROVED:
        refresh_comment_counts([article.pk])
    else:
        transaction.on_commit(notify_moderators, robust=True)
    return comment


@transaction.atomic
def set_status(comments, status):
    """Move comments to `status` (bulk moderation); the articles' counts follow."""
    article_ids = list(comments.values_list("article_id", flat=True))
    changed = comments.exclude(status=status).update(status=status)
    refresh_comment_counts(article_ids)
    return changed


@transaction.atomic
def delete_comments(comments):
    article_ids = list(comments.values_list("article_id", flat=True))
    deleted = comments.delete()[0]
    refresh_comment_counts(article_ids)
    return deleted


@transaction.atomic
def reply_as_office(comment, text, user):
    """An approved, official reply under the comment's thread."""
    reply = Comment.objects.create(
        article=comment.article,
        parent=comment,
        user=user,
        name=settings.PORTAL_OFFICE_NAME,
        email="",
        text=text,
        status=Comment.Status.APPROVED,
        is_official=True,
    )
    refresh_comment_counts([comment.article_id])
    return reply
